package org.homelink.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.homelink.platform.eventstore.MongoEventLogEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 1: appending single-event commits through the engine, against the raw driver inserting documents of the
 * same shape into a collection with the same indexes, on the same server, with the same number of threads.
 * <p>
 * The engine's price over the raw insert is serializing the event and reserving the commit position first: a second
 * round trip, to one counter document that every writer updates. The raw side pays neither.
 */
final class AppendBenchmark {

    /** The raw baseline's collection: beside the engine's, so both see the same server and database. */
    private static final String RAW_COLLECTION = "raw_commits";
    private static final String ID = "_id";

    private final int[] threadCounts;
    private final int warmUpEvents;
    private final int eventsPerRound;
    private final int rounds;

    /** @param eventsPerRound appended by each side in each round, spread over the threads */
    AppendBenchmark(int[] threadCounts, int warmUpEvents, int eventsPerRound, int rounds) {
        this.threadCounts = threadCounts.clone();
        this.warmUpEvents = warmUpEvents;
        this.eventsPerRound = eventsPerRound;
        this.rounds = rounds;
    }

    /** How the figures were measured, for the report. */
    String setup() {
        return "Appends: every event is a `GenericDomainEventMessage` in a commit of its own; each thread appends to"
                + " aggregates of its own, " + BenchmarkEvents.EVENTS_PER_AGGREGATE + " events each in sequence."
                + " Per round and thread count, " + eventsPerRound + " events through `engine.appendEvents`, then as"
                + " many `insertOne`s of a copy of a commit document the engine wrote (fresh values in every uniquely indexed field) into a"
                + " collection with the same indexes. " + rounds + " alternating rounds, medians, after a warm-up of "
                + warmUpEvents + " each. The log starts nearly empty.";
    }

    List<Comparison> measure(EventLog log) {
        MongoEventLogEngine engine = log.engine();
        BenchmarkEvents events = log.events();
        appendThroughEngine(engine, events, 1, warmUpEvents);
        RawCommits rawCommits = new RawCommits(log);
        try {
            rawCommits.insert(1, warmUpEvents);
            List<Comparison> comparisons = new ArrayList<>();
            for (int threads : threadCounts) {
                double[] medians = AlternatingRounds.medians(
                        rounds,
                        () -> rawCommits.insert(threads, eventsPerRound),
                        () -> appendThroughEngine(engine, events, threads, eventsPerRound));
                comparisons.add(new Comparison(
                        "Append single-event commits, " + threads + (threads == 1 ? " thread" : " threads"),
                        new Comparison.Figure("engine appendEvents", medians[1], "events/s"),
                        new Comparison.Figure("raw insertOne", medians[0], "events/s"),
                        Comparison.Goal.atLeast(0.5)));
            }
            return comparisons;
        } finally {
            rawCommits.drop();
        }
    }

    private static double appendThroughEngine(MongoEventLogEngine engine, BenchmarkEvents events, int threads,
                                              int count) {
        return ParallelRun.perSecond(threads, count, thread -> {
            BenchmarkEvents.Writer writer = events.writer();
            return () -> writer.appendNext(engine);
        });
    }

    /**
     * Inserts copies of a commit document the engine wrote into a collection with copies of the engine's indexes,
     * each copy with fresh values in the fields a unique index covers. So the raw documents have the engine's shape
     * and size, and cost the server the same index work, without this class knowing the engine's document layout.
     */
    private static final class RawCommits {

        private final MongoCollection<Document> collection;
        private final Document template;
        private final List<String> uniqueFields = new ArrayList<>(List.of(ID));
        private final BenchmarkEvents events;
        private final AtomicLong positions = new AtomicLong();

        RawCommits(EventLog log) {
            this.collection = log.collection(RAW_COLLECTION); // new, as the log's database is
            this.template = log.commits().find().first();
            this.events = log.events();
            for (Document index : log.commits().listIndexes()) {
                Document keys = index.get("key", Document.class);
                if (keys.containsKey(ID)) {
                    continue; // every collection has it
                }
                boolean unique = index.getBoolean("unique", false);
                collection.createIndex(keys, new IndexOptions().name(index.getString("name")).unique(unique)
                                                               .sparse(index.getBoolean("sparse", false)));
                if (unique) {
                    uniqueFields.addAll(keys.keySet());
                }
            }
        }

        double insert(int threads, int count) {
            return ParallelRun.perSecond(threads, count, thread -> {
                BenchmarkEvents.Writer writer = events.writer();
                return () -> collection.insertOne(copyAt(writer.nextSlot()));
            });
        }

        void drop() {
            collection.drop();
        }

        private Document copyAt(BenchmarkEvents.Slot slot) {
            long position = positions.incrementAndGet();
            // The aggregate key as the engine writes it, so the unique index compares strings of the same size.
            String key = slot.aggregateIdentifier() + "/" + slot.sequenceNumber();
            Document copy = new Document(template);
            for (String field : uniqueFields) {
                copy.put(field, fresh(template.get(field), position, key));
            }
            return copy;
        }

        /** Numbers are positions and strings are aggregate keys; a single-event commit has lists of one. */
        private static Object fresh(Object value, long position, String key) {
            if (value instanceof Number) {
                return position;
            }
            if (value instanceof String) {
                return key;
            }
            if (value instanceof List<?> list && list.size() == 1) {
                return List.of(fresh(list.get(0), position, key));
            }
            throw new IllegalStateException("No fresh value for a unique field holding " + value);
        }
    }
}
