package org.homelink.engagement.attendance.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.query.PracticeImpact.Group;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.attendance.query.BeforeAndAfterTest.change;

/** A group's figures from hand-worked pupils, suppression, and the difference of the differences. */
class PracticeImpactTest {

    /** Six pupils: five counted (100→90, 80→100, 90→95, 90→90, 50→70), one with nine sessions before. */
    private static final List<BeforeAndAfter> COHORT = List.of(change(10, 10, 10, 9), change(10, 8, 10, 10),
                                                               change(20, 18, 20, 19), change(10, 9, 10, 9),
                                                               change(10, 5, 10, 7), change(9, 9, 10, 10));

    @Test
    void aGroupsMeansChangeAndDirectionsAreThoseOfItsCountedPupils() {
        Group group = Group.of(COHORT);

        assertThat(group.suppressed()).isFalse();
        assertThat(group.pupils()).isEqualTo(6);
        assertThat(group.counted()).isEqualTo(5);
        assertThat(group.notEnoughMarks()).isEqualTo(1);
        assertThat(group.attendanceBefore()).isEqualByComparingTo("82.0");
        assertThat(group.attendanceAfter()).isEqualByComparingTo("89.0");
        assertThat(group.change()).isEqualByComparingTo("7.0");
        assertThat(List.of(group.improved(), group.stayed(), group.fell())).containsExactly(3, 1, 1);
        // 10% or more missed: before 80, 90 (of 20), 90 and 50; after 90, 90 and 70
        assertThat(group.persistentAbsenceBefore()).isEqualByComparingTo("80.0");
        assertThat(group.persistentAbsenceAfter()).isEqualByComparingTo("60.0");
    }

    @Test
    void theDifferenceOfDifferencesTakesTheComparisonsChangeAway() {
        // 92 → 90: down two points while the cohort rose seven
        List<BeforeAndAfter> comparison = List.of(change(10, 9, 10, 9), change(10, 9, 10, 9), change(10, 9, 10, 9),
                                                  change(10, 9, 10, 9), change(10, 10, 10, 9));

        assertThat(Group.of(comparison).change()).isEqualByComparingTo("-2.0");
        assertThat(PracticeImpact.differenceOfDifferences(COHORT, comparison)).isEqualByComparingTo("9.0");
    }

    @Test
    void theDifferenceIsRoundedOnceFromTheExactChanges() {
        // The cohort's change is -2/3 of a point (-0.7 shown), the comparison's -4/3 (-1.3 shown): 2/3 apart, 0.7.
        List<BeforeAndAfter> cohort = List.of(change(30, 30, 30, 29), change(30, 30, 30, 30), change(30, 30, 30, 30),
                                              change(30, 30, 30, 30), change(30, 30, 30, 30));
        List<BeforeAndAfter> comparison = List.of(change(30, 30, 30, 28), change(30, 30, 30, 30),
                                                  change(30, 30, 30, 30), change(30, 30, 30, 30),
                                                  change(30, 30, 30, 30));

        assertThat(Group.of(cohort).change()).isEqualByComparingTo("-0.7");
        assertThat(Group.of(comparison).change()).isEqualByComparingTo("-1.3");
        assertThat(PracticeImpact.differenceOfDifferences(cohort, comparison)).isEqualByComparingTo("0.7");
    }

    @Test
    void fewerThanFivePupilsCountedShowNoFiguresAtAll() {
        List<BeforeAndAfter> four = List.of(change(10, 10, 10, 9), change(10, 8, 10, 10), change(20, 18, 20, 19),
                                            change(10, 9, 10, 9), change(9, 9, 10, 10), change(10, 9, 0, 0));
        Group group = Group.of(four);

        assertThat(group.suppressed()).isTrue();
        Map<String, Object> json = new ObjectMapper().convertValue(group, new TypeReference<>() {
        });
        assertThat(json).as("not even how many pupils").containsOnlyKeys("suppressed", "note");
        assertThat((String) json.get("note")).startsWith("Fewer than 5 pupils counted");
        assertThat(PracticeImpact.differenceOfDifferences(four, COHORT)).isNull();
        assertThat(Group.of(List.of()).suppressed()).isTrue();
    }

    @Test
    void besideASmallYearGroupTheNextSmallestIsWithheldSoSubtractionGivesNothingAway() {
        Map<YearGroup, List<BeforeAndAfter>> yearGroups = new TreeMap<>(Map.of(
                YearGroup.YEAR_1, Collections.nCopies(6, change(YearGroup.YEAR_1, 10, 9, 10, 10)),
                YearGroup.YEAR_2, Collections.nCopies(7, change(YearGroup.YEAR_2, 10, 9, 10, 10)),
                YearGroup.YEAR_3, Collections.nCopies(2, change(YearGroup.YEAR_3, 10, 9, 10, 10))));
        List<BeforeAndAfter> all = yearGroups.values().stream().flatMap(List::stream).toList();

        Map<YearGroup, Group> groups = PracticeImpact.byYearGroup(yearGroups, Group.of(all));

        assertThat(groups.get(YearGroup.YEAR_3).note()).startsWith("Fewer than 5");
        assertThat(groups.get(YearGroup.YEAR_1).suppressed()).isTrue();
        assertThat(groups.get(YearGroup.YEAR_1).note()).startsWith("Withheld beside a year group");
        assertThat(groups.get(YearGroup.YEAR_2).counted()).isEqualTo(7);
        assertThat(PracticeImpact.byYearGroup(Map.of(YearGroup.YEAR_2, yearGroups.get(YearGroup.YEAR_2)),
                                              Group.of(all)).get(YearGroup.YEAR_2).suppressed())
                .as("one year group alone is the whole").isFalse();
    }
}
