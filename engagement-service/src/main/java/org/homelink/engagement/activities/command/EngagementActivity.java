package org.homelink.engagement.activities.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.engagement.ActivityCancelled;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.ActivityRescheduled;
import org.homelink.contracts.engagement.ActivityScheduled;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.AttendanceRecorded;
import org.homelink.contracts.engagement.FamilyInvited;
import org.homelink.contracts.engagement.InvitationAnswered;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.engagement.activities.command.ActivityCommands.AnswerInvitation;
import org.homelink.engagement.activities.command.ActivityCommands.BookSlot;
import org.homelink.engagement.activities.command.ActivityCommands.CancelActivity;
import org.homelink.engagement.activities.command.ActivityCommands.CancelBooking;
import org.homelink.engagement.activities.command.ActivityCommands.InviteFamilies;
import org.homelink.engagement.activities.command.ActivityCommands.Invitee;
import org.homelink.engagement.activities.command.ActivityCommands.OfferSlots;
import org.homelink.engagement.activities.command.ActivityCommands.RecordAttendance;
import org.homelink.engagement.activities.command.ActivityCommands.RescheduleOccurrence;
import org.homelink.engagement.activities.command.ActivityCommands.ScheduleActivity;
import org.homelink.engagement.activities.command.ActivityRules.ActivityNotFound;
import org.homelink.engagement.activities.command.ActivityRules.AlreadyCancelled;
import org.homelink.engagement.activities.command.ActivityRules.AlreadyOver;
import org.homelink.engagement.activities.command.ActivityRules.ChildAlreadyBooked;
import org.homelink.engagement.activities.command.ActivityRules.EndsBeforeItStarts;
import org.homelink.engagement.activities.command.ActivityRules.KindNeedsAName;
import org.homelink.engagement.activities.command.ActivityRules.NoSuchOccurrence;
import org.homelink.engagement.activities.command.ActivityRules.NoSuchSlot;
import org.homelink.engagement.activities.command.ActivityRules.NobodyCame;
import org.homelink.engagement.activities.command.ActivityRules.NotAParentsEvening;
import org.homelink.engagement.activities.command.ActivityRules.NotAnInvitedCarer;
import org.homelink.engagement.activities.command.ActivityRules.NotInTheFamily;
import org.homelink.engagement.activities.command.ActivityRules.NotInvited;
import org.homelink.engagement.activities.command.ActivityRules.NotStartedYet;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.engagement.activities.command.ActivityRules.NowhereToMeet;
import org.homelink.engagement.activities.command.ActivityRules.SlotNotBooked;
import org.homelink.engagement.activities.command.ActivityRules.StartsInThePast;
import org.homelink.engagement.activities.command.ActivityRules.SlotTaken;
import org.homelink.engagement.activities.command.ActivityRules.SlotsOutsideTheEvening;
import org.homelink.engagement.activities.command.ActivityRules.SlotsOverlap;
import org.homelink.engagement.activities.events.Slot;
import org.homelink.engagement.activities.events.SlotBooked;
import org.homelink.engagement.activities.events.SlotBookingCancelled;
import org.homelink.engagement.activities.events.SlotsOffered;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An engagement activity a school runs for families: its occurrences, who is invited and how they answered, who came,
 * and for a parents' evening the teachers' appointments. Decides in its command handlers and changes state only
 * from its events.
 * <p>
 * It keeps its school's tenancy itself, as a family does in family-service: anyone who does not act for the hosting
 * school is told the activity does not exist. Every slot booking goes through this one aggregate, so two carers
 * booking one slot at once are put in order by its version: one books, the other is told the slot is taken.
 */
@Aggregate
public class EngagementActivity {

    /** Staff check families in from an hour before an occurrence starts (people arrive early to coffee mornings). */
    static final Duration CHECK_IN_OPENS = Duration.ofHours(1);

    @AggregateIdentifier
    private String activityId;
    private String trustId;
    private String schoolUrn;
    private ActivityKind kind;
    private Integer capacity;
    private final Map<Integer, Occurrence> occurrences = new TreeMap<>();
    private final Set<Integer> cancelled = new HashSet<>();
    /** Each invited family's carers. */
    private final Map<String, Set<String>> invited = new HashMap<>();
    /** Families whose latest answer is a yes with a place (not waitlisted). */
    private final Set<String> coming = new HashSet<>();
    private final Map<String, SlotState> slots = new HashMap<>();

