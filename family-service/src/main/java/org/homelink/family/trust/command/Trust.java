package org.homelink.family.trust.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.contracts.school.TrustRegistered;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A trust and the schools it runs: a school that stands alone is a trust of one. */
@Aggregate
public class Trust {

    @AggregateIdentifier
    private String trustId;
    private final Set<String> schoolUrns = new HashSet<>();

    protected Trust() {
    }

    @CommandHandler
    public Trust(TrustCommands.RegisterTrust command) {
        apply(new TrustRegistered(command.trustId(), command.name()));
    }

    @CommandHandler
    public void handle(TrustCommands.RegisterSchool command) {
        if (schoolUrns.contains(command.schoolUrn())) {
            throw new SchoolAlreadyRegistered(command.schoolUrn());
        }
        apply(new SchoolRegistered(trustId, command.schoolUrn(), command.name(), command.phase(),
                                   command.postcode()));
    }

    @EventSourcingHandler
    void on(TrustRegistered event) {
        trustId = event.trustId();
    }

    @EventSourcingHandler
    void on(SchoolRegistered event) {
        schoolUrns.add(event.schoolUrn());
    }
}
