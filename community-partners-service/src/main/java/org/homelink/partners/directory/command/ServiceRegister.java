package org.homelink.partners.directory.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** Support services as published, read from each service's own events: what a command sees, with no lag. */
@Component
public class ServiceRegister {

    private final EventStore eventStore;
    private final ObjectMapper json;

    public ServiceRegister(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    /**
     * A service as it stands.
     *
     * @param name   its name, as its document gives it
     * @param status {@code active}, {@code inactive}, {@code defunct} or {@code temporarily closed}, as its document
     *               gives it
     */
    public record KnownService(String serviceId, String organisationId, String name, String status, String document,
                               Integer capacity) {

        public boolean active() {
            return "active".equals(status);
        }

        public boolean says(String otherDocument, Integer otherCapacity) {
            return document.equals(otherDocument) && Objects.equals(capacity, otherCapacity);
        }
    }

    public Optional<KnownService> find(String serviceId) {
        String organisationId = null;
        String document = null;
        Integer capacity = null;
        for (var message : eventStore.readEvents(serviceId).asStream().toList()) {
            if (message.getPayload() instanceof ServicePublished published) {
                organisationId = published.organisationId();
                document = published.document();
                capacity = published.capacity();
            } else if (organisationId != null && message.getPayload() instanceof ServiceRevised revised) {
                organisationId = revised.organisationId();
                document = revised.document();
                capacity = revised.capacity();
            }
        }
        if (organisationId == null) {
            return Optional.empty();
        }
        JsonNode said = read(document);
        return Optional.of(new KnownService(serviceId, organisationId, said.path("name").asText(),
                                            said.path("status").asText(), document, capacity));
    }

    private JsonNode read(String document) {
        try {
            return json.readTree(document);
        } catch (IOException e) {
            throw new IllegalStateException("A service's document is not JSON", e);
        }
    }
}
