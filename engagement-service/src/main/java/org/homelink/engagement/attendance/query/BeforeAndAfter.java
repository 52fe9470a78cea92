package org.homelink.engagement.attendance.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCodes;
import org.homelink.engagement.attendance.command.AttendanceCodes.Code;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pupil's attendance in the school weeks before and after a day: the arithmetic of "did it make a difference?".
 * A school week is a Monday-to-Sunday week in which the school marked anyone, so half terms and holidays are passed
 * over rather than counted as weeks without attendance. The week of the day itself is on neither side: part of it
 * came before and part after.
 *
 * @param yearGroup the pupil's year group on the day
 */
public record BeforeAndAfter(String childId, YearGroup yearGroup, Sessions before, Sessions after) {

    /** Fewer possible sessions than this on either side (a week is ten) and a pupil's rate says too little. */
    public static final int MINIMUM_SESSIONS = 10;
    /** A change in attendance under one percentage point either way is "stayed the same". */
    private static final int STAYED_WITHIN_POINTS = 1;

    /** Possible sessions as the rules define them (not-counted and unable-to-attend codes left out), and attended. */
    public record Sessions(int possible, int attended) {

        public boolean enough() {
            return possible >= MINIMUM_SESSIONS;
        }

        /** 10% or more of possible sessions missed, as persistent absence is defined. */
        public boolean persistentlyAbsent() {
            return (possible - attended) * 10 >= possible;
        }

        /** The attendance rate in percent, exactly enough to average and subtract before rounding. */
        public BigDecimal rate() {
            return BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(possible), MathContext.DECIMAL64);
        }
    }

    /**
     * The school weeks either side of a day's week: up to {@code weeks} before it and as many after it.
     *
     * @param before the Mondays of the weeks before
     * @param after  the Mondays of the weeks after
     */
    public record Window(Set<LocalDate> before, Set<LocalDate> after) {

        /** @param schoolWeeks the Monday of every week the school marked anyone, in order */
        public static Window around(LocalDate day, List<LocalDate> schoolWeeks, int weeks) {
            LocalDate week = AttendanceProjection.weekOf(day);
            int at = Collections.binarySearch(schoolWeeks, week);
            int firstAfter = at >= 0 ? at + 1 : -at - 1;
            int lastBefore = at >= 0 ? at : firstAfter;
            return new Window(Set.copyOf(schoolWeeks.subList(Math.max(0, lastBefore - weeks), lastBefore)),
                              Set.copyOf(schoolWeeks.subList(firstAfter,
                                                             Math.min(schoolWeeks.size(), firstAfter + weeks))));
        }

        /** The last day of the window: its last week's Sunday, or that of the day's own week with none after. */
        public LocalDate lastDay(LocalDate day) {
            return after.stream().max(LocalDate::compareTo).orElse(AttendanceProjection.weekOf(day)).plusDays(6);
        }
    }

    /** The pupil's sessions either side; a pupil with no register has none. */
    public static BeforeAndAfter of(String childId, YearGroup yearGroup, Optional<PupilRegister> register,
                                    Window window, AttendanceCodes codes) {
        int[] count = new int[4];
        register.ifPresent(pupil -> pupil.forEachMark((day, session, mark) -> {
            LocalDate week = AttendanceProjection.weekOf(day);
            int side = window.before().contains(week) ? 0 : window.after().contains(week) ? 2 : -1;
            Code code = codes.of(mark);
            if (side >= 0 && code.possible()) {
                count[side]++;
                count[side + 1] += code.attended() ? 1 : 0;
            }
        }));
        return new BeforeAndAfter(childId, yearGroup, new Sessions(count[0], count[1]),
                                  new Sessions(count[2], count[3]));
    }

    /** Enough possible sessions on both sides to be counted. */
    public boolean counted() {
        return before.enough() && after.enough();
    }

    /**
     * 1 better by a percentage point or more, -1 worse by as much, 0 within it; worked out in whole numbers, as
     * |after − before| × 100 against the product of the possible sessions, so that no rounding moves a pupil.
     */
    public int direction() {
        long difference = 100L * ((long) after.attended() * before.possible()
                                  - (long) before.attended() * after.possible());
        long point = (long) STAYED_WITHIN_POINTS * before.possible() * after.possible();
        return Math.abs(difference) < point ? 0 : Long.signum(difference);
    }
}
