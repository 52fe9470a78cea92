package org.homelink.partners.directory.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.partners.directory.command.DirectoryCommands.PublishService;
import org.homelink.partners.directory.command.DirectoryCommands.ReviseService;
import org.homelink.partners.directory.command.DirectoryRules.ServiceStaysWithItsOrganisation;
import org.homelink.partners.directory.command.DirectoryRules.UnknownOrganisation;
import org.homelink.partners.directory.command.OrganisationRegister.KnownOrganisation;
import org.homelink.platform.web.RequestContext;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A support service of a partner organisation, as Open Referral describes it, with how many open referrals it takes
 * at once. Kept by whoever keeps its organisation; a revision that says nothing new records nothing, which is what
 * makes importing the same feed twice leave the directory as it was.
 */
// The log is shared: the id of another kind of record must load as no record (404), not fail to load (500).
@Aggregate(filterEventsByType = true)
public class SupportService {

    @AggregateIdentifier
    private String serviceId;
    private String organisationId;
    private String document;
    private Integer capacity;

    protected SupportService() {
    }

    @CommandHandler
    public SupportService(PublishService command, OrganisationRegister register) {
        requireKeeper(command.actor(), register, command.organisationId());
        apply(new ServicePublished(command.serviceId(), command.organisationId(), command.document(),
                                   command.capacity(), command.actor().staffId(), command.at()));
    }

    @CommandHandler
    public long handle(ReviseService command, OrganisationRegister register) {
        if (!organisationId.equals(command.organisationId())) {
            throw new ServiceStaysWithItsOrganisation();
        }
        requireKeeper(command.actor(), register, organisationId);
        if (!command.document().equals(document) || !Objects.equals(command.capacity(), capacity)) {
            apply(new ServiceRevised(serviceId, organisationId, command.document(), command.capacity(),
                                     command.actor().staffId(), command.at()));
        }
        return AggregateLifecycle.getVersion();
    }

    private static void requireKeeper(RequestContext actor, OrganisationRegister register, String organisationId) {
        KnownOrganisation organisation = register.find(organisationId)
                                                 .orElseThrow(() -> new UnknownOrganisation("organization_id"));
        DirectoryRules.requireMayKeep(actor, organisationId, organisation.owningTrustId());
    }

    @EventSourcingHandler
    void on(ServicePublished event) {
        serviceId = event.serviceId();
        organisationId = event.organisationId();
        document = event.document();
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(ServiceRevised event) {
        document = event.document();
        capacity = event.capacity();
    }
}
