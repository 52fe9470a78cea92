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
import org.homelink.contracts.engagement.ActivityCancelled;
import org.homelink.contracts.engagement.ActivityRescheduled;
import org.homelink.contracts.engagement.ActivityScheduled;
import org.homelink.contracts.engagement.AttendanceRecorded;
import org.homelink.contracts.engagement.FamilyInvited;
import org.homelink.contracts.engagement.InvitationAnswered;
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
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

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

    private final MongoCollection<ActivityView> activities;
    private final MongoCollection<InvitationView> invitations;

    @Autowired
    public ActivityProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public ActivityProjection(MongoDatabase database) {
        this.activities = database.getCollection("activities", ActivityView.class);
        this.invitations = database.getCollection("invitations", InvitationView.class);
    }

    @EventHandler
    void on(ActivityScheduled event, @SequenceNumber long sequence) {
        if (activity(event.activityId()).isPresent()) {
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
        update(event.activityId(), sequence, activity -> with(activity, activity.occurrences().stream()
                .map(m -> m.number() == event.occurrence().number()
                        ? new Meeting(m.number(), event.occurrence().start(), event.occurrence().end(), m.cancelled())
                        : m).toList(),
                append(activity.changes(), new Change("RESCHEDULED", event.occurrence().number(),
                                                      event.occurrence().start(), event.occurrence().end(),
                                                      event.reason(), event.rescheduledBy(),
                                                      event.rescheduledAt())),
                movedSlots(activity, event), activity.familyIds()));
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
        update(event.activityId(), sequence, activity -> with(activity, activity.occurrences().stream()
                .map(m -> (event.occurrence() != null ? m.number() == event.occurrence()
                                                      : m.end().isAfter(event.cancelledAt()))
                        ? new Meeting(m.number(), m.start(), m.end(), true) : m).toList(),
                append(activity.changes(), new Change("CANCELLED", event.occurrence(), null, null, event.reason(),
                                                      event.cancelledBy(), event.cancelledAt())),
                activity.slots(), activity.familyIds()));
    }

    @EventHandler
    void on(FamilyInvited event, @SequenceNumber long sequence) {
        update(event.activityId(), sequence, activity -> {
            // A family that came without an invitation has an entry already, with no invitation in it yet.
            invitation(event.activityId(), event.familyId(), known -> known != null && known.invitedAt() != null
                    ? known
                    : new InvitationView(InvitationView.idOf(event.activityId(), event.familyId()), event.activityId(),
                                         event.familyId(), event.carers(), event.audience(), event.invitedAt(), null,
                                         null, Set.of(), false, null, known == null ? List.of() : known.checkIns()));
            return with(activity, activity.occurrences(), activity.changes(), activity.slots(),
                        added(activity.familyIds(), event.familyId()));
        });
    }

    @EventHandler
    void on(InvitationAnswered event, @SequenceNumber long sequence) {
        update(event.activityId(), sequence, activity -> {
            invitation(event.activityId(), event.familyId(), known -> known == null ? null : new InvitationView(
                    known.id(), known.activityId(), known.familyId(), known.carers(), known.audience(),
                    known.invitedAt(), event.answer(), event.carerId(), event.wouldHelp(), event.waitlisted(),
                    event.answeredAt(), known.checkIns()));
            return activity;
        });
    }

    @EventHandler
    void on(AttendanceRecorded event, @SequenceNumber long sequence) {
        update(event.activityId(), sequence, activity -> {
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
            return with(activity, activity.occurrences(), activity.changes(), activity.slots(),
                        added(activity.familyIds(), event.familyId()));
        });
    }

    @EventHandler
    void on(SlotsOffered event, @SequenceNumber long sequence) {
        update(event.activityId(), sequence, activity -> with(
                activity, activity.occurrences(), activity.changes(),
                Stream.concat(activity.slots().stream(), event.slots().stream().map(slot -> new SlotView(
                        slot.slotId(), event.occurrence(), slot.teacherId(), event.teacherName(), slot.start(),
                        slot.end(), null, null, null))).toList(),
                activity.familyIds()));
    }

    @EventHandler
    void on(SlotBooked event, @SequenceNumber long sequence) {
        update(event.activityId(), sequence, activity -> withSlot(activity, event.slotId(), slot -> new SlotView(
                slot.slotId(), slot.occurrence(), slot.teacherId(), slot.teacherName(), slot.start(), slot.end(),
                event.familyId(), event.carerId(), event.childId())));
    }

    @EventHandler
    void on(SlotBookingCancelled event, @SequenceNumber long sequence) {
        update(event.activityId(), sequence, activity -> withSlot(activity, event.slotId(), slot -> new SlotView(
                slot.slotId(), slot.occurrence(), slot.teacherId(), slot.teacherName(), slot.start(), slot.end(),
                null, null, null)));
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
        return activity(activityId).map(ActivityView::version).orElse(-1L);
    }

    private void update(String activityId, long sequence, UnaryOperator<ActivityView> change) {
        ActivityView activity = activities.find(eq("_id", activityId)).first();
        if (activity == null || activity.version() >= sequence) {
            return; // applied before
        }
        ActivityView changed = change.apply(activity);
        activities.replaceOne(eq("_id", activityId), withVersion(changed, sequence), UPSERT);
    }

    private void invitation(String activityId, String familyId, UnaryOperator<InvitationView> change) {
        String id = InvitationView.idOf(activityId, familyId);
        InvitationView changed = change.apply(invitations.find(eq("_id", id)).first());
        if (changed != null) {
            invitations.replaceOne(eq("_id", id), changed, UPSERT);
        }
    }

    private static ActivityView withSlot(ActivityView activity, String slotId, UnaryOperator<SlotView> change) {
        return with(activity, activity.occurrences(), activity.changes(), activity.slots().stream()
                .map(slot -> slot.slotId().equals(slotId) ? change.apply(slot) : slot).toList(),
                    activity.familyIds());
    }

    private static ActivityView with(ActivityView a, List<Meeting> occurrences, List<Change> changes,
                                     List<SlotView> slots, List<String> familyIds) {
        return new ActivityView(a.activityId(), a.trustId(), a.schoolUrn(), a.kind(), a.kindName(), a.title(),
                                a.description(), occurrences, a.venue(), a.capacity(), a.interpreterLanguages(),
                                a.crecheAvailable(), a.involvementTypes(), a.coHostOrganisationId(), familyIds,
                                changes, slots, a.scheduledBy(), a.scheduledAt(), a.version());
    }

    private static ActivityView withVersion(ActivityView a, long version) {
        return new ActivityView(a.activityId(), a.trustId(), a.schoolUrn(), a.kind(), a.kindName(), a.title(),
                                a.description(), a.occurrences(), a.venue(), a.capacity(), a.interpreterLanguages(),
                                a.crecheAvailable(), a.involvementTypes(), a.coHostOrganisationId(), a.familyIds(),
                                a.changes(), a.slots(), a.scheduledBy(), a.scheduledAt(), version);
    }

    private static <T> List<T> append(List<T> items, T item) {
        return Stream.concat(items.stream(), Stream.of(item)).toList();
    }

    private static List<String> added(List<String> items, String item) {
        return items.contains(item) ? items : append(items, item);
    }
}
