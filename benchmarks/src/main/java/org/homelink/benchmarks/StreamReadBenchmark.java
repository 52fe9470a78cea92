package org.homelink.benchmarks;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Figure 2: reading the whole stream from position 0 through an Axon streaming processor, as a service's projection
 * does when it replays, against the raw driver iterating the same collection.
 */
final class StreamReadBenchmark {

    /**
     * Events per processor transaction. 100, 250, 500 and 1000 were within this machine's noise of each other: the
     * limit is fetching the stream (the engine's batch of 100 per query) and handing events between threads, not the
     * token updates that larger batches save. A batch is also the work redone after a failure, so it stays moderate.
     */
    static final int PROCESSOR_BATCH_SIZE = 500;
    /** One segment: a trivial handler gains nothing from parallel work, and extra segments each filter the stream. */
    static final int SEGMENTS = 1;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /**
     * Documents per raw cursor batch. It must be set: without it the embedded server answers the first getMore
     * with the whole rest of the collection, past the driver's message limit (MongoDB itself stops at 16 MB).
     */
    static final int RAW_BATCH_SIZE = 1_000;
    /** The field of a commit document that lists its events; skip markers have none. */
    private static final String EVENTS = "events";

    private final int rounds;

    StreamReadBenchmark(int rounds) {
        this.rounds = rounds;
    }

    /** How the figure was measured, for the report. */
    String setup() {
        return "Stream read: a `PooledStreamingEventProcessor` with " + SEGMENTS + " segment, batch size "
                + PROCESSOR_BATCH_SIZE + ", an `InMemoryTokenStore` and no transactions, over an `EmbeddedEventStore`"
                + " (defaults) on the engine, with a handler that only counts; timed from `start()` until the last"
                + " event is handled. Raw: `find()` over the whole `commits` collection in batches of "
                + RAW_BATCH_SIZE + ", counting the events in every document. For information, the engine's stream"
                + " without a processor: `engine.readEvents(null, false).count()`. " + rounds + " alternating"
                + " rounds, medians, after one warm-up pass of each over the small log.";
    }

    /**
     * The processor against the raw driver, which is the judged figure; and, for information, the engine's own stream
     * read without a processor, which tells the engine's share of the difference from Axon's.
     *
     * @param warmUpLog read once every way first, so that the timed rounds on {@code log} run on compiled code
     */
    List<Comparison> measure(EventLog warmUpLog, EventLog log) {
        rawFind(warmUpLog, warmUpLog.storedEvents());
        engineStream(warmUpLog, warmUpLog.storedEvents());
        processor(warmUpLog, warmUpLog.storedEvents());
        long stored = log.storedEvents();
        double[] medians = AlternatingRounds.medians(rounds,
                                                     () -> rawFind(log, stored),
                                                     () -> engineStream(log, stored),
                                                     () -> processor(log, stored));
        Comparison.Figure raw = new Comparison.Figure("raw find()", medians[0], "events/s");
        String measurement = String.format("Read the whole stream (%,d events) from position 0", stored);
        return List.of(
                new Comparison(measurement,
                               new Comparison.Figure("PooledStreamingEventProcessor", medians[2], "events/s"),
                               raw, Comparison.Goal.atLeast(0.5)),
                new Comparison(measurement + ", no processor",
                               new Comparison.Figure("engine readEvents stream", medians[1], "events/s"),
                               raw, Comparison.Goal.none()));
    }

    /** The driver's plain cursor over the collection, decoding every document as the engine does. */
    private static double rawFind(EventLog log, long expectedEvents) {
        long started = System.nanoTime();
        long read = 0;
        for (Document commit : log.commits().find().batchSize(RAW_BATCH_SIZE)) {
            List<?> commitEvents = commit.get(EVENTS, List.class);
            read += commitEvents == null ? 0 : commitEvents.size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        check(read, expectedEvents, "raw find()");
        return read / seconds;
    }

    /** The stream a processor would get from the engine, consumed directly: the engine's cost without Axon's. */
    private static double engineStream(EventLog log, long expectedEvents) {
        long started = System.nanoTime();
        long read;
        try (Stream<? extends TrackedEventMessage<?>> stream = log.engine().readEvents(null, false)) {
            read = stream.count();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        check(read, expectedEvents, "The engine's stream");
        return read / seconds;
    }

    /** A processor over a fresh event store and token store, timed from start until it has handled every event. */
    private static double processor(EventLog log, long expectedEvents) {
        AtomicLong handled = new AtomicLong();
        CountDownLatch allHandled = new CountDownLatch(1);
        EventMessageHandler countingHandler = event -> {
            if (handled.incrementAndGet() == expectedEvents) {
                allHandled.countDown();
            }
            return null;
        };
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(log.engine()).build();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(SEGMENTS);
        PooledStreamingEventProcessor processor =
                PooledStreamingEventProcessor.builder()
                                             .name("benchmark-reader")
                                             .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                           .eventHandlers(countingHandler)
                                                                                           .build())
                                             .messageSource(eventStore)
                                             .tokenStore(new InMemoryTokenStore())
                                             .transactionManager(NoTransactionManager.INSTANCE)
                                             .coordinatorExecutor(coordinator)
                                             .workerExecutor(workers)
                                             .initialSegmentCount(SEGMENTS)
                                             .batchSize(PROCESSOR_BATCH_SIZE)
                                             .initialToken(StreamableMessageSource::createTailToken)
                                             .build();
        double seconds;
        try {
            long started = System.nanoTime();
            processor.start();
            if (!allHandled.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The processor handled only " + handled.get() + " of "
                                                        + expectedEvents + " events in " + PATIENCE);
            }
            seconds = (System.nanoTime() - started) / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading", e);
        } finally {
            processor.shutDown();
            eventStore.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
        check(handled.get(), expectedEvents, "The processor"); // no event handled twice either
        return expectedEvents / seconds;
    }

    private static void check(long read, long expected, String reader) {
        if (read != expected) {
            throw new IllegalStateException(reader + " read " + read + " events, expected " + expected);
        }
    }
}
