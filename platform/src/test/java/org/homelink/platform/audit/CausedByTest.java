package org.homelink.platform.audit;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.homelink.platform.eventstore.MongoEventLogEngine;
import org.homelink.platform.eventstore.noticeboard.NoticePinned;
import org.homelink.platform.eventstore.noticeboard.Noticeboard;
import org.homelink.platform.eventstore.noticeboard.NoticeboardCommands;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event records who caused it, stored in the event log and read back: Axon's real command gateway, bus,
 * aggregate repository and event store over the platform's engine, with the interceptors and the correlation data
 * provider the services get.
 */
class CausedByTest {

    private final AtomicReference<RequestContext> callerOnThisThread = new AtomicReference<>();
    private EventLogFixture log;
    private MongoEventLogEngine engine;
    private Configuration axon;

    @BeforeEach
    void startAxon() {
        log = new EventLogFixture(EmbeddedMongo.connectionString());
        engine = log.engine();
        Serializer serializer = EventLogFixture.serializer();
        axon = DefaultConfigurer.defaultConfiguration(false)
                                .configureSerializer(c -> serializer)
                                .configureEventSerializer(c -> serializer)
                                .configureMessageSerializer(c -> serializer)
                                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(engine).build())
                                .configureAggregate(AggregateConfigurer.defaultConfiguration(Noticeboard.class))
                                .configureCorrelationDataProviders(c -> List.of(
                                        new SimpleCorrelationDataProvider(CausedBy.KEY), new MessageOriginProvider()))
                                .buildConfiguration();
        axon.start();
        axon.commandGateway().registerDispatchInterceptor(
                new CausedByInterceptor<>(() -> Optional.ofNullable(callerOnThisThread.get()), "test-service"));
        axon.eventBus().registerDispatchInterceptor(
                new CausedByInterceptor<>(() -> Optional.ofNullable(callerOnThisThread.get()), "test-service"));
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
        log.close();
    }

    @Test
    void everyEventOfACallersCommandNamesTheCallerByIdsAlone() {
        String boardId = newId();
        callerOnThisThread.set(new RequestContext("trust-1", Set.of("100001"), Role.KEY_WORKER, "staff-7"));

        axon.commandGateway().sendAndWait(new NoticeboardCommands.Open(boardId));
        axon.commandGateway().sendAndWait(new NoticeboardCommands.Pin(boardId, List.of("Coffee morning", "Trip")));

        List<? extends DomainEventMessage<?>> stored = engine.readEvents(boardId).asStream().toList();
        assertThat(stored).hasSize(3);
        assertThat(stored).allSatisfy(event -> assertThat(causeOf(event.getMetaData()))
                .isEqualTo(Map.of("role", "key-worker", "staff", "staff-7", "trust", "trust-1")));
        // Axon's own correlation data is still there beside it.
        assertThat(stored.get(1).getMetaData()).containsKeys("correlationId", "traceId");
    }

    @Test
    void aPartnersCommandNamesTheirOrganisationAndNoTrust() {
        String boardId = newId();
        callerOnThisThread.set(new RequestContext(null, Set.of(), Role.PARTNER, "worker-3", "org-9"));

        axon.commandGateway().sendAndWait(new NoticeboardCommands.Open(boardId));

        assertThat(causeOf(engine.readEvents(boardId).next().getMetaData()))
                .isEqualTo(Map.of("role", "partner", "staff", "worker-3", "organisation", "org-9"));
    }

    @Test
    void aCommandSentWithNoCallerIsTheServicesOwnWithTheJobItNamed() {
        String named = newId();
        String unnamed = newId();

        SystemWork.run("nightly-tidy", () -> axon.commandGateway().sendAndWait(new NoticeboardCommands.Open(named)));
        axon.commandGateway().sendAndWait(new NoticeboardCommands.Open(unnamed));

        assertThat(causeOf(engine.readEvents(named).next().getMetaData()))
                .isEqualTo(Map.of("system", "test-service", "job", "nightly-tidy"));
        assertThat(causeOf(engine.readEvents(unnamed).next().getMetaData()))
                .isEqualTo(Map.of("system", "test-service"));
    }

    @Test
    void anEventPublishedOutsideAnyCommandIsCausedByTheServiceToo() {
        String boardId = newId();

        SystemWork.run("delivery-reports",
                       () -> axon.eventBus().publish(GenericEventMessage.asEventMessage(new NoticePinned(boardId, "x"))));

        TrackedEventMessage<?> stored = engine.readEvents(null, false)
                                              .filter(event -> event.getPayload() instanceof NoticePinned pinned
                                                               && pinned.boardId().equals(boardId))
                                              .findFirst().orElseThrow();
        assertThat(causeOf(stored.getMetaData()))
                .isEqualTo(Map.of("system", "test-service", "job", "delivery-reports"));
    }

    @Test
    void aCauseAlreadyCarriedIsKept() {
        String boardId = newId();
        callerOnThisThread.set(new RequestContext("trust-1", Set.of("100001"), Role.KEY_WORKER, "staff-7"));
        Map<String, String> earlier = CausedBy.caller(
                new RequestContext("trust-1", Set.of(), Role.TRUST_LEADER, "head-1"));

        axon.commandGateway().sendAndWait(org.axonframework.commandhandling.GenericCommandMessage
                .asCommandMessage(new NoticeboardCommands.Open(boardId))
                .andMetaData(Map.of(CausedBy.KEY, earlier)));

        assertThat(causeOf(engine.readEvents(boardId).next().getMetaData())).isEqualTo(earlier);
    }

    private static Object causeOf(MetaData metaData) {
        return metaData.get(CausedBy.KEY);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
