package org.homelink.engagement.activities.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.homelink.contracts.engagement.ActivityCancelled;
import org.homelink.contracts.engagement.ActivityRescheduled;
import org.homelink.contracts.engagement.ActivityScheduled;
import org.homelink.contracts.engagement.AttendanceRecorded;
import org.homelink.contracts.engagement.FamilyInvited;
import org.homelink.contracts.engagement.InvitationAnswered;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.engagement.activities.events.SlotBooked;
import org.homelink.engagement.activities.events.SlotBookingCancelled;
import org.homelink.engagement.activities.events.SlotsOffered;
import org.homelink.engagement.activities.query.ActivityView.Change;
import org.homelink.engagement.activities.query.ActivityView.Meeting;
import org.homelink.engagement.activities.query.ActivityView.SlotView;
import org.homelink.engagement.activities.query.InvitationView.CheckIn;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.web.RequestContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Projections.exclude;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.set;

/**
 * Activities as staff see them, and each family's invitation, answer and check-ins.
 * <p>
 * Idempotent and replayable: an activity records the sequence number of its latest event applied, and an event at or
 * below it is passed over. An invitation is written before its activity's version moves on, so a stop between the
 * two is repaired when the event comes again (setting an invitation's entry twice leaves it as once).
 */
@Component
@ProcessingGroup(ActivityProjection.PROCESSING_GROUP)
public class ActivityProjection {

    public static final String PROCESSING_GROUP = "engagement-activities";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String VERSION = "version";
    private static final String FAMILY_IDS = "familyIds";
    private static final String OCCURRENCES = "occurrences";
    private static final String CHANGES = "changes";
    private static final String SLOTS = "slots";

    private final MongoCollection<ActivityView> activities;
    /** The same collection, read for versions alone. */
    private final MongoCollection<Document> versions;
    private final MongoCollection<InvitationView> invitations;

    @Autowired
    public ActivityProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public ActivityProjection(MongoDatabase database) {
        this.activities = database.getCollection("activities", ActivityView.class);
        this.versions = database.getCollection("activities");
        this.invitations = database.getCollection("invitations", InvitationView.class);
    }

    @EventHandler
    void on(ActivityScheduled event, @SequenceNumber long sequence) {
        if (versionOf(event.activityId()) >= 0) {
            return;
        }
        List<Meeting> meetings = event.occurrences().stream()
                                      .map(o -> new Meeting(o.number(), o.start(), o.end(), false)).toList();
        activities.replaceOne(eq("_id", event.activityId()), new ActivityView(
                event.activityId(), event.trustId(), event.schoolUrn(), event.kind(), event.kindName(),
                event.title(), event.description(), meetings, event.venue(), event.capacity(),
                event.interpreterLanguages(), event.crecheAvailable(), event.involvementTypes(),
                event.coHostOrganisationId(), List.of(), List.of(), List.of(), event.scheduledBy(),
                event.scheduledAt(), sequence), UPSERT);
    }

    @EventHandler
    void on(ActivityRescheduled event, @SequenceNumber long sequence) {
        unapplied(event.activityId(), sequence).ifPresent(activity -> change(
                event.activityId(), sequence,
                set(OCCURRENCES, activity.occurrences().stream()
                        .map(m -> m.number() == event.occurrence().number()
                                ? new Meeting(m.number(), event.occurrence().start(), event.occurrence().end(),
                                              m.cancelled())
                                : m).toList()),
                push(CHANGES, new Change("RESCHEDULED", event.occurrence().number(), event.occurrence().start(),
                                         event.occurrence().end(), event.reason(), event.rescheduledBy(),
                                         event.rescheduledAt())),
                set(SLOTS, movedSlots(activity, event))));
    }

    /** A parents' evening's appointments move with it, each keeping its place in the evening. */
    private static List<SlotView> movedSlots(ActivityView activity, ActivityRescheduled event) {
        int number = event.occurrence().number();
        java.time.Duration shift = activity.occurrences().stream().filter(m -> m.number() == number).findFirst()
                .map(m -> java.time.Duration.between(m.start(), event.occurrence().start()))
                .orElse(java.time.Duration.ZERO);
        return activity.slots().stream().map(slot -> slot.occurrence() != number ? slot : new SlotView(
                slot.slotId(), slot.occurrence(), slot.teacherId(), slot.teacherName(), slot.start().plus(shift),
                slot.end().plus(shift), slot.familyId(), slot.carerId(), slot.childId())).toList();
    }

