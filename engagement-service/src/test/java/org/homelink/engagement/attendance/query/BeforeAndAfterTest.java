package org.homelink.engagement.attendance.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCodes;
import org.homelink.engagement.attendance.query.BeforeAndAfter.Sessions;
import org.homelink.engagement.attendance.query.BeforeAndAfter.Window;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The school weeks either side of a day, and a pupil's sessions in them, worked out by hand. */
class BeforeAndAfterTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    /** Spring term 2026: six weeks from 5 January, half term the week of 16 February, four weeks after it. */
    static final List<LocalDate> SPRING = springTerm();

    private static List<LocalDate> springTerm() {
        List<LocalDate> weeks = new ArrayList<>();
        for (int week = 0; week < 11; week++) {
            if (week != 6) {
                weeks.add(JAN_5.plusWeeks(week));
            }
        }
        return weeks;
    }

    @Test
    void theWeeksEitherSidePassOverHalfTermAndLeaveTheDaysOwnWeekOut() {
        Window window = Window.around(LocalDate.of(2026, 2, 25), SPRING, 3);

        assertThat(window).isEqualTo(new Window(mondays("2026-01-26", "2026-02-02", "2026-02-09"),
                                                mondays("2026-03-02", "2026-03-09", "2026-03-16")));
        assertThat(window.lastDay(LocalDate.of(2026, 2, 25))).isEqualTo(LocalDate.of(2026, 3, 22));
    }

    @Test
    void aDayInTheHolidayHasTheSchoolWeeksEitherSideOfIt() {
        assertThat(Window.around(LocalDate.of(2026, 2, 18), SPRING, 3))
                .isEqualTo(new Window(mondays("2026-01-26", "2026-02-02", "2026-02-09"),
                                      mondays("2026-02-23", "2026-03-02", "2026-03-09")));
    }

    @Test
    void nearTheEdgesOfTheMarksThereAreFewerWeeks() {
        Window early = Window.around(LocalDate.of(2026, 1, 13), SPRING, 3);
        assertThat(early.before()).containsExactly(JAN_5);
        assertThat(early.after()).hasSize(3);

        Window last = Window.around(LocalDate.of(2026, 3, 18), SPRING, 3);
        assertThat(last.after()).isEmpty();
        assertThat(last.before()).hasSize(3);
        assertThat(last.lastDay(LocalDate.of(2026, 3, 18))).as("the Sunday of the day's own week")
                                                           .isEqualTo(LocalDate.of(2026, 3, 22));
    }

    @Test
    void sessionsCountAsTheRulesSayAndOnlyInTheWeeksEitherSide() {
        Map<String, List<String>> marks = new TreeMap<>();
        week(marks, LocalDate.of(2026, 1, 26), "N", "N", "N", "N", "N"); // too early: not in the window
        week(marks, LocalDate.of(2026, 2, 2), "/", "/", "/", "/", "/");
        // authorised absence, then not required to attend: 8 possible, 6 attended
        week(marks, LocalDate.of(2026, 2, 9), "I", "X", "/", "/", "/");
        week(marks, LocalDate.of(2026, 2, 23), "N", "N", "N", "N", "N"); // the visit's own week
        week(marks, LocalDate.of(2026, 3, 2), "/", "/", "/", "/", "/");
        // an approved educational activity is attendance, unable to attend is not possible, U is an absence
        week(marks, LocalDate.of(2026, 3, 9), "B", "Y1", "U", "O", "/");
        PupilRegister register = new PupilRegister("s:c", "t", "s", "c", "f", YearGroup.YEAR_4, Map.of(), marks);

        BeforeAndAfter pupil = BeforeAndAfter.of("c", YearGroup.YEAR_4, Optional.of(register),
                                                 Window.around(LocalDate.of(2026, 2, 25), SPRING, 2),
                                                 AttendanceCodes.standard());

        assertThat(pupil.before()).isEqualTo(new Sessions(18, 16));
        assertThat(pupil.after()).isEqualTo(new Sessions(18, 14));
        assertThat(pupil.counted()).isTrue();
        assertThat(pupil.direction()).isEqualTo(-1);
        assertThat(pupil.before().persistentlyAbsent()).as("2 of 18 missed: 11%").isTrue();
        assertThat(pupil.before().rate()).isEqualByComparingTo("88.88888888888889");
    }

    @Test
    void aPupilWithoutARegisterOrWithTooFewSessionsOnASideIsNotCounted() {
        Window window = Window.around(LocalDate.of(2026, 2, 25), SPRING, 2);
        assertThat(BeforeAndAfter.of("c", YearGroup.YEAR_1, Optional.empty(), window, AttendanceCodes.standard())
                                 .counted()).isFalse();
        assertThat(change(9, 9, 10, 10).counted()).isFalse();
        assertThat(change(10, 9, 9, 9).counted()).isFalse();
        assertThat(change(10, 9, 10, 9).counted()).isTrue();
    }

    @Test
    void withinAPercentagePointEitherWayIsStayingTheSame() {
        assertThat(change(10, 9, 20, 18).direction()).as("90% and 90%").isZero();
        assertThat(change(100, 90, 100, 91).direction()).as("up exactly one point").isEqualTo(1);
        assertThat(change(100, 91, 100, 90).direction()).as("down exactly one point").isEqualTo(-1);
        assertThat(change(100, 90, 200, 181).direction()).as("up half a point").isZero();
        assertThat(change(30, 29, 30, 30).direction()).isEqualTo(1);
    }

    static BeforeAndAfter change(int possibleBefore, int attendedBefore, int possibleAfter, int attendedAfter) {
        return change(YearGroup.YEAR_2, possibleBefore, attendedBefore, possibleAfter, attendedAfter);
    }

    static BeforeAndAfter change(YearGroup yearGroup, int possibleBefore, int attendedBefore, int possibleAfter,
                                 int attendedAfter) {
        return new BeforeAndAfter("child", yearGroup, new Sessions(possibleBefore, attendedBefore),
                                  new Sessions(possibleAfter, attendedAfter));
    }

    private static Set<LocalDate> mondays(String... days) {
        return Arrays.stream(days).map(LocalDate::parse).collect(Collectors.toSet());
    }

    /** Monday to Friday of a week, the same code morning and afternoon each day. */
    private static void week(Map<String, List<String>> marks, LocalDate monday, String... days) {
        for (int day = 0; day < days.length; day++) {
            marks.put(monday.plusDays(day).toString(), List.of(days[day], days[day]));
        }
    }
}
