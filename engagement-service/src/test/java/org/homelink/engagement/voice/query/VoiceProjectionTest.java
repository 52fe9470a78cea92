package org.homelink.engagement.voice.query;

import org.homelink.contracts.engagement.SurveyAnswered;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.voice.events.ActionStatus;
import org.homelink.engagement.voice.events.GivenAnswer;
import org.homelink.engagement.voice.events.Question;
import org.homelink.engagement.voice.events.Question.QuestionKind;
import org.homelink.engagement.voice.events.ScaleAnswer;
import org.homelink.engagement.voice.events.SurveyEvents.ActionPlanned;
import org.homelink.engagement.voice.events.SurveyEvents.ActionStatusChanged;
import org.homelink.engagement.voice.events.SurveyEvents.Recipient;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyClosed;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyCreated;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyOpened;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyResponseRecorded;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyRevised;
import org.homelink.engagement.voice.events.SurveyEvents.SurveySent;
import org.homelink.engagement.voice.query.SurveyResults.Group;
import org.homelink.engagement.voice.query.SurveyResults.QuestionResult;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.TRUST;

/** Surveys, links and answers as the read model keeps them, and results with small groups suppressed. */
class VoiceProjectionTest {

    static final String SURVEY = "survey-1";
    static final Question HAPPY = new Question("pv-1", "My child is happy at this school.", QuestionKind.SCALE);
    static final Question BETTER = new Question("q-1", "What could we do better?", QuestionKind.FREE_TEXT);
    static final Instant CLOSES = NOW.plus(Duration.ofDays(14));

    private EventLogFixture store;
    private VoiceProjection voice;
    private EventFeed feed;

    @BeforeEach
    void setUp() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        voice = new VoiceProjection(store.database());
        feed = new EventFeed(voice);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static Recipient recipient(int n, String school) {
        return new Recipient("family-" + n, "carer-" + n, school, "hash-" + n, "response-" + n, ContactChannel.SMS,
                             n % 2 == 0 ? "en" : "so", false);
    }

    static SurveyResponseRecorded response(int n, String school, YearGroup year, ScaleAnswer scale) {
        return new SurveyResponseRecorded(SURVEY, "response-" + n, "family-" + n, school, Set.of(year),
                                          List.of(new GivenAnswer(HAPPY.questionId(), scale, null),
                                                  new GivenAnswer(BETTER.questionId(), null, "Text " + n)),
                                          NOW);
    }

    /** A survey at North and South, and answers: per school and year group, how many. */
    private void answered(int north3, int north5, int south3) {
        List<Object> events = new ArrayList<>();
        events.add(new SurveyCreated(SURVEY, TRUST, List.of(NORTH, SOUTH), "Spring", List.of(HAPPY, BETTER),
                                     "leader", NOW));
        events.add(new SurveyOpened(SURVEY, 1, CLOSES, "leader", NOW));
        int n = 0;
        for (int i = 0; i < north3; i++) {
            events.add(response(++n, NORTH, YearGroup.YEAR_3, ScaleAnswer.AGREE));
        }
        for (int i = 0; i < north5; i++) {
            events.add(response(++n, NORTH, YearGroup.YEAR_5, ScaleAnswer.DISAGREE));
        }
        for (int i = 0; i < south3; i++) {
            events.add(response(++n, SOUTH, YearGroup.YEAR_3, ScaleAnswer.STRONGLY_AGREE));
        }
        feed.feed(events.toArray());
    }

    private QuestionResult happy(Set<String> schools, boolean leader) {
        SurveyView survey = voice.survey(SURVEY).orElseThrow();
        return SurveyResults.of(survey, voice.responsesTo(SURVEY), schools, leader).questions().get(0);
    }

    @Test
    void aSurveyShowsItsStageActionsAndEveryLinkSentByItsHash() {
        aTermOfParentVoice(feed);

        SurveyView survey = voice.survey(SURVEY).orElseThrow();
        assertThat(survey.stage()).isEqualTo("CLOSED");
        assertThat(survey.questionsVersion()).isEqualTo(2);
        assertThat(survey.actions()).singleElement().satisfies(action -> {
            assertThat(action.status()).isEqualTo(ActionStatus.DONE);
            assertThat(action.questionIds()).containsExactly(HAPPY.questionId());
        });
        assertThat(voice.link("hash-1")).get().extracting(SurveyLink::carerId).isEqualTo("carer-1");
        assertThat(voice.link("hash-nothing")).isEmpty();
        assertThat(voice.responsesTo(SURVEY)).singleElement()
                                              .extracting(r -> r.answers().get(0).scale())
                                              .as("the later answer replaced the earlier")
                                              .isEqualTo(ScaleAnswer.DISAGREE);
        assertThat(voice.versionOf(SURVEY)).isEqualTo(9);
    }

    @Nested
    class Results {

