package org.homelink.partners.directory.command;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.contracts.partners.PartnerRenamed;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Partner organisations as registered, read from each organisation's own events rather than from a projection: an
 * organisation's stream is short, and reading it sees a registration whose command has just returned, so a service
 * published a moment after its organisation is never refused because a projection lags behind.
 */
@Component
public class OrganisationRegister {

    private final EventStore eventStore;

    public OrganisationRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** An organisation as it stands. */
    public record KnownOrganisation(String organisationId, String name, String document, String owningTrustId) {
    }

    public Optional<KnownOrganisation> find(String organisationId) {
        KnownOrganisation known = null;
        for (var message : eventStore.readEvents(organisationId).asStream().toList()) {
            Object event = message.getPayload();
            if (event instanceof PartnerRegistered registered) {
                known = new KnownOrganisation(organisationId, registered.name(), null, null);
            } else if (known != null && event instanceof PartnerRenamed renamed) {
                known = new KnownOrganisation(organisationId, renamed.name(), known.document(), known.owningTrustId());
            } else if (known != null && event instanceof OrganisationDescribed described) {
                known = new KnownOrganisation(organisationId, known.name(), described.document(),
                                              described.owningTrustId());
            }
        }
        return Optional.ofNullable(known);
    }
}
