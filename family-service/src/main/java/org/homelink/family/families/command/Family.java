package org.homelink.family.families.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ChildLeftSchool;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ContactPreferencesChanged;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.FamilyVoiceRecorded;
import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.contracts.family.YearGroup;
import org.homelink.family.families.command.FamilyCommands.AddCarer;
import org.homelink.family.families.command.FamilyCommands.AssignKeyWorker;
import org.homelink.family.families.command.FamilyCommands.CarerDetails;
import org.homelink.family.families.command.FamilyCommands.ChangeContactPreferences;
import org.homelink.family.families.command.FamilyCommands.EnrolChild;
import org.homelink.family.families.command.FamilyCommands.EraseFamily;
import org.homelink.family.families.command.FamilyCommands.GiveConsent;
import org.homelink.family.families.command.FamilyCommands.ReEnrolChild;
import org.homelink.family.families.command.FamilyCommands.RecordBarrier;
import org.homelink.family.families.command.FamilyCommands.RecordChildLeaving;
import org.homelink.family.families.command.FamilyCommands.RecordFamilyVoice;
import org.homelink.family.families.command.FamilyCommands.RegisterFamily;
import org.homelink.family.families.command.FamilyCommands.ResolveBarrier;
import org.homelink.family.families.command.FamilyCommands.UpdateCarer;
import org.homelink.family.families.command.FamilyCommands.WithdrawConsent;
import org.homelink.family.families.command.FamilyRules.AlreadyInFamily;
import org.homelink.family.families.command.FamilyRules.BarrierAlreadyOpen;
import org.homelink.family.families.command.FamilyRules.BarrierAlreadyResolved;
import org.homelink.family.families.command.FamilyRules.ChannelNeedsContactDetail;
import org.homelink.family.families.command.FamilyRules.ChildAlreadyAtSchool;
import org.homelink.family.families.command.FamilyRules.ChildNotAtSchool;
import org.homelink.family.families.command.FamilyRules.ConsentNotGiven;
import org.homelink.family.families.command.FamilyRules.DateInTheFuture;
import org.homelink.family.families.command.FamilyRules.FamilyNotFound;
import org.homelink.family.families.command.FamilyRules.LeftBeforeEnrolled;
import org.homelink.family.families.command.FamilyRules.NoParentalResponsibility;
import org.homelink.family.families.command.FamilyRules.NotInThisFamily;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.family.families.command.FamilyRules.SchoolNotInTrust;
import org.homelink.family.families.command.FamilyRules.UnknownCarer;
import org.homelink.family.trust.query.SchoolRegister;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A family as its school knows it: carers, children and their schools, barriers, consents, key worker and the
 * family's own voice. Decides in its command handlers and changes state only from its events.
 * <p>
 * It keeps its trust's tenancy itself: every command names who acts, and anyone outside the family's trust and
 * schools is told the family does not exist. Checking here rather than against the read model means a family is
 * never refused to the very caller who registered it a moment ago because a projection has not caught up. Update
 * handlers return the family's version after the command, for the caller's next {@code If-Match}.
 * <p>
 * Once erased, a family takes no command at all: it answers as a family that does not exist.
 */
@Aggregate
public class Family {

    /** Schools count days in the UK's time, so "today" for a date of birth or a consent is London's today. */
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");

    @AggregateIdentifier
    private String familyId;
    private String trustId;
    private String registeringSchool;
    private final Map<String, CarerState> carers = new HashMap<>();
    private final Map<String, ChildState> children = new HashMap<>();
    private final Map<String, Barrier> openBarriers = new HashMap<>();
    private final Set<String> resolvedBarriers = new HashSet<>();
    /** The consents standing now: purpose, and the carer who gave it. */
    private final Map<String, String> consents = new HashMap<>();
    private String keyWorker;
    private boolean erased;

    private record CarerState(CarerDetails details, ContactPreferences preferences) {
    }

    /** A child, with {@code schoolUrn} null while they are at no school of the trust. */
    private record ChildState(String name, LocalDate dateOfBirth, boolean send, String schoolUrn,
                              LocalDate enrolledOn) {
    }

    protected Family() {
    }

