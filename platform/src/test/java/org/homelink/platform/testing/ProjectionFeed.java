package org.homelink.platform.testing;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection over a database of its own on the embedded store, fed events as its streaming processor feeds them:
 * one at a time, each aggregate's in order with its sequence number, through Axon's own annotation adapter, so
 * {@code @SequenceNumber}, {@code @Timestamp} and {@code @ResetHandler} work as they do in the service. It keeps
 * what it fed, to deliver all of it again (as a processor that stopped before storing its token does) or to replay
 * it after a reset, and compares the read model's documents before and after.
 *
 * @param <P> the projection
 */
public final class ProjectionFeed<P> implements AutoCloseable {

    private final EventLogFixture store;
    private final P projection;
    private final AnnotationEventHandlerAdapter processor;
    private final Instant at;
    private final List<String> collections;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventMessage<?>> delivered = new ArrayList<>();

    /**
     * @param projection  builds the projection over the database it is given
     * @param at          when every event happened, as its message says
     * @param collections the read model's collections: what is compared
     */
    public ProjectionFeed(Function<MongoDatabase, P> projection, Instant at, String... collections) {
        this.store = new EventLogFixture(EmbeddedMongo.connectionString());
        this.projection = projection.apply(store.database());
        this.processor = new AnnotationEventHandlerAdapter(this.projection);
        this.at = at;
        this.collections = List.of(collections);
    }

    public P projection() {
        return projection;
    }

    public MongoDatabase database() {
        return store.database();
    }

    /** Delivers {@code event} as the next event of its aggregate's stream. */
    public void deliver(String aggregateType, String aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 0L, (last, first) -> last + 1);
        EventMessage<?> message = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event,
                                                                  MetaData.emptyInstance(),
                                                                  UUID.randomUUID().toString(), at);
        delivered.add(message);
        handle(message);
    }

    /** Every document of the read model, by collection, each in order of id. */
    public Map<String, List<Document>> documents() {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            documents.put(collection, store.database().getCollection(collection).find()
                                           .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return documents;
    }

    /**
     * Every event delivered so far, delivered again in the same order, as a processor that stopped before storing
     * its token delivers them, leaves every document as it was, not only at the end but after each one: between
     * two of them a reader (or a command's wait for its read model) sees the model, and a redelivered creation
     * that reopened a record closed by a later event would show it open until the later one came again.
     */
    public void assertRedeliveryChangesNothing() {
        Map<String, List<Document>> before = somethingBuilt();

        List<EventMessage<?>> events = List.copyOf(delivered);
        for (int i = 0; i < events.size(); i++) {
            handle(events.get(i));
            assertThat(documents()).as("after event %d (%s) delivered again", i,
                                       events.get(i).getPayloadType().getSimpleName())
                                   .isEqualTo(before);
        }
    }

    /** A reset empties the read model, and replaying every event delivered so far builds the same documents. */
    public void assertResetAndReplayBuildTheSame() {
        Map<String, List<Document>> before = somethingBuilt();

        processor.prepareReset();
        assertThat(documents().values()).as("after the reset").allSatisfy(found -> assertThat(found).isEmpty());
        List.copyOf(delivered).forEach(this::handle);

        assertThat(documents()).isEqualTo(before);
    }

    /** The read model as it is, which must hold something: comparing two empty models proves nothing. */
    private Map<String, List<Document>> somethingBuilt() {
        Map<String, List<Document>> documents = documents();
        assertThat(documents.values()).as("the read model before").anySatisfy(found -> assertThat(found).isNotEmpty());
        return documents;
    }

    private void handle(EventMessage<?> message) {
        try {
            processor.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("The projection could not handle " + message.getPayloadType(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
