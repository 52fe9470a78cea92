package org.homelink.engagement.attendance.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.SmallGroups;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Attendance before and after families first met the school in a practice, against pupils whose families had not:
 * the school's answer to "how do you know it makes a difference?", with the figures it can honestly give. A group of
 * fewer than {@link #SMALLEST_GROUP} pupils counted is suppressed, so that no answer points at a child.
 *
 * @param from                    the first day a family's first practice may fall on to be in the cohort
 * @param to                      the last
 * @param weeks                   school weeks on each side
 * @param comparisonAlignedOn     the cohort's median day, around which the comparison's weeks are taken; null
 *                                with no cohort
 * @param cohort                  pupils on the roll whose family first met the school this way from {@code from} to
 *                                {@code to}
 * @param comparison              pupils on the roll whose family had not met it this way by the end of the
 *                                comparison's weeks
 * @param differenceOfDifferences the cohort's change less the comparison's, in percentage points; null when either
 *                                is suppressed
 * @param yearGroups              the same, by year group (the pupil's on the day)
 */
public record PracticeImpact(String schoolUrn, String practice, LocalDate from, LocalDate to, int weeks,
                             int minimumSessions, int smallestGroup, LocalDate comparisonAlignedOn, Group cohort,
                             Group comparison, BigDecimal differenceOfDifferences,
                             List<YearGroupImpact> yearGroups) {

    /** The fewest pupils counted for a group's figures to be shown. */
    public static final int SMALLEST_GROUP = 5;
    static final String SUPPRESSED = "Fewer than " + SMALLEST_GROUP + " pupils counted: no figures are shown, so "
                                     + "that none can point at a child";
    /** Beside a small year group, so that the whole less the others does not give it away. */
    static final String SUPPRESSED_BESIDE = "Withheld beside a year group of fewer than " + SMALLEST_GROUP
                                            + " pupils counted, which the others and the whole would give away";

    public record YearGroupImpact(YearGroup yearGroup, Group cohort, Group comparison,
                                  BigDecimal differenceOfDifferences) {
    }

    /**
     * A group's attendance before and after: rates are each counted pupil's, averaged, so every pupil weighs the
     * same whatever their possible sessions; percentages to one decimal place.
     *
     * @param suppressed     fewer than {@link #SMALLEST_GROUP} pupils counted: every figure is left out
     * @param note           why, when suppressed
     * @param pupils         pupils in the group
     * @param counted        of those, with enough possible sessions on both sides
     * @param notEnoughMarks the others
     * @param change         mean after less mean before, in percentage points
     * @param improved       pupils whose rate rose by a percentage point or more
     * @param stayed         within a point either way
     * @param fell           down a point or more
     * @param persistentAbsenceBefore percent of pupils counted missing 10% or more of possible sessions before
     * @param persistentAbsenceAfter  the same after
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(boolean suppressed, String note, Integer pupils, Integer counted, Integer notEnoughMarks,
                        BigDecimal attendanceBefore, BigDecimal attendanceAfter, BigDecimal change, Integer improved,
                        Integer stayed, Integer fell, BigDecimal persistentAbsenceBefore,
                        BigDecimal persistentAbsenceAfter) {

        public static Group of(List<BeforeAndAfter> pupils) {
            List<BeforeAndAfter> counted = pupils.stream().filter(BeforeAndAfter::counted).toList();
            if (counted.size() < SMALLEST_GROUP) {
                return withheld(SUPPRESSED);
            }
            BigDecimal before = mean(counted, true);
            BigDecimal after = mean(counted, false);
            int[] directions = new int[3];
            counted.forEach(pupil -> directions[pupil.direction() + 1]++);
            return new Group(false, null, pupils.size(), counted.size(), pupils.size() - counted.size(),
                             rounded(before), rounded(after), rounded(after.subtract(before)), directions[2],
                             directions[1], directions[0],
                             AttendanceFigures.percent(persistent(counted, true), counted.size()),
                             AttendanceFigures.percent(persistent(counted, false), counted.size()));
        }

        /** No figures, and why. */
        static Group withheld(String note) {
            return new Group(true, note, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The change in percentage points before rounding, so a difference of changes is rounded once. */
        static BigDecimal exactChange(List<BeforeAndAfter> pupils) {
            List<BeforeAndAfter> counted = pupils.stream().filter(BeforeAndAfter::counted).toList();
            return counted.size() < SMALLEST_GROUP ? null : mean(counted, false).subtract(mean(counted, true));
        }

        private static BigDecimal mean(List<BeforeAndAfter> counted, boolean before) {
            return counted.stream().map(pupil -> (before ? pupil.before() : pupil.after()).rate())
                          .reduce(BigDecimal.ZERO, BigDecimal::add)
                          .divide(BigDecimal.valueOf(counted.size()), MathContext.DECIMAL64);
        }

        private static int persistent(List<BeforeAndAfter> counted, boolean before) {
            return (int) counted.stream()
                                .filter(pupil -> (before ? pupil.before() : pupil.after()).persistentlyAbsent())
                                .count();
        }
    }

    /**
     * Each year group's figures, small ones suppressed and, beside them, as many more as stop the whole less the
     * others from giving a small one away.
     *
     * @param whole the figures of all the year groups together, as shown
     */
    static Map<YearGroup, Group> byYearGroup(Map<YearGroup, List<BeforeAndAfter>> yearGroups, Group whole) {
        Map<YearGroup, Integer> counted = new TreeMap<>();
        yearGroups.forEach((yearGroup, pupils) -> counted.put(
                yearGroup, (int) pupils.stream().filter(BeforeAndAfter::counted).count()));
        Set<YearGroup> withheld = SmallGroups.toSuppress(counted, SMALLEST_GROUP, !whole.suppressed());
        Map<YearGroup, Group> groups = new TreeMap<>();
        yearGroups.forEach((yearGroup, pupils) -> {
            Group figures = Group.of(pupils);
            groups.put(yearGroup, withheld.contains(yearGroup) && !figures.suppressed()
                    ? Group.withheld(SUPPRESSED_BESIDE) : figures);
        });
        return groups;
    }

    /** The cohort's change less the comparison's, rounded once; null when either group is suppressed. */
    static BigDecimal differenceOfDifferences(List<BeforeAndAfter> cohort, List<BeforeAndAfter> comparison) {
        BigDecimal cohortChange = Group.exactChange(cohort);
        BigDecimal comparisonChange = Group.exactChange(comparison);
        return cohortChange == null || comparisonChange == null ? null
                                                                : rounded(cohortChange.subtract(comparisonChange));
    }

    static BigDecimal rounded(BigDecimal percent) {
        return percent.setScale(1, RoundingMode.HALF_UP);
    }
}
