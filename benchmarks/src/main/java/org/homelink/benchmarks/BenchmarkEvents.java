package org.homelink.benchmarks;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events the benchmark appends: every aggregate gets {@value #EVENTS_PER_AGGREGATE} events, one commit each, in
 * sequence. Each writing thread works on aggregates of its own, as command handlers on different aggregates do, so
 * concurrent appends never collide on an aggregate's sequence number.
 */
final class BenchmarkEvents {

    /** Also the size of the aggregate whose loading is timed: every aggregate in the store looks like it. */
    static final int EVENTS_PER_AGGREGATE = 20;
    private static final String AGGREGATE_TYPE = "BenchmarkAggregate";

    /** A payload of a few fields, about 130 bytes as JSON, like a typical small domain event. */
    record ItemRecorded(String category, String description, int quantity, Instant recordedAt) {
    }

    /** One aggregate identifier and sequence number: what the engine's unique index is keyed on. */
    record Slot(String aggregateIdentifier, long sequenceNumber) {
    }

    private final AtomicLong aggregates = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();

    /** How many events the writers have appended. */
    long appended() {
        return appended.get();
    }

    /** A writer for one thread: not thread safe, each thread takes its own. */
    Writer writer() {
        return new Writer();
    }

    final class Writer {

        private String aggregateIdentifier;
        private long nextSequence = EVENTS_PER_AGGREGATE;

        /** The next event's place: the next sequence number of this writer's aggregate, or a new aggregate. */
        Slot nextSlot() {
            if (nextSequence == EVENTS_PER_AGGREGATE) {
                aggregateIdentifier = String.format("aggregate-%010d", aggregates.incrementAndGet());
                nextSequence = 0;
            }
            return new Slot(aggregateIdentifier, nextSequence++);
        }

        /** Appends the next event in a commit of its own. */
        void appendNext(EventStorageEngine engine) {
            engine.appendEvents(nextEvent());
            appended.incrementAndGet();
        }

        private DomainEventMessage<ItemRecorded> nextEvent() {
            Slot slot = nextSlot();
            ItemRecorded payload = new ItemRecorded("supplies", "benchmark event " + slot.sequenceNumber()
                    + " of " + slot.aggregateIdentifier(), (int) slot.sequenceNumber() + 1, Instant.now());
            return new GenericDomainEventMessage<>(AGGREGATE_TYPE, slot.aggregateIdentifier(), slot.sequenceNumber(),
                                                   payload);
        }

        /**
         * Appends until this writer's aggregate holds all its {@value #EVENTS_PER_AGGREGATE} events: a whole new
         * aggregate, when the writer is new.
         *
         * @return the aggregate's identifier
         */
        String completeAggregate(EventStorageEngine engine) {
            do {
                appendNext(engine);
            } while (nextSequence < EVENTS_PER_AGGREGATE);
            return aggregateIdentifier;
        }
    }
}
