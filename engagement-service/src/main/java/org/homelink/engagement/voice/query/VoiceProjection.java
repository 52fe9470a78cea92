package org.homelink.engagement.voice.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.homelink.contracts.engagement.SurveyAnswered;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.engagement.voice.events.SurveyEvents.ActionPlanned;
import org.homelink.engagement.voice.events.SurveyEvents.ActionStatusChanged;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyClosed;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyCreated;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyOpened;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyResponseRecorded;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyRevised;
import org.homelink.engagement.voice.events.SurveyEvents.SurveySent;
import org.homelink.engagement.voice.query.SurveyView.Action;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Surveys, the personal links sent for them, and their answers as results count them.
 * <p>
 * Idempotent and replayable: a survey records the sequence number of its latest event applied, and an event at or
 * below it is passed over. Links and responses are written, keyed by their own ids, before the survey's version
 * moves on, so an event delivered again sets them as once.
 */
@Component
@ProcessingGroup(VoiceProjection.PROCESSING_GROUP)
public class VoiceProjection {

    public static final String PROCESSING_GROUP = "engagement-voice";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<SurveyView> surveys;
    private final MongoCollection<SurveyLink> links;
    private final MongoCollection<SurveyResponse> responses;

    @Autowired
    public VoiceProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public VoiceProjection(MongoDatabase database) {
        this.surveys = database.getCollection("surveys", SurveyView.class);
        this.links = database.getCollection("surveyLinks", SurveyLink.class);
        this.responses = database.getCollection("surveyResponses", SurveyResponse.class);
    }

    @EventHandler
    void on(SurveyCreated event, @SequenceNumber long sequence) {
        if (survey(event.surveyId()).isPresent()) {
            return;
        }
        surveys.replaceOne(eq("_id", event.surveyId()), new SurveyView(
                event.surveyId(), event.trustId(), event.schoolUrns(), event.title(), event.questions(), 1, "DRAFT",
                null, List.of(), event.createdBy(), event.createdAt(), sequence), UPSERT);
    }

    @EventHandler
    void on(SurveyRevised event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, s -> new SurveyView(
                s.surveyId(), s.trustId(), s.schoolUrns(), event.title(), event.questions(), event.questionsVersion(),
                s.stage(), s.closesAt(), s.actions(), s.createdBy(), s.createdAt(), s.version()));
    }

    @EventHandler
    void on(SurveyOpened event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, s -> withStage(s, "OPEN", event.closesAt()));
    }

    @EventHandler
    void on(SurveyClosed event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, s -> withStage(s, "CLOSED", s.closesAt()));
    }

    @EventHandler
    void on(SurveySent event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, s -> {
            // One round trip for a school's families, not one per carer; each link is its own, so order is no matter.
            List<ReplaceOneModel<SurveyLink>> sent = event.recipients().stream().map(r -> new ReplaceOneModel<>(
                    eq("_id", r.tokenHash()), new SurveyLink(r.tokenHash(), event.surveyId(), r.familyId(),
                                                             r.carerId(), r.schoolUrn(), r.responseId(), r.channel(),
                                                             r.language(), r.byStaff(), event.sentAt()),
                    UPSERT)).toList();
            if (!sent.isEmpty()) {
                links.bulkWrite(sent, new BulkWriteOptions().ordered(false));
            }
            return s;
        });
    }

    @EventHandler
    void on(SurveyAnswered event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, UnaryOperator.identity());
    }

    @EventHandler
    void on(SurveyResponseRecorded event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, s -> {
            responses.replaceOne(eq("_id", event.responseId()), new SurveyResponse(
                    event.responseId(), event.surveyId(), event.schoolUrn(), event.yearGroups(), event.answers()),
                                 UPSERT);
            return s;
        });
    }

    @EventHandler
    void on(ActionPlanned event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, s -> withActions(s, Stream.concat(s.actions().stream(), Stream.of(
                new Action(event.actionId(), event.questionIds(), event.youSaid(), event.weDid(), event.status(),
                           event.plannedAt(), event.plannedAt()))).toList()));
    }

    @EventHandler
    void on(ActionStatusChanged event, @SequenceNumber long sequence) {
        update(event.surveyId(), sequence, s -> withActions(s, s.actions().stream().map(
                a -> !a.actionId().equals(event.actionId()) ? a
                        : new Action(a.actionId(), a.questionIds(), a.youSaid(), a.weDid(), event.status(),
                                     a.plannedAt(), event.changedAt())).toList()));
    }

    /**
     * An erased family's links stop working, and its carers' answers leave the results: found by the response ids
     * their links were sent with, since results keep answers under those alone. A replay never records them at all
     * (their answers read as null, and the event is passed over), so the results are the same either way.
     */
    @EventHandler
    void on(FamilyErased event) {
        List<String> answered = links.find(eq("familyId", event.familyId())).map(SurveyLink::responseId)
                                     .into(new ArrayList<>()).stream().filter(Objects::nonNull).toList();
        if (!answered.isEmpty()) {
            responses.deleteMany(in("_id", answered));
        }
        links.deleteMany(eq("familyId", event.familyId()));
    }

    @ResetHandler
    void reset() {
        surveys.deleteMany(new Document());
        links.deleteMany(new Document());
        responses.deleteMany(new Document());
    }

    public Optional<SurveyView> survey(String surveyId) {
        return Optional.ofNullable(surveys.find(eq("_id", surveyId)).first());
    }

    /** Every survey of the trust, for the caller's view to narrow to their schools. */
    public List<SurveyView> surveysOfTrust(String trustId) {
        // A school runs a handful of surveys a year: a filter over a trust's surveys is cheap on any store.
        return surveys.find(eq("trustId", trustId)).into(new ArrayList<>());
    }

    public Optional<SurveyLink> link(String tokenHash) {
        return Optional.ofNullable(links.find(eq("_id", tokenHash)).first());
    }

    public List<SurveyLink> linksOf(String surveyId) {
        return links.find(eq("surveyId", surveyId)).batchSize(500).into(new ArrayList<>());
    }

    public List<SurveyResponse> responsesTo(String surveyId) {
        return responses.find(eq("surveyId", surveyId)).batchSize(500).into(new ArrayList<>());
    }

    /** The survey's version as this read model has applied it, or -1 before it has seen it. */
    public long versionOf(String surveyId) {
        return survey(surveyId).map(SurveyView::version).orElse(-1L);
    }

    private void update(String surveyId, long sequence, UnaryOperator<SurveyView> change) {
        SurveyView survey = surveys.find(eq("_id", surveyId)).first();
        if (survey == null || survey.version() >= sequence) {
            return; // applied before
        }
        SurveyView s = change.apply(survey);
        surveys.replaceOne(eq("_id", surveyId), new SurveyView(
                s.surveyId(), s.trustId(), s.schoolUrns(), s.title(), s.questions(), s.questionsVersion(), s.stage(),
                s.closesAt(), s.actions(), s.createdBy(), s.createdAt(), sequence), UPSERT);
    }

    private static SurveyView withStage(SurveyView s, String stage, java.time.Instant closesAt) {
        return new SurveyView(s.surveyId(), s.trustId(), s.schoolUrns(), s.title(), s.questions(),
                              s.questionsVersion(), stage, closesAt, s.actions(), s.createdBy(), s.createdAt(),
                              s.version());
    }

    private static SurveyView withActions(SurveyView s, List<Action> actions) {
        return new SurveyView(s.surveyId(), s.trustId(), s.schoolUrns(), s.title(), s.questions(),
                              s.questionsVersion(), s.stage(), s.closesAt(), actions, s.createdBy(), s.createdAt(),
                              s.version());
    }
}
