package org.homelink.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.homelink.platform.eventstore.MongoEventLogEngine;
import org.homelink.platform.eventstore.noticeboard.NoticeboardOpened;
import org.homelink.platform.mongo.MongoPingHealthIndicator;
import org.homelink.platform.mongo.MongoStore;
import org.homelink.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service gets from the platform just by depending on it. */
class PlatformWiringTest {

    @Test
    void withNoConnectionStringAServiceRunsOnTheEmbeddedStoreWithAxonOnMongo() {
        try (ConfigurableApplicationContext service = start("homelink.mongo.embedded.storage=memory")) {
            assertThat(service.getBean(MongoStore.class).embedded()).isTrue();
            assertThat(service.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            assertThat(service.getBean(EventStorageEngine.class)).isInstanceOf(MongoEventLogEngine.class);
            assertThat(service.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(service.getBean(SagaStore.class)).isInstanceOf(MongoSagaStore.class);
            assertThat(service.getBean("eventSerializer", Serializer.class)).isInstanceOf(JacksonSerializer.class);

            var health = service.getBean(MongoPingHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", "embedded");
        }
    }

    @Test
    void oneConnectionStringSwitchesTheServiceToThatMongoDb() {
        String eventsDatabase = "events-" + UUID.randomUUID();
        try (ConfigurableApplicationContext service = start(
                "homelink.mongo.uri=" + EmbeddedMongo.connectionString(),
                "homelink.event-store.database=" + eventsDatabase)) {
            assertThat(service.getBean(MongoStore.class).embedded()).isFalse();
            assertThat(service.getBean(MongoPingHealthIndicator.class).health().getDetails())
                    .containsEntry("store", "mongodb");

            service.getBean(EventStore.class).publish(GenericEventMessage.asEventMessage(new NoticeboardOpened("b")));

            assertThat(service.getBean(MongoClient.class).getDatabase(eventsDatabase)
                              .getCollection("commits").countDocuments()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(AnyService.class).web(WebApplicationType.NONE)
                                                             .properties(properties)
                                                             .run();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AnyService {
    }
}
