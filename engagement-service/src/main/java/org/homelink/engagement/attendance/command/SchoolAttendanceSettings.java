package org.homelink.engagement.attendance.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.engagement.attendance.command.AttendanceCommands.ChangeAtRiskThreshold;
import org.homelink.engagement.attendance.events.AtRiskThresholdChanged;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;

import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** How one school has set its "at risk" threshold. Created by its first change. */
@Aggregate
public class SchoolAttendanceSettings {

    @AggregateIdentifier
    private String settingsId;
    private String trustId;
    private int atRiskBelowPercent;

    protected SchoolAttendanceSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeAtRiskThreshold command) {
        RequestContext actor = command.actor();
        boolean ours = trustId == null || trustId.equals(actor.trustId());
        if (!ours || !actor.covers(actor.trustId(), Set.of(command.schoolUrn()))) {
            throw new NotYourSchool(command.schoolUrn());
        }
        if (trustId == null || atRiskBelowPercent != command.atRiskBelowPercent()) {
            apply(new AtRiskThresholdChanged(command.schoolUrn(), actor.trustId(), command.atRiskBelowPercent(),
                                             actor.staffId(), command.at()));
        }
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }

    @EventSourcingHandler
    void on(AtRiskThresholdChanged event) {
        settingsId = ChangeAtRiskThreshold.idOf(event.schoolUrn());
        trustId = event.trustId();
        atRiskBelowPercent = event.atRiskBelowPercent();
    }
}
