package org.homelink.engagement.activities.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.engagement.ServiceGateway;
import org.homelink.engagement.activities.command.ActivityCommands.BookSlot;
import org.homelink.engagement.activities.command.ActivityCommands.InviteFamilies;
import org.homelink.engagement.activities.command.ActivityCommands.Invitee;
import org.homelink.engagement.activities.command.ActivityCommands.OfferSlots;
import org.homelink.engagement.activities.command.ActivityCommands.ScheduleActivity;
import org.homelink.engagement.activities.command.ActivityRules.SlotTaken;
import org.homelink.engagement.activities.events.Slot;
import org.homelink.engagement.activities.events.SlotBooked;
import org.homelink.engagement.activities.events.SlotsOffered;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.Riverside.COMMUNICATING;
import static org.homelink.engagement.Riverside.HALL;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.bySms;
import static org.homelink.engagement.Riverside.occurrence;

/**
 * No slot is ever booked twice, also when two carers book the same slot at the same moment: through two instances of
 * the service, each with its own command bus, repository and locks, that share only the event log. Each round two
 * carers, one at each instance, are released together to book the same free slot.
 */
class SlotBookingRaceTest {

    static final String EVENING = "evening-1";
    static final Occurrence FOUR_TO_SEVEN = occurrence(1, "2026-03-05T16:00:00Z", 180);
    static final int ROUNDS = 20;
    static final long PATIENCE_SECONDS = 10;

    private EventLogFixture log;
    private Instance first;
    private Instance second;
    private ExecutorService carers;
    private ScheduledExecutorService retries;

    @BeforeEach
    void aParentsEveningAtTwoInstances() {
        log = new EventLogFixture(EmbeddedMongo.connectionString());
        first = new Instance(log.engine());
        second = new Instance(log.engine());
        carers = Executors.newFixedThreadPool(2);
        retries = Executors.newSingleThreadScheduledExecutor();
        CommandGateway staff = first.commands();
        staff.sendAndWait(new ScheduleActivity(EVENING, NORTH, ActivityKind.PARENTS_EVENING, null, "Parents' evening",
                                               null, List.of(FOUR_TO_SEVEN), HALL, null, Set.of(), false,
                                               COMMUNICATING, null, NORTH_STAFF, NOW));
        List<Invitee> families = List.of(new Invitee("warsame", List.of(bySms("amina", "so", true))),
                                         new Invitee("okafor", List.of(bySms("chidi", "en", false))));
        staff.sendAndWait(new InviteFamilies(EVENING, families, "by name", NORTH_STAFF, NOW));
        staff.sendAndWait(new OfferSlots(EVENING, 1, "t-smith", "Mr Smith", FOUR_TO_SEVEN.start(),
                                         FOUR_TO_SEVEN.start().plus(Duration.ofMinutes(5L * ROUNDS)), 5, NORTH_STAFF,
                                         NOW));
    }

    @AfterEach
    void stop() {
        carers.shutdownNow();
        retries.shutdownNow();
        first.close();
        second.close();
        log.close();
    }

    @Test
    void ofTwoCarersReleasedTogetherOneBooksAndTheOtherIsRefused() throws Exception {
        everyRoundOneBooksAndTheOtherIsRefusedWith(first.commands(), second.commands(), false, SlotTaken.class,
                                                   ConcurrencyException.class);
    }

    @Test
    void whenBothInstancesHaveReadTheEveningBeforeEitherDecidesTheEventLogLetsOneIn() throws Exception {
        // Both decided on the same version: the loser's append is refused, as Axon's own gateway reports it.
        everyRoundOneBooksAndTheOtherIsRefusedWith(first.commands(), second.commands(), true,
                                                   ConcurrencyException.class);
    }

    @Test
    void throughTheServicesRetryingGatewayTheLoserIsToldTheSlotIsTaken() throws Exception {
        everyRoundOneBooksAndTheOtherIsRefusedWith(ServiceGateway.over(first.commandBus(), retries),
                                                   ServiceGateway.over(second.commandBus(), retries), true,
                                                   SlotTaken.class);
    }

