package org.homelink.benchmarks;

import org.homelink.platform.testing.BenchmarkResults;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures the MongoDB event store against the raw MongoDB driver on the same server, prints the results and writes
 * them into docs/benchmarks.md. Every figure is a ratio to a baseline measured in the same run, because absolute
 * numbers on a shared machine say more about the machine than about the store. See docs/benchmarks.md to run it.
 */
public final class EventStoreBenchmark {

    /** The two store sizes at which the lookups must cost about the same. */
    private static final int SMALL_STORE = 10_000;
    private static final int LARGE_STORE = 200_000;
    private static final int[] APPEND_THREADS = {1, 4};
    private static final int APPEND_WARM_UP = 2_000;
    private static final int APPENDS_PER_ROUND = 3_000;
    /** Odd, so the median is a measured value. */
    private static final int ROUNDS = 5;
    private static final int LOOKUP_WARM_UP = 300;
    private static final int LOOKUP_TIMED = 1_000;
    /** Filling with as many threads as the machine has cores keeps the fill short without measuring anything. */
    private static final int FILL_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final BenchmarkSettings settings;
    private final BenchmarkStore store;
    private final List<String> fillRates = new ArrayList<>();

    private EventStoreBenchmark(BenchmarkSettings settings, BenchmarkStore store) {
        this.settings = settings;
        this.store = store;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings;
        try {
            settings = BenchmarkSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchmarkReport report;
        try (BenchmarkStore store = BenchmarkStore.open(settings.mongoUri())) {
            report = new EventStoreBenchmark(settings, store).run();
        }
        System.out.print(report.text());
        settings.reportFile().ifPresent(file -> System.out.println(
                BenchmarkResults.writeSection(file, "event-store", report.markdown())
                        ? "Results written to " + file
                        : "Results not written: no folder for " + file + " here (run from the repository root)"));
        // The processors' and the driver's pools are shut down, but a library may leave a thread behind.
        System.exit(0);
    }

    private BenchmarkReport run() throws InterruptedException {
        long started = System.nanoTime();
        AppendBenchmark appends = new AppendBenchmark(APPEND_THREADS, settings.scaled(APPEND_WARM_UP, 200),
                                                      settings.scaled(APPENDS_PER_ROUND, 200), ROUNDS);
        LookupLatencyBenchmark lookups = new LookupLatencyBenchmark(settings.scaled(LOOKUP_WARM_UP, 50),
                                                                    settings.scaled(LOOKUP_TIMED, 100), ROUNDS);
        StreamReadBenchmark streamRead = new StreamReadBenchmark(ROUNDS);
        Map<String, Long> memory = new LinkedHashMap<>();
        memory.put("JVM max heap", HeapMonitor.maxHeap());
        memory.put("Used after GC, empty store", HeapMonitor.usedAfterGc());

        // The large log takes the appends, then is filled; the small one is filled only after the heap was
        // measured, so that the heap figure holds the large log alone.
        EventLog large = store.openLog("large");
        String largeAggregate = large.appendAggregate();
        progress("Timing appends");
        List<Comparison> comparisons = new ArrayList<>(appends.measure(large));
        progress("Filling the large log to %,d events", settings.scaled(LARGE_STORE, 2_000));
        fill(large, settings.scaled(LARGE_STORE, 2_000));
        memory.put(String.format("Used after GC, %,d events stored", large.storedEvents()), HeapMonitor.usedAfterGc());
        progress("Filling the small log to %,d events", settings.scaled(SMALL_STORE, 1_000));
        EventLog small = store.openLog("small");
        String smallAggregate = small.appendAggregate();
        fill(small, settings.scaled(SMALL_STORE, 1_000));

        progress("Timing stream reads");
        try (HeapMonitor.PeakSampler peak = HeapMonitor.samplePeak()) {
            comparisons.addAll(streamRead.measure(small, large));
            memory.put("Peak in use while reading the stream (sampled every 5 ms, garbage included)", peak.peak());
        }
        progress("Timing lookups");
        comparisons.addAll(lookups.measure(new LookupLatencyBenchmark.Target(small, smallAggregate),
                                           new LookupLatencyBenchmark.Target(large, largeAggregate)));

        List<String> setup = List.of(
                appends.setup(), streamRead.setup(), lookups.setup(),
                "Engine: built as the platform's tests build it, Jackson serializer, batch size "
                        + large.engine().batchSize() + ", gap timeout " + EventLog.GAP_TIMEOUT.toSeconds()
                        + " s (the defaults the services use too). Both logs were filled"
                        + " through it with " + FILL_THREADS + " threads, at " + String.join(" and ", fillRates)
                        + " events/s (not judged).");
        return new BenchmarkReport(context(Duration.ofNanos(System.nanoTime() - started), small, large),
                                   comparisons, memory, setup);
    }

    private void fill(EventLog log, int target) {
        fillRates.add(String.format("%,.0f", log.fillTo(target, FILL_THREADS)));
    }

    private Map<String, String> context(Duration took, EventLog... logs) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("Date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        context.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), GC: " + garbageCollectors());
        context.put("Machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch"));
        context.put("Store", store.description());
        context.put("Gaps in the logs", String.format("%,d positions reserved but never written, among %,d events"
                + " appended; skipped before timing any read (see the notes below the results)",
                Arrays.stream(logs).mapToLong(EventLog::gapsSkipped).sum(),
                Arrays.stream(logs).mapToLong(EventLog::storedEvents).sum()));
        context.put("Run time", took.toMinutes() + " min " + took.toSecondsPart() + " s"
                + (settings.scale() == 1.0 ? "" : ", every count scaled by " + settings.scale()
                + ": a check that the harness works, not a measurement"));
        return context;
    }

    private static String garbageCollectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                                .collect(Collectors.joining(", "));
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, arguments));
    }
}
