package org.homelink.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.homelink.platform.eventstore.MongoEventLogEngine;

import java.time.Duration;
import java.util.stream.Stream;

/** One event store under test: a database, the engine on it, and the events the benchmark appended to it. */
final class EventLog {

    /** Named explicitly, so the raw baselines are sure to read and imitate the engine's own collection. */
    private static final String COMMITS = "commits";
    private static final String SNAPSHOTS = "snapshots";
    private static final String COUNTERS = "counters";
    /** The engine's own default, spelled out because the gap skipper uses another. */
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);

    private final MongoDatabase database;
    private final MongoEventLogEngine engine;
    private final BenchmarkEvents events = new BenchmarkEvents();
    private long gapsSkipped;

    EventLog(MongoDatabase database) {
        this.database = database;
        this.engine = engine(GAP_TIMEOUT);
    }

    private MongoEventLogEngine engine(Duration gapTimeout) {
        JacksonSerializer serializer = serializer();
        return MongoEventLogEngine.builder()
                                  .database(database)
                                  .collections(COMMITS, SNAPSHOTS, COUNTERS)
                                  .eventSerializer(serializer)
                                  .snapshotSerializer(serializer)
                                  .gapTimeout(gapTimeout)
                                  .build();
    }

    /** The serializer the services use: Jackson, with java.time as ISO strings. */
    private static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    MongoEventLogEngine engine() {
        return engine;
    }

    BenchmarkEvents events() {
        return events;
    }

    /** Events appended so far: this log's database holds these and no others. */
    long storedEvents() {
        return events.appended();
    }

    MongoCollection<Document> commits() {
        return database.getCollection(COMMITS);
    }

    MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** Appends one aggregate of {@value BenchmarkEvents#EVENTS_PER_AGGREGATE} events, whose loading can be timed. */
    String appendAggregate() {
        return events.writer().completeAggregate(engine);
    }

    /**
     * Appends through the engine until the log holds {@code target} events, then has the gaps that concurrent
     * appends left skipped, so that timed readers do not wait out the gap timeout at each. Not a measurement.
     *
     * @return events appended per second
     */
    double fillTo(long target, int threads) {
        int missing = (int) Math.max(0, target - storedEvents());
        double rate = missing == 0 ? 0 : ParallelRun.perSecond(threads, missing, thread -> {
            BenchmarkEvents.Writer writer = events.writer();
            return () -> writer.appendNext(engine);
        });
        skipGaps();
        return rate;
    }

    /**
     * Counts the positions that were reserved but never written, and has a reader skip them all at once, as readers
     * would one by one after waiting out the gap timeout at each. Only while nothing is appending: it would skip a
     * position whose writer is merely slow.
     */
    private void skipGaps() {
        // Every commit here holds one event, and every skip marker fills one position: one document per position.
        long reserved = ((GlobalSequenceTrackingToken) engine.createHeadToken()).getGlobalIndex();
        long gaps = reserved - commits().estimatedDocumentCount();
        if (gaps > 0) {
            try (Stream<?> wholeLog = engine(Duration.ZERO).readEvents(null, false)) {
                wholeLog.forEach(event -> {
                    // reading past a gap with no timeout is what skips it
                });
            }
            gapsSkipped += gaps;
        }
    }

    /** Positions that appends reserved but never wrote: each would hold up every reader for the gap timeout. */
    long gapsSkipped() {
        return gapsSkipped;
    }

    void drop() {
        database.drop();
    }
}
