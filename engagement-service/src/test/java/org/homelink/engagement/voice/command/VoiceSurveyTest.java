package org.homelink.engagement.voice.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.engagement.SurveyAnswered;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.voice.command.SurveyCommands.AnswerSurvey;
import org.homelink.engagement.voice.command.SurveyCommands.ChangeActionStatus;
import org.homelink.engagement.voice.command.SurveyCommands.CloseSurvey;
import org.homelink.engagement.voice.command.SurveyCommands.CreateSurvey;
import org.homelink.engagement.voice.command.SurveyCommands.OpenSurvey;
import org.homelink.engagement.voice.command.SurveyCommands.PlanAction;
import org.homelink.engagement.voice.command.SurveyCommands.ReviseSurvey;
import org.homelink.engagement.voice.command.SurveyCommands.SendSurvey;
import org.homelink.engagement.voice.command.SurveyCommands.Sent;
import org.homelink.engagement.voice.command.SurveyRules.AlreadyOpened;
import org.homelink.engagement.voice.command.SurveyRules.AnswerNotSound;
import org.homelink.engagement.voice.command.SurveyRules.ClosesInThePast;
import org.homelink.engagement.voice.command.SurveyRules.NoQuestions;
import org.homelink.engagement.voice.command.SurveyRules.NoSuchAction;
import org.homelink.engagement.voice.command.SurveyRules.NotAQuestionOfTheSurvey;
import org.homelink.engagement.voice.command.SurveyRules.NotOpen;
import org.homelink.engagement.voice.command.SurveyRules.QuestionNotSound;
import org.homelink.engagement.voice.command.SurveyRules.QuestionsFixed;
import org.homelink.engagement.voice.command.SurveyRules.SurveyNotFound;
import org.homelink.engagement.voice.command.SurveyRules.UnknownLink;
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
import org.homelink.platform.web.NotYourSchool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.brokenRule;

/** Each command path of a parent voice survey, rejections included: given events, when a command, expect events. */
class VoiceSurveyTest {

    static final String SURVEY = "survey-1";
    static final Question HAPPY = new Question("pv-1", "My child is happy at this school.", QuestionKind.SCALE);
    static final Question SAFE = new Question("pv-2", "My child feels safe at this school.", QuestionKind.SCALE);
    static final Question BETTER = new Question("q-1", "What could we do better?", QuestionKind.FREE_TEXT);
    static final Instant CLOSES = NOW.plus(Duration.ofDays(14));
    static final Instant LATER = NOW.plus(Duration.ofDays(1));
    static final Recipient AMINA = new Recipient("warsame", "amina", NORTH, "hash-amina", "response-a",
                                                 ContactChannel.SMS, "so", false);
    static final Recipient CHIDI = new Recipient("okafor", "chidi", NORTH, "hash-chidi", "response-c",
                                                 ContactChannel.EMAIL, "en", false);

