package org.homelink.engagement.voice.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.voice.events.GivenAnswer;
import org.homelink.engagement.voice.events.Question;
import org.homelink.engagement.voice.events.Question.QuestionKind;
import org.homelink.engagement.voice.events.ScaleAnswer;
import org.homelink.engagement.voice.query.SurveyResults.Group;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a school may read of its parents' answers: nothing that shows fewer than ten families, even by subtraction. */
class SurveyResultsTest {

    private static final String SCHOOL = "940001";
    private static final SurveyView SURVEY = new SurveyView(
            "survey-1", "trust-1", List.of(SCHOOL), "Autumn survey",
            List.of(new Question("q1", "My child is happy at this school.", QuestionKind.SCALE)), 1, "OPEN", null,
            List.of(), "leader", Instant.EPOCH, 3);

    @Test
    void answersOfFamiliesWithNoChildOnRollAreAGroupSuppressedWithAnotherNotTheTotalLessTheOthers() {
        List<SurveyResponse> responses = new ArrayList<>();
        responses.addAll(answers("y3", 12, Set.of(YearGroup.YEAR_3)));
        responses.addAll(answers("y5", 11, Set.of(YearGroup.YEAR_5)));
        responses.addAll(answers("left", 3, Set.of()));

        List<Group> byYearGroup = SurveyResults.of(SURVEY, responses, Set.of(SCHOOL), true).questions().get(0)
                                               .byYearGroup();

        assertThat(byYearGroup).extracting(Group::group)
                               .containsExactly("YEAR_3", "YEAR_5", SurveyResults.NO_YEAR_GROUP);
        assertThat(byYearGroup).filteredOn(Group::suppressed).extracting(Group::group)
                               .containsExactlyInAnyOrder(SurveyResults.NO_YEAR_GROUP, "YEAR_5");
        assertThat(byYearGroup).filteredOn(group -> !group.suppressed()).extracting(Group::answers)
                               .containsExactly(12);
    }

    @Test
    void aBreakdownWithEveryAnswerInAYearGroupHasNoGroupForNone() {
        List<SurveyResponse> responses = new ArrayList<>(answers("y3", 12, Set.of(YearGroup.YEAR_3)));
        responses.addAll(answers("y5", 11, Set.of(YearGroup.YEAR_5)));

        List<Group> byYearGroup = SurveyResults.of(SURVEY, responses, Set.of(SCHOOL), true).questions().get(0)
                                               .byYearGroup();

        assertThat(byYearGroup).extracting(Group::group).containsExactly("YEAR_3", "YEAR_5");
        assertThat(byYearGroup).noneMatch(Group::suppressed);
    }

    private static List<SurveyResponse> answers(String prefix, int count, Set<YearGroup> yearGroups) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(new SurveyResponse(prefix + i, SURVEY.surveyId(), SCHOOL, yearGroups,
                                             List.of(new GivenAnswer("q1", ScaleAnswer.AGREE, null))));
        }
        return responses;
    }
}