    /** A slot, the occurrence it belongs to (a cancelled evening's slots cannot be booked), and who booked it. */
    private record SlotState(Slot slot, int occurrence, String familyId, String childId) {
        boolean booked() {
            return familyId != null;
        }
    }

    protected EngagementActivity() {
    }

    @CommandHandler
    public EngagementActivity(ScheduleActivity command) {
        RequestContext actor = command.actor();
        if (!actor.covers(actor.trustId(), Set.of(command.schoolUrn()))) {
            throw new NotYourSchool(command.schoolUrn());
        }
        boolean other = command.kind() == ActivityKind.OTHER;
        if (other && (command.kindName() == null || command.kindName().isBlank())) {
            throw new KindNeedsAName();
        }
        if (command.venue() == null || command.venue().place() == null && command.venue().videoLink() == null) {
            throw new NowhereToMeet();
        }
        if (command.involvementTypes().isEmpty()) {
            throw new RuleBrokenException("involvementTypes", "Tag the activity with at least one type of involvement");
        }
        if (command.occurrences().isEmpty()) {
            throw new RuleBrokenException("start", "An activity meets at least once");
        }
        for (int i = 0; i < command.occurrences().size(); i++) {
            Occurrence occurrence = command.occurrences().get(i);
            if (occurrence.number() != i + 1) {
                throw new RuleBrokenException("occurrences", "Occurrences are numbered 1, 2, 3... in order");
            }
            if (!occurrence.end().isAfter(occurrence.start())) {
                throw new EndsBeforeItStarts("end");
            }
        }
        apply(new ActivityScheduled(command.activityId(), actor.trustId(), command.schoolUrn(), command.kind(),
                                    other ? command.kindName().strip() : null, command.title(),
                                    command.description(), List.copyOf(command.occurrences()), command.venue(),
                                    command.capacity(), Set.copyOf(command.interpreterLanguages()),
                                    command.crecheAvailable(), Set.copyOf(command.involvementTypes()),
                                    command.coHostOrganisationId(), actor.staffId(), command.at()));
    }

    @CommandHandler
    public long handle(RescheduleOccurrence command) {
        requireInScope(command.actor());
        Occurrence current = occurrence(command.occurrence(), "occurrence");
        requireNotCancelled(command.occurrence(), "occurrence");
        if (!current.end().isAfter(command.at())) {
            throw new AlreadyOver("occurrence");
        }
        if (!command.end().isAfter(command.start())) {
            throw new EndsBeforeItStarts("end");
        }
        if (command.start().isBefore(command.at())) {
            throw new StartsInThePast();
        }
        Occurrence moved = new Occurrence(command.occurrence(), command.start(), command.end());
        if (!moved.equals(current)) {
            apply(new ActivityRescheduled(activityId, trustId, schoolUrn, moved, command.reason(),
                                          command.actor().staffId(), command.at()));
        }
        return version();
    }

    @CommandHandler
    public long handle(CancelActivity command) {
        requireInScope(command.actor());
        if (command.occurrence() != null) {
            Occurrence occurrence = occurrence(command.occurrence(), "occurrence");
            requireNotCancelled(command.occurrence(), "occurrence");
            if (!occurrence.end().isAfter(command.at())) {
                throw new AlreadyOver("occurrence");
            }
        } else {
            requireSomethingToCome(command.at());
        }
        apply(new ActivityCancelled(activityId, trustId, schoolUrn, command.occurrence(), command.reason(),
                                    command.actor().staffId(), command.at()));
        return version();
    }

    /** Invites the families not yet invited; answers which those were. */
    @CommandHandler
    public ActivityCommands.FamiliesInvited handle(InviteFamilies command) {
        requireInScope(command.actor());
        requireSomethingToCome(command.at());
        List<String> invitedNow = new ArrayList<>();
        for (Invitee invitee : command.invitees()) {
            if (!invited.containsKey(invitee.familyId()) && !invitee.carers().isEmpty()) {
                apply(new FamilyInvited(activityId, trustId, schoolUrn, invitee.familyId(),
                                        List.copyOf(invitee.carers()), command.audience(),
                                        command.actor().staffId(), command.at()));
                invitedNow.add(invitee.familyId());
            }
        }
        return new ActivityCommands.FamiliesInvited(invitedNow, version());
    }

