package org.homelink.partners.directory.command;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/** Support services as published, read from each service's own events: what a command sees, with no lag. */
@Component
public class ServiceRegister {

    private final EventStore eventStore;

    public ServiceRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A service as it stands. */
    public record KnownService(String serviceId, String organisationId, String document, Integer capacity) {

        public boolean says(String otherDocument, Integer otherCapacity) {
            return document.equals(otherDocument) && Objects.equals(capacity, otherCapacity);
        }
    }

    public Optional<KnownService> find(String serviceId) {
        KnownService known = null;
        for (var message : eventStore.readEvents(serviceId).asStream().toList()) {
            if (message.getPayload() instanceof ServicePublished published) {
                known = new KnownService(serviceId, published.organisationId(), published.document(),
                                         published.capacity());
            } else if (known != null && message.getPayload() instanceof ServiceRevised revised) {
                known = new KnownService(serviceId, revised.organisationId(), revised.document(), revised.capacity());
            }
        }
        return Optional.ofNullable(known);
    }
}
