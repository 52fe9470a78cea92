package org.homelink.family.trust.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.contracts.school.TrustRegistered;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The register read from each trust's own events rather than from a projection: a trust has a few dozen schools at
 * most, so its stream is short, and reading it sees every school registered by a command that has returned. A
 * family registered a moment after its school must not be refused because a projection lags behind.
 */
@Component
class EventStoreSchoolRegister implements SchoolRegister {

    private final EventStore eventStore;

    EventStoreSchoolRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RegisteredTrust> trust(String trustId) {
        String name = null;
        List<RegisteredTrust.School> schools = new ArrayList<>();
        for (Object event : eventStore.readEvents(trustId).asStream().map(e -> e.getPayload()).toList()) {
            if (event instanceof TrustRegistered registered) {
                name = registered.name();
            } else if (event instanceof SchoolRegistered school) {
                schools.add(new RegisteredTrust.School(school.schoolUrn(), school.name(), school.phase(),
                                                       school.postcode()));
            }
        }
        return name == null ? Optional.empty() : Optional.of(new RegisteredTrust(trustId, name, List.copyOf(schools)));
    }
}
