package org.homelink.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.homelink.platform.eventstore.noticeboard.NoticePinned;
import org.homelink.platform.eventstore.noticeboard.Noticeboard;
import org.homelink.platform.eventstore.noticeboard.NoticeboardApp;
import org.homelink.platform.eventstore.noticeboard.NoticeboardCommands;
import org.homelink.platform.eventstore.noticeboard.NoticeboardOpened;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the event log guarantees, stated once and checked on every store it runs on: the embedded server here, a
 * real MongoDB replica set wherever Docker runs. The guarantee that needs separate processes has its own test.
 */
abstract class EventLogContract {

    private EventLogFixture fixture;
    private MongoEventLogEngine engine;

    protected abstract String connectionString();

    @BeforeEach
    void openLog() {
        fixture = new EventLogFixture(connectionString());
        engine = fixture.engine();
    }

    @AfterEach
    void closeLog() {
        Noticeboard.beforeDeciding = boardId -> { };
        fixture.close();
    }

    // 1. Global order

    @Test
    void streamingProcessorReceivesEveryEventInTheOrderOfItsPosition() throws Exception {
        List<TrackedEventMessage<?>> received = new CopyOnWriteArrayList<>();
        int boards = 4;
        int pinsPerBoard = 10;
        try (NoticeboardApp app = NoticeboardApp.over(engine)
                                                .streamingTo(event -> received.add((TrackedEventMessage<?>) event))
                                                .start()) {
            ExecutorService writers = Executors.newFixedThreadPool(boards);
            List<CompletableFuture<Void>> done = IntStream.range(0, boards).mapToObj(board -> CompletableFuture.runAsync(() -> {
                app.commands().sendAndWait(new NoticeboardCommands.Open("board-" + board));
                for (int pin = 0; pin < pinsPerBoard; pin++) {
                    // One, two or three notices per command: commits of different sizes interleave.
                    List<String> notices = Collections.nCopies(pin % 3 + 1, "notice " + pin);
                    app.commands().sendAndWait(new NoticeboardCommands.Pin("board-" + board, notices));
                }
            }, writers)).toList();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            writers.shutdown();

            int expected = boards * (1 + IntStream.range(0, pinsPerBoard).map(pin -> pin % 3 + 1).sum());
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= expected);
            assertThat(received).hasSize(expected);
        }

