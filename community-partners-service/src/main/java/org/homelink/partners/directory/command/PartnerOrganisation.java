package org.homelink.partners.directory.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.contracts.partners.PartnerRenamed;
import org.homelink.partners.directory.command.DirectoryCommands.RegisterOrganisation;
import org.homelink.partners.directory.command.DirectoryCommands.ReviseOrganisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner organisation's entry in the public directory. It belongs to no trust; the trust whose staff added it
 * keeps it, with the organisation's own workers. Update handlers return its version for the next {@code If-Match}.
 */
// The log is shared: the id of another kind of record must load as no record (404), not fail to load (500).
@Aggregate(filterEventsByType = true)
public class PartnerOrganisation {

    @AggregateIdentifier
    private String organisationId;
    private String name;
    private String document;
    private String owningTrustId;

    protected PartnerOrganisation() {
    }

    @CommandHandler
    public PartnerOrganisation(RegisterOrganisation command) {
        DirectoryRules.requireMayAdd(command.actor());
        String by = command.actor().staffId();
        apply(new PartnerRegistered(command.organisationId(), command.name(), by, command.at()));
        apply(new OrganisationDescribed(command.organisationId(), command.document(), command.actor().trustId(), by,
                                        command.at()));
    }

    @CommandHandler
    public long handle(ReviseOrganisation command) {
        DirectoryRules.requireMayKeep(command.actor(), organisationId, owningTrustId);
        String by = command.actor().staffId();
        if (!command.name().equals(name)) {
            apply(new PartnerRenamed(organisationId, command.name(), by, command.at()));
        }
        if (!command.document().equals(document)) {
            apply(new OrganisationDescribed(organisationId, command.document(), owningTrustId, by, command.at()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        organisationId = event.organisationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(PartnerRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrganisationDescribed event) {
        document = event.document();
        owningTrustId = event.owningTrustId();
    }
}
