package org.homelink.engagement.voice.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.engagement.SurveyAnswered;
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
import org.homelink.engagement.voice.events.GivenAnswer;
import org.homelink.engagement.voice.events.Question;
import org.homelink.engagement.voice.events.Question.QuestionKind;
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
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A parent voice survey: its questions (fixed once it opens), the carers it was sent to by the hash of each one's
 * personal link, their answers, and the "you said, we did" actions taken on them.
 * <p>
 * One answer per carer: a carer who answers again before the survey closes replaces their answer, as they would
 * correct a paper form before handing it in; results count each carer once. Staff commands need the caller to act
 * for every school the survey is for; a survey elsewhere is one that does not exist.
 */
@Aggregate
public class Survey {

    /** Long enough for a considered answer, short enough that a form is not a channel for documents. */
    static final int LONGEST_TEXT = 2000;

    private enum Stage { DRAFT, OPEN, CLOSED }

    @AggregateIdentifier
    private String surveyId;
    private String trustId;
    private List<String> schoolUrns;
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private int questionsVersion;
    private Stage stage;
    private Instant closesAt;
    /** By the hash of each one's personal link. */
    private final Map<String, Recipient> recipients = new HashMap<>();
    /** The response ids of the recipients who have answered. */
    private final Set<String> answered = new HashSet<>();
    private final Set<String> actions = new HashSet<>();

    protected Survey() {
    }

    @CommandHandler
    public Survey(CreateSurvey command) {
        RequestContext actor = command.actor();
        for (String school : command.schoolUrns()) {
            if (!actor.covers(actor.trustId(), Set.of(school))) {
                throw new NotYourSchool(school);
            }
        }
        requireSound(command.questions());
        apply(new SurveyCreated(command.surveyId(), actor.trustId(), List.copyOf(command.schoolUrns()),
                                command.title(), List.copyOf(command.questions()), actor.staffId(), command.at()));
    }