    private void everyRoundOneBooksAndTheOtherIsRefusedWith(CommandGateway viaFirst, CommandGateway viaSecond,
                                                            boolean bothRead, Class<?>... refusals)
            throws Exception {
        List<String> slots = offeredSlots();
        for (int round = 0; round < ROUNDS; round++) {
            List<Outcome> outcomes = race(slots.get(round), round, viaFirst, viaSecond, bothRead);

            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::booked).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::refused).singleElement()
                                .satisfies(loser -> assertThat(loser.failure()).isInstanceOfAny(refusals));
        }
        assertEachSlotBookedOnce(slots);
    }

    /** What one carer's booking came to: booked, or refused with why. */
    record Outcome(RuntimeException failure) {
        boolean booked() {
            return failure == null;
        }

        boolean refused() {
            return failure != null;
        }
    }

    /**
     * Warsame books through the first instance and Okafor through the second, released together. With
     * {@code bothRead}, each instance also waits, once it has read the evening, until the other has read it too: the
     * moment two machines hold the same version of it, so that the race is decided by the event log alone.
     */
    private List<Outcome> race(String slotId, int round, CommandGateway viaFirst, CommandGateway viaSecond,
                               boolean bothRead) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        if (bothRead) {
            CyclicBarrier bothLoaded = new CyclicBarrier(2);
            first.holdNextLoadAt(bothLoaded);
            second.holdNextLoadAt(bothLoaded);
        }
        Future<Outcome> warsame = carers.submit(() -> book(start, viaFirst, slotId, "warsame", "amina",
                                                           "hodan-" + round));
        Future<Outcome> okafor = carers.submit(() -> book(start, viaSecond, slotId, "okafor", "chidi",
                                                          "ada-" + round));
        return List.of(warsame.get(PATIENCE_SECONDS, TimeUnit.SECONDS),
                       okafor.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
    }

    private static Outcome book(CyclicBarrier start, CommandGateway gateway, String slotId, String familyId,
                                String carerId, String childId) throws Exception {
        start.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        try {
            gateway.sendAndWait(new BookSlot(EVENING, slotId, familyId, carerId, childId, Set.of(childId),
                                             NORTH_STAFF, NOW));
            return new Outcome(null);
        } catch (RuntimeException refused) {
            return new Outcome(refused);
        }
    }

    private List<String> offeredSlots() {
        return payloads(SlotsOffered.class).flatMap(offered -> offered.slots().stream()).map(Slot::slotId).toList();
    }

    private void assertEachSlotBookedOnce(List<String> slots) {
        Map<String, Long> bookings = payloads(SlotBooked.class)
                .collect(Collectors.groupingBy(SlotBooked::slotId, Collectors.counting()));
        assertThat(bookings).as("SlotBooked events in the log, by slot")
                            .isEqualTo(slots.stream().collect(Collectors.toMap(Function.identity(), slot -> 1L)));
    }

    private <T> Stream<T> payloads(Class<T> type) {
        return log.engine().readEvents(EVENING).asStream().map(DomainEventMessage::getPayload)
                  .filter(type::isInstance).map(type::cast);
    }

    /** One instance of the service: Axon's own command bus, repository and locks, over the shared event log. */
    private static final class Instance implements AutoCloseable {

        private final HeldLoads log;
        private final Configuration configuration;

        Instance(EventStorageEngine engine) {
            log = new HeldLoads(engine);
            Serializer serializer = EventLogFixture.serializer();
            configuration = DefaultConfigurer.defaultConfiguration(false)
                                             .configureSerializer(c -> serializer)
                                             .configureEventSerializer(c -> serializer)
                                             .configureMessageSerializer(c -> serializer)
                                             .configureEventStore(c -> EmbeddedEventStore.builder()
                                                                                         .storageEngine(log).build())
                                             .configureAggregate(EngagementActivity.class)
                                             .buildConfiguration();
            configuration.start();
        }

        /** Axon's own gateway, which does not retry. */
        CommandGateway commands() {
            return configuration.commandGateway();
        }

        CommandBus commandBus() {
            return configuration.commandBus();
        }

        void holdNextLoadAt(CyclicBarrier barrier) {
            log.hold.set(barrier);
        }

        @Override
        public void close() {
            configuration.shutdown();
        }
    }

    /**
     * The event log as one instance reads it. When a barrier is set, the instance's next load of an aggregate reads
     * its events and then waits at the barrier before deciding anything; later loads (a retry) go straight through.
     */
    private static final class HeldLoads implements EventStorageEngine {

        private final EventStorageEngine log;
        private final AtomicReference<CyclicBarrier> hold = new AtomicReference<>();

        HeldLoads(EventStorageEngine log) {
            this.log = log;
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            List<? extends DomainEventMessage<?>> events =
                    log.readEvents(aggregateIdentifier, firstSequenceNumber).asStream().toList();
            CyclicBarrier barrier = hold.getAndSet(null);
            if (barrier != null) {
                try {
                    barrier.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("The other instance never read the activity", e);
                }
            }
            return DomainEventStream.of(events);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            log.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            log.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return log.readEvents(trackingToken, mayBlock);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return log.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return log.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return log.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return log.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return log.createTokenAt(dateTime);
        }
    }
}
