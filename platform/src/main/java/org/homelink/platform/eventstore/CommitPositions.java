package org.homelink.platform.eventstore;

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
    }

    /**
     * Reserves the next {@code count} positions and returns the first. The very first position is 1, so a token of 0
     * stands before every event.
     */
    long reserve(int count) {
        Document counter = counters.findOneAndUpdate(
                eq("_id", COUNTER_ID),
                inc(LAST, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get(LAST, Number.class).longValue() - count + 1;
    }

    /** The highest position any writer has reserved, written or not; 0 when nothing has been reserved yet. */
    long lastReserved() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 0L : counter.get(LAST, Number.class).longValue();
    }
}
