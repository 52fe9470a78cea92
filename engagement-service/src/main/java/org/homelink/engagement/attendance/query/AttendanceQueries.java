package org.homelink.engagement.attendance.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCodes;
import org.homelink.engagement.attendance.command.AttendanceCodes.Code;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
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
        return registers.school(schoolUrn).map(school -> {
            if (school.weeks().isEmpty()) {
                // A leader set the threshold before the first import: nobody has figures yet, and no period either.
                return new SchoolFigures(schoolUrn, from, to, school.atRiskThreshold(), List.of(), List.of());
            }
            List<PupilRegister> pupils = registers.pupils(schoolUrn, school.childIds());
            LocalDate last = school.weeks().stream().map(LocalDate::parse).max(Comparator.naturalOrder())
                                   .map(monday -> latestMark(pupils, monday)).orElse(LocalDate.MIN);
            LocalDate end = to != null ? to : last;
            LocalDate start = from != null ? from : schoolYearStart(end);
            List<LocalDate> weeks = lastWeeks(school, end);
            Set<LocalDate> penaltyWeeks = Set.copyOf(weeks);
            List<AttendanceFigures> figures = pupils.stream()
                    .map(pupil -> AttendanceFigures.of(pupil, codes, start, end, penaltyWeeks,
                                                       school.atRiskThreshold()))
                    .sorted(Comparator.comparing(AttendanceFigures::childId)).toList();
            return new SchoolFigures(schoolUrn, start, end, school.atRiskThreshold(), weeks, figures);
        });
    }

    /** Every week of the period, by year group: pupils marked, possible and attended sessions. */
    public List<WeekOfYearGroup> weeks(String schoolUrn, LocalDate from, LocalDate to) {
        Optional<SchoolAttendance> school = registers.school(schoolUrn);
        if (school.isEmpty()) {
            return List.of();
        }
        // week -> year group -> [pupils, possible, attended]; pupils counted once per week
        Map<LocalDate, Map<YearGroup, int[]>> byWeek = new TreeMap<>();
        for (PupilRegister pupil : registers.pupils(schoolUrn, school.get().childIds())) {
            Set<LocalDate> counted = new LinkedHashSet<>();
            pupil.forEachMark((day, session, mark) -> {
                if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
                    return;
                }
                Code code = codes.of(mark);
                LocalDate week = AttendanceProjection.weekOf(day);
                int[] sums = byWeek.computeIfAbsent(week, w -> new TreeMap<>())
                                   .computeIfAbsent(pupil.yearGroup(), y -> new int[3]);
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

    /** The school's last 10 weeks with marks, up to the week of {@code end}; fewer when it has fewer. */
    private static List<LocalDate> lastWeeks(SchoolAttendance school, LocalDate end) {
        LocalDate endWeek = AttendanceProjection.weekOf(end);
        List<LocalDate> upTo = school.weeks().stream().map(LocalDate::parse).filter(week -> !week.isAfter(endWeek))
                                     .sorted().toList();
        return upTo.subList(Math.max(0, upTo.size() - AttendanceFigures.PENALTY_WEEKS), upTo.size());
    }

    private static LocalDate latestMark(List<PupilRegister> pupils, LocalDate lastWeek) {
        return pupils.stream().flatMap(pupil -> pupil.marks().keySet().stream()).map(LocalDate::parse)
                     .filter(day -> !day.isBefore(lastWeek)).max(Comparator.naturalOrder()).orElse(lastWeek);
    }

    /** 1 September of the school year the day is in. */
    static LocalDate schoolYearStart(LocalDate day) {
        int year = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(year, Month.SEPTEMBER, 1);
    }
}
