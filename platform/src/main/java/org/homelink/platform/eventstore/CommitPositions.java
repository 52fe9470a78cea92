package org.homelink.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;

/**
 * The dense global sequence of event positions, kept as one counter document.
 * <p>
 * A writer reserves one position per event before it writes its commit, so positions are handed out in order
 * without gaps; a gap in the stored commits can only mean a writer that is still writing, or one that died between
 * reserving and writing. Readers tell those apart with {@link #lastReserved()} and a bounded wait.
 */
final class CommitPositions {

    private static final String COUNTER_ID = "events";
    private static final String LAST = "last";

    private final MongoCollection<Document> counters;

    CommitPositions(MongoCollection<Document> counters) {
        this.counters = counters;
        createCounter();
    }

    /**
     * The counter exists before anyone reserves, so every reservation is a plain {@code $inc}: concurrent upserts
     * of a missing counter lose reservations on the embedded server (two writers handed the same position, or
     * positions handed out that no writer holds), and fail with a duplicate key on MongoDB.
     */
    private void createCounter() {
        try {
            counters.insertOne(new Document("_id", COUNTER_ID).append(LAST, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Reserves the next {@code count} positions and returns the first. The very first position is 1, so a token of 0
     * stands before every event.
     * <p>
     * It asks for the counter as it was before the increment: the embedded server answers an "after" request with
     * the stored document itself, serialized once its lock is released, so a concurrent increment can show through
     * and hand two writers the same position; the "before" answer is a copy taken under the lock.
     */
    long reserve(int count) {
        Document before = counters.findOneAndUpdate(
                eq("_id", COUNTER_ID),
                inc(LAST, (long) count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("The event position counter is missing from the event store");
        }
        return before.get(LAST, Number.class).longValue() + 1;
    }

    /** The highest position any writer has reserved, written or not; 0 when nothing has been reserved yet. */
    long lastReserved() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 0L : counter.get(LAST, Number.class).longValue();
    }
}
