package org.homelink.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;

/**
 * Axon's event storage engine on the plain MongoDB Java driver: one shared, totally ordered log that every service
 * appends to and every service's processors read in full.
 * <p>
 * Every lookup is an equality or {@code $in} match on a unique index (the event positions, or the aggregate keys),
 * because those are the only lookups the embedded server answers from an index; a range query or a sort would scan
 * the whole log there. So appending, loading an aggregate and fetching the next batch cost the same however long
 * the log grows, on the embedded server and on MongoDB alike:
 * <ul>
 *     <li>append: reserve one position per event, insert one commit document (two round trips);</li>
 *     <li>read the stream: {@code positions $in [p+1 .. p+batch]} over the dense positions;</li>
 *     <li>load an aggregate: {@code keys $in ["id/n" .. "id/n+batch"]}, after at most one snapshot lookup.</li>
 * </ul>
 * Why no reader misses an event: positions are dense, and a reader never steps past a missing position that has
 * been reserved. It waits for the writer; a position still missing after the gap timeout is claimed by inserting a
 * skip marker at it. Whoever inserts at that position first wins: if the writer was only slow, its insert then
 * fails on the duplicate position and it simply retries at fresh positions, so its command still succeeds and its
 * events are read once, at their new place.
 */
public class MongoEventLogEngine extends BatchingEventStorageEngine {

    /** Commits fetched per round trip when scanning the whole log. */
    private static final int SCAN_BATCH = 1000;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final CommitPositions positions;
    private final GapTimer gaps;

