package org.homelink.engagement.attendance.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCodes;
import org.homelink.engagement.attendance.query.BeforeAndAfter.Window;
import org.homelink.engagement.attendance.query.PracticeImpact.Group;
import org.homelink.engagement.attendance.query.PracticeImpact.YearGroupImpact;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is in a practice's cohort and who is in its comparison, from the engagement directory (the school's families by
 * its roll, each with its contacts and the activities it came to), and their sessions from their registers: every
 * read is by id, and the rest is worked out in memory.
 */
@Component
public class PracticeImpactQueries {

    private final AttendanceProjection registers;
    private final FamilyEngagementProjection directory;
    private final AttendanceCodes codes = AttendanceCodes.standard();

    public PracticeImpactQueries(AttendanceProjection registers, FamilyEngagementProjection directory) {
        this.registers = registers;
        this.directory = directory;
    }

    /** A pupil on the roll, and the day their family first met the school in the practice, if it has. */
    private record Pupil(String childId, YearGroup yearGroup, Optional<LocalDate> firstDay) {
    }

    /**
     * @param attendance the school's registers; empty before any import
     * @param from       unless given, 1 September of the school year of the school's latest mark
     * @param to         unless given, the latest mark
     * @param yearGroups the year groups to look at; all when empty
     */
    public PracticeImpact impact(SchoolRoll roll, Optional<SchoolAttendance> attendance, Practice practice, int weeks,
                                 LocalDate from, LocalDate to, Set<YearGroup> yearGroups) {
        String schoolUrn = roll.schoolUrn();
        LocalDate end = Optional.ofNullable(to).or(() -> attendance.flatMap(SchoolAttendance::lastMarkedDay))
                                .orElse(null);
        LocalDate start = from != null || end == null ? from : AttendanceProjection.schoolYearOf(end);
        List<LocalDate> schoolWeeks = attendance.map(school -> school.weeks().stream().map(LocalDate::parse)
                                                                     .sorted().toList()).orElse(List.of());

        List<Pupil> pupils = pupilsOf(roll, practice);
        Map<String, PupilRegister> byChild = registers.pupils(schoolUrn, pupils.stream().map(Pupil::childId).toList())
                                                      .stream()
                                                      .collect(Collectors.toMap(PupilRegister::childId,
                                                                                Function.identity()));

        List<BeforeAndAfter> cohort = new ArrayList<>();
        Set<String> inCohort = new HashSet<>();
        List<LocalDate> days = new ArrayList<>();
        for (Pupil pupil : pupils) {
            Optional<LocalDate> day = pupil.firstDay()
                                           .filter(first -> start != null && !first.isBefore(start)
                                                            && !first.isAfter(end));
            day.map(first -> changeOf(pupil, byChild, first, Window.around(first, schoolWeeks, weeks)))
               .filter(change -> yearGroups.isEmpty() || yearGroups.contains(change.yearGroup()))
               .ifPresent(change -> {
                   cohort.add(change);
                   inCohort.add(pupil.childId());
                   days.add(day.get());
               });
        }

        // One day for the whole comparison, the cohort's median: its pupils live through the same weeks as the
        // middle of the cohort, so the term's general rise or fall shows in both.
        LocalDate alignedOn = days.isEmpty() ? null : days.stream().sorted().toList().get((days.size() - 1) / 2);
        List<BeforeAndAfter> comparison = new ArrayList<>();
        if (alignedOn != null) {
            Window window = Window.around(alignedOn, schoolWeeks, weeks);
            LocalDate windowEnds = window.lastDay(alignedOn);
            for (Pupil pupil : pupils) {
                if (inCohort.contains(pupil.childId())
                    || pupil.firstDay().map(first -> !first.isAfter(windowEnds)).orElse(false)) {
                    continue;
                }
                BeforeAndAfter change = changeOf(pupil, byChild, alignedOn, window);
                if (yearGroups.isEmpty() || yearGroups.contains(change.yearGroup())) {
                    comparison.add(change);
                }
            }
        }

        Group cohortFigures = Group.of(cohort);
        Group comparisonFigures = Group.of(comparison);
        return new PracticeImpact(schoolUrn, practice.name(), start, end, weeks, BeforeAndAfter.MINIMUM_SESSIONS,
                                  PracticeImpact.SMALLEST_GROUP, alignedOn, cohortFigures, comparisonFigures,
                                  PracticeImpact.differenceOfDifferences(cohort, comparison),
                                  byYearGroup(cohort, cohortFigures, comparison, comparisonFigures));
    }