    @EventHandler
    void on(ActivityCancelled event, @SequenceNumber long sequence) {
        unapplied(event.activityId(), sequence).ifPresent(activity -> change(
                event.activityId(), sequence,
                set(OCCURRENCES, activity.occurrences().stream()
                        .map(m -> (event.occurrence() != null ? m.number() == event.occurrence()
                                                              : m.end().isAfter(event.cancelledAt()))
                                ? new Meeting(m.number(), m.start(), m.end(), true) : m).toList()),
                push(CHANGES, new Change("CANCELLED", event.occurrence(), null, null, event.reason(),
                                         event.cancelledBy(), event.cancelledAt()))));
    }

    @EventHandler
    void on(FamilyInvited event, @SequenceNumber long sequence) {
        if (!isNews(event.activityId(), sequence)) {
            return;
        }
        // A family that came without an invitation has an entry already, with no invitation in it yet.
        invitation(event.activityId(), event.familyId(), known -> known != null && known.invitedAt() != null
                ? known
                : new InvitationView(InvitationView.idOf(event.activityId(), event.familyId()), event.activityId(),
                                     event.familyId(), event.carers(), event.audience(), event.invitedAt(), null,
                                     null, Set.of(), false, null, known == null ? List.of() : known.checkIns()));
        change(event.activityId(), sequence, addToSet(FAMILY_IDS, event.familyId()));
    }

    @EventHandler
    void on(InvitationAnswered event, @SequenceNumber long sequence) {
        if (!isNews(event.activityId(), sequence)) {
            return;
        }
        invitation(event.activityId(), event.familyId(), known -> known == null ? null : new InvitationView(
                known.id(), known.activityId(), known.familyId(), known.carers(), known.audience(),
                known.invitedAt(), event.answer(), event.carerId(), event.wouldHelp(), event.waitlisted(),
                event.answeredAt(), known.checkIns()));
        change(event.activityId(), sequence);
    }

    @EventHandler
    void on(AttendanceRecorded event, @SequenceNumber long sequence) {
        if (!isNews(event.activityId(), sequence)) {
            return;
        }
        invitation(event.activityId(), event.familyId(), known -> {
            InvitationView family = known != null ? known : new InvitationView(
                    InvitationView.idOf(event.activityId(), event.familyId()), event.activityId(),
                    event.familyId(), List.of(), null, null, null, null, Set.of(), false, null, List.of());
            List<CheckIn> checkIns = new ArrayList<>();
            Set<String> carers = new TreeSet<>(event.carerIds());
            Set<String> children = new TreeSet<>(event.childIds());
            for (CheckIn checkIn : family.checkIns()) {
                if (checkIn.occurrence() == event.occurrence()) {
                    carers.addAll(checkIn.carerIds());
                    children.addAll(checkIn.childIds());
                } else {
                    checkIns.add(checkIn);
                }
            }
            checkIns.add(new CheckIn(event.occurrence(), carers, children, event.recordedBy(),
                                     event.recordedAt()));
            return new InvitationView(family.id(), family.activityId(), family.familyId(), family.carers(),
                                      family.audience(), family.invitedAt(), family.answer(),
                                      family.answeredBy(), family.wouldHelp(), family.waitlisted(),
                                      family.answeredAt(), checkIns);
        });
        change(event.activityId(), sequence, addToSet(FAMILY_IDS, event.familyId()));
    }

    @EventHandler
    void on(SlotsOffered event, @SequenceNumber long sequence) {
        change(event.activityId(), sequence, pushEach(SLOTS, event.slots().stream().map(slot -> new SlotView(
                slot.slotId(), event.occurrence(), slot.teacherId(), event.teacherName(), slot.start(), slot.end(),
                null, null, null)).toList()));
    }

    @EventHandler
    void on(SlotBooked event, @SequenceNumber long sequence) {
        changeSlot(event.activityId(), sequence, event.slotId(), slot -> new SlotView(
                slot.slotId(), slot.occurrence(), slot.teacherId(), slot.teacherName(), slot.start(), slot.end(),
                event.familyId(), event.carerId(), event.childId()));
    }

    @EventHandler
    void on(SlotBookingCancelled event, @SequenceNumber long sequence) {
        changeSlot(event.activityId(), sequence, event.slotId(), slot -> new SlotView(
                slot.slotId(), slot.occurrence(), slot.teacherId(), slot.teacherName(), slot.start(), slot.end(),
                null, null, null));
    }

