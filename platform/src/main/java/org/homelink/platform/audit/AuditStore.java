package org.homelink.platform.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.set;

/**
 * The audit trail's documents in MongoDB: one collection, {@value #COLLECTION}, in the event store's database,
 * shared by every service. Each bucket ({@link AuditBuckets}) is one document of at most {@code capacity} entries,
 * appended with {@code $push}; a bucket that outgrows it goes on in parts, {@code <bucket>#1}, {@code #2}, ..., and
 * a part is marked {@code full} before the next is written, so a reader follows the parts without ever asking for
 * one that is not there. Every read and write is by {@code _id}.
 * <pre>
 * { _id: "school:demo-riverbend:990101:2026-01-14", count: 212, entries: [ ... ] }
 * { _id: "family:3f0c...:2026-01#1", count: 3, entries: [ ... ] }     // after "family:3f0c...:2026-01", full: true
 * </pre>
 */
final class AuditStore {

    static final String COLLECTION = "auditTrail";

    private static final String ENTRIES = "entries";
    private static final String COUNT = "count";
    private static final String FULL = "full";
    /** Parts asked for at once when a bucket has gone on past one: most never do. */
    private static final int PARTS_PER_READ = 4;
    private static final int PARTS_REMEMBERED = 10_000;

    private final MongoCollection<Document> buckets;
    private final int capacity;
    /** The part each bucket is being written in, so a writer does not try the full ones first every time. */
    private final Map<String, Integer> currentParts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > PARTS_REMEMBERED;
        }
    };

    AuditStore(MongoCollection<Document> buckets, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A bucket holds at least one entry");
        }
        this.buckets = buckets;
        this.capacity = capacity;
    }

    /**
     * Appends each bucket's entries, in as many parts as it takes, with one bulk write per round: a batch for many
     * families is one command to the store (and one commit of the embedded file store), not one per family. Buckets
     * are taken out of {@code unwritten} as they are written, so that after a failure the caller tries again with
     * only what is left and nothing is appended twice. Called by one writer thread at a time.
     */
    synchronized void append(Map<String, List<Document>> unwritten) {
        Map<String, Integer> parts = new HashMap<>();
        while (!unwritten.isEmpty()) {
            List<String> round = new ArrayList<>(unwritten.keySet());
            List<UpdateOneModel<Document>> appends = new ArrayList<>(round.size());
            for (String bucket : round) {
                int part = parts.computeIfAbsent(bucket, b -> currentParts.getOrDefault(b, 0));
                appends.add(appendToPart(partId(bucket, part), chunkOf(unwritten.get(bucket))));
            }
            Set<Integer> full = new HashSet<>();
            MongoBulkWriteException failure = null;
            try {
                buckets.bulkWrite(appends, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    full.add(error.getIndex());
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        failure = e;
                    }
                }
            }
            List<UpdateOneModel<Document>> markFull = new ArrayList<>();
            for (int i = 0; i < round.size(); i++) {
                String bucket = round.get(i);
                int part = parts.get(bucket);
                if (!full.contains(i)) {
                    List<Document> entries = unwritten.get(bucket);
                    chunkOf(entries).clear();
                    if (entries.isEmpty()) {
                        unwritten.remove(bucket);
                    }
                    currentParts.put(bucket, part);
                } else if (failure == null) {
                    markFull.add(new UpdateOneModel<>(eq("_id", partId(bucket, part)), set(FULL, true)));
                    parts.put(bucket, part + 1);
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (!markFull.isEmpty()) {
                // Before the next parts are written, so that a reader always finds every part.
                buckets.bulkWrite(markFull, new BulkWriteOptions().ordered(false));
            }
        }
    }

    /**
     * An append to one part while it has room. The room is checked by the update's own filter: a full part does not
     * match, so the upsert tries to create it again and fails on its {@code _id}, which is how two writers (two
     * instances of a service) agree without a lock.
     */
    private UpdateOneModel<Document> appendToPart(String partId, List<Document> chunk) {
        return new UpdateOneModel<>(and(eq("_id", partId), lte(COUNT, capacity - chunk.size())),
                                    combine(pushEach(ENTRIES, chunk), inc(COUNT, chunk.size())),
                                    new UpdateOptions().upsert(true));
    }

    /** As many of a bucket's entries as one part holds: a view, so that clearing it takes them off the list. */
    private List<Document> chunkOf(List<Document> entries) {
        return entries.subList(0, Math.min(capacity, entries.size()));
    }

    /** Every entry of these buckets, in all their parts, in no particular order. */
    List<Document> entries(Collection<String> bucketIds) {
        List<Document> entries = new ArrayList<>();
        Map<String, Integer> nextPart = new HashMap<>();
        bucketIds.forEach(bucket -> nextPart.put(bucket, 0));
        while (!nextPart.isEmpty()) {
            Map<String, String> bucketOfPart = new HashMap<>();
            nextPart.forEach((bucket, first) -> {
                // The first part is asked for alone: most buckets have no other.
                int parts = first == 0 ? 1 : PARTS_PER_READ;
                for (int part = first; part < first + parts; part++) {
                    bucketOfPart.put(partId(bucket, part), bucket);
                }
            });
            // A bucket goes on past this round only if the furthest part found is full.
            Map<String, Integer> furthest = new HashMap<>();
            Map<String, Boolean> furthestIsFull = new HashMap<>();
            for (Document part : buckets.find(in("_id", bucketOfPart.keySet()))) {
                List<Document> held = part.getList(ENTRIES, Document.class);
                if (held != null) {
                    entries.addAll(held);
                }
                String id = part.getString("_id");
                String bucket = bucketOfPart.get(id);
                int number = partNumber(id);
                if (number >= furthest.getOrDefault(bucket, -1)) {
                    furthest.put(bucket, number);
                    furthestIsFull.put(bucket, Boolean.TRUE.equals(part.getBoolean(FULL)));
                }
            }
            nextPart.clear();
            furthest.forEach((bucket, part) -> {
                if (furthestIsFull.get(bucket)) {
                    nextPart.put(bucket, part + 1);
                }
            });
        }
        return entries;
    }

    static String partId(String bucket, int part) {
        return part == 0 ? bucket : bucket + "#" + part;
    }

    private static int partNumber(String partId) {
        int hash = partId.lastIndexOf('#');
        return hash < 0 ? 0 : Integer.parseInt(partId.substring(hash + 1));
    }
}
