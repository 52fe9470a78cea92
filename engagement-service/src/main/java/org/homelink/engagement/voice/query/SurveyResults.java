package org.homelink.engagement.voice.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.SmallGroups;
import org.homelink.engagement.voice.events.GivenAnswer;
import org.homelink.engagement.voice.events.Question;
import org.homelink.engagement.voice.events.Question.QuestionKind;
import org.homelink.engagement.voice.events.ScaleAnswer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A survey's results per question: overall, by school side by side, and by year group; counts per answer option, and
 * every group of fewer than {@link #THRESHOLD} answers suppressed, as Ofsted's Parent View does.
 * <p>
 * Suppressing the small groups alone is not enough: with the total and the other groups shown, one suppressed group
 * is the total less the others. So within each breakdown (schools; year groups) more groups are suppressed, smallest
 * first, until at least two are and together they hold at least {@value #THRESHOLD} answers: then subtraction gives
 * only the sum of several groups, itself no smaller than a group that would be shown. When the overall figure is
 * under the threshold, everything is. Year groups overlap (a family with children in Year 1 and Year 4 counts in
 * both), so their sum is not the total; the rule holds for them all the same.
 * <p>
 * Free text is shown to school and trust leaders only, never with a year group, school or time, in alphabetical
 * order rather than the order it came in, and only once the question has {@value #THRESHOLD} answers.
 */
public final class SurveyResults {

    public static final int THRESHOLD = 10;

    /** The year-group breakdown's group for answers of families with no child on roll. */
    public static final String NO_YEAR_GROUP = "NO_YEAR_GROUP";

    private SurveyResults() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Results(String surveyId, String title, int threshold, List<QuestionResult> questions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResult(String questionId, String text, QuestionKind kind, Group overall,
                                 List<Group> bySchool, List<Group> byYearGroup, List<String> freeText) {
    }

    /** A group's answers and counts per option, or neither when {@code suppressed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String group, boolean suppressed, Integer answers, Map<ScaleAnswer, Integer> counts) {
    }

    /**
     * @param schools     the schools whose answers the caller may see; more than one shows them side by side
     * @param withFreeText whether the caller is a leader, who may read free text
     */
    public static Results of(SurveyView survey, Collection<SurveyResponse> responses, Set<String> schools,
                             boolean withFreeText) {
        List<SurveyResponse> visible = responses.stream().filter(r -> schools.contains(r.schoolUrn())).toList();
        List<QuestionResult> questions = new ArrayList<>();
        for (Question question : survey.questions()) {
            List<Answered> answered = new ArrayList<>();
            for (SurveyResponse response : visible) {
                response.answers().stream().filter(a -> a.questionId().equals(question.questionId())).findFirst()
                        .ifPresent(a -> answered.add(new Answered(response, a)));
            }
            Tally overall = tally("overall", answered);
            boolean shown = overall.answers() >= THRESHOLD;
            List<Group> bySchool = schools.size() < 2 ? null : breakdown(
                    survey.schoolUrns().stream().filter(schools::contains).toList(), answered,
                    (a, school) -> a.response().schoolUrn().equals(school), shown);
            List<String> years = new ArrayList<>(answered.stream().flatMap(a -> a.response().yearGroups().stream())
                                                         .distinct().sorted().map(Enum::name).toList());
            // Answers of families with no child on roll any more belong to no year group: left out, they would be
            // the total less the groups shown, so they are a group of their own and suppressed like any other.
            if (answered.stream().anyMatch(a -> a.response().yearGroups().isEmpty())) {
                years.add(NO_YEAR_GROUP);
            }
            List<Group> byYearGroup = breakdown(years, answered, SurveyResults::inYearGroup, shown);
            List<String> freeText = question.kind() == QuestionKind.FREE_TEXT && withFreeText && shown
                    ? answered.stream().map(a -> a.answer().text()).sorted().toList() : null;
            questions.add(new QuestionResult(question.questionId(), question.text(), question.kind(),
                                             overall.group(shown, question.kind()), bySchool, byYearGroup, freeText));
        }
        return new Results(survey.surveyId(), survey.title(), THRESHOLD, questions);
    }

    private record Answered(SurveyResponse response, GivenAnswer answer) {
    }

    private static boolean inYearGroup(Answered answered, String group) {
        Set<YearGroup> years = answered.response().yearGroups();
        return group.equals(NO_YEAR_GROUP) ? years.isEmpty() : years.contains(YearGroup.valueOf(group));
    }

    private record Tally(String name, int answers, Map<ScaleAnswer, Integer> counts) {

        Group group(boolean shown, QuestionKind kind) {
            return shown ? new Group(name, false, answers, kind == QuestionKind.SCALE ? counts : null)
                         : new Group(name, true, null, null);
        }
    }

    private static Tally tally(String name, List<Answered> answered) {
        Map<ScaleAnswer, Integer> counts = new EnumMap<>(ScaleAnswer.class);
        for (ScaleAnswer option : ScaleAnswer.values()) {
            counts.put(option, 0);
        }
        answered.stream().map(a -> a.answer().scale()).filter(java.util.Objects::nonNull)
                .forEach(scale -> counts.merge(scale, 1, Integer::sum));
        return new Tally(name, answered.size(), counts);
    }

    private interface Membership {
        boolean in(Answered answered, String group);
    }

    /** The groups of one breakdown, with small groups suppressed and, beside them, enough to stop subtraction. */
    private static List<Group> breakdown(List<String> names, List<Answered> answered, Membership membership,
                                         boolean overallShown) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (String name : names) {
            tallies.put(name, tally(name, answered.stream().filter(a -> membership.in(a, name)).toList()));
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        tallies.forEach((name, tally) -> sizes.put(name, tally.answers()));
        Set<String> suppressed = SmallGroups.toSuppress(sizes, THRESHOLD, overallShown);
        QuestionKind kind = answered.stream().anyMatch(a -> a.answer().scale() != null) ? QuestionKind.SCALE
                                                                                        : QuestionKind.FREE_TEXT;
        return tallies.values().stream().map(t -> t.group(!suppressed.contains(t.name()), kind)).toList();
    }


}
