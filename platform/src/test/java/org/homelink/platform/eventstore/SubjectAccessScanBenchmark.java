package org.homelink.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.homelink.platform.testing.BenchmarkResults;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What finding one family's events costs a subject access export: a scan of the whole log for the family's, its
 * carers' and its children's ids ({@link MongoEventLogEngine#eventsMentioning}). 100,000 events of 2,000 families,
 * in commits of one to five events as commands write them, on the embedded store; the scan timed five times after
 * one to warm up. Not a test: it runs only with {@code -Pbenchmarks}, and writes the {@code subject-access} section of
 * docs/benchmarks.md.
 */
@Tag("benchmark")
class SubjectAccessScanBenchmark {

    private static final int EVENTS = 100_000;
    private static final int FAMILIES = 2_000;
    private static final int ROUNDS = 5;

    /** An event about a family, of the size of a typical one. */
    record SomethingHappened(String familyId, String carerId, String childId, String trustId, Set<String> schoolUrns,
                             String note, String recordedBy, Instant recordedAt) {
    }

    @Test
    void scanTheLogForOneFamily() {
        try (EventLogFixture store = new EventLogFixture(EmbeddedMongo.connectionString())) {
            MongoEventLogEngine log = store.engine();
            long writing = System.nanoTime();
            List<EventMessage<?>> commit = new ArrayList<>();
            int commits = 0;
            for (int i = 0; i < EVENTS; i++) {
                int family = i % FAMILIES;
                commit.add(new GenericDomainEventMessage<>(
                        "family", "family-" + family, i / FAMILIES, new SomethingHappened(
                        "family-" + family, "carer-" + family, "child-" + family, "demo-riverbend", Set.of("990101"),
                        "{\"$pd\":\"AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOp\"}", "kw-17",
                        Instant.parse("2025-09-03T09:15:00Z"))));
                if (commit.size() == 1 + commits % 5) {
                    log.appendEvents(commit);
                    commits++;
                    commit = new ArrayList<>();
                }
            }
            if (!commit.isEmpty()) {
                log.appendEvents(commit);
            }
            double writtenSeconds = (System.nanoTime() - writing) / 1e9;

            Set<String> ids = Set.of("family-1234", "carer-1234", "child-1234");
            double[] millis = new double[ROUNDS];
            int found = 0;
            for (int round = -1; round < ROUNDS; round++) {
                long start = System.nanoTime();
                found = log.eventsMentioning(ids).size();
                if (round >= 0) {
                    millis[round] = (System.nanoTime() - start) / 1e6;
                }
            }
            assertThat(found).isEqualTo(EVENTS / FAMILIES);
            Arrays.sort(millis);

            String table = String.format(Locale.ROOT, """
                    Last run: %s, embedded in-memory store, %d cores, Java %s. %,d events of %,d families (%.0f s to \
                    write); the scan timed %d times after one to warm up.

                    | events in the log | events found | scan, median | scan, slowest | per 100,000 events |
                    | ---: | ---: | ---: | ---: | ---: |
                    | %,d | %d | %,.0f ms | %,.0f ms | %,.0f ms |
                    """, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                                         System.getProperty("java.version"), EVENTS, FAMILIES, writtenSeconds, ROUNDS,
                                         EVENTS, found, millis[ROUNDS / 2], millis[ROUNDS - 1],
                                         millis[ROUNDS / 2] * 100_000 / EVENTS);
            System.out.println(table);
            BenchmarkResults.writeSection(Path.of("../docs/benchmarks.md"), "subject-access", table);
        }
    }
}