    @CommandHandler
    public long handle(AnswerInvitation command) {
        requireInScope(command.actor());
        Set<String> carers = invited.get(command.familyId());
        if (carers == null) {
            throw new NotInvited("familyId");
        }
        if (!carers.contains(command.carerId())) {
            throw new NotAnInvitedCarer(command.carerId());
        }
        requireSomethingToCome(command.at());
        boolean full = capacity != null && !coming.contains(command.familyId()) && coming.size() >= capacity;
        boolean waitlisted = command.answer() == Answer.YES && full;
        apply(new InvitationAnswered(activityId, trustId, schoolUrn, command.familyId(), command.carerId(),
                                     command.answer(), Set.copyOf(command.wouldHelp()), waitlisted,
                                     command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(RecordAttendance command) {
        requireInScope(command.actor());
        Occurrence occurrence = occurrence(command.occurrence(), "occurrence");
        requireNotCancelled(command.occurrence(), "occurrence");
        if (command.at().isBefore(occurrence.start().minus(CHECK_IN_OPENS))) {
            throw new NotStartedYet();
        }
        if (command.carerIds().isEmpty()) {
            throw new NobodyCame();
        }
        command.carerIds().stream().filter(id -> !command.familyCarers().contains(id)).findFirst()
               .ifPresent(id -> {
                   throw new NotInTheFamily("carerIds", id);
               });
        command.childIds().stream().filter(id -> !command.familyChildren().contains(id)).findFirst()
               .ifPresent(id -> {
                   throw new NotInTheFamily("childIds", id);
               });
        apply(new AttendanceRecorded(activityId, trustId, schoolUrn, command.occurrence(), command.familyId(),
                                     Set.copyOf(command.carerIds()), Set.copyOf(command.childIds()),
                                     invited.containsKey(command.familyId()), command.actor().staffId(),
                                     command.at()));
        return version();
    }

    @CommandHandler
    public long handle(OfferSlots command) {
        requireInScope(command.actor());
        if (kind != ActivityKind.PARENTS_EVENING) {
            throw new NotAParentsEvening();
        }
        Occurrence evening = occurrence(command.occurrence(), "occurrence");
        requireNotCancelled(command.occurrence(), "occurrence");
        if (!command.to().isAfter(command.from())) {
            throw new EndsBeforeItStarts("to");
        }
        if (command.minutes() <= 0) {
            // A slot of no length never moves the loop below past the end: it would count slots until memory ran out.
            throw new EndsBeforeItStarts("minutes");
        }
        if (command.from().isBefore(evening.start()) || command.to().isAfter(evening.end())) {
            throw new SlotsOutsideTheEvening();
        }
        List<Slot> offered = new ArrayList<>();
        Duration length = Duration.ofMinutes(command.minutes());
        for (Instant start = command.from(); !start.plus(length).isAfter(command.to()); start = start.plus(length)) {
            offered.add(new Slot(command.teacherId() + "-" + start.getEpochSecond() / 60, command.teacherId(), start,
                                 start.plus(length)));
        }
        boolean overlaps = slots.values().stream().map(SlotState::slot)
                                .filter(slot -> slot.teacherId().equals(command.teacherId()))
                                .anyMatch(slot -> slot.start().isBefore(command.to())
                                                  && command.from().isBefore(slot.end()));
        if (overlaps) {
            throw new SlotsOverlap();
        }
        if (offered.isEmpty()) {
            throw new EndsBeforeItStarts("minutes");
        }
        apply(new SlotsOffered(activityId, trustId, schoolUrn, command.occurrence(), command.teacherId(),
                               command.teacherName(), offered, command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(BookSlot command) {
        requireInScope(command.actor());
        SlotState state = slot(command.slotId());
        Set<String> carers = invited.get(command.familyId());
        if (carers == null) {
            throw new NotInvited("familyId");
        }
        if (!carers.contains(command.carerId())) {
            throw new NotAnInvitedCarer(command.carerId());
        }
        if (!command.familyChildren().contains(command.childId())) {
            throw new NotInTheFamily("childId", command.childId());
        }
        requireNotCancelled(state.occurrence(), "slotId");
        if (!state.slot().end().isAfter(command.at())) {
            throw new AlreadyOver("slotId");
        }
        if (state.booked()) {
            throw new SlotTaken(command.slotId());
        }
        boolean childBooked = slots.values().stream()
                                   .anyMatch(other -> other.booked()
                                                      && other.slot().teacherId().equals(state.slot().teacherId())
                                                      && command.childId().equals(other.childId()));
        if (childBooked) {
            throw new ChildAlreadyBooked(command.childId());
        }
        apply(new SlotBooked(activityId, trustId, schoolUrn, command.slotId(), command.familyId(),
                             command.carerId(), command.childId(), command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(CancelBooking command) {
        requireInScope(command.actor());
        SlotState state = slot(command.slotId());
        if (!state.booked()) {
            throw new SlotNotBooked(command.slotId());
        }
        apply(new SlotBookingCancelled(activityId, trustId, schoolUrn, command.slotId(), state.familyId(),
                                       command.actor().staffId(), command.at()));
        return version();
    }

    @EventSourcingHandler
    void on(ActivityScheduled event) {
        activityId = event.activityId();
        trustId = event.trustId();
        schoolUrn = event.schoolUrn();
        kind = event.kind();
        capacity = event.capacity();
        event.occurrences().forEach(occurrence -> occurrences.put(occurrence.number(), occurrence));
    }

    @EventSourcingHandler
    void on(ActivityRescheduled event) {
        Occurrence before = occurrences.put(event.occurrence().number(), event.occurrence());
        // A parents' evening's appointments move with it, each keeping its place in the evening.
        Duration shift = Duration.between(before.start(), event.occurrence().start());
        slots.replaceAll((id, state) -> state.occurrence() != event.occurrence().number() ? state
                : new SlotState(new Slot(state.slot().slotId(), state.slot().teacherId(),
                                         state.slot().start().plus(shift), state.slot().end().plus(shift)),
                                state.occurrence(), state.familyId(), state.childId()));
    }

    @EventSourcingHandler
    void on(ActivityCancelled event) {
        if (event.occurrence() != null) {
            cancelled.add(event.occurrence());
        } else {
            toCome(event.cancelledAt()).forEach(occurrence -> cancelled.add(occurrence.number()));
        }
    }

    @EventSourcingHandler
    void on(FamilyInvited event) {
        Set<String> carers = new LinkedHashSet<>();
        event.carers().stream().map(InvitedCarer::carerId).forEach(carers::add);
        invited.put(event.familyId(), carers);
    }

    @EventSourcingHandler
    void on(InvitationAnswered event) {
        if (event.answer() == Answer.YES && !event.waitlisted()) {
            coming.add(event.familyId());
        } else {
            coming.remove(event.familyId());
        }
    }

    @EventSourcingHandler
    void on(SlotsOffered event) {
        event.slots().forEach(slot -> slots.put(slot.slotId(), new SlotState(slot, event.occurrence(), null, null)));
    }

    @EventSourcingHandler
    void on(SlotBooked event) {
        slots.computeIfPresent(event.slotId(), (id, state) -> new SlotState(state.slot(), state.occurrence(),
                                                                            event.familyId(), event.childId()));
    }

    @EventSourcingHandler
    void on(SlotBookingCancelled event) {
        slots.computeIfPresent(event.slotId(), (id, state) -> new SlotState(state.slot(), state.occurrence(), null,
                                                                            null));
    }

    private void requireInScope(RequestContext actor) {
        // A stream that is not an activity's (another aggregate's id) has no school: it is no activity.
        if (schoolUrn == null || !actor.covers(trustId, Set.of(schoolUrn))) {
            throw new ActivityNotFound();
        }
    }

    /** Refuses when no occurrence is still to come: every one cancelled, or the rest already over. */
    private void requireSomethingToCome(Instant now) {
        if (toCome(now).isEmpty()) {
            throw cancelled.containsAll(occurrences.keySet()) ? new AlreadyCancelled("activityId")
                                                              : new AlreadyOver("activityId");
        }
    }

    private Occurrence occurrence(int number, String field) {
        Occurrence occurrence = occurrences.get(number);
        if (occurrence == null) {
            throw new NoSuchOccurrence(field, number);
        }
        return occurrence;
    }

    private void requireNotCancelled(int number, String field) {
        if (cancelled.contains(number)) {
            throw new AlreadyCancelled(field);
        }
    }

    private SlotState slot(String slotId) {
        SlotState state = slots.get(slotId);
        if (state == null) {
            throw new NoSuchSlot(slotId);
        }
        return state;
    }

    /** The occurrences not cancelled that have not ended by {@code now}. */
    private List<Occurrence> toCome(Instant now) {
        return occurrences.values().stream()
                          .filter(occurrence -> !cancelled.contains(occurrence.number()))
                          .filter(occurrence -> occurrence.end().isAfter(now))
                          .toList();
    }

    private static long version() {
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }
}