    /**
     * An erased family leaves every activity: its invitations, answers and check-ins go, and so does its place in each
     * activity's families. A parents' evening appointment it booked stays taken, since the activity itself still
     * holds it until a member of staff cancels it, but is no longer anyone's that this service can name.
     */
    @EventHandler
    void on(FamilyErased event) {
        String familyId = event.familyId();
        invitations.deleteMany(eq("familyId", familyId));
        activities.updateMany(eq(FAMILY_IDS, familyId), pull(FAMILY_IDS, familyId));
        for (ActivityView activity : activities.find(eq("slots.familyId", familyId)).projection(exclude(FAMILY_IDS))) {
            activities.updateOne(eq("_id", activity.activityId()), set(SLOTS, activity.slots().stream().map(
                    slot -> familyId.equals(slot.familyId()) ? slot.bookedByAnErasedFamily() : slot).toList()));
        }
    }

    @ResetHandler
    void reset() {
        activities.deleteMany(new Document());
        invitations.deleteMany(new Document());
    }

    public Optional<ActivityView> activity(String activityId) {
        return Optional.ofNullable(activities.find(eq("_id", activityId)).first());
    }

    /** The activity if the caller acts for its school; otherwise nothing, as if it did not exist. */
    public Optional<ActivityView> activityFor(RequestContext actor, String activityId) {
        return activity(activityId).filter(a -> actor.covers(a.trustId(), Set.of(a.schoolUrn())));
    }

    /** The activities of these schools of the trust, soonest first. */
    public List<ActivityView> activitiesAt(String trustId, Set<String> schoolUrns) {
        // A school runs tens of activities a term, not thousands: a filter over them is cheap on any store.
        return activities.find(and(eq("trustId", trustId), in("schoolUrn", schoolUrns)))
                         .sort(Sorts.ascending("scheduledAt")).batchSize(500).into(new ArrayList<>());
    }

    /** Every activity of the trust, soonest first: for trust leaders. */
    public List<ActivityView> activitiesOfTrust(String trustId) {
        return activities.find(eq("trustId", trustId)).sort(Sorts.ascending("scheduledAt")).batchSize(500)
                         .into(new ArrayList<>());
    }

    public List<InvitationView> invitationsOf(ActivityView activity) {
        List<String> ids = activity.familyIds().stream()
                                   .map(familyId -> InvitationView.idOf(activity.activityId(), familyId)).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return invitations.find(in("_id", ids)).batchSize(500).into(new ArrayList<>());
    }

    public Optional<InvitationView> invitation(String activityId, String familyId) {
        return Optional.ofNullable(invitations.find(eq("_id", InvitationView.idOf(activityId, familyId))).first());
    }

    /** The activity's version as this read model has applied it, or -1 before it has seen it. */
    public long versionOf(String activityId) {
        Document found = versions.find(eq("_id", activityId)).projection(include(VERSION)).first();
        return found == null ? -1 : found.get(VERSION, Number.class).longValue();
    }

    /** Whether the activity is known here and the event is later than any applied to it. */
    private boolean isNews(String activityId, long sequence) {
        long applied = versionOf(activityId);
        return applied >= 0 && applied < sequence;
    }

    /**
     * The activity, for an event later than any applied to it; without its families, which only grow and which no
     * event but an invitation or a check-in changes (and those add to them in place).
     */
    private Optional<ActivityView> unapplied(String activityId, long sequence) {
        return Optional.ofNullable(activities.find(eq("_id", activityId)).projection(exclude(FAMILY_IDS)).first())
                       .filter(activity -> activity.version() < sequence);
    }

    /**
     * Changes only the fields the event touches and moves the version on, unless the event was applied before: the
     * version in the filter makes an event delivered again change nothing.
     */
    private void change(String activityId, long sequence, Bson... changes) {
        List<Bson> update = new ArrayList<>(List.of(changes));
        update.add(set(VERSION, sequence));
        activities.updateOne(and(eq("_id", activityId), lt(VERSION, sequence)), combine(update));
    }

    private void changeSlot(String activityId, long sequence, String slotId, UnaryOperator<SlotView> change) {
        unapplied(activityId, sequence).ifPresent(activity -> change(activityId, sequence, set(SLOTS, activity.slots()
                .stream().map(slot -> slot.slotId().equals(slotId) ? change.apply(slot) : slot).toList())));
    }

    private void invitation(String activityId, String familyId, UnaryOperator<InvitationView> change) {
        String id = InvitationView.idOf(activityId, familyId);
        InvitationView changed = change.apply(invitations.find(eq("_id", id)).first());
        if (changed != null) {
            invitations.replaceOne(eq("_id", id), changed, UPSERT);
        }
    }
}
