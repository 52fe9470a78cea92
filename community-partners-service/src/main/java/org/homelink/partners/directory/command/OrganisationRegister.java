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

    /**
     * An organisation as it stands.
     *
     * @param version the sequence number of its latest event: its ETag
     */
    public record KnownOrganisation(String organisationId, String name, String document, String owningTrustId,
                                    long version) {
    }

    public Optional<KnownOrganisation> find(String organisationId) {
        KnownOrganisation known = null;
        for (var message : eventStore.readEvents(organisationId).asStream().toList()) {
            Object event = message.getPayload();
            long version = message.getSequenceNumber();
            if (event instanceof PartnerRegistered registered) {
                known = new KnownOrganisation(organisationId, registered.name(), null, null, version);
            } else if (known != null && event instanceof PartnerRenamed renamed) {
                known = new KnownOrganisation(organisationId, renamed.name(), known.document(),
                                              known.owningTrustId(), version);
            } else if (known != null && event instanceof OrganisationDescribed described) {
                known = new KnownOrganisation(organisationId, known.name(), described.document(),
                                              described.owningTrustId(), version);
            }
        }
        return Optional.ofNullable(known);
    }
}
