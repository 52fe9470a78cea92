package org.homelink.platform.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.homelink.platform.eventstore.MongoEventLogEngine;

import java.time.Duration;
import java.util.UUID;

/**
 * A MongoDB to test the event log against, with a fresh database per test so tests never see each other's events.
 */
public final class EventLogFixture implements AutoCloseable {

    private final MongoClient client;
    private final String connectionString;
    private final MongoDatabase database;

    public EventLogFixture(String connectionString) {
        this.connectionString = connectionString;
        this.client = MongoClients.create(connectionString);
        this.database = client.getDatabase("events-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static JacksonSerializer serializer() {
        // Configured as Spring Boot configures the services' ObjectMapper.
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    public MongoEventLogEngine engine() {
        return engine(Duration.ofSeconds(10), NoOpEventUpcaster.INSTANCE);
    }

    public MongoEventLogEngine engine(Duration gapTimeout, EventUpcaster upcasters) {
        return engineBuilder().gapTimeout(gapTimeout).upcasterChain(upcasters).build();
    }

    public MongoEventLogEngine.Builder engineBuilder() {
        JacksonSerializer serializer = serializer();
        return MongoEventLogEngine.builder()
                                  .database(database)
                                  .eventSerializer(serializer)
                                  .snapshotSerializer(serializer);
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoClient client() {
        return client;
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        database.drop();
        client.close();
    }
}