        @Test
        void countsEachOptionPerGroupOfTenOrMore() {
            answered(12, 11, 0);

            QuestionResult result = happy(Set.of(NORTH), false);
            assertThat(result.overall().answers()).isEqualTo(23);
            assertThat(result.overall().counts()).containsEntry(ScaleAnswer.AGREE, 12)
                                                 .containsEntry(ScaleAnswer.DISAGREE, 11)
                                                 .containsEntry(ScaleAnswer.DONT_KNOW, 0);
            assertThat(result.byYearGroup()).extracting(Group::group, Group::suppressed, Group::answers)
                                            .containsExactly(org.assertj.core.groups.Tuple.tuple("YEAR_3", false, 12),
                                                             org.assertj.core.groups.Tuple.tuple("YEAR_5", false, 11));
            assertThat(result.bySchool()).as("one school: nothing side by side").isNull();
        }

        @Test
        void aSmallGroupIsSuppressedAndSoIsTheNextSmallestSoThatSubtractionRecoversNothing() {
            answered(30, 4, 0);

            QuestionResult result = happy(Set.of(NORTH), false);
            assertThat(result.overall().answers()).isEqualTo(34);
            assertThat(result.byYearGroup()).allSatisfy(group -> {
                assertThat(group.suppressed()).isTrue();
                assertThat(group.answers()).isNull();
                assertThat(group.counts()).isNull();
            });
        }

        @Test
        void enoughGroupsAreSuppressedTogetherToHoldTenAnswers() {
            // Year 3: 30, Year 5: 4 at North; plus South's Year 3 of 3 for the trust view side by side.
            answered(30, 4, 3);

            QuestionResult trust = happy(Set.of(NORTH, SOUTH), true);
            assertThat(trust.bySchool()).extracting(Group::group, Group::suppressed)
                                        .containsExactly(org.assertj.core.groups.Tuple.tuple(NORTH, true),
                                                         org.assertj.core.groups.Tuple.tuple(SOUTH, true));
            assertThat(trust.overall().answers()).isEqualTo(37);
        }

        @Test
        void fewerThanTenInAllShowsNothingNotEvenFreeTextToALeader() {
            answered(9, 0, 0);

            QuestionResult result = happy(Set.of(NORTH), true);
            assertThat(result.overall().suppressed()).isTrue();
            assertThat(result.overall().counts()).isNull();
            assertThat(result.byYearGroup()).allMatch(Group::suppressed);
            SurveyView survey = voice.survey(SURVEY).orElseThrow();
            assertThat(SurveyResults.of(survey, voice.responsesTo(SURVEY), Set.of(NORTH), true).questions().get(1)
                                    .freeText()).isNull();
        }

        @Test
        void freeTextIsForLeadersUnattributedAndInNoOrderOfArrival() {
            answered(6, 6, 0);
            SurveyView survey = voice.survey(SURVEY).orElseThrow();

            QuestionResult leader = SurveyResults.of(survey, voice.responsesTo(SURVEY), Set.of(NORTH), true)
                                                 .questions().get(1);
            QuestionResult teacher = SurveyResults.of(survey, voice.responsesTo(SURVEY), Set.of(NORTH), false)
                                                  .questions().get(1);
            assertThat(leader.freeText()).hasSize(12).isSorted();
            assertThat(leader.overall().counts()).as("no options to count for free text").isNull();
            assertThat(teacher.freeText()).isNull();
        }

        @Test
        void staffOfOneSchoolSeeOnlyItsAnswers() {
            answered(12, 0, 11);

            assertThat(happy(Set.of(SOUTH), false).overall().answers()).isEqualTo(11);
            assertThat(happy(Set.of(NORTH, SOUTH), false).bySchool())
                    .extracting(Group::answers).containsExactly(12, 11);
        }
    }

    @Nested
    class Replays extends ReplayContract {
        Replays() {
            super(VoiceProjection::new, VoiceProjectionTest::aTermOfParentVoice, "surveys", "surveyLinks",
                  "surveyResponses");
        }
    }

    /** Every kind of event the parent voice read model reads. */
    private static void aTermOfParentVoice(EventFeed feed) {
        Instant later = NOW.plus(Duration.ofDays(1));
        feed.feed(new SurveyCreated(SURVEY, TRUST, List.of(NORTH), "Spring", List.of(HAPPY), "staff-n", NOW),
                  new SurveyRevised(SURVEY, "Spring", List.of(HAPPY, BETTER), 2, "staff-n", NOW),
                  new SurveyOpened(SURVEY, 2, CLOSES, "staff-n", NOW),
                  new SurveySent(SURVEY, List.of(recipient(1, NORTH)), "everyone on the roll", "staff-n", NOW),
                  new SurveyAnswered(SURVEY, TRUST, NORTH, "family-1", "carer-1", false, NOW),
                  response(1, NORTH, YearGroup.YEAR_3, ScaleAnswer.AGREE),
                  new SurveyResponseRecorded(SURVEY, "response-1", "family-1", NORTH, Set.of(YearGroup.YEAR_3),
                                             List.of(new GivenAnswer(HAPPY.questionId(), ScaleAnswer.DISAGREE,
                                                                     null)), later),
                  new SurveyClosed(SURVEY, "staff-n", later),
                  new ActionPlanned(SURVEY, "action-1", List.of(HAPPY.questionId()), "Mornings are rushed",
                                    "A breakfast club", ActionStatus.PLANNED, "staff-n", later),
                  new ActionStatusChanged(SURVEY, "action-1", ActionStatus.DONE, "staff-n", later));
    }
}
