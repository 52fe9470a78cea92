package org.homelink.engagement.families.query;

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
import org.homelink.contracts.engagement.ActivityCancelled;
import org.homelink.contracts.engagement.ActivityRescheduled;
import org.homelink.contracts.engagement.ActivityScheduled;
import org.homelink.contracts.engagement.AttendanceRecorded;
import org.homelink.contracts.engagement.ContactLogged;
import org.homelink.contracts.engagement.FamilyInvited;
import org.homelink.contracts.engagement.FollowUpCompleted;
import org.homelink.contracts.engagement.InvitationAnswered;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ChildLeftSchool;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ContactPreferencesChanged;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.engagement.families.query.ActivitySummary.Meeting;
import org.homelink.engagement.families.query.EngagementFamily.BarrierNote;
import org.homelink.engagement.families.query.EngagementFamily.Carer;
import org.homelink.engagement.families.query.EngagementFamily.Child;
import org.homelink.engagement.families.query.EngagementFamily.Contact;
import org.homelink.engagement.families.query.EngagementFamily.Invitation;
import org.homelink.engagement.reach.command.ReachSettingsChanged;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.web.IdempotentAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * engagement-service's own directory of families, built from family-service's events and its own: who each family
 * is, how each carer is best reached, and everything the school has done with them. Also the roll of each school
 * and each member of staff's caseload, which the views of reach read families by.
 * <p>
 * Idempotent and replayable: family-service's events are checked against the family's version, engagement events
 * set entries keyed by their own ids, rolls and caseloads change by set operations. A reset followed by a replay
 * builds the same documents (a test shows it).
 */
@Component
@ProcessingGroup(FamilyEngagementProjection.PROCESSING_GROUP)
public class FamilyEngagementProjection {

    public static final String PROCESSING_GROUP = "engagement-families";

    private static final Logger log = LoggerFactory.getLogger(FamilyEngagementProjection.class);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT_UPDATE = new UpdateOptions().upsert(true);
    static final String FAMILY_IDS = "familyIds";
    private static final int ID_CHUNK = 100;
    /** The collections this projection keeps, named for tools and benchmarks that read or fill them. */
    public static final String FAMILIES = "engagementFamilies";
    public static final String ROLLS = "schoolRolls";
    public static final String CASELOADS = "caseloads";
    public static final String ACTIVITY_SUMMARIES = "activitySummaries";

    private final MongoDatabase database;
    private final MongoCollection<EngagementFamily> families;
    private final MongoCollection<SchoolRoll> rolls;
    private final MongoCollection<Caseload> caseloads;
    private final MongoCollection<ActivitySummary> activities;

    @Autowired
    public FamilyEngagementProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public FamilyEngagementProjection(MongoDatabase database) {
        this.database = database;
        this.families = database.getCollection(FAMILIES, EngagementFamily.class);
        this.rolls = database.getCollection(ROLLS, SchoolRoll.class);
        this.caseloads = database.getCollection(CASELOADS, Caseload.class);
        this.activities = database.getCollection(ACTIVITY_SUMMARIES, ActivitySummary.class);
    }

    @EventHandler
    void on(SchoolRegistered event) {
        rolls.updateOne(eq("_id", event.schoolUrn()),
                        combine(set("trustId", event.trustId()), set("name", event.name()),
                                setOnInsert(FAMILY_IDS, List.of())), UPSERT_UPDATE);
    }

    @EventHandler
    void on(ReachSettingsChanged event, @SequenceNumber long sequence) {
        rolls.updateOne(eq("_id", event.schoolUrn()),
                        combine(setOnInsert("trustId", event.trustId()),
                                set("weeksWithoutTwoWayContact", event.weeksWithoutTwoWayContact()),
                                set("invitationsWithoutAttendance", event.invitationsWithoutAttendance()),
                                max("settingsVersion", sequence)), UPSERT_UPDATE);
    }

