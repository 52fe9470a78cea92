package org.homelink.engagement.reach.query;

import org.homelink.engagement.SchoolTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of school days the views of reach count over. A named term is a calendar span that covers any English
 * school's term and its holidays: autumn from September to December, spring from January to March, summer from
 * April to August. A school that wants its exact term dates asks for {@code from} and {@code to} instead.
 *
 * @param name a name such as {@code autumn-2026}, or {@code from..to} for a span given by dates
 * @param from the first day, inclusive
 * @param to   the last day, inclusive
 */
public record Term(String name, LocalDate from, LocalDate to) {

    private static final Pattern NAMED = Pattern.compile("(autumn|spring|summer)-(\\d{4})");

    /** The named term, such as {@code autumn-2026}, or empty when the name is not one. */
    public static java.util.Optional<Term> named(String name) {
        Matcher matcher = NAMED.matcher(name.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return java.util.Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(2));
        return java.util.Optional.of(switch (matcher.group(1)) {
            case "autumn" -> new Term(matcher.group(), LocalDate.of(year, 9, 1), LocalDate.of(year, 12, 31));
            case "spring" -> new Term(matcher.group(), LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31));
            default -> new Term(matcher.group(), LocalDate.of(year, 4, 1), LocalDate.of(year, 8, 31));
        });
    }

    /** The named term that {@code day} falls in. */
    public static Term containing(LocalDate day) {
        int month = day.getMonthValue();
        String season = month >= 9 ? "autumn" : month <= 3 ? "spring" : "summer";
        return named(season + "-" + day.getYear()).orElseThrow();
    }

    public static Term between(LocalDate from, LocalDate to) {
        return new Term(from + ".." + to, from, to);
    }

    public boolean contains(Instant moment) {
        LocalDate day = moment.atZone(SchoolTime.ZONE).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
