package org.homelink.engagement.attendance.concerns.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.engagement.AttendanceConcernRaised;
import org.homelink.contracts.engagement.ConcernEscalated;
import org.homelink.contracts.engagement.EscalationStep;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.AgreeSupportPlan;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.CloseConcern;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.InvolveChampion;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.LogConversation;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.RaiseConcern;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.ReferToLocalAuthority;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.ReviewSupport;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.AlreadyClosed;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.ConcernNotFound;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.HappensLater;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotACarer;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotInRole;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotReferred;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotYet;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.ReviewNotAhead;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConcernClosed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConversationLogged;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.Outcome;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportPlanAgreed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportReviewed;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A school's concern about one pupil's attendance, worked support first: a conversation with the parents, support
 * agreed with a review date, and only when that has not helped the senior attendance champion and then the local
 * authority's attendance service. Each step waits for the one before it.
 */
@Aggregate
public class AttendanceConcern {

    /**
     * Who takes it further: a decision for the attendance officer or a leader, not the family's key worker alone.
     * Who works a concern at all is the permission table's to say (CONCERNS_WORK); this is a step of the concern's
     * own, narrower than the permission, so it stays with the concern.
     */
    private static final Set<Role> ESCALATORS = Set.of(Role.ATTENDANCE_OFFICER, Role.SCHOOL_LEADER, Role.TRUST_LEADER);

    enum Stage { RAISED, TALKED, PLAN_AGREED, NOT_HELPED, WITH_CHAMPION, WITH_LOCAL_AUTHORITY, CLOSED }

    @AggregateIdentifier
    private String concernId;
    private String trustId;
    private String schoolUrn;
    private String childId;
    private String familyId;
    private Stage stage;

    protected AttendanceConcern() {
    }

    @CommandHandler
    public AttendanceConcern(RaiseConcern command) {
        RequestContext actor = command.actor();
        if (!actor.covers(command.trustId(), Set.of(command.schoolUrn()))) {
            throw new NotYourSchool(command.schoolUrn());
        }
        apply(new AttendanceConcernRaised(command.concernId(), command.trustId(), command.schoolUrn(),
                                          command.childId(), command.familyId(), command.reason(), actor.staffId(),
                                          command.at()));
    }

    @CommandHandler
    public long handle(LogConversation command) {
        open(command.actor());
        if (command.happenedAt().isAfter(command.at())) {
            throw new HappensLater();
        }
        command.carerIds().stream().filter(id -> !command.familyCarers().contains(id)).findFirst()
               .ifPresent(id -> {
                   throw new NotACarer(id);
               });
        apply(new ConversationLogged(concernId, schoolUrn, familyId, new TreeSet<>(command.carerIds()),
                                     command.happenedAt(), command.summary(), command.actor().staffId(),
                                     command.at()));
        return version();
    }

    @CommandHandler
    public long handle(AgreeSupportPlan command) {
        open(command.actor());
        if (stage == Stage.RAISED) {
            throw new NotYet("Support is agreed with the family after talking with them: log the conversation first");
        }
        if (stage != Stage.TALKED) {
            throw new NotYet("Support has already been agreed for this concern");
        }
        if (!command.reviewOn().isAfter(SchoolTime.dayOf(command.at()))) {
            throw new ReviewNotAhead();
        }
        apply(new SupportPlanAgreed(concernId, schoolUrn, familyId, List.copyOf(command.actions()),
                                    command.reviewOn(), command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(ReviewSupport command) {
        open(command.actor());
        if (stage != Stage.PLAN_AGREED) {
            throw new NotYet("A review looks at support agreed with the family, and there is none to review");
        }
        String by = command.actor().staffId();
        apply(new SupportReviewed(concernId, schoolUrn, familyId, command.helped(), command.note(), by,
                                  command.at()));
        if (command.helped()) {
            apply(new ConcernClosed(concernId, schoolUrn, familyId, Outcome.RESOLVED, command.note(), by,
                                    command.at()));
        }
        return version();
    }

    @CommandHandler
    public long handle(InvolveChampion command) {
        openToEscalate(command.actor(), "involve the senior attendance champion");
        if (stage != Stage.NOT_HELPED) {
            throw new NotYet("The senior attendance champion is involved once a review finds the support has not "
                             + "helped");
        }
        escalate(EscalationStep.SENIOR_ATTENDANCE_CHAMPION, command.championId(), command.actor(), command.at());
        return version();
    }

    @CommandHandler
    public long handle(ReferToLocalAuthority command) {
        openToEscalate(command.actor(), "refer to the local authority");
        if (stage != Stage.WITH_CHAMPION) {
            throw new NotYet("The senior attendance champion is involved before the local authority");
        }
        escalate(EscalationStep.LOCAL_AUTHORITY, null, command.actor(), command.at());
        return version();
    }

    @CommandHandler
    public long handle(CloseConcern command) {
        open(command.actor());
        if (command.outcome() == Outcome.WITH_LOCAL_AUTHORITY && stage != Stage.WITH_LOCAL_AUTHORITY) {
            throw new NotReferred();
        }
        apply(new ConcernClosed(concernId, schoolUrn, familyId, command.outcome(), command.note(),
                                command.actor().staffId(), command.at()));
        return version();
    }

    /** The concern as the caller may act on it: one of their school's, and still open. */
    private void open(RequestContext actor) {
        if (!visibleTo(actor)) {
            throw new ConcernNotFound();
        }
        if (stage == Stage.CLOSED) {
            throw new AlreadyClosed();
        }
    }

    /** As {@link #open}, and the caller one of those who take a concern further. */
    private void openToEscalate(RequestContext actor, String doing) {
        if (visibleTo(actor) && !ESCALATORS.contains(actor.role())) {
            throw new NotInRole("attendance officers and leaders " + doing);
        }
        open(actor);
    }

    private boolean visibleTo(RequestContext actor) {
        return trustId != null && actor.covers(trustId, Set.of(schoolUrn));
    }

    private void escalate(EscalationStep step, String championId, RequestContext actor, Instant at) {
        apply(new ConcernEscalated(concernId, trustId, schoolUrn, childId, familyId, step, championId,
                                   actor.staffId(), at));
    }

    private static long version() {
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }

    @EventSourcingHandler
    void on(AttendanceConcernRaised event) {
        concernId = event.concernId();
        trustId = event.trustId();
        schoolUrn = event.schoolUrn();
        childId = event.childId();
        familyId = event.familyId();
        stage = Stage.RAISED;
    }

    @EventSourcingHandler
    void on(ConversationLogged event) {
        // A second conversation before support is agreed is welcome and changes nothing about what comes next.
        if (stage == Stage.RAISED) {
            stage = Stage.TALKED;
        }
    }

    @EventSourcingHandler
    void on(SupportPlanAgreed event) {
        stage = Stage.PLAN_AGREED;
    }

    @EventSourcingHandler
    void on(SupportReviewed event) {
        stage = event.helped() ? Stage.PLAN_AGREED : Stage.NOT_HELPED;
    }

    @EventSourcingHandler
    void on(ConcernEscalated event) {
        stage = event.step() == EscalationStep.LOCAL_AUTHORITY ? Stage.WITH_LOCAL_AUTHORITY : Stage.WITH_CHAMPION;
    }

    @EventSourcingHandler
    void on(ConcernClosed event) {
        stage = Stage.CLOSED;
    }
}