    @EventHandler
    void on(FamilyRegistered event, @SequenceNumber long sequence) {
        if (families.find(eq("_id", event.familyId())).first() != null) {
            return; // a redelivery
        }
        List<String> schools = List.copyOf(new TreeSet<>(event.schoolUrns()));
        // The rolls first: once the family is saved, a redelivery stops at the check above.
        onRolls(event.familyId(), event.trustId(), Set.of(), event.schoolUrns());
        families.replaceOne(eq("_id", event.familyId()),
                            EngagementFamily.registered(event.familyId(), event.trustId(), schools,
                                                        event.familyName(), event.registeredAt(), sequence), UPSERT);
    }

    @EventHandler
    void on(CarerAdded event, @SequenceNumber long sequence) {
        update(event, sequence, family -> family.with(carer(event.carerId(), event.name(),
                                                            event.parentalResponsibility(), event.preferences())));
    }

    @EventHandler
    void on(CarerDetailsChanged event, @SequenceNumber long sequence) {
        update(event, sequence, family -> family.carer(event.carerId())
                .map(carer -> family.with(new Carer(carer.carerId(), event.name(), event.parentalResponsibility(),
                                                    carer.channel(), carer.language(), carer.needsInterpreter(),
                                                    carer.prefersSpokenContact())))
                .orElse(family));
    }

    @EventHandler
    void on(ContactPreferencesChanged event, @SequenceNumber long sequence) {
        update(event, sequence, family -> family.carer(event.carerId())
                .map(carer -> family.with(carer(carer.carerId(), carer.name(), carer.parentalResponsibility(),
                                                event.preferences())))
                .orElse(family));
    }

    @EventHandler
    void on(ChildEnrolled event, @SequenceNumber long sequence) {
        update(event, sequence, family -> family.with(new Child(event.childId(), event.name(), event.yearGroup(),
                                                                event.schoolUrn(), true)));
    }

    @EventHandler
    void on(ChildLeftSchool event, @SequenceNumber long sequence) {
        update(event, sequence, family -> family.children().stream()
                .filter(child -> child.childId().equals(event.childId())).findFirst()
                .map(child -> family.with(new Child(child.childId(), child.name(), child.yearGroup(),
                                                    child.schoolUrn(), false)))
                .orElse(family));
    }

    @EventHandler
    void on(BarrierRecorded event, @SequenceNumber long sequence) {
        update(event, sequence, family -> family.with(new BarrierNote(event.barrierId(), event.barrier(),
                                                                      event.recordedAt(), null)));
    }

    @EventHandler
    void on(BarrierResolved event, @SequenceNumber long sequence) {
        update(event, sequence, family -> family.barriers().stream()
                .filter(note -> note.barrierId().equals(event.barrierId())).findFirst()
                .map(note -> family.with(new BarrierNote(note.barrierId(), note.barrier(), note.recordedAt(),
                                                         event.resolvedAt())))
                .orElse(family));
    }

    @EventHandler
    void on(KeyWorkerAssigned event, @SequenceNumber long sequence) {
        // Only an event not applied before: moving caseloads again would hand the family back to an earlier key worker.
        unapplied(event, sequence).ifPresent(before -> {
            if (before.keyWorker() != null && !before.keyWorker().equals(event.staffId())) {
                caseloads.updateOne(eq("_id", Caseload.idOf(event.trustId(), before.keyWorker())),
                                    pull("keyWorkerOf", event.familyId()));
            }
            onCaseload(event.trustId(), event.staffId(), addToSet("keyWorkerOf", event.familyId()));
            // The family's version moves last, so that a stop before it is repaired when the event comes again.
            apply(before, event, sequence, family -> family.withKeyWorker(event.staffId()));
        });
    }

    @EventHandler
    void on(ActivityScheduled event, @SequenceNumber long sequence) {
        List<Meeting> meetings = event.occurrences().stream()
                                      .map(o -> new Meeting(o.number(), o.start(), o.end(), false)).toList();
        activities.replaceOne(eq("_id", event.activityId()),
                              new ActivitySummary(event.activityId(), event.trustId(), event.schoolUrn(),
                                                  event.kind(), event.title(), event.involvementTypes(), meetings,
                                                  sequence), UPSERT);
    }

