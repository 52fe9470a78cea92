package org.homelink.platform.audit;

import com.mongodb.client.MongoClient;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.testing.BenchmarkResults;
import org.homelink.platform.testing.LatencySample;
import org.homelink.platform.testing.TestTokens;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * What recording costs a request, through HTTP with real tokens on the embedded file store a local run uses: two
 * endpoints that do the same work, one whose path names a family (recorded) and one that does not (never
 * recorded), timed in alternating rounds so the machine's noise falls on both alike. Then how fast the writer empties
 * a flood of entries into the store. Not a test: it runs only with {@code -Pbenchmarks}, and writes the {@code audit}
 * section of docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = RANDOM_PORT, classes = AuditBenchmark.AnyService.class,
        properties = {"spring.application.name=benchmark-service",
                      "homelink.security.issuer-uri=" + TestTokens.ISSUER,
                      "homelink.security.public-key-location=classpath:testing/token-signing-key.pub"})
class AuditBenchmark {

    private static final int ROUNDS = 5;
    private static final int REQUESTS_PER_ROUND = 1_000;
    private static final int WARM_UP = 1_000;
    private static final int FLOOD = 20_000;
    private static final int FAMILIES_IN_FLOOD = 500;

    private static final Path DATA = temporaryFolder();

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) {
        registry.add("homelink.mongo.embedded.storage", () -> "file");
        registry.add("homelink.mongo.embedded.data-dir", DATA::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    AuditTrail trail;
    @Autowired
    MongoClient mongo;
    @Autowired
    EventStoreSettings events;

    @Test
    void recordingCostsARequestLittle() {
        HttpEntity<Void> keyWorker = new HttpEntity<>(TestTokens.bearer(
                TestTokens.staff("trust-1", "key-worker", "kw-1", "100001")));
        String familyId = UUID.randomUUID().toString();
        for (int i = 0; i < WARM_UP; i++) {
            get("/api/bench/families/" + familyId, keyWorker);
            get("/api/bench/schools/100001", keyWorker);
        }
        List<Double> recordedMedians = new ArrayList<>();
        List<Double> plainMedians = new ArrayList<>();
        LatencySample recorded = new LatencySample();
        LatencySample plain = new LatencySample();
        for (int round = 0; round < ROUNDS; round++) {
            LatencySample recordedRound = new LatencySample();
            LatencySample plainRound = new LatencySample();
            for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                long start = System.nanoTime();
                get("/api/bench/families/" + familyId, keyWorker);
                long elapsed = System.nanoTime() - start;
                recordedRound.add(elapsed);
                recorded.add(elapsed);
                start = System.nanoTime();
                get("/api/bench/schools/100001", keyWorker);
                elapsed = System.nanoTime() - start;
                plainRound.add(elapsed);
                plain.add(elapsed);
            }
            recordedMedians.add(recordedRound.medianMillis());
            plainMedians.add(plainRound.medianMillis());
        }
        assertThat(trail.flush(Duration.ofSeconds(60))).isTrue();
        assertThat(trail.dropped()).isZero();

        Flood flood = flood();

        double recordedMedian = median(recordedMedians);
        double plainMedian = median(plainMedians);
        String markdown = "Last run: " + LocalDate.now(ZoneOffset.UTC) + ", embedded file store (H2, committed on "
                          + "every write), " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                          + System.getProperty("java.version") + "; " + ROUNDS + " alternating rounds of "
                          + REQUESTS_PER_ROUND + " requests each way after " + WARM_UP + " to warm up, one client "
                          + "thread, a key worker's token checked on every request.\n\n"
                          + "| measure | value |\n| --- | --- |\n"
                          + row("GET of a family (recorded): median of the rounds' medians", ms(recordedMedian))
                          + row("the same work, not recorded: median of the rounds' medians", ms(plainMedian))
                          + row("recording's cost per request (difference of the medians)",
                                ms(recordedMedian - plainMedian))
                          + row("p99, recorded / not recorded (all rounds)",
                                ms(recorded.p99Millis()) + " / " + ms(plain.p99Millis()))
                          + row("entries dropped", String.valueOf(trail.dropped()))
                          + row("a flood of " + FLOOD + " entries for " + FAMILIES_IN_FLOOD + " families at 2 schools,"
                                + " recorded as fast as one thread can", flood.recordMillis + " ms to queue, "
                                + flood.writtenMillis + " ms until written (" + flood.perSecond()
                                + " entries/s), " + flood.dropped + " dropped")
                          + row("documents the flood filled", String.valueOf(flood.documents));
        System.out.println(markdown);
        Path file = Path.of("..", "docs", "benchmarks.md");
        System.out.println(BenchmarkResults.writeSection(file, "audit", markdown)
                           ? "Results written to " + file : "Not run from the platform module: results not written");
    }

    /** Entries recorded straight into a recorder of its own, as fast as one thread can, until all are written. */
    private Flood flood() {
        AuditSettings settings = new AuditSettings(true, 10_000, 500, 500, Duration.ofMillis(200),
                                                   Duration.ofSeconds(60));
        String trustId = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        RequestContext caller = new RequestContext(trustId, Set.of("100001", "100002"), Role.KEY_WORKER, "kw-2");
        List<String> families = new ArrayList<>();
        for (int i = 0; i < FAMILIES_IN_FLOOD; i++) {
            families.add(UUID.randomUUID().toString());
        }
        var collection = mongo.getDatabase(events.database()).getCollection(AuditStore.COLLECTION);
        long before = collection.countDocuments();
        AuditTrail flooded = new AuditTrail(new AuditStore(collection, settings.bucketCapacity()), null, "flood",
                                            settings);
        long start = System.nanoTime();
        for (int i = 0; i < FLOOD; i++) {
            flooded.record(new AuditedRequest(Instant.now(), "GET /api/families/{familyId}", List.of(), 200, caller,
                                              List.of(families.get(i % FAMILIES_IN_FLOOD)), null, null));
        }
        long queued = System.nanoTime();
        assertThat(flooded.flush(Duration.ofMinutes(5))).isTrue();
        long written = System.nanoTime();
        long dropped = flooded.dropped();
        flooded.close();
        return new Flood((queued - start) / 1_000_000, (written - start) / 1_000_000, dropped,
                         collection.countDocuments() - before);
    }

    private record Flood(long recordMillis, long writtenMillis, long dropped, long documents) {

        long perSecond() {
            return Math.round((FLOOD - dropped) * 1000.0 / Math.max(1, writtenMillis));
        }
    }

    private void get(String path, HttpEntity<Void> caller) {
        assertThat(http.exchange(path, HttpMethod.GET, caller, String.class).getStatusCode().is2xxSuccessful())
                .isTrue();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String ms(double millis) {
        return String.format("%.3f ms", millis);
    }

    private static String row(String measure, String value) {
        return "| " + measure + " | " + value + " |\n";
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("audit-benchmark");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two endpoints doing the same small work: one names a family in its path, one a school. */
    @RestController
    @RequestMapping("/api/bench")
    @Allowed(Permission.FAMILIES_READ)
    static class SameWorkController {

        @GetMapping("/families/{familyId}")
        Map<String, String> family(@PathVariable String familyId) {
            return Map.of("id", familyId, "name", "The Okafor family");
        }

        @GetMapping("/schools/{schoolId}")
        Map<String, String> school(@PathVariable String schoolId) {
            return Map.of("id", schoolId, "name", "The Okafor family");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(SameWorkController.class)
    static class AnyService {
    }
}
