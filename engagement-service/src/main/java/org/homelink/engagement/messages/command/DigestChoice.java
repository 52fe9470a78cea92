package org.homelink.engagement.messages.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.engagement.messages.command.MessageCommands.ChooseDigest;
import org.homelink.engagement.messages.events.MessageEvents.DigestChosen;
import org.homelink.platform.web.NotFoundException;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A family's choice of one weekly digest instead of each message as it goes, for the whole family or for one carer.
 * Staff record it on what the family asked; any member of staff of one of the family's schools may.
 */
@Aggregate
public class DigestChoice {

    /** The key for the whole family's choice among the carers'. */
    private static final String FAMILY = "";

    @AggregateIdentifier
    private String choiceId;
    private final Map<String, Boolean> choices = new HashMap<>();

    protected DigestChoice() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChooseDigest command) {
        if (!command.actor().covers(command.trustId(), command.familySchools())) {
            throw new NotFoundException("No such family");
        }
        String key = command.carerId() == null ? FAMILY : command.carerId();
        if (!Objects.equals(choices.get(key), command.digest())) {
            AggregateLifecycle.apply(new DigestChosen(command.familyId(), command.trustId(), command.carerId(),
                                                      command.digest(), command.actor().staffId(), command.at()));
        }
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }

    @EventSourcingHandler
    void on(DigestChosen event) {
        choiceId = ChooseDigest.idOf(event.familyId());
        choices.put(event.carerId() == null ? FAMILY : event.carerId(), event.digest());
    }
}
