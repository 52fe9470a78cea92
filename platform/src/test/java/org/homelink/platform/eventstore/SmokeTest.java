package org.homelink.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    record Hello(String who) {}

    @Test
    void appendsAndReads() {
        try (EventLogFixture fixture = new EventLogFixture(EmbeddedMongo.connectionString())) {
            MongoEventLogEngine engine = fixture.engine();
            engine.appendEvents(new GenericDomainEventMessage<>("Thing", "a", 0, new Hello("x")),
                                new GenericDomainEventMessage<>("Thing", "a", 1, new Hello("y")));
            engine.appendEvents(new GenericDomainEventMessage<>("Thing", "b", 0, new Hello("z")));
            List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
            assertThat(all).extracting(e -> ((Hello) e.getPayload()).who()).containsExactly("x", "y", "z");
            assertThat(engine.readEvents("a").asStream().toList()).hasSize(2);
            assertThat(engine.lastSequenceNumberFor("a")).contains(1L);
        }
    }
}