    @CommandHandler
    public Family(RegisterFamily command, SchoolRegister register) {
        String trust = command.actor().trustId();
        requireSchoolOfTrust(command.actor(), register, trust, command.schoolUrn());
        apply(new FamilyRegistered(command.familyId(), trust, sorted(Set.of(command.schoolUrn())),
                                   command.schoolUrn(), command.familyName(), command.actor().staffId(),
                                   command.at()));
    }

    @CommandHandler
    public long handle(AddCarer command) {
        requireInScope(command.actor());
        if (carers.containsKey(command.carerId())) {
            throw new AlreadyInFamily("carerId", command.carerId());
        }
        CarerDetails details = command.details();
        requireReachable(details, command.preferences(), "preferences.preferredChannel");
        apply(new CarerAdded(familyId, trustId, schoolUrns(), command.carerId(), details.name(),
                             details.relationship(), details.parentalResponsibility(), details.phone(),
                             details.email(), details.address(), command.preferences(),
                             command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(UpdateCarer command) {
        requireInScope(command.actor());
        CarerState carer = carer(command.carerId());
        CarerDetails details = command.details();
        requireReachable(details, command.preferences(), "preferences.preferredChannel");
        if (!details.equals(carer.details())) {
            apply(new CarerDetailsChanged(familyId, trustId, schoolUrns(), command.carerId(), details.name(),
                                          details.relationship(), details.parentalResponsibility(), details.phone(),
                                          details.email(), details.address(), command.actor().staffId(),
                                          command.at()));
        }
        changePreferences(command.carerId(), carer, command.preferences(), command.actor(), command.at());
        return version();
    }

    @CommandHandler
    public long handle(ChangeContactPreferences command) {
        requireInScope(command.actor());
        CarerState carer = carer(command.carerId());
        requireReachable(carer.details(), command.preferences(), "preferredChannel");
        changePreferences(command.carerId(), carer, command.preferences(), command.actor(), command.at());
        return version();
    }

    @CommandHandler
    public long handle(EnrolChild command, SchoolRegister register) {
        requireInScope(command.actor());
        if (children.containsKey(command.childId())) {
            throw new AlreadyInFamily("childId", command.childId());
        }
        requireSchoolOfTrust(command.actor(), register, trustId, command.schoolUrn());
        if (command.dateOfBirth().isAfter(today(command.at()))) {
            throw new DateInTheFuture("dateOfBirth");
        }
        apply(childEnrolled(command.childId(), command.name(), command.dateOfBirth(), command.yearGroup(),
                            command.send(), command.schoolUrn(), orToday(command.enrolledOn(), command.at()),
                            command.actor(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(ReEnrolChild command, SchoolRegister register) {
        requireInScope(command.actor());
        ChildState child = child(command.childId());
        if (child.schoolUrn() != null) {
            throw new ChildAlreadyAtSchool(command.childId());
        }
        requireSchoolOfTrust(command.actor(), register, trustId, command.schoolUrn());
        apply(childEnrolled(command.childId(), child.name(), child.dateOfBirth(), command.yearGroup(), child.send(),
                            command.schoolUrn(), orToday(command.enrolledOn(), command.at()), command.actor(),
                            command.at()));
        return version();
    }

    @CommandHandler
    public long handle(RecordChildLeaving command) {
        requireInScope(command.actor());
        ChildState child = child(command.childId());
        if (child.schoolUrn() == null) {
            throw new ChildNotAtSchool(command.childId());
        }
        requireActsFor(command.actor(), child.schoolUrn());
        LocalDate leftOn = orToday(command.leftOn(), command.at());
        if (leftOn.isBefore(child.enrolledOn())) {
            throw new LeftBeforeEnrolled();
        }
        apply(new ChildLeftSchool(familyId, trustId, schoolUrnsWith(command.childId(), null), command.childId(),
                                  child.schoolUrn(), leftOn, command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(RecordBarrier command) {
        requireInScope(command.actor());
        openBarriers.entrySet().stream().filter(open -> open.getValue() == command.barrier()).findFirst()
                    .ifPresent(open -> {
                        throw new BarrierAlreadyOpen(command.barrier(), open.getKey());
                    });
        apply(new BarrierRecorded(familyId, trustId, schoolUrns(), command.barrierId(), command.barrier(),
                                  command.note(), command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(ResolveBarrier command) {
        requireInScope(command.actor());
        if (resolvedBarriers.contains(command.barrierId())) {
            throw new BarrierAlreadyResolved(command.barrierId());
        }
        Barrier barrier = openBarriers.get(command.barrierId());
        if (barrier == null) {
            throw new NotInThisFamily("barrier", command.barrierId());
        }
        apply(new BarrierResolved(familyId, trustId, schoolUrns(), command.barrierId(), barrier, command.note(),
                                  command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(GiveConsent command) {
        requireInScope(command.actor());
        requireParentalResponsibility(command.carerId());
        LocalDate givenOn = orToday(command.givenOn(), command.at());
        if (givenOn.isAfter(today(command.at()))) {
            throw new DateInTheFuture("givenOn");
        }
        apply(new ConsentGiven(familyId, trustId, schoolUrns(), command.purpose(), command.carerId(), givenOn,
                               command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(WithdrawConsent command) {
        requireInScope(command.actor());
        requireParentalResponsibility(command.carerId());
        if (!consents.containsKey(command.purpose())) {
            throw new ConsentNotGiven(command.purpose());
        }
        LocalDate withdrawnOn = orToday(command.withdrawnOn(), command.at());
        if (withdrawnOn.isAfter(today(command.at()))) {
            throw new DateInTheFuture("withdrawnOn");
        }
        apply(new ConsentWithdrawn(familyId, trustId, schoolUrns(), command.purpose(), command.carerId(),
                                   withdrawnOn, command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(AssignKeyWorker command) {
        requireInScope(command.actor());
        if (!command.staffId().equals(keyWorker)) {
            apply(new KeyWorkerAssigned(familyId, trustId, schoolUrns(), command.staffId(),
                                        command.actor().staffId(), command.at()));
        }
        return version();
    }

    @CommandHandler
    public long handle(RecordFamilyVoice command) {
        requireInScope(command.actor());
        if (command.carerId() != null && !carers.containsKey(command.carerId())) {
            throw new UnknownCarer(command.carerId());
        }
        apply(new FamilyVoiceRecorded(familyId, trustId, schoolUrns(), command.voiceId(), command.carerId(),
                                      command.words(), command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(EraseFamily command) {
        requireInScope(command.actor());
        apply(new FamilyErased(familyId, trustId, schoolUrns(), sorted(carers.keySet()), sorted(children.keySet()),
                               command.reason(), command.actor().staffId(), command.at()));
        return version();
    }

    @EventSourcingHandler
    void on(FamilyRegistered event) {
        familyId = event.familyId();
        trustId = event.trustId();
        registeringSchool = event.schoolUrn();
    }

    @EventSourcingHandler
    void on(CarerAdded event) {
        carers.put(event.carerId(), new CarerState(
                new CarerDetails(event.name(), event.relationship(), event.parentalResponsibility(), event.phone(),
                                 event.email(), event.address()),
                event.preferences()));
    }

    @EventSourcingHandler
    void on(CarerDetailsChanged event) {
        carers.put(event.carerId(), new CarerState(
                new CarerDetails(event.name(), event.relationship(), event.parentalResponsibility(), event.phone(),
                                 event.email(), event.address()),
                carers.get(event.carerId()).preferences()));
    }

    @EventSourcingHandler
    void on(ContactPreferencesChanged event) {
        carers.put(event.carerId(), new CarerState(carers.get(event.carerId()).details(), event.preferences()));
    }

    @EventSourcingHandler
    void on(ChildEnrolled event) {
        children.put(event.childId(), new ChildState(event.name(), event.dateOfBirth(), event.send(),
                                                     event.schoolUrn(), event.enrolledOn()));
    }

    @EventSourcingHandler
    void on(ChildLeftSchool event) {
        ChildState child = children.get(event.childId());
        children.put(event.childId(), new ChildState(child.name(), child.dateOfBirth(), child.send(), null,
                                                     child.enrolledOn()));
    }

    @EventSourcingHandler
    void on(BarrierRecorded event) {
        openBarriers.put(event.barrierId(), event.barrier());
    }

    @EventSourcingHandler
    void on(BarrierResolved event) {
        openBarriers.remove(event.barrierId());
        resolvedBarriers.add(event.barrierId());
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.put(event.purpose(), event.carerId());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.purpose());
    }

    @EventSourcingHandler
    void on(KeyWorkerAssigned event) {
        keyWorker = event.staffId();
    }

    @EventSourcingHandler
    void on(FamilyErased event) {
        erased = true;
    }

    private ChildEnrolled childEnrolled(String childId, String name, LocalDate dateOfBirth, YearGroup yearGroup,
                                        boolean send, String schoolUrn, LocalDate enrolledOn, RequestContext actor,
                                        Instant at) {
        return new ChildEnrolled(familyId, trustId, schoolUrnsWith(childId, schoolUrn), childId, schoolUrn, name,
                                 dateOfBirth, yearGroup, send, enrolledOn, actor.staffId(), at);
    }

    private void requireInScope(RequestContext actor) {
        // A stream that is not a family's (another aggregate's id) has no trust: it is no family. Nor is one erased.
        if (trustId == null || erased || !actor.covers(trustId, schoolUrns())) {
            throw new FamilyNotFound();
        }
    }

    private static void requireActsFor(RequestContext actor, String schoolUrn) {
        if (!actor.covers(actor.trustId(), Set.of(schoolUrn))) {
            throw new NotYourSchool(schoolUrn);
        }
    }

    private static void requireSchoolOfTrust(RequestContext actor, SchoolRegister register, String trust,
                                             String schoolUrn) {
        requireActsFor(actor, schoolUrn);
        if (!register.hasSchool(trust, schoolUrn)) {
            throw new SchoolNotInTrust(schoolUrn);
        }
    }

    private void changePreferences(String carerId, CarerState carer, ContactPreferences preferences,
                                   RequestContext actor, Instant at) {
        if (!preferences.equals(carer.preferences())) {
            apply(new ContactPreferencesChanged(familyId, trustId, schoolUrns(), carerId, preferences,
                                                actor.staffId(), at));
        }
    }

    private void requireParentalResponsibility(String carerId) {
        CarerState carer = carers.get(carerId);
        if (carer == null) {
            throw new UnknownCarer(carerId);
        }
        if (!carer.details().parentalResponsibility()) {
            throw new NoParentalResponsibility(carerId);
        }
    }

    private static void requireReachable(CarerDetails details, ContactPreferences preferences, String field) {
        ContactChannel channel = preferences.preferredChannel();
        if (needsPhone(channel) && !details.hasPhone()) {
            throw new ChannelNeedsContactDetail(field, channel, "phone number");
        }
        if (channel == ContactChannel.EMAIL && !details.hasEmail()) {
            throw new ChannelNeedsContactDetail(field, channel, "email address");
        }
    }

    private static boolean needsPhone(ContactChannel channel) {
        return channel == ContactChannel.PHONE_CALL || channel == ContactChannel.SMS;
    }

    private CarerState carer(String carerId) {
        CarerState carer = carers.get(carerId);
        if (carer == null) {
            throw new NotInThisFamily("carer", carerId);
        }
        return carer;
    }

    private ChildState child(String childId) {
        ChildState child = children.get(childId);
        if (child == null) {
            throw new NotInThisFamily("child", childId);
        }
        return child;
    }

    /** The family's schools: the school that registered it and the schools its children attend. */
    private Set<String> schoolUrns() {
        return schoolUrnsWith(null, null);
    }

    /** The family's schools were {@code childId} at {@code schoolUrn} (null: at no school). */
    private Set<String> schoolUrnsWith(String childId, String schoolUrn) {
        Set<String> schools = new HashSet<>();
        schools.add(registeringSchool);
        children.forEach((id, child) -> {
            if (!id.equals(childId) && child.schoolUrn() != null) {
                schools.add(child.schoolUrn());
            }
        });
        if (schoolUrn != null) {
            schools.add(schoolUrn);
        }
        return sorted(schools);
    }

    /** Sorted, so that an event lists a family's schools (or carers, or children) in the same order every time. */
    private static SortedSet<String> sorted(Set<String> ids) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }

    private static LocalDate today(Instant at) {
        return LocalDate.ofInstant(at, SCHOOL_TIME);
    }

    private static LocalDate orToday(LocalDate date, Instant at) {
        return date != null ? date : today(at);
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