    /** The cohort and the comparison by year group, side by side, each suppressed by its own breakdown's rule. */
    private static List<YearGroupImpact> byYearGroup(List<BeforeAndAfter> cohort, Group cohortFigures,
                                                     List<BeforeAndAfter> comparison, Group comparisonFigures) {
        Map<YearGroup, List<BeforeAndAfter>> cohortPupils = inYearGroups(cohort);
        Map<YearGroup, List<BeforeAndAfter>> comparisonPupils = inYearGroups(comparison);
        Map<YearGroup, Group> cohortBy = PracticeImpact.byYearGroup(cohortPupils, cohortFigures);
        Map<YearGroup, Group> comparisonBy = PracticeImpact.byYearGroup(comparisonPupils, comparisonFigures);
        Set<YearGroup> groups = new TreeSet<>(cohortBy.keySet());
        groups.addAll(comparisonBy.keySet());
        return groups.stream().map(group -> {
            Group cohortOf = cohortBy.getOrDefault(group, Group.of(List.of()));
            Group comparisonOf = comparisonBy.getOrDefault(group, Group.of(List.of()));
            return new YearGroupImpact(group, cohortOf, comparisonOf, cohortOf.suppressed() || comparisonOf.suppressed()
                    ? null : PracticeImpact.differenceOfDifferences(cohortPupils.get(group),
                                                                    comparisonPupils.get(group)));
        }).toList();
    }

    /** Each school of the trust side by side, over the same period. */
    public List<PracticeImpact> trust(String trustId, Practice practice, int weeks, LocalDate from, LocalDate to,
                                      Set<YearGroup> yearGroups) {
        return directory.rollsOfTrust(trustId).stream().filter(roll -> roll.isOfTrust(trustId))
                        .map(roll -> impact(roll, registers.school(roll.schoolUrn()), practice, weeks, from, to,
                                            yearGroups))
                        .toList();
    }

    private static Map<YearGroup, List<BeforeAndAfter>> inYearGroups(List<BeforeAndAfter> pupils) {
        return pupils.stream().collect(Collectors.groupingBy(BeforeAndAfter::yearGroup, TreeMap::new,
                                                             Collectors.toList()));
    }

    private BeforeAndAfter changeOf(Pupil pupil, Map<String, PupilRegister> registers, LocalDate day, Window window) {
        Optional<PupilRegister> register = Optional.ofNullable(registers.get(pupil.childId()));
        YearGroup yearGroup = register.map(known -> known.yearGroupOn(day)).orElse(pupil.yearGroup());
        return BeforeAndAfter.of(pupil.childId(), yearGroup, register, window, codes);
    }

    /** The children on the school's roll, each with their family's first day of the practice at the school. */
    private List<Pupil> pupilsOf(SchoolRoll roll, Practice practice) {
        List<EngagementFamily> families = directory.families(roll.familyIds());
        Map<String, ActivitySummary> activities = new HashMap<>();
        if (practice.activity() != null) {
            Set<String> cameTo = new TreeSet<>();
            families.forEach(family -> family.invitations().stream()
                                             .filter(invitation -> roll.schoolUrn().equals(invitation.schoolUrn())
                                                                   && invitation.cameToAny())
                                             .forEach(invitation -> cameTo.add(invitation.activityId())));
            directory.activities(cameTo).forEach(summary -> activities.put(summary.activityId(), summary));
        }
        List<Pupil> pupils = new ArrayList<>();
        for (EngagementFamily family : families) {
            Optional<LocalDate> first = practice.firstDay(family, roll.schoolUrn(), activities);
            family.children().stream()
                  .filter(child -> child.onRoll() && roll.schoolUrn().equals(child.schoolUrn()))
                  .forEach(child -> pupils.add(new Pupil(child.childId(), child.yearGroup(), first)));
        }
        return pupils;
    }
}