    protected MongoEventLogEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.commits = database.getCollection(builder.commitsCollection);
        this.snapshots = database.getCollection(builder.snapshotsCollection);
        this.positions = new CommitPositions(database.getCollection(builder.countersCollection));
        this.gaps = new GapTimer(builder.gapTimeout, builder.clock);
        commits.createIndex(Indexes.ascending(CommitDocuments.POSITIONS),
                            new IndexOptions().name("event_positions").unique(true));
        commits.createIndex(Indexes.ascending(CommitDocuments.KEYS),
                            new IndexOptions().name("aggregate_sequence").unique(true).sparse(true));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> eventDocuments = CommitDocuments.eventDocuments(events, serializer);
        List<String> keys = CommitDocuments.aggregateKeys(events);
        String firstEventId = events.get(0).getIdentifier();
        while (true) {
            long first = positions.reserve(events.size());
            List<Long> reserved = CommitDocuments.positions(first, events.size());
            try {
                commits.insertOne(CommitDocuments.commit(first, keys, eventDocuments));
                return;
            } catch (RuntimeException e) {
                List<Document> holders = commitsAt(reserved);
                if (holders.stream().anyMatch(commit -> CommitDocuments.holdsEvent(commit, firstEventId))) {
                    return; // it was written after all; only the answer was lost
                }
                // These positions will never hold this commit: mark them skipped now, so readers need not wait
                // out the gap timeout for a writer that is alive and has given up on them.
                skipAll(reserved);
                if (!holders.isEmpty()) {
                    continue; // a reader skipped our positions while we were slow: take fresh ones
                }
                if (isDuplicateKey(e)) {
                    handlePersistenceException(e, firstDomainEventOr(events)); // an aggregate's sequence: throws
                }
                throw e;
            }
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        // Only the latest snapshot is kept. Two snapshotters racing may leave the older one: still a correct state
        // of the aggregate, so the only cost is replaying a few more events on the next load.
        Optional<? extends DomainEventData<?>> current = readSnapshotData(snapshot.getAggregateIdentifier()).findFirst();
        if (current.isPresent() && current.get().getSequenceNumber() >= snapshot.getSequenceNumber()) {
            return;
        }
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()),
                             CommitDocuments.snapshotDocument(snapshot, serializer),
                             new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(CommitDocuments.snapshotEntry(snapshot));
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long first = positionOf(lastToken) + 1;
        long end = first + batchSize;
        NavigableMap<Long, Document> found = commitsCovering(first, batchSize);
        long lastFound = found.isEmpty() ? 0L : CommitDocuments.lastPosition(found.lastEntry().getValue());
        List<TrackedEventData<?>> events = new ArrayList<>();
        long position = first;
        while (position < end) {
            Map.Entry<Long, Document> covering = found.floorEntry(position);
            Document commit = covering == null ? null : covering.getValue();
            if (commit == null || CommitDocuments.lastPosition(commit) < position) {
                long reservedUpTo = Math.max(lastFound, position > lastFound ? positions.lastReserved() : 0L);
                if (position > reservedUpTo) {
                    break; // the head of the log
                }
                // Start every missing position's clock now, so a writer that died holding several costs one wait.
                gaps.missing(position, Math.min(reservedUpTo, end - 1), p -> covers(found, p));
                if (!gaps.hasExpired(position)) {
                    break; // a writer still writing: come back on the next poll
                }
                commit = skip(position);
                found.put(CommitDocuments.firstPosition(commit), commit);
            }
            if (!CommitDocuments.isSkipped(commit)) {
                events.addAll(CommitDocuments.trackedEvents(commit, position));
            }
            gaps.passed(CommitDocuments.lastPosition(commit));
            position = CommitDocuments.lastPosition(commit) + 1;
        }
        return events;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<String> keys = keysOf(aggregateIdentifier, firstSequenceNumber, batchSize);
        List<DomainEventData<?>> events = new ArrayList<>();
        // A commit holding several of the keys can come back more than once; key it by position to count it once.
        Map<Long, Document> matching = new HashMap<>();
        for (Document commit : commits.find(in(CommitDocuments.KEYS, keys))) {
            matching.putIfAbsent(CommitDocuments.firstPosition(commit), commit);
        }
        for (Document commit : matching.values()) {
            events.addAll(CommitDocuments.domainEvents(commit, aggregateIdentifier, firstSequenceNumber));
        }
        events.sort(Comparator.comparingLong(DomainEventData::getSequenceNumber));
        return events;
    }

    /**
     * Every event, of any service, whose stored payload contains one of {@code values} as text, in the log's order.
     * A scan of the whole log: no index can find a value anywhere in any payload. For what is rare and must be
     * complete (a subject access request), not for a request path; docs/benchmarks.md says what it costs. A value
     * inside a personal value's envelope is not found, which is no loss for ids: ids are never sealed.
     */
    public List<StoredEvent> eventsMentioning(Collection<String> values) {
        List<String> wanted = List.copyOf(values);
        List<StoredEvent> found = new ArrayList<>();
        for (Document commit : commits.find().batchSize(SCAN_BATCH)) {
            found.addAll(CommitDocuments.storedEvents(commit, payload -> wanted.stream().anyMatch(payload::contains)));
        }
        found.sort(Comparator.comparingLong(StoredEvent::position));
        return found;
    }

    /** Reads only the aggregate keys of the matching commits, never their payloads. */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Long last = null;
        for (long first = 0; ; first += batchSize()) {
            OptionalLong highest = OptionalLong.empty();
            for (Document commit : commits.find(in(CommitDocuments.KEYS, keysOf(aggregateIdentifier, first)))
                                          .projection(include(CommitDocuments.KEYS))) {
                OptionalLong inCommit = CommitDocuments.highestSequence(commit, aggregateIdentifier);
                if (inCommit.isPresent() && inCommit.getAsLong() > highest.orElse(-1L)) {
                    highest = inCommit;
                }
            }
            if (highest.isEmpty()) {
                return Optional.ofNullable(last);
            }
            last = highest.getAsLong();
            if (last < first + batchSize() - 1) {
                return Optional.of(last);
            }
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /** The last reserved position: a processor starting here sees every commit reserved after this moment. */
    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(positions.lastReserved());
    }

    /**
     * Finds the first commit written at or after {@code dateTime} by bisecting the dense positions with {@code $in}
     * lookups, since a range query on the commit time would scan the whole log on the embedded server.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = positions.lastReserved() + 1;
        Date target = Date.from(dateTime);
        while (low < high) {
            long middle = low + (high - low) / 2;
            Document commit = firstCommitFrom(middle, high);
            if (commit == null || !commit.getDate(CommitDocuments.AT).before(target)) {
                high = middle;
            } else {
                low = CommitDocuments.lastPosition(commit) + 1;
            }
        }
        return new GlobalSequenceTrackingToken(low - 1);
    }

    private Document firstCommitFrom(long from, long toExclusive) {
        int window = (int) Math.min(toExclusive - from, batchSize());
        Map.Entry<Long, Document> first = commitsCovering(from, window).firstEntry();
        return first == null ? null : first.getValue();
    }

    /** The commits holding any position from {@code first} on, by their first position. */
    private NavigableMap<Long, Document> commitsCovering(long first, int count) {
        NavigableMap<Long, Document> found = new TreeMap<>();
        for (Document commit : commits.find(in(CommitDocuments.POSITIONS, CommitDocuments.positions(first, count)))) {
            found.put(CommitDocuments.firstPosition(commit), commit);
        }
        return found;
    }

    private static boolean covers(NavigableMap<Long, Document> found, long position) {
        Map.Entry<Long, Document> covering = found.floorEntry(position);
        return covering != null && CommitDocuments.lastPosition(covering.getValue()) >= position;
    }

    private List<String> keysOf(String aggregateIdentifier, long firstSequenceNumber) {
        return keysOf(aggregateIdentifier, firstSequenceNumber, batchSize());
    }

    private static List<String> keysOf(String aggregateIdentifier, long firstSequenceNumber, int count) {
        return LongStream.range(firstSequenceNumber, firstSequenceNumber + count)
                         .mapToObj(seq -> CommitDocuments.aggregateKey(aggregateIdentifier, seq))
                         .toList();
    }

    private Document skip(long position) {
        Document marker = CommitDocuments.skipped(position);
        try {
            commits.insertOne(marker);
            return marker;
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // The writer (or another reader's skip marker) got there first: read whatever won.
            return commits.find(in(CommitDocuments.POSITIONS, List.of(position))).first();
        }
    }

    /** Fills each of {@code reserved} that nothing holds yet with a skip marker. */
    private void skipAll(List<Long> reserved) {
        for (long position : reserved) {
            try {
                commits.insertOne(CommitDocuments.skipped(position));
            } catch (MongoWriteException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private List<Document> commitsAt(List<Long> positions) {
        return commits.find(in(CommitDocuments.POSITIONS, positions)).into(new ArrayList<>());
    }

    private static boolean isDuplicateKey(Exception e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static EventMessage<?> firstDomainEventOr(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?>) {
                return event;
            }
        }
        return events.get(0);
    }

    private static long positionOf(TrackingToken token) {
        TrackingToken unwrapped = WrappedToken.unwrapLowerBound(token);
        if (unwrapped == null) {
            return 0L;
        }
        if (unwrapped instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        throw new IllegalArgumentException("This event store reads GlobalSequenceTrackingTokens, not " + unwrapped);
    }

    /** Builds the engine; the database is required, everything else has a default. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String commitsCollection = "commits";
        private String snapshotsCollection = "snapshots";
        private String countersCollection = "counters";
        private Duration gapTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        protected Builder() {
            persistenceExceptionResolver(MongoEventLogEngine::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collections(String commits, String snapshots, String counters) {
            this.commitsCollection = commits;
            this.snapshotsCollection = snapshots;
            this.countersCollection = counters;
            return this;
        }

        /** How long a reader waits for a reserved position before it skips it as a writer that died. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public MongoEventLogEngine build() {
            return new MongoEventLogEngine(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("The MongoDatabase is required");
            }
        }
    }
}