    @EventHandler
    void on(ActivityRescheduled event, @SequenceNumber long sequence) {
        updateActivity(event.activityId(), sequence, meeting -> meeting.number() == event.occurrence().number()
                ? new Meeting(meeting.number(), event.occurrence().start(), event.occurrence().end(),
                              meeting.cancelled())
                : meeting);
    }

    @EventHandler
    void on(ActivityCancelled event, @SequenceNumber long sequence) {
        updateActivity(event.activityId(), sequence, meeting -> {
            boolean cancelled = event.occurrence() != null
                    ? meeting.number() == event.occurrence()
                    : meeting.end().isAfter(event.cancelledAt());
            return cancelled ? new Meeting(meeting.number(), meeting.start(), meeting.end(), true) : meeting;
        });
    }

    @EventHandler
    void on(FamilyInvited event) {
        engage(event.familyId(), family -> family.with(family.invitation(event.activityId())
                .map(known -> new Invitation(known.activityId(), known.schoolUrn(), event.invitedAt(), known.answer(),
                                             known.wouldHelp(), known.waitlisted(), known.answeredAt(),
                                             known.attended(), known.lastAttendedAt()))
                .orElseGet(() -> new Invitation(event.activityId(), event.schoolUrn(), event.invitedAt(), null,
                                                Set.of(), false, null, List.of(), null))));
    }

    @EventHandler
    void on(InvitationAnswered event) {
        engage(event.familyId(), family -> family.invitation(event.activityId())
                .map(known -> family.with(new Invitation(known.activityId(), known.schoolUrn(), known.invitedAt(),
                                                         event.answer(), event.wouldHelp(), event.waitlisted(),
                                                         event.answeredAt(), known.attended(),
                                                         known.lastAttendedAt())))
                .orElse(family));
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        engage(event.familyId(), family -> {
            Invitation known = family.invitation(event.activityId())
                                     .orElseGet(() -> new Invitation(event.activityId(), event.schoolUrn(), null,
                                                                     null, Set.of(), false, null, List.of(), null));
            Set<Integer> attended = new TreeSet<>(known.attended());
            attended.add(event.occurrence());
            Instant last = known.lastAttendedAt() == null || event.recordedAt().isAfter(known.lastAttendedAt())
                    ? event.recordedAt() : known.lastAttendedAt();
            return family.with(new Invitation(known.activityId(), known.schoolUrn(), known.invitedAt(),
                                              known.answer(), known.wouldHelp(), known.waitlisted(),
                                              known.answeredAt(), List.copyOf(attended), last));
        });
    }

    @EventHandler
    void on(ContactLogged event) {
        boolean followUp = event.followUp() != null;
        EngagementFamily family = engage(event.familyId(), known -> known.with(new Contact(
                event.contactId(), event.schoolUrn(), event.kind(), event.direction(), event.twoWay(), event.tone(),
                event.happenedAt(), event.summary(), event.staffId(), event.involvementTypes(),
                followUp ? event.followUp().action() : null, followUp ? event.followUp().dueOn() : null,
                followUp ? event.followUp().ownerId() : null, null)));
        if (followUp && family != null) {
            onCaseload(event.trustId(), event.followUp().ownerId(), addToSet("followingUp", event.familyId()));
        }
    }

    @EventHandler
    void on(FollowUpCompleted event) {
        EngagementFamily family = engage(event.familyId(), known -> known.contact(event.contactId())
                .map(contact -> known.with(new Contact(
                        contact.contactId(), contact.schoolUrn(), contact.kind(), contact.direction(),
                        contact.twoWay(), contact.tone(), contact.happenedAt(), contact.summary(), contact.staffId(),
                        contact.involvementTypes(), contact.followUpAction(), contact.followUpDue(),
                        contact.followUpOwner(), event.completedAt())))
                .orElse(known));
        Optional<Contact> done = family == null ? Optional.empty() : family.contact(event.contactId());
        done.map(Contact::followUpOwner).ifPresent(owner -> {
            boolean stillOwnsOne = family.contacts().stream()
                                         .anyMatch(c -> c.hasOpenFollowUp() && owner.equals(c.followUpOwner()));
            if (!stillOwnsOne) {
                caseloads.updateOne(eq("_id", Caseload.idOf(event.trustId(), owner)),
                                    pull("followingUp", event.familyId()));
            }
        });
    }

