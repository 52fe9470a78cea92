package org.homelink.platform.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The first answer to each idempotent POST, kept in the service's own database by a hash of its key and scope.
 * Claiming a key is a single insert on {@code _id}, so of two requests racing with one key exactly one proceeds.
 */
class IdempotencyRecords {

    /** How long a key is remembered: long enough for any client's retries. */
    static final Duration KEPT_FOR = Duration.ofHours(24);
    /** A claim older than this belongs to a request that died: a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final MongoCollection<Document> records;
    private final Clock clock;

    IdempotencyRecords(MongoCollection<Document> records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The earlier record under this key, if there is one still in force; otherwise claims the key and says so. */
    Optional<Document> claimOrFind(String id, String requestHash) {
        Document claim = new Document("_id", id).append("request", requestHash).append("state", "in-progress")
                                                .append("at", Date.from(clock.instant()));
        try {
            records.insertOne(claim);
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = records.find(eq("_id", id)).first();
        if (earlier == null || isStale(earlier)) {
            records.replaceOne(eq("_id", id), claim, new ReplaceOptions().upsert(true));
            return Optional.empty();
        }
        return Optional.of(earlier);
    }

    void complete(String id, int status, String location, String etag, String contentType, String body) {
        Document done = new Document("_id", id).append("state", "done").append("status", status)
                                               .append("at", Date.from(clock.instant()))
                                               .append("location", location).append("etag", etag)
                                               .append("contentType", contentType).append("body", body);
        Document earlier = records.find(eq("_id", id)).first();
        if (earlier != null) {
            done.append("request", earlier.getString("request"));
        }
        records.replaceOne(eq("_id", id), done);
    }

    /** A request that failed leaves nothing behind: the client may correct it and send it again under its key. */
    void release(String id) {
        records.deleteOne(eq("_id", id));
    }

    static boolean isDone(Document record) {
        return "done".equals(record.getString("state"));
    }

    private boolean isStale(Document record) {
        Instant at = record.getDate("at").toInstant();
        Duration age = Duration.between(at, clock.instant());
        return age.compareTo(isDone(record) ? KEPT_FOR : ABANDONED_AFTER) > 0;
    }
}
