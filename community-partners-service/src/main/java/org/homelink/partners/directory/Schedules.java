package org.homelink.partners.directory;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Days and times as Open Referral schedules give them, read one way wherever they are checked, kept or searched
 * for: days as RFC 5545's BYDAY writes them ({@code MO} to {@code SU}), times of day such as {@code 09:30}.
 */
public final class Schedules {

    /** A day of the week: what a need's available days and a search's {@code day} take. */
    public static final String DAY = "MO|TU|WE|TH|FR|SA|SU";
    public static final String DAY_MESSAGE = "must be MO, TU, WE, TH, FR, SA or SU";
    public static final String TIME_MESSAGE = "must be a time such as 09:30 or 09:30:00";

    /** As the directory keeps times, so that their order as text is their order in the day. */
    private static final DateTimeFormatter KEPT = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Schedules() {
    }

    public static boolean isDay(String code) {
        return code.matches(DAY);
    }

    /**
     * The days of a BYDAY such as {@code MO,WE} or {@code 1MO}, each without the ordinal a monthly rule puts
     * before it, once each, in order; none when it is blank. What is not a day is kept, for a check to find.
     */
    public static List<String> days(String byDay) {
        if (byDay == null || byDay.isBlank()) {
            return List.of();
        }
        return Arrays.stream(byDay.split(",")).map(day -> day.strip().replaceAll("^[+-]?\\d+", "")).distinct()
                     .toList();
    }

    /** A time of day, {@code 09:30} or {@code 09:30:00}; nothing when the text is not one. */
    public static Optional<LocalTime> time(String text) {
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A time of day as the directory keeps it and searches compare it: {@code 09:30:00}. */
    public static String kept(LocalTime time) {
        return time.format(KEPT);
    }
}
