package org.homelink.benchmarks;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Figure 3: the two lookups that must not slow down as the log grows, timed on a small and on a large log side by
 * side, in alternating rounds, so that both see the same machine noise and the same JIT state.
 * <ul>
 *     <li>loading one aggregate of {@value BenchmarkEvents#EVENTS_PER_AGGREGATE} events, as a command handler does
 *     before every command (the snapshot lookup included);</li>
 *     <li>fetching the next batch of the stream from the middle of the log, as a processor does on every poll.</li>
 * </ul>
 */
final class LookupLatencyBenchmark {

    private final int warmUpCalls;
    private final int timedCalls;
    private final int rounds;

    LookupLatencyBenchmark(int warmUpCalls, int timedCalls, int rounds) {
        this.warmUpCalls = warmUpCalls;
        this.timedCalls = timedCalls;
        this.rounds = rounds;
    }

    /** How the figures were measured, for the report. */
    String setup() {
        return "Lookups: aggregate load is `engine.readEvents(id).asStream().count()`, the snapshot lookup included;"
                + " batch fetch is `engine.readEvents(token, false).limit(n).count()` from the middle position, n"
                + " being the engine's batch size, so one fetch. Per round, " + warmUpCalls + " warm-up and "
                + timedCalls + " timed calls of each lookup on each log; " + rounds + " rounds alternating between"
                + " the logs; each figure is the median over the rounds of that round's median or p99.";
    }

    /**
     * A log to time lookups on.
     *
     * @param aggregateIdentifier an aggregate of exactly {@value BenchmarkEvents#EVENTS_PER_AGGREGATE} events in it
     */
    record Target(EventLog log, String aggregateIdentifier) {
    }

    /** Each statistic is the median, over the rounds, of that round's statistic. */
    List<Comparison> measure(Target small, Target large) {
        List<Latencies> smallLoads = new ArrayList<>();
        List<Latencies> largeLoads = new ArrayList<>();
        List<Latencies> smallFetches = new ArrayList<>();
        List<Latencies> largeFetches = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            smallLoads.add(Latencies.measure(warmUpCalls, timedCalls, () -> loadAggregate(small)));
            largeLoads.add(Latencies.measure(warmUpCalls, timedCalls, () -> loadAggregate(large)));
            smallFetches.add(Latencies.measure(warmUpCalls, timedCalls, fetchBatchMidLog(small)));
            largeFetches.add(Latencies.measure(warmUpCalls, timedCalls, fetchBatchMidLog(large)));
        }
        String load = "Load one aggregate (" + BenchmarkEvents.EVENTS_PER_AGGREGATE + " events)";
        String fetch = "Fetch the next stream batch mid-log";
        return List.of(
                compare(load + ", median", Latencies::medianMicros, small, smallLoads, large, largeLoads),
                compare(load + ", p99", Latencies::p99Micros, small, smallLoads, large, largeLoads),
                compare(fetch + ", median", Latencies::medianMicros, small, smallFetches, large, largeFetches),
                compare(fetch + ", p99", Latencies::p99Micros, small, smallFetches, large, largeFetches));
    }

    private static void loadAggregate(Target target) {
        expect(target.log().engine().readEvents(target.aggregateIdentifier()).asStream().count(),
               BenchmarkEvents.EVENTS_PER_AGGREGATE, "aggregate load");
    }

    /** The stream fetches lazily, one batch of the engine's batch size at a time: taking that many reads one batch. */
    private static Runnable fetchBatchMidLog(Target target) {
        GlobalSequenceTrackingToken middle = new GlobalSequenceTrackingToken(target.log().storedEvents() / 2);
        int batch = target.log().engine().batchSize();
        return () -> expect(target.log().engine().readEvents(middle, false).limit(batch).count(), batch,
                            "batch fetch");
    }

    private static void expect(long actual, long expected, String lookup) {
        if (actual != expected) {
            throw new IllegalStateException("The " + lookup + " returned " + actual + " events, not " + expected);
        }
    }

    private static Comparison compare(String measurement, ToDoubleFunction<Latencies> statistic,
                                      Target small, List<Latencies> smallRounds,
                                      Target large, List<Latencies> largeRounds) {
        return new Comparison(measurement,
                              figure(large, medianOver(largeRounds, statistic)),
                              figure(small, medianOver(smallRounds, statistic)),
                              Comparison.Goal.atMost(2.0));
    }

    private static double medianOver(List<Latencies> rounds, ToDoubleFunction<Latencies> statistic) {
        return Percentiles.median(rounds.stream().mapToDouble(statistic).toArray());
    }

    private static Comparison.Figure figure(Target target, double micros) {
        return new Comparison.Figure(String.format("%,d events", target.log().storedEvents()), micros, "µs");
    }
}
