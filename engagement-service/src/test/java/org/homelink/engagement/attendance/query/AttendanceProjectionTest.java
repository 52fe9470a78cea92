package org.homelink.engagement.attendance.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.attendance.events.AtRiskThresholdChanged;
import org.homelink.engagement.attendance.events.AttendanceMarksImported;
import org.homelink.engagement.attendance.events.AttendanceMarksImported.PupilMarks;
import org.homelink.engagement.attendance.query.AttendanceQueries.SchoolFigures;
import org.homelink.engagement.attendance.query.AttendanceQueries.WeekOfYearGroup;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.TRUST;

/** Registers per pupil and per school from imported files, and the figures worked out from them. */
class AttendanceProjectionTest {

    /** Twelve school weeks from Monday 5 January 2026, five days each. */
    static final List<LocalDate> TERM = schoolDays(LocalDate.of(2026, 1, 5), 12);

    private EventLogFixture store;
    private AttendanceProjection registers;
    private AttendanceQueries queries;
    private EventFeed feed;

    @BeforeEach
    void setUp() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        registers = new AttendanceProjection(store.database());
        queries = new AttendanceQueries(registers);
        feed = new EventFeed(registers);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static List<LocalDate> schoolDays(LocalDate firstMonday, int weeks) {
        List<LocalDate> days = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            for (int day = 0; day < 5; day++) {
                days.add(firstMonday.plusWeeks(week).plusDays(day));
            }
        }
        return days;
    }

    /** The same two codes every day, then {@code changes} (session index, code) on top. */
    static PupilMarks pupil(String childId, YearGroup yearGroup, int days, String am, String pm, Object... changes) {
        String[] sessions = new String[days * 2];
        for (int i = 0; i < days; i++) {
            sessions[2 * i] = am;
            sessions[2 * i + 1] = pm;
        }
        for (int i = 0; i < changes.length; i += 2) {
            sessions[(Integer) changes[i]] = (String) changes[i + 1];
        }
        return new PupilMarks(childId, childId + "-family", yearGroup, Arrays.asList(sessions));
    }

    static AttendanceMarksImported imported(String hash, List<LocalDate> days, PupilMarks... pupils) {
        return imported(hash, days, NOW, pupils);
    }

    static AttendanceMarksImported imported(String hash, List<LocalDate> days, Instant at, PupilMarks... pupils) {
        int marks = (int) Arrays.stream(pupils).flatMap(p -> p.sessions().stream()).filter(s -> !s.isEmpty()).count();
        return new AttendanceMarksImported("attendance-import-" + NORTH + "-" + hash, TRUST, NORTH, hash, days,
                                           List.of(pupils), marks, "staff-n", at);
    }

    /** 120 sessions each: Hodan comes every day; Ada misses 12 (10%); Bilal 60 (50%); Chen 8 (93.3%). */
    static AttendanceMarksImported aTerm() {
        int days = TERM.size();
        Object[] adaOff = new Object[24];
        for (int i = 0; i < 12; i++) {
            adaOff[2 * i] = 118 - i; // the last 12 sessions of the term, all in its last two weeks
            adaOff[2 * i + 1] = i % 2 == 0 ? "N" : "O";
        }
        Object[] bilalOff = new Object[120];
        for (int i = 0; i < 60; i++) {
            bilalOff[2 * i] = 2 * i;
            bilalOff[2 * i + 1] = "I";
        }
        return imported("term", TERM,
                        pupil("hodan", YearGroup.YEAR_3, days, "/", "\\", 0, "L", 2, "U"),
                        pupil("ada", YearGroup.YEAR_3, days, "/", "\\", adaOff),
                        pupil("bilal", YearGroup.YEAR_5, days, "/", "\\", bilalOff),
                        pupil("chen", YearGroup.YEAR_5, days, "/", "\\", 10, "M", 11, "M", 12, "M", 13, "M", 20, "C",
                              21, "C", 22, "C", 23, "C", 30, "Y1", 31, "X"));
    }

    @Test
    void eachPupilsFiguresFollowTheRules() {
        feed.feed(aTerm());

        SchoolFigures school = queries.school(NORTH, null, null).orElseThrow();

        assertThat(school.from()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(school.to()).isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(school.lastSchoolWeeks()).hasSize(10).startsWith(LocalDate.of(2026, 1, 19));
        AttendanceFigures hodan = figures(school, "hodan");
        assertThat(hodan.possibleSessions()).isEqualTo(120);
        assertThat(hodan.attendancePercent()).isEqualByComparingTo("99.2");
        assertThat(hodan.lates()).isEqualTo(2);
        assertThat(hodan.latesAfterRegisterClosed()).isEqualTo(1);
        assertThat(hodan.unauthorisedInLast10SchoolWeeks()).isZero(); // its U is in the first week
        AttendanceFigures ada = figures(school, "ada");
        assertThat(ada.absentSessions()).isEqualTo(12);
        assertThat(ada.unauthorisedAbsences()).isEqualTo(12);
        assertThat(ada.persistentAbsence()).isTrue();
        assertThat(ada.severeAbsence()).isFalse();
        assertThat(ada.atRisk()).as("persistent absence is past at risk").isFalse();
        assertThat(ada.unauthorisedInLast10SchoolWeeks()).isEqualTo(12);
        assertThat(ada.penaltyThresholdReached()).isTrue();
        AttendanceFigures bilal = figures(school, "bilal");
        assertThat(bilal.authorisedAbsences()).isEqualTo(60);
        assertThat(bilal.severeAbsence()).isTrue();
        assertThat(bilal.penaltyThresholdReached()).as("authorised absence is not unauthorised").isFalse();
        AttendanceFigures chen = figures(school, "chen");
        assertThat(chen.possibleSessions()).as("Y1 and X are not possible sessions").isEqualTo(118);
        assertThat(chen.absentSessions()).isEqualTo(8);
        assertThat(chen.attendancePercent()).isEqualByComparingTo("93.2");
        assertThat(chen.atRisk()).isTrue();
        assertThat(chen.persistentAbsence()).isFalse();

        assertThat(school.where(AttendanceFigures::persistentAbsence)).extracting(AttendanceFigures::childId)
                                                                      .containsExactly("bilal", "ada");
        assertThat(queries.pupil(registers.school(NORTH).orElseThrow(), "ada", null, null))
                .as("one pupil's figures, read alone").contains(ada);
    }

    @Test
    void theSchoolsThresholdDecidesWhoIsAtRisk() {
        feed.feed(aTerm(), new AtRiskThresholdChanged(NORTH, TRUST, 92, "head-n", NOW));

        SchoolFigures school = queries.school(NORTH, null, null).orElseThrow();

        assertThat(school.atRiskBelowPercent()).isEqualTo(92);
        assertThat(figures(school, "chen").atRisk()).isFalse();
    }

    @Test
    void thePenaltyThresholdCountsTheLastTenSchoolWeeksAcrossTheSummerHoliday() {
        // Seven weeks to the end of the summer term, then the first three of the autumn.
        List<LocalDate> summer = schoolDays(LocalDate.of(2025, 6, 2), 7);
        List<LocalDate> autumn = schoolDays(LocalDate.of(2025, 9, 1), 3);
        Object[] summerAway = new Object[24];
        for (int i = 0; i < 12; i++) {
            summerAway[2 * i] = 69 - i; // the last 12 sessions of the summer term
            summerAway[2 * i + 1] = "G";
        }
        feed.feed(imported("summer", summer, pupil("ada", YearGroup.YEAR_3, 35, "/", "\\", summerAway)),
                  imported("autumn", autumn, pupil("ada", YearGroup.YEAR_4, 15, "/", "\\")));

        SchoolFigures school = queries.school(NORTH, null, null).orElseThrow();

        assertThat(school.from()).as("this school year").isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(school.lastSchoolWeeks()).hasSize(10).startsWith(LocalDate.of(2025, 6, 2));
        AttendanceFigures ada = figures(school, "ada");
        assertThat(ada.unauthorisedAbsences()).as("none this school year").isZero();
        assertThat(ada.unauthorisedInLast10SchoolWeeks()).isEqualTo(12);
        assertThat(ada.penaltyThresholdReached()).isTrue();
    }

    @Test
    void aThresholdSetBeforeTheFirstImportIsKeptWithNobodysFigures() {
        feed.feed(new AtRiskThresholdChanged(NORTH, TRUST, 92, "head-n", NOW));

        SchoolFigures school = queries.school(NORTH, null, null).orElseThrow();

        assertThat(school.atRiskBelowPercent()).isEqualTo(92);
        assertThat(school.pupils()).isEmpty();
        assertThat(school.lastSchoolWeeks()).isEmpty();
    }

    @Test
    void aLaterFileCorrectsTheSessionsItMarksAndLeavesTheRest() {
        LocalDate monday = TERM.get(0);
        feed.feed(imported("first", List.of(monday), pupil("ada", YearGroup.YEAR_3, 1, "N", "N")),
                  imported("second", List.of(monday), pupil("ada", YearGroup.YEAR_3, 1, "M", "")));

        assertThat(registers.pupil(NORTH, "ada").orElseThrow().marks()).containsEntry(monday.toString(),
                                                                                      List.of("M", "N"));
        assertThat(registers.school(NORTH).orElseThrow().imports()).hasSize(2);
    }

    @Test
    void eachWeekCountsUnderTheYearGroupThePupilWasInThatSchoolYear() {
        List<LocalDate> summer = schoolDays(LocalDate.of(2025, 7, 7), 1);
        List<LocalDate> autumn = schoolDays(LocalDate.of(2025, 9, 8), 1);
        feed.feed(imported("summer", summer, Instant.parse("2025-07-11T15:00:00Z"),
                           pupil("ada", YearGroup.YEAR_3, 5, "/", "\\")),
                  imported("autumn", autumn, Instant.parse("2025-09-12T15:00:00Z"),
                           pupil("ada", YearGroup.YEAR_4, 5, "/", "\\")),
                  // A correction to the summer's register, sent in the autumn when Ada is in Year 4.
                  imported("summer-corrected", summer.subList(0, 1), Instant.parse("2025-09-15T08:00:00Z"),
                           pupil("ada", YearGroup.YEAR_4, 1, "/", "N")));

        assertThat(queries.weeks(NORTH, null, null))
                .extracting(WeekOfYearGroup::week, WeekOfYearGroup::yearGroup)
                .containsExactly(tuple(summer.get(0), YearGroup.YEAR_3), tuple(autumn.get(0), YearGroup.YEAR_4));
        assertThat(figures(queries.school(NORTH, null, null).orElseThrow(), "ada").yearGroup())
                .isEqualTo(YearGroup.YEAR_4);
        assertThat(figures(queries.school(NORTH, summer.get(0), summer.get(4)).orElseThrow(), "ada").yearGroup())
                .as("over last summer").isEqualTo(YearGroup.YEAR_3);
    }

    @Test
    void theWeeksByYearGroupCountPupilsAndSessions() {
        feed.feed(aTerm());

        List<WeekOfYearGroup> weeks = queries.weeks(NORTH, null, null);

        assertThat(weeks).hasSize(24);
        assertThat(weeks.get(0)).isEqualTo(new WeekOfYearGroup(TERM.get(0), YearGroup.YEAR_3, 2, 20, 19,
                                                               new BigDecimal("95.0")));
    }

    private static AttendanceFigures figures(SchoolFigures school, String childId) {
        return school.pupils().stream().filter(p -> p.childId().equals(childId)).findFirst().orElseThrow();
    }

    @Nested
    class Replays extends ReplayContract {
        Replays() {
            super(AttendanceProjection::new, feed -> feed.feed(
                          aTerm(), new AtRiskThresholdChanged(NORTH, TRUST, 92, "head-n", NOW),
                          imported("correction", List.of(TERM.get(3)),
                                   pupil("chen", YearGroup.YEAR_5, 1, "/", "N"))),
                  AttendanceProjection.PUPILS, AttendanceProjection.SCHOOLS);
        }
    }
}
