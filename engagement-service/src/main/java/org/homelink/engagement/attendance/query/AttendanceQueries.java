package org.homelink.engagement.attendance.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCodes;
import org.homelink.engagement.attendance.command.AttendanceCodes.Code;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The attendance figures of a school's pupils, worked out from their registers when asked. */
@Component
public class AttendanceQueries {

    /**
     * A school's figures over a period.
     *
     * @param from  the period's first day: unless asked otherwise, 1 September of the school year of the school's
     *              latest mark
     * @param to    its last day: unless asked otherwise, the school's latest mark
     * @param lastSchoolWeeks the Mondays of the school's last 10 weeks with marks up to {@code to}, for the penalty
     *                        threshold
     */
    public record SchoolFigures(String schoolUrn, LocalDate from, LocalDate to, int atRiskBelowPercent,
                                List<LocalDate> lastSchoolWeeks, List<AttendanceFigures> pupils) {

        public List<AttendanceFigures> where(Predicate<AttendanceFigures> test) {
            return pupils.stream().filter(test)
                         .sorted(Comparator.comparing(AttendanceFigures::absencePercent,
                                                      Comparator.nullsLast(Comparator.reverseOrder()))
                                           .thenComparing(AttendanceFigures::childId))
                         .toList();
        }
    }

    /** One week of a school's registers, for one year group. */
    public record WeekOfYearGroup(LocalDate week, YearGroup yearGroup, int pupils, int possibleSessions,
                                  int attendedSessions, BigDecimal attendancePercent) {
    }

    private final AttendanceProjection registers;
    private final AttendanceCodes codes = AttendanceCodes.standard();

    public AttendanceQueries(AttendanceProjection registers) {
        this.registers = registers;
    }

    public Optional<SchoolFigures> school(String schoolUrn, LocalDate from, LocalDate to) {
        return registers.school(schoolUrn).map(school -> figures(school, from, to));
    }

    /** Every pupil's figures at the school over a period. */
    public SchoolFigures figures(SchoolAttendance school, LocalDate from, LocalDate to) {
        return period(school, from, to).map(period -> new SchoolFigures(
                school.schoolUrn(), period.from(), period.to(), school.atRiskThreshold(), period.lastSchoolWeeks(),
                registers.pupils(school.schoolUrn(), school.childIds()).stream()
                         .map(pupil -> figures(pupil, period, school))
                         .sorted(Comparator.comparing(AttendanceFigures::childId)).toList()))
                // A leader set the threshold before the first import: nobody has figures yet, and no period either.
                .orElseGet(() -> new SchoolFigures(school.schoolUrn(), from, to, school.atRiskThreshold(), List.of(),
                                                   List.of()));
    }

    /** One pupil's figures over the period the school's would cover: from the school's document and their register. */
    public Optional<AttendanceFigures> pupil(SchoolAttendance school, String childId, LocalDate from, LocalDate to) {
        return period(school, from, to).flatMap(period -> registers.pupil(school.schoolUrn(), childId)
                                                                   .map(pupil -> figures(pupil, period, school)));
    }

    public List<WeekOfYearGroup> weeks(String schoolUrn, LocalDate from, LocalDate to) {
        return registers.school(schoolUrn).map(school -> weeks(school, from, to)).orElse(List.of());
    }

    /**
     * Every week of the period, by year group: pupils marked, possible and attended sessions. Each week counts under
     * the year group the pupil was in that school year, so last year's weeks do not move with the pupil.
     */
    public List<WeekOfYearGroup> weeks(SchoolAttendance school, LocalDate from, LocalDate to) {
        // week -> year group -> [pupils, possible, attended]; pupils counted once per week
        Map<LocalDate, Map<YearGroup, int[]>> byWeek = new TreeMap<>();
        for (PupilRegister pupil : registers.pupils(school.schoolUrn(), school.childIds())) {
            Set<LocalDate> counted = new LinkedHashSet<>();
            pupil.forEachMark((day, session, mark) -> {
                if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
                    return;
                }
                Code code = codes.of(mark);
                LocalDate week = AttendanceProjection.weekOf(day);
                int[] sums = byWeek.computeIfAbsent(week, w -> new TreeMap<>())
                                   .computeIfAbsent(pupil.yearGroupOn(day), y -> new int[3]);
                if (counted.add(week)) {
                    sums[0]++;
                }
                if (code.possible()) {
                    sums[1]++;
                    sums[2] += code.attended() ? 1 : 0;
                }
            });
        }
        return byWeek.entrySet().stream()
                     .flatMap(week -> week.getValue().entrySet().stream()
                             .map(group -> new WeekOfYearGroup(week.getKey(), group.getKey(), group.getValue()[0],
                                                               group.getValue()[1], group.getValue()[2],
                                                               AttendanceFigures.percent(group.getValue()[2],
                                                                                         group.getValue()[1]))))
                     .toList();
    }

    /** The period asked for, or the school year of the latest mark up to it; none before any mark unless asked. */
    private record Period(LocalDate from, LocalDate to, List<LocalDate> lastSchoolWeeks) {
    }

    private static Optional<Period> period(SchoolAttendance school, LocalDate from, LocalDate to) {
        return Optional.ofNullable(to).or(school::lastMarkedDay).map(end -> new Period(
                from != null ? from : AttendanceProjection.schoolYearOf(end), end, lastWeeks(school, end)));
    }

    private AttendanceFigures figures(PupilRegister pupil, Period period, SchoolAttendance school) {
        return AttendanceFigures.of(pupil, codes, period.from(), period.to(), Set.copyOf(period.lastSchoolWeeks()),
                                    school.atRiskThreshold());
    }

    /** The school's last 10 weeks with marks, up to the week of {@code end}; fewer when it has fewer. */
    private static List<LocalDate> lastWeeks(SchoolAttendance school, LocalDate end) {
        LocalDate endWeek = AttendanceProjection.weekOf(end);
        List<LocalDate> upTo = school.weeks().stream().map(LocalDate::parse).filter(week -> !week.isAfter(endWeek))
                                     .sorted().toList();
        return upTo.subList(Math.max(0, upTo.size() - AttendanceFigures.PENALTY_WEEKS), upTo.size());
    }
}