    @CommandHandler
    public long handle(ReviseSurvey command) {
        requireInScope(command.actor());
        if (stage != Stage.DRAFT) {
            throw new QuestionsFixed();
        }
        requireSound(command.questions());
        apply(new SurveyRevised(surveyId, command.title(), List.copyOf(command.questions()), questionsVersion + 1,
                                command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(OpenSurvey command) {
        requireInScope(command.actor());
        if (stage != Stage.DRAFT) {
            throw new AlreadyOpened();
        }
        if (!command.closesAt().isAfter(command.at())) {
            throw new ClosesInThePast();
        }
        apply(new SurveyOpened(surveyId, questionsVersion, command.closesAt(), command.actor().staffId(),
                               command.at()));
        return version();
    }

    @CommandHandler
    public Sent handle(SendSurvey command) {
        requireInScope(command.actor());
        requireOpen(command.at(), "surveyId");
        // Worked out when sending, which is rare, rather than kept up on every load.
        Set<String> carersSent = new HashSet<>();
        recipients.values().forEach(r -> carersSent.add(carerKey(r.familyId(), r.carerId())));
        List<Recipient> fresh = command.recipients().stream()
                                       .filter(r -> !carersSent.contains(carerKey(r.familyId(), r.carerId())))
                                       .toList();
        if (!fresh.isEmpty()) {
            apply(new SurveySent(surveyId, fresh, command.audience(), command.actor().staffId(), command.at()));
        }
        return new Sent(fresh, version());
    }

    @CommandHandler
    public long handle(AnswerSurvey command) {
        // The link is the only credential: anything it does not open answers as a link that does not exist.
        Recipient recipient = stage == null ? null : recipients.get(command.tokenHash());
        if (recipient == null) {
            throw new UnknownLink();
        }
        requireOpen(command.at(), "token");
        List<GivenAnswer> answers = soundAnswers(command.answers());
        boolean replacing = answered.contains(recipient.responseId());
        apply(new SurveyAnswered(surveyId, trustId, recipient.schoolUrn(), recipient.familyId(),
                                 recipient.carerId(), replacing, command.at()));
        apply(new SurveyResponseRecorded(surveyId, recipient.responseId(), recipient.familyId(),
                                         recipient.schoolUrn(), Set.copyOf(command.yearGroups()), answers,
                                         command.at()));
        return version();
    }

    @CommandHandler
    public long handle(CloseSurvey command) {
        requireInScope(command.actor());
        requireOpen(command.at(), "surveyId");
        apply(new SurveyClosed(surveyId, command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(PlanAction command) {
        requireInScope(command.actor());
        if (stage == Stage.DRAFT) {
            throw new NotOpen("surveyId");
        }
        if (command.questionIds().isEmpty()) {
            throw new NotAQuestionOfTheSurvey("questionIds", "(none given)");
        }
        command.questionIds().stream().filter(id -> !questions.containsKey(id)).findFirst().ifPresent(id -> {
            throw new NotAQuestionOfTheSurvey("questionIds", id);
        });
        apply(new ActionPlanned(surveyId, command.actionId(), List.copyOf(command.questionIds()), command.youSaid(),
                                command.weDid(), command.status(), command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(ChangeActionStatus command) {
        requireInScope(command.actor());
        if (!actions.contains(command.actionId())) {
            throw new NoSuchAction();
        }
        apply(new ActionStatusChanged(surveyId, command.actionId(), command.status(), command.actor().staffId(),
                                      command.at()));
        return version();
    }

    @EventSourcingHandler
    void on(SurveyCreated event) {
        surveyId = event.surveyId();
        trustId = event.trustId();
        schoolUrns = event.schoolUrns();
        stage = Stage.DRAFT;
        questionsVersion = 1;
        event.questions().forEach(q -> questions.put(q.questionId(), q));
    }

    @EventSourcingHandler
    void on(SurveyRevised event) {
        questions.clear();
        event.questions().forEach(q -> questions.put(q.questionId(), q));
        questionsVersion = event.questionsVersion();
    }

    @EventSourcingHandler
    void on(SurveyOpened event) {
        stage = Stage.OPEN;
        closesAt = event.closesAt();
    }

    @EventSourcingHandler
    void on(SurveySent event) {
        event.recipients().forEach(r -> recipients.put(r.tokenHash(), r));
    }

    @EventSourcingHandler
    void on(SurveyResponseRecorded event) {
        // Keyed as the response is, so that a load does not look through every recipient for each answer.
        answered.add(event.responseId());
    }

    @EventSourcingHandler
    void on(SurveyClosed event) {
        stage = Stage.CLOSED;
    }

    @EventSourcingHandler
    void on(ActionPlanned event) {
        actions.add(event.actionId());
    }

    private void requireInScope(RequestContext actor) {
        // A stream that is not a survey's (another aggregate's id) has no schools: it is no survey.
        if (schoolUrns == null
            || !schoolUrns.stream().allMatch(school -> actor.covers(trustId, Set.of(school)))) {
            throw new SurveyNotFound();
        }
    }

    private void requireOpen(Instant now, String field) {
        if (stage != Stage.OPEN || !now.isBefore(closesAt)) {
            throw new NotOpen(field);
        }
    }

    private static void requireSound(List<Question> questions) {
        if (questions.isEmpty()) {
            throw new NoQuestions();
        }
        Set<String> ids = new HashSet<>();
        for (Question question : questions) {
            if (question.questionId() == null || !ids.add(question.questionId())) {
                throw new QuestionNotSound("Each question needs an id of its own: " + question.questionId());
            }
            if (question.text() == null || question.text().isBlank() || question.kind() == null) {
                throw new QuestionNotSound("Question " + question.questionId() + " needs its text and kind");
            }
        }
    }

    /** The answers, each to a question of the survey, once, in the form its kind asks for; free text trimmed. */
    private List<GivenAnswer> soundAnswers(List<GivenAnswer> given) {
        if (given.isEmpty()) {
            throw new AnswerNotSound("Answer at least one question");
        }
        Set<String> seen = new HashSet<>();
        List<GivenAnswer> answers = new ArrayList<>();
        for (GivenAnswer answer : given) {
            Question question = questions.get(answer.questionId());
            if (question == null) {
                throw new NotAQuestionOfTheSurvey("answers", answer.questionId());
            }
            if (!seen.add(answer.questionId())) {
                throw new AnswerNotSound("Question " + answer.questionId() + " is answered twice");
            }
            if (question.kind() == QuestionKind.SCALE) {
                if (answer.scale() == null || answer.text() != null) {
                    throw new AnswerNotSound("Question " + answer.questionId() + " is answered on the scale");
                }
                answers.add(new GivenAnswer(answer.questionId(), answer.scale(), null));
            } else {
                String text = answer.text() == null ? "" : answer.text().strip();
                if (text.isEmpty() || text.length() > LONGEST_TEXT || answer.scale() != null) {
                    throw new AnswerNotSound("Question " + answer.questionId() + " is answered in words, up to "
                                             + LONGEST_TEXT + " characters");
                }
                answers.add(new GivenAnswer(answer.questionId(), null, text));
            }
        }
        return answers;
    }

    private static String carerKey(String familyId, String carerId) {
        return familyId + "/" + carerId;
    }

    private static long version() {
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }
}
