package org.homelink.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.homelink.platform.eventstore.noticeboard.NoticePinned;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a reader treats a reserved position that has no commit yet, step by step on a clock the test moves. The same
 * situations with real separate processes are in {@link ProcessesAppendingConcurrentlyTest}.
 */
class GapHandlingTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(5);

    private final MovableClock clock = new MovableClock();
    private EventLogFixture fixture;
    private MongoEventLogEngine engine;
    private CommitPositions positions;

    @BeforeEach
    void openLog() {
        fixture = new EventLogFixture(EmbeddedMongo.connectionString());
        engine = fixture.engineBuilder().gapTimeout(GAP_TIMEOUT).clock(clock).build();
        positions = new CommitPositions(fixture.database().getCollection("counters"));
    }

    @AfterEach
    void closeLog() {
        fixture.close();
    }

    @Test
    void aReaderWaitsForAPositionReservedByAWriterStillWriting() {
        engine.appendEvents(pinned("a", 0));
        long slowWritersPosition = positions.reserve(1);
        engine.appendEvents(pinned("b", 0));

        assertThat(boardsRead()).as("stops before the gap rather than step over it").containsExactly("a");

        clock.advance(GAP_TIMEOUT.minusSeconds(1));
        assertThat(boardsRead()).containsExactly("a");

        // The slow writer finishes within the timeout: its event is read in its place, before the later one.
        writeAt(slowWritersPosition, "slow");
        assertThat(boardsRead()).containsExactly("a", "slow", "b");
    }

    @Test
    void aPositionMissingForLongerThanTheTimeoutIsSkippedWithAMarker() {
        engine.appendEvents(pinned("a", 0));
        long deadWritersFirst = positions.reserve(3); // a writer of three events that died before writing
        engine.appendEvents(pinned("b", 0));

        assertThat(boardsRead()).containsExactly("a");
        clock.advance(GAP_TIMEOUT);

        assertThat(boardsRead()).as("one wait for all three of the dead writer's positions")
                                .containsExactly("a", "b");
        for (long position = deadWritersFirst; position < deadWritersFirst + 3; position++) {
            Document marker = fixture.database().getCollection("commits").find(eq("_id", position)).first();
            assertThat(marker).isNotNull();
            assertThat(CommitDocuments.isSkipped(marker)).isTrue();
        }
    }

    @Test
    void aWriterWhosePositionsWereSkippedAppendsAgainAtFreshOnesAndIsReadOnce() {
        engine.appendEvents(pinned("a", 0));
        // A reader gave up on the next position while its writer was stalled (say, a long garbage collection).
        long next = positions.lastReserved() + 1;
        fixture.database().getCollection("commits").insertOne(CommitDocuments.skipped(next));

        engine.appendEvents(pinned("late", 0));

        List<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false).toList();
        assertThat(stream).extracting(event -> ((NoticePinned) event.getPayload()).boardId())
                          .containsExactly("a", "late");
        assertThat(engine.readEvents("late").asStream().toList()).hasSize(1);
    }

    @Test
    void aCommitRejectedForAConflictLeavesNoGapToWaitFor() {
        engine.appendEvents(pinned("a", 0), pinned("a", 1));
        assertThatThrownBy(() -> engine.appendEvents(pinned("a", 1))).isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(pinned("b", 0));

        assertThat(boardsRead()).as("read at once, the clock never moved").containsExactly("a", "a", "b");
    }

    @Test
    void theHeadOfTheLogIsNotAGap() {
        engine.appendEvents(pinned("a", 0));
        clock.advance(GAP_TIMEOUT.multipliedBy(10));

        assertThat(boardsRead()).containsExactly("a");
        assertThat(fixture.database().getCollection("commits").countDocuments()).isEqualTo(1);
    }

    private List<String> boardsRead() {
        return engine.readEvents(null, false)
                     .map(event -> ((NoticePinned) event.getPayload()).boardId())
                     .toList();
    }

    private void writeAt(long position, String board) {
        MongoEventLogEngine writer = fixture.engine(GAP_TIMEOUT, NoOpEventUpcaster.INSTANCE);
        fixture.database().getCollection("commits").insertOne(CommitDocuments.commit(
                position, CommitDocuments.aggregateKeys(List.of(pinned(board, 0))),
                CommitDocuments.eventDocuments(List.of(pinned(board, 0)), writer.getEventSerializer())));
    }

    private static GenericDomainEventMessage<NoticePinned> pinned(String board, long sequence) {
        return new GenericDomainEventMessage<>("Noticeboard", board, sequence, new NoticePinned(board, "notice"));
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-09-07T08:30:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