    /**
     * An erased family is forgotten: its entry (carers, children, invitations, contacts and follow-ups), its place on
     * every school's roll and in every caseload, and the answers to POSTs that named it. Reach and the underserved
     * list are worked out from these at each asking, so they no longer count it.
     */
    @EventHandler
    void on(FamilyErased event) {
        String familyId = event.familyId();
        rolls.updateMany(eq(FAMILY_IDS, familyId), pull(FAMILY_IDS, familyId));
        caseloads.updateMany(or(eq("keyWorkerOf", familyId), eq("followingUp", familyId)),
                             combine(pull("keyWorkerOf", familyId), pull("followingUp", familyId)));
        families.deleteOne(eq("_id", familyId));
        IdempotentAnswers.forgetFamily(database, familyId);
    }

    @ResetHandler
    void reset() {
        families.deleteMany(new Document());
        rolls.deleteMany(new Document());
        caseloads.deleteMany(new Document());
        activities.deleteMany(new Document());
    }

    public Optional<EngagementFamily> family(String familyId) {
        return Optional.ofNullable(families.find(eq("_id", familyId)).first());
    }

    /** The family if the caller works with it (their trust and one of their schools); otherwise nothing. */
    public Optional<EngagementFamily> familyFor(org.homelink.platform.web.RequestContext actor, String familyId) {
        return family(familyId).filter(family -> actor.covers(family.trustId(), family.schoolUrns()));
    }