    private FixtureConfiguration<Survey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Survey.class);
    }

    static SurveyCreated created() {
        return new SurveyCreated(SURVEY, TRUST, List.of(NORTH), "Spring survey", List.of(HAPPY, BETTER), "staff-n",
                                 NOW);
    }

    static SurveyOpened opened() {
        return new SurveyOpened(SURVEY, 1, CLOSES, "staff-n", NOW);
    }

    static SurveySent sent(Recipient... recipients) {
        return new SurveySent(SURVEY, List.of(recipients), "everyone on the roll", "staff-n", NOW);
    }

    static AnswerSurvey answer(String tokenHash, Instant at, GivenAnswer... answers) {
        return new AnswerSurvey(SURVEY, tokenHash, List.of(answers), Set.of(YearGroup.YEAR_3), at);
    }

    static GivenAnswer happy(ScaleAnswer scale) {
        return new GivenAnswer(HAPPY.questionId(), scale, null);
    }

    @Nested
    class Create {

        @Test
        void withItsQuestionsAtTheCallersSchool() {
            fixture.givenNoPriorActivity()
                   .when(new CreateSurvey(SURVEY, List.of(NORTH), "Spring survey", List.of(HAPPY, BETTER),
                                          NORTH_STAFF, NOW))
                   .expectEvents(created());
        }

        @Test
        void forSeveralSchoolsOnlyByWhoeverActsForEachOfThem() {
            fixture.givenNoPriorActivity()
                   .when(new CreateSurvey(SURVEY, List.of(NORTH, SOUTH), "Trust survey", List.of(HAPPY), LEADER,
                                          NOW))
                   .expectEvents(new SurveyCreated(SURVEY, TRUST, List.of(NORTH, SOUTH), "Trust survey",
                                                   List.of(HAPPY), "leader", NOW));
            fixture.givenNoPriorActivity()
                   .when(new CreateSurvey(SURVEY, List.of(NORTH, SOUTH), "Trust survey", List.of(HAPPY),
                                          NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void needsQuestionsEachWithAnIdOfItsOwn() {
            fixture.givenNoPriorActivity()
                   .when(new CreateSurvey(SURVEY, List.of(NORTH), "Empty", List.of(), NORTH_STAFF, NOW))
                   .expectException(brokenRule(NoQuestions.class, "questions"));
            fixture.givenNoPriorActivity()
                   .when(new CreateSurvey(SURVEY, List.of(NORTH), "Twice", List.of(HAPPY, HAPPY), NORTH_STAFF, NOW))
                   .expectException(brokenRule(QuestionNotSound.class, "questions"));
        }
    }

    @Nested
    class ReviseAndOpen {

        @Test
        void questionsChangeUntilTheSurveyOpensAndEachChangeIsAVersion() {
            fixture.given(created())
                   .when(new ReviseSurvey(SURVEY, null, "Spring survey", List.of(HAPPY, SAFE), NORTH_STAFF, LATER))
                   .expectEvents(new SurveyRevised(SURVEY, "Spring survey", List.of(HAPPY, SAFE), 2, "staff-n",
                                                   LATER));
        }

        @Test
        void questionsAreFixedOnceItOpens() {
            fixture.given(created(), opened())
                   .when(new ReviseSurvey(SURVEY, null, "Spring survey", List.of(SAFE), NORTH_STAFF, LATER))
                   .expectException(brokenRule(QuestionsFixed.class, "questions"))
                   .expectNoEvents();
        }

        @Test
        void opensWithTheVersionOfItsQuestionsUntilAMomentToCome() {
            fixture.given(created(), new SurveyRevised(SURVEY, "Spring survey", List.of(SAFE), 2, "staff-n", NOW))
                   .when(new OpenSurvey(SURVEY, CLOSES, NORTH_STAFF, NOW))
                   .expectEvents(new SurveyOpened(SURVEY, 2, CLOSES, "staff-n", NOW));
            fixture.given(created())
                   .when(new OpenSurvey(SURVEY, NOW, NORTH_STAFF, NOW))
                   .expectException(brokenRule(ClosesInThePast.class, "closesAt"));
            fixture.given(created(), opened())
                   .when(new OpenSurvey(SURVEY, CLOSES, NORTH_STAFF, NOW))
                   .expectException(brokenRule(AlreadyOpened.class, "surveyId"));
        }

        @Test
        void isNoneOfAnotherSchoolsOrTrustsBusiness() {
            fixture.given(created())
                   .when(new OpenSurvey(SURVEY, CLOSES, SOUTH_STAFF, NOW))
                   .expectException(SurveyNotFound.class);
            fixture.given(created())
                   .when(new OpenSurvey(SURVEY, CLOSES, OTHER_TRUST, NOW))
                   .expectException(SurveyNotFound.class);
        }
    }

    @Nested
    class Send {

        @Test
        void eachCarerOnceWithTheirOwnLink() {
            fixture.given(created(), opened(), sent(AMINA))
                   .when(new SendSurvey(SURVEY, List.of(AMINA, CHIDI), "everyone on the roll", NORTH_STAFF, LATER))
                   .expectEvents(new SurveySent(SURVEY, List.of(CHIDI), "everyone on the roll", "staff-n", LATER))
                   .expectResultMessagePayload(new Sent(List.of(CHIDI), 3));
        }

        @Test
        void onlyWhileItIsOpen() {
            fixture.given(created())
                   .when(new SendSurvey(SURVEY, List.of(AMINA), "by name", NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotOpen.class, "surveyId"));
            fixture.given(created(), opened())
                   .when(new SendSurvey(SURVEY, List.of(AMINA), "by name", NORTH_STAFF, CLOSES))
                   .expectException(brokenRule(NotOpen.class, "surveyId"));
        }
    }

    @Nested
    class Answer {

        @Test
        void recordsTheAnswerUnattributedAndPublishesOnlyThatTheCarerTookPart() {
            GivenAnswer better = new GivenAnswer(BETTER.questionId(), null, "  More coffee mornings  ");
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-amina", LATER, happy(ScaleAnswer.AGREE), better))
                   .expectEvents(new SurveyAnswered(SURVEY, TRUST, NORTH, "warsame", "amina", false, LATER),
                                 new SurveyResponseRecorded(SURVEY, "response-a", "warsame", NORTH,
                                                            Set.of(YearGroup.YEAR_3),
                                                            List.of(happy(ScaleAnswer.AGREE),
                                                                    new GivenAnswer(BETTER.questionId(), null,
                                                                                    "More coffee mornings")),
                                                            LATER));
        }

        @Test
        void aSecondAnswerReplacesTheFirstUnderTheSameResponse() {
            fixture.given(created(), opened(), sent(AMINA),
                          new SurveyAnswered(SURVEY, TRUST, NORTH, "warsame", "amina", false, NOW),
                          new SurveyResponseRecorded(SURVEY, "response-a", "warsame", NORTH,
                                                     Set.of(YearGroup.YEAR_3), List.of(happy(ScaleAnswer.AGREE)),
                                                     NOW))
                   .when(answer("hash-amina", LATER, happy(ScaleAnswer.DISAGREE)))
                   .expectEvents(new SurveyAnswered(SURVEY, TRUST, NORTH, "warsame", "amina", true, LATER),
                                 new SurveyResponseRecorded(SURVEY, "response-a", "warsame", NORTH,
                                                            Set.of(YearGroup.YEAR_3),
                                                            List.of(happy(ScaleAnswer.DISAGREE)), LATER));
        }

        @Test
        void anUnknownLinkOpensNothing() {
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-guessed", LATER, happy(ScaleAnswer.AGREE)))
                   .expectException(UnknownLink.class)
                   .expectNoEvents();
        }

        @Test
        void notOnceTheSurveyHasClosedOrItsTimeIsUp() {
            fixture.given(created(), opened(), sent(AMINA), new SurveyClosed(SURVEY, "staff-n", LATER))
                   .when(answer("hash-amina", LATER, happy(ScaleAnswer.AGREE)))
                   .expectException(brokenRule(NotOpen.class, "token"));
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-amina", CLOSES, happy(ScaleAnswer.AGREE)))
                   .expectException(brokenRule(NotOpen.class, "token"));
        }

        @Test
        void eachAnswerFitsItsQuestion() {
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-amina", LATER))
                   .expectException(brokenRule(AnswerNotSound.class, "answers"));
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-amina", LATER, new GivenAnswer("pv-9", ScaleAnswer.AGREE, null)))
                   .expectException(brokenRule(NotAQuestionOfTheSurvey.class, "answers"));
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-amina", LATER, new GivenAnswer(HAPPY.questionId(), null, "Yes")))
                   .expectException(brokenRule(AnswerNotSound.class, "answers"));
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-amina", LATER, new GivenAnswer(BETTER.questionId(), null, " ")))
                   .expectException(brokenRule(AnswerNotSound.class, "answers"));
            fixture.given(created(), opened(), sent(AMINA))
                   .when(answer("hash-amina", LATER, happy(ScaleAnswer.AGREE), happy(ScaleAnswer.DISAGREE)))
                   .expectException(brokenRule(AnswerNotSound.class, "answers"));
        }
    }

    @Nested
    class CloseAndAct {

        @Test
        void closesOnceWhileOpen() {
            fixture.given(created(), opened())
                   .when(new CloseSurvey(SURVEY, NORTH_STAFF, LATER))
                   .expectEvents(new SurveyClosed(SURVEY, "staff-n", LATER));
            fixture.given(created(), opened(), new SurveyClosed(SURVEY, "staff-n", LATER))
                   .when(new CloseSurvey(SURVEY, NORTH_STAFF, LATER))
                   .expectException(brokenRule(NotOpen.class, "surveyId"));
        }

        @Test
        void anActionAnswersQuestionsOfTheSurveyAndMovesOn() {
            PlanAction plan = new PlanAction(SURVEY, "action-1", List.of(HAPPY.questionId()), "Mornings are rushed",
                                             "A breakfast club from May", ActionStatus.PLANNED, NORTH_STAFF, LATER);
            ActionPlanned planned = new ActionPlanned(SURVEY, "action-1", List.of(HAPPY.questionId()),
                                                      "Mornings are rushed", "A breakfast club from May",
                                                      ActionStatus.PLANNED, "staff-n", LATER);
            fixture.given(created(), opened()).when(plan).expectEvents(planned);
            fixture.given(created()).when(plan).expectException(brokenRule(NotOpen.class, "surveyId"));
            fixture.given(created(), opened())
                   .when(new PlanAction(SURVEY, "action-1", List.of("pv-12"), "x", "y", ActionStatus.PLANNED,
                                        NORTH_STAFF, LATER))
                   .expectException(brokenRule(NotAQuestionOfTheSurvey.class, "questionIds"));
            fixture.given(created(), opened(), planned)
                   .when(new ChangeActionStatus(SURVEY, "action-1", ActionStatus.DONE, NORTH_STAFF, LATER))
                   .expectEvents(new ActionStatusChanged(SURVEY, "action-1", ActionStatus.DONE, "staff-n", LATER));
            fixture.given(created(), opened())
                   .when(new ChangeActionStatus(SURVEY, "action-9", ActionStatus.DONE, NORTH_STAFF, LATER))
                   .expectException(NoSuchAction.class);
        }
    }
}
