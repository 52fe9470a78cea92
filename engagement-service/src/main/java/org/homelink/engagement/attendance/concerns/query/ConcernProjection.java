package org.homelink.engagement.attendance.concerns.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.homelink.contracts.engagement.AttendanceConcernRaised;
import org.homelink.contracts.engagement.ConcernEscalated;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConcernClosed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConversationLogged;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportPlanAgreed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportReviewed;
import org.homelink.engagement.attendance.concerns.query.ConcernView.Step;
import org.homelink.engagement.attendance.query.AttendanceProjection;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.pull;

/**
 * Attendance concerns, one document each, and per school the ids of its concerns (the embedded store finds
 * documents fast only by id). Idempotent: a step is applied only when its sequence number is past the concern's
 * version, and a school's list changes by a set operation. Kept by the attendance processor, beside the registers
 * the concerns are about.
 */
@Component
@ProcessingGroup(AttendanceProjection.PROCESSING_GROUP)
public class ConcernProjection {

    public static final String CONCERNS = "attendanceConcerns";
    public static final String SCHOOLS = "attendanceConcernSchools";

    private final MongoCollection<ConcernView> concerns;
    private final MongoCollection<Document> schools;

    @Autowired
    public ConcernProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public ConcernProjection(MongoDatabase database) {
        this.concerns = database.getCollection(CONCERNS, ConcernView.class);
        this.schools = database.getCollection(SCHOOLS);
    }

    @EventHandler
    void on(AttendanceConcernRaised event, @SequenceNumber long sequence) {
        if (concern(event.concernId()).isEmpty()) {
            concerns.replaceOne(eq("_id", event.concernId()), new ConcernView(
                    event.concernId(), event.trustId(), event.schoolUrn(), event.childId(), event.familyId(),
                    event.reason(), "RAISED", event.raisedAt(), event.raisedBy(), null, null, null, null, sequence,
                    List.of(Step.of(sequence, "RAISED", event.raisedBy(), event.raisedAt()))),
                                new ReplaceOptions().upsert(true));
        }
        schools.updateOne(eq("_id", event.schoolUrn()), addToSet("concernIds", event.concernId()),
                          new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ConversationLogged event, @SequenceNumber long sequence) {
        step(event.concernId(), sequence, concern -> concern.then(
                sequence, "RAISED".equals(concern.stage()) ? "TALKED" : concern.stage(), concern.reviewOn(),
                concern.championId(), null, null,
                new Step(sequence, "CONVERSATION", event.loggedBy(), event.loggedAt(), event.carerIds(),
                         event.happenedAt(), event.summary(), null, null, null, null, null)));
    }

    @EventHandler
    void on(SupportPlanAgreed event, @SequenceNumber long sequence) {
        step(event.concernId(), sequence, concern -> concern.then(
                sequence, "PLAN_AGREED", event.reviewOn(), concern.championId(), null, null,
                new Step(sequence, "SUPPORT_PLAN", event.agreedBy(), event.agreedAt(), null, null, null,
                         event.actions(), event.reviewOn(), null, null, null)));
    }

    @EventHandler
    void on(SupportReviewed event, @SequenceNumber long sequence) {
        // Reviewed, the date is no longer awaited: whatever comes next, it is not overdue.
        step(event.concernId(), sequence, concern -> concern.then(
                sequence, event.helped() ? concern.stage() : "NOT_HELPED", null, concern.championId(), null, null,
                new Step(sequence, "REVIEW", event.reviewedBy(), event.reviewedAt(), null, null, event.note(), null,
                         null, event.helped(), null, null)));
    }

    @EventHandler
    void on(ConcernEscalated event, @SequenceNumber long sequence) {
        String kind = event.step().name();
        boolean champion = event.championId() != null;
        step(event.concernId(), sequence, concern -> concern.then(
                sequence, champion ? "WITH_CHAMPION" : "WITH_LOCAL_AUTHORITY", null,
                champion ? event.championId() : concern.championId(), null, null,
                new Step(sequence, kind, event.escalatedBy(), event.escalatedAt(), null, null, null, null, null, null,
                         event.championId(), null)));
    }

    @EventHandler
    void on(ConcernClosed event, @SequenceNumber long sequence) {
        Instant at = event.closedAt();
        step(event.concernId(), sequence, concern -> concern.then(
                sequence, "CLOSED", null, concern.championId(), event.outcome().name(), at,
                new Step(sequence, "CLOSED", event.closedBy(), at, null, null, event.note(), null, null, null, null,
                         event.outcome().name())));
    }

    /** The concerns about an erased family's children go, from their schools' lists too. */
    @EventHandler
    void on(FamilyErased event) {
        List<ConcernView> erased = concerns.find(eq("familyId", event.familyId())).into(new ArrayList<>());
        for (ConcernView concern : erased) {
            schools.updateOne(eq("_id", concern.schoolUrn()), pull("concernIds", concern.concernId()));
        }
        concerns.deleteMany(eq("familyId", event.familyId()));
    }

    @ResetHandler
    void reset() {
        concerns.deleteMany(new Document());
        schools.deleteMany(new Document());
    }

    private void step(String concernId, long sequence, UnaryOperator<ConcernView> change) {
        concern(concernId).filter(concern -> sequence > concern.version())
                          .ifPresent(concern -> concerns.replaceOne(eq("_id", concernId), change.apply(concern)));
    }

    public Optional<ConcernView> concern(String concernId) {
        return Optional.ofNullable(concerns.find(eq("_id", concernId)).first());
    }

    /** The version of the concern the read model has applied, -1 when it has not seen it: for read-your-writes. */
    public long versionOf(String concernId) {
        return concern(concernId).map(ConcernView::version).orElse(-1L);
    }

    /** Every concern of the school, closed ones included. */
    public List<ConcernView> ofSchool(String schoolUrn) {
        List<String> ids = idsOf(schoolUrn);
        return ids.isEmpty() ? List.of() : concerns.find(in("_id", ids)).into(new ArrayList<>());
    }

    /** The ids of the school's concerns, closed ones included, without the concerns. */
    public List<String> idsOf(String schoolUrn) {
        Document school = schools.find(eq("_id", schoolUrn)).first();
        return school == null ? List.of() : school.getList("concernIds", String.class);
    }
}