        List<Long> positions = received.stream().map(EventLogContract::positionOf).toList();
        assertThat(positions).isSorted();
        assertThat(positions)
                .as("every event has its own position, dense from 1: none skipped, none repeated")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, positions.size()).mapToObj(Long::valueOf).toList());
        assertThat(received).extracting(EventMessage::getIdentifier)
                            .as("the processor sees the log exactly as it is stored")
                            .containsExactlyElementsOf(engine.readEvents(null, false)
                                                             .map(EventMessage::getIdentifier).toList());
    }

    @Test
    void concurrentWritersTakeEveryPositionExactlyOnce() throws Exception {
        int writers = 8;
        int appendsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CyclicBarrier start = new CyclicBarrier(writers);
        List<CompletableFuture<Void>> done = IntStream.range(0, writers).mapToObj(writer -> CompletableFuture.runAsync(() -> {
            bothReach(start);
            for (int sequence = 0; sequence < appendsEach; sequence++) {
                engine.appendEvents(pinned("board-" + writer, sequence));
            }
        }, pool)).toList();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        pool.shutdown();

        List<Long> stored = new ArrayList<>();
        fixture.database().getCollection("commits").find().forEach(commit -> {
            assertThat(CommitDocuments.isSkipped(commit)).as("no position lost to a skip").isFalse();
            stored.add(CommitDocuments.firstPosition(commit));
        });
        assertThat(stored).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, writers * appendsEach).mapToObj(Long::valueOf).toList());
    }

    // 3. Optimistic concurrency

    @Test
    void ofTwoCommandsOnTheSameVersionExactlyOneWins() throws Exception {
        // Two instances of a service, each with its own repository and locks, as if on two machines.
        MongoEventLogEngine secondEngine = fixture.engine();
        try (NoticeboardApp first = NoticeboardApp.over(engine).start();
             NoticeboardApp second = NoticeboardApp.over(secondEngine).start()) {
            first.commands().sendAndWait(new NoticeboardCommands.Open("board"));
            CyclicBarrier bothLoaded = new CyclicBarrier(2);
            Noticeboard.beforeDeciding = boardId -> bothReach(bothLoaded);

            // Each instance handles its command on its own thread, as two machines would.
            CompletableFuture<Object> one = CompletableFuture.supplyAsync(
                    () -> first.commands().sendAndWait(new NoticeboardCommands.Pin("board", List.of("one"))));
            CompletableFuture<Object> two = CompletableFuture.supplyAsync(
                    () -> second.commands().sendAndWait(new NoticeboardCommands.Pin("board", List.of("two"))));
            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Object> outcome : List.of(one, two)) {
                try {
                    outcome.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }

            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).isInstanceOf(ConcurrencyException.class);
            assertThat(engine.lastSequenceNumberFor("board")).contains(1L);
            assertThat(engine.readEvents("board").asStream().toList()).hasSize(2);
        }
    }

    // 4. A command's events are appended all or none

    @Test
    void aCommandsEventsAreOneCommitAtConsecutivePositions() {
        try (NoticeboardApp app = NoticeboardApp.over(engine).start()) {
            app.commands().sendAndWait(new NoticeboardCommands.Open("board"));
            app.commands().sendAndWait(new NoticeboardCommands.Pin("board", List.of("a", "b", "c")));
        }
        List<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false).toList();
        assertThat(stream).hasSize(4);
        assertThat(stream).extracting(EventLogContract::positionOf).containsExactly(1L, 2L, 3L, 4L);
        assertThat(fixture.database().getCollection("commits").countDocuments()).isEqualTo(2);
    }

    @Test
    void aCommitThatConflictsAnywhereStoresNoneOfItsEvents() {
        engine.appendEvents(pinned("a", 0), pinned("b", 0));

        // The conflict is on the last event: the two before it must not be stored either.
        assertThatThrownBy(() -> engine.appendEvents(pinned("a", 1), pinned("a", 2), pinned("b", 0)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.lastSequenceNumberFor("a")).contains(0L);
        assertThat(engine.readEvents("a").asStream().toList()).hasSize(1);
        assertThat(engine.readEvents(null, false).toList()).hasSize(2);
    }

    @Test
    void eventsOutsideAnyAggregateAreStoredAndReadAsPlainEvents() {
        engine.appendEvents(GenericEventMessage.asEventMessage(new NoticeboardOpened("announcement")),
                            GenericEventMessage.asEventMessage(new NoticeboardOpened("another")));

        List<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false).toList();
        assertThat(stream).hasSize(2).noneMatch(DomainEventMessage.class::isInstance);
    }

    // 5. Replay, and tokens at the head, the tail and a point in time

    @Test
    void resettingAProcessorReplaysFromTheFirstEvent() {
        List<EventMessage<?>> received = new CopyOnWriteArrayList<>();
        try (NoticeboardApp app = NoticeboardApp.over(engine).streamingTo(received::add).start()) {
            app.commands().sendAndWait(new NoticeboardCommands.Open("board"));
            app.commands().sendAndWait(new NoticeboardCommands.Pin("board", List.of("a", "b")));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
            List<String> firstPass = received.stream().map(EventMessage::getIdentifier).toList();

            app.processor().shutDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> !app.processor().isRunning());
            app.processor().resetTokens();
            received.clear();
            app.processor().start();

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
            assertThat(received).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(firstPass);
        }
    }

    @Test
    void tailHeadAndPointInTimeTokensStartWhereTheySay() throws InterruptedException {
        engine.appendEvents(pinned("a", 0));
        engine.appendEvents(pinned("a", 1));
        Thread.sleep(20); // commit times are in milliseconds: keep "before" and "after" apart
        Instant between = Instant.now();
        Thread.sleep(20);
        engine.appendEvents(pinned("a", 2));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(pinned("a", 3));

        assertThat(sequencesFrom(engine.createTailToken())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(sequencesFrom(engine.createTokenAt(between))).containsExactly(2L, 3L);
        assertThat(sequencesFrom(head)).containsExactly(3L);
        assertThat(sequencesFrom(engine.createTokenAt(Instant.now().plusSeconds(60)))).isEmpty();
        assertThat(sequencesFrom(engine.createTokenAt(Instant.EPOCH))).containsExactly(0L, 1L, 2L, 3L);
    }

    // 6. Snapshots

    @Test
    void loadingAnAggregateReadsTheLatestSnapshotAndOnlyTheEventsAfterIt() {
        RecordingEngine recording = new RecordingEngine(fixture.engineBuilder());
        try (NoticeboardApp app = NoticeboardApp.over(recording).snapshotEvery(5).start()) {
            app.commands().sendAndWait(new NoticeboardCommands.Open("board"));
            for (int pin = 0; pin < 12; pin++) {
                app.commands().sendAndWait(new NoticeboardCommands.Pin("board", List.of("notice " + pin)));
            }
            await().atMost(Duration.ofSeconds(10))
                   .until(() -> recording.readSnapshot("board").map(DomainEventMessage::getSequenceNumber)
                                         .orElse(-1L) >= 10);
            long snapshotAt = recording.readSnapshot("board").orElseThrow().getSequenceNumber();

            recording.fetchedFrom.clear();
            int notices = app.commands().sendAndWait(new NoticeboardCommands.Count("board"));

            assertThat(notices).isEqualTo(12);
            assertThat(recording.fetchedFrom).first().isEqualTo(snapshotAt + 1);
        }
    }

    @Test
    void onlyTheLatestSnapshotIsKept() {
        engine.storeSnapshot(snapshotAt(9));
        engine.storeSnapshot(snapshotAt(4));

        assertThat(engine.readSnapshot("board")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(9L);
    }

    // 7. Upcasting

    @Test
    void anEventStoredInAnOlderShapeIsReadThroughItsUpcaster() {
        // Revision 1 of NoticePinned, as an older release stored it: "text" and no language.
        long position = new CommitPositions(fixture.database().getCollection("counters")).reserve(1);
        Document oldEvent = new Document("id", "event-1").append("type", "Noticeboard").append("aggregate", "board")
                .append("seq", 0L).append("time", "2025-09-01T08:00:00Z")
                .append("payloadType", NoticePinned.class.getName()).append("revision", null)
                .append("payload", "{\"boardId\":\"board\",\"text\":\"Coffee morning on Friday\"}")
                .append("metaData", "{}");
        fixture.database().getCollection("commits")
               .insertOne(CommitDocuments.commit(position, List.of("board/0"), List.of(oldEvent)));

        MongoEventLogEngine upcasting = fixture.engine(Duration.ofSeconds(10), new NoticePinnedRevision1To2());

        NoticePinned fromStream = (NoticePinned) upcasting.readEvents(null, false).findFirst().orElseThrow().getPayload();
        NoticePinned fromAggregate = (NoticePinned) upcasting.readEvents("board").next().getPayload();
        assertThat(fromStream).isEqualTo(new NoticePinned("board", "Coffee morning on Friday", "en"));
        assertThat(fromAggregate).isEqualTo(fromStream);
        assertThat(fixture.engine(Duration.ofSeconds(10), NoOpEventUpcaster.INSTANCE).readEvents(null, false)
                          .findFirst().orElseThrow().getPayload())
                .as("without the upcaster the old shape does not fill the new fields")
                .extracting("wording").isNull();
    }

    private List<Long> sequencesFrom(TrackingToken token) {
        return engine.readEvents(token, false)
                     .map(event -> ((DomainEventMessage<?>) event).getSequenceNumber())
                     .toList();
    }

    private static DomainEventMessage<NoticePinned> pinned(String board, long sequence) {
        return new GenericDomainEventMessage<>("Noticeboard", board, sequence, new NoticePinned(board, "notice"));
    }

    private static DomainEventMessage<NoticeboardOpened> snapshotAt(long sequence) {
        return new GenericDomainEventMessage<>("Noticeboard", "board", sequence, new NoticeboardOpened("board"));
    }

    private static long positionOf(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }

    private static void bothReach(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The other command never loaded the board", e);
        }
    }

    /** Remembers from which sequence number each aggregate read started. */
    private static final class RecordingEngine extends MongoEventLogEngine {

        final List<Long> fetchedFrom = new CopyOnWriteArrayList<>();

        RecordingEngine(MongoEventLogEngine.Builder builder) {
            super(builder);
        }

        @Override
        protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                       long firstSequenceNumber, int batchSize) {
            fetchedFrom.add(firstSequenceNumber);
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
    }

    /** Revision 1 called the wording "text" and had no language; notices then were all in English. */
    private static final class NoticePinnedRevision1To2 extends SingleEventUpcaster {

        private static final SimpleSerializedType REVISION_1 =
                new SimpleSerializedType(NoticePinned.class.getName(), null);

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(REVISION_1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(NoticePinned.class.getName(), "2"),
                                                JsonNode.class, payload -> {
                        ObjectNode node = (ObjectNode) payload;
                        node.set("wording", node.remove("text"));
                        node.put("language", "en");
                        return node;
                    });
        }
    }
}