    /** The families with these ids that are known here, in no particular order. */
    public List<EngagementFamily> families(Collection<String> familyIds) {
        List<String> ids = List.copyOf(familyIds);
        List<EngagementFamily> found = new ArrayList<>(ids.size());
        // In chunks: the embedded store checks each document it finds against the whole $in list, so one query for
        // a school's 600 families costs more than six of 100; a real MongoDB answers either as fast.
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            families.find(in("_id", ids.subList(from, Math.min(from + ID_CHUNK, ids.size())))).into(found);
        }
        return found;
    }

    public Optional<SchoolRoll> roll(String schoolUrn) {
        return Optional.ofNullable(rolls.find(eq("_id", schoolUrn)).first());
    }

    /**
     * The school's roll if the register has the school (family-service's SchoolRegistered arrived) and the caller
     * acts for it; otherwise nothing.
     */
    public Optional<SchoolRoll> rollFor(org.homelink.platform.web.RequestContext actor, String schoolUrn) {
        return roll(schoolUrn).filter(roll -> roll.name() != null && actor.covers(roll.trustId(), Set.of(schoolUrn)));
    }

    /** Whether the register has the school as one of the trust's (from family-service's SchoolRegistered). */
    public boolean isSchoolOfTrust(String schoolUrn, String trustId) {
        return roll(schoolUrn).map(roll -> roll.isOfTrust(trustId)).orElse(false);
    }

    /** Every school of the trust known here. A trust has tens of schools, so a filter over them is cheap. */
    public List<SchoolRoll> rollsOfTrust(String trustId) {
        return rolls.find(eq("trustId", trustId)).sort(com.mongodb.client.model.Sorts.ascending("_id"))
                    .into(new ArrayList<>());
    }

    public Optional<Caseload> caseload(String trustId, String staffId) {
        return Optional.ofNullable(caseloads.find(eq("_id", Caseload.idOf(trustId, staffId))).first());
    }

    public List<ActivitySummary> activities(Collection<String> activityIds) {
        if (activityIds.isEmpty()) {
            return List.of();
        }
        return activities.find(in("_id", activityIds)).batchSize(500).into(new ArrayList<>());
    }

    /** The version of the school's reach settings applied here, -1 before any. */
    public long settingsVersionOf(String schoolUrn) {
        return roll(schoolUrn).map(SchoolRoll::settingsVersion).orElse(-1L);
    }

    /** The version of the family this directory has applied from family-service, or -1 before it has seen it. */
    public long familyVersionOf(String familyId) {
        return family(familyId).map(EngagementFamily::familyVersion).orElse(-1L);
    }

    private static Carer carer(String carerId, String name, boolean parentalResponsibility,
                               ContactPreferences preferences) {
        return new Carer(carerId, name, parentalResponsibility, preferences.preferredChannel(),
                         preferences.preferredLanguage(), preferences.needsInterpreter(),
                         preferences.prefersSpokenContact());
    }

    private void update(FamilyEvent event, long sequence, UnaryOperator<EngagementFamily> change) {
        unapplied(event, sequence).ifPresent(family -> apply(family, event, sequence, change));
    }

    /** The family as the directory has it, unless it was never registered here or has the event applied already. */
    private Optional<EngagementFamily> unapplied(FamilyEvent event, long sequence) {
        EngagementFamily family = families.find(eq("_id", event.familyId())).first();
        if (family == null) {
            log.warn("Family {} has event {} but was never registered here; passing it over",
                     event.familyId(), sequence);
            return Optional.empty();
        }
        return family.familyVersion() >= sequence ? Optional.empty() : Optional.of(family);
    }

    private void apply(EngagementFamily family, FamilyEvent event, long sequence,
                       UnaryOperator<EngagementFamily> change) {
        List<String> schools = List.copyOf(new TreeSet<>(event.schoolUrns()));
        // The rolls first, by set operations that can be done twice: the family's new version, saved last, makes a
        // redelivery pass over the event, so a stop between the two would otherwise leave the rolls wrong for good.
        onRolls(family.familyId(), family.trustId(), new HashSet<>(family.schoolUrns()), event.schoolUrns());
        families.replaceOne(eq("_id", family.familyId()), change.apply(family).withFamily(schools, sequence), UPSERT);
    }

    /** Applies an engagement event to a family; answers the family as it now is, or null for a family unknown here. */
    private EngagementFamily engage(String familyId, UnaryOperator<EngagementFamily> change) {
        EngagementFamily family = families.find(eq("_id", familyId)).first();
        if (family == null) {
            log.warn("Family {} is not known here; an engagement event about it is passed over", familyId);
            return null;
        }
        EngagementFamily changed = change.apply(family);
        families.replaceOne(eq("_id", familyId), changed, UPSERT);
        return changed;
    }

    private void updateActivity(String activityId, long sequence, UnaryOperator<Meeting> change) {
        ActivitySummary activity = activities.find(eq("_id", activityId)).first();
        if (activity == null || activity.version() >= sequence) {
            return;
        }
        activities.replaceOne(eq("_id", activityId), new ActivitySummary(
                activity.activityId(), activity.trustId(), activity.schoolUrn(), activity.kind(), activity.title(),
                activity.involvementTypes(), activity.occurrences().stream().map(change).toList(), sequence), UPSERT);
    }

    private void onRolls(String familyId, String trustId, Set<String> before, Set<String> after) {
        for (String school : after) {
            if (!before.contains(school)) {
                rolls.updateOne(eq("_id", school), combine(setOnInsert("trustId", trustId),
                                                           addToSet(FAMILY_IDS, familyId)), UPSERT_UPDATE);
            }
        }
        for (String school : before) {
            if (!after.contains(school)) {
                rolls.updateOne(eq("_id", school), pull(FAMILY_IDS, familyId));
            }
        }
    }

    private void onCaseload(String trustId, String staffId, org.bson.conversions.Bson change) {
        caseloads.updateOne(eq("_id", Caseload.idOf(trustId, staffId)),
                            combine(setOnInsert("trustId", trustId), setOnInsert("staffId", staffId), change),
                            UPSERT_UPDATE);
    }
}
