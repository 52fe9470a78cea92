package org.homelink.platform.eventstore.noticeboard;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.homelink.platform.testing.EventLogFixture;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running "service instance" over the event log: Axon's real command bus, repository, event store and, when
 * asked for, a pooled streaming processor. Two of these over one database behave like two service instances.
 */
public final class NoticeboardApp implements AutoCloseable {

    public static final String PROCESSOR = "noticeboard-projection";

    private final Configuration configuration;

    private NoticeboardApp(Configuration configuration) {
        this.configuration = configuration;
        configuration.start();
    }

    public static Builder over(EventStorageEngine engine) {
        return new Builder(engine);
    }

    public CommandGateway commands() {
        return configuration.commandGateway();
    }

    public EmbeddedEventStore eventStore() {
        return (EmbeddedEventStore) configuration.eventStore();
    }

    public PooledStreamingEventProcessor processor() {
        return configuration.eventProcessingConfiguration()
                            .eventProcessor(PROCESSOR, PooledStreamingEventProcessor.class)
                            .orElseThrow();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }

    public static final class Builder {

        private final EventStorageEngine engine;
        private Consumer<EventMessage<?>> handler;
        private TokenStore tokenStore = new InMemoryTokenStore();
        private int snapshotThreshold;

        private Builder(EventStorageEngine engine) {
            this.engine = engine;
        }

        /** Streams every event of the log, from the first, to {@code handler} through a pooled processor. */
        public Builder streamingTo(Consumer<EventMessage<?>> handler) {
            this.handler = handler;
            return this;
        }

        public Builder tokenStore(TokenStore tokenStore) {
            this.tokenStore = tokenStore;
            return this;
        }

        public Builder snapshotEvery(int events) {
            this.snapshotThreshold = events;
            return this;
        }

        public NoticeboardApp start() {
            Serializer serializer = EventLogFixture.serializer();
            AggregateConfigurer<Noticeboard> aggregate = AggregateConfigurer.defaultConfiguration(Noticeboard.class);
            if (snapshotThreshold > 0) {
                aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        c.snapshotter(), snapshotThreshold));
            }
            Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureSerializer(c -> serializer)
                    .configureEventSerializer(c -> serializer)
                    .configureMessageSerializer(c -> serializer)
                    .configureEventStore(c -> EmbeddedEventStore.builder()
                                                                .storageEngine(engine)
                                                                .fetchDelay(50)
                                                                .timeUnit(TimeUnit.MILLISECONDS)
                                                                .build())
                    .configureAggregate(aggregate);
            if (handler != null) {
                configurer.eventProcessing(processing -> processing
                        // One segment: several would hand events to parallel workers, and the tests check order.
                        .registerPooledStreamingEventProcessor(
                                PROCESSOR, Configuration::eventStore,
                                (config, processor) -> processor.initialSegmentCount(1))
                        .registerEventHandler(c -> new CountingHandler(handler))
                        .assignHandlerInstancesMatching(PROCESSOR, h -> h instanceof CountingHandler)
                        .registerTokenStore(PROCESSOR, c -> tokenStore));
            }
            return new NoticeboardApp(configurer.buildConfiguration());
        }
    }
}
