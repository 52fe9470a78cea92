package org.homelink.engagement.messages.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.engagement.messages.command.MessageCommands.ChangeMessageSettings;
import org.homelink.engagement.messages.command.MessageRules.WeeklyLimitNotSound;
import org.homelink.engagement.messages.events.MessageEvents.MessageSettingsChanged;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;

import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** When one school's weekly digest goes and how many messages a week a family gets. Created by its first change. */
@Aggregate
public class SchoolMessageSettings {

    static final int MOST_A_WEEK = 20;

    @AggregateIdentifier
    private String settingsId;
    private String trustId;
    private MessageSettingsChanged current;

    protected SchoolMessageSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeMessageSettings command) {
        RequestContext actor = command.actor();
        boolean ours = trustId == null || trustId.equals(actor.trustId());
        if (!ours || !actor.covers(actor.trustId(), Set.of(command.schoolUrn()))) {
            throw new NotYourSchool(command.schoolUrn());
        }
        if (command.weeklyLimit() < 1 || command.weeklyLimit() > MOST_A_WEEK) {
            throw new WeeklyLimitNotSound();
        }
        boolean same = current != null && current.digestDay() == command.digestDay()
                       && current.digestTime().equals(command.digestTime())
                       && current.weeklyLimit() == command.weeklyLimit();
        if (!same) {
            apply(new MessageSettingsChanged(command.schoolUrn(), actor.trustId(), command.digestDay(),
                                             command.digestTime(), command.weeklyLimit(), actor.staffId(),
                                             command.at()));
        }
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }

    @EventSourcingHandler
    void on(MessageSettingsChanged event) {
        settingsId = ChangeMessageSettings.idOf(event.schoolUrn());
        trustId = event.trustId();
        current = event;
    }
}
