package org.homelink.engagement.reach.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.NotYourSchool;

import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** How one school has set the thresholds of its underserved list. Created by its first change. */
@Aggregate
public class SchoolReachSettings {

    @AggregateIdentifier
    private String settingsId;
    private String trustId;
    private int weeks;
    private int invitations;

    protected SchoolReachSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeReachSettings command) {
        RequestContext actor = command.actor();
        boolean ours = trustId == null || trustId.equals(actor.trustId());
        if (!ours || !actor.covers(actor.trustId(), Set.of(command.schoolUrn()))) {
            throw new NotYourSchool(command.schoolUrn());
        }
        if (trustId == null || weeks != command.weeksWithoutTwoWayContact()
                || invitations != command.invitationsWithoutAttendance()) {
            apply(new ReachSettingsChanged(command.schoolUrn(), actor.trustId(), command.weeksWithoutTwoWayContact(),
                                           command.invitationsWithoutAttendance(), actor.staffId(), command.at()));
        }
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }

    @EventSourcingHandler
    void on(ReachSettingsChanged event) {
        settingsId = ChangeReachSettings.idOf(event.schoolUrn());
        trustId = event.trustId();
        weeks = event.weeksWithoutTwoWayContact();
        invitations = event.invitationsWithoutAttendance();
    }
}
