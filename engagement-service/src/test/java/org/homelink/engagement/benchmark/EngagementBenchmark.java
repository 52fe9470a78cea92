package org.homelink.engagement.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.engagement.testing.Staff;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.eventstore.MongoEventLogEngine;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.testing.BenchmarkResults;
import org.homelink.platform.testing.EventLogFixture;
import org.homelink.platform.testing.LatencySample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The engagement-service benchmark harness (not a test: it runs only with {@code -Pbenchmarks}). It measures, on the
 * embedded in-memory store:
 * <ol>
 *     <li>the delay from an event appended by another service (family-service's writer, an event log engine of its
 *     own on the same database, so engagement-service is not told of it in-process and finds it as in a real
 *     deployment) to its effect in engagement-service's family directory;</li>
 *     <li>the reach and underserved queries, through HTTP, for a trust of 50 schools of 600 families.</li>
 * </ol>
 * Results are printed and written to the {@code engagement} section of docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class EngagementBenchmark {

    private static final int WARM_UP_FAMILIES = 100;
    private static final int TIMED_FAMILIES = 500;
    private static final int SCHOOLS = 50;
    private static final int FAMILIES_PER_SCHOOL = 600;
    private static final int ACTIVITIES_PER_SCHOOL = 30;
    private static final int WARM_UP_QUERIES = 50;
    private static final int TIMED_QUERIES = 500;

    @Autowired
    private MongoClient client;
    @Autowired
    private MongoSettings mongo;
    @Autowired
    private EventStoreSettings eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private TestRestTemplate http;

    @Test
    void measure() {
        long started = System.nanoTime();
        LatencySample registered = new LatencySample();
        LatencySample carerAdded = new LatencySample();
        appendAsFamilyService(registered, carerAdded);

        Instant termStart = ZonedDateTime.now(ZoneOffset.UTC).withMonth(9).withDayOfMonth(1).toInstant();
        TrustOfFamilies trust = new TrustOfFamilies("benchmark-trust", SCHOOLS, FAMILIES_PER_SCHOOL,
                                                    ACTIVITIES_PER_SCHOOL, termStart, 20261122L);
        long loaded = load(trust);
        String term = "autumn-" + ZonedDateTime.now(ZoneOffset.UTC).getYear();
        LatencySample reach = query(trust, urn -> "/api/engagement/reach?school=" + urn + "&term=" + term);
        LatencySample underserved = query(trust, urn -> "/api/engagement/underserved?school=" + urn + "&size=50");
        LatencySample trustReach = new LatencySample();
        HttpHeaders leader = Staff.at(trust.trustId, "trust-leader", "ceo");
        for (int i = 0; i < 25; i++) {
            long t0 = System.nanoTime();
            ResponseEntity<String> answer = get("/api/engagement/reach/trust?term=" + term, leader);
            long elapsed = System.nanoTime() - t0;
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            if (i >= 5) {
                trustReach.add(elapsed);
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        String markdown = report(registered, carerAdded, reach, underserved, trustReach, loaded, heapMb,
                                 (System.nanoTime() - started) / 1_000_000_000);
        System.out.println(markdown);
        Path file = Path.of("..", "docs", "benchmarks.md");
        System.out.println(BenchmarkResults.writeSection(file, "engagement", markdown)
                                   ? "Results written to " + file.normalize()
                                   : "Results not written: run from the repository root with -pl engagement-service");
    }

    /**
     * Appends each family's first two events as family-service does, one family at a time, and times how long each
     * takes to show in engagement-service's directory.
     */
    private void appendAsFamilyService(LatencySample registered, LatencySample carerAdded) {
        MongoDatabase events = client.getDatabase(eventStore.database());
        MongoEventLogEngine familyServiceWriter = MongoEventLogEngine.builder()
                                                                     .database(events)
                                                                     .eventSerializer(EventLogFixture.serializer())
                                                                     .snapshotSerializer(EventLogFixture.serializer())
                                                                     .build();
        ContactPreferences preferences = new ContactPreferences(ContactChannel.SMS, "so", true, false, null, null);
        for (int i = 0; i < WARM_UP_FAMILIES + TIMED_FAMILIES; i++) {
            String familyId = UUID.randomUUID().toString();
            Set<String> schools = Set.of("990001");
            long t0 = System.nanoTime();
            familyServiceWriter.appendEvents(new GenericDomainEventMessage<>(
                    "Family", familyId, 0, new FamilyRegistered(familyId, "delay-trust", schools, "990001",
                                                               "Family " + i, "staff-1", Instant.now())));
            long registeredIn = awaitVersion(familyId, 0, t0);
            long t1 = System.nanoTime();
            familyServiceWriter.appendEvents(new GenericDomainEventMessage<>(
                    "Family", familyId, 1, new CarerAdded(familyId, "delay-trust", schools, "carer-" + i, "Carer", "mother",
                                                         true, "07700 900000", null, null, preferences, "staff-1",
                                                         Instant.now())));
            long carerIn = awaitVersion(familyId, 1, t1);
            if (i >= WARM_UP_FAMILIES) {
                registered.add(registeredIn);
                carerAdded.add(carerIn);
            }
        }
    }

    private long awaitVersion(String familyId, long version, long appendedAt) {
        long deadline = appendedAt + TimeUnit.SECONDS.toNanos(30);
        while (directory.familyVersionOf(familyId) < version) {
            assertThat(System.nanoTime()).as("event reached the directory").isLessThan(deadline);
            LockSupport.parkNanos(200_000);
        }
        return System.nanoTime() - appendedAt;
    }

    /** Writes the trust's read model as the projection would have built it; answers how long that took, in ms. */
    private long load(TrustOfFamilies trust) {
        long t0 = System.nanoTime();
        MongoDatabase database = client.getDatabase(mongo.database());
        database.getCollection(FamilyEngagementProjection.ROLLS, SchoolRoll.class).insertMany(trust.rolls);
        database.getCollection(FamilyEngagementProjection.ACTIVITY_SUMMARIES, ActivitySummary.class)
                .insertMany(trust.activities);
        var families = database.getCollection(FamilyEngagementProjection.FAMILIES, EngagementFamily.class);
        for (int from = 0; from < trust.families.size(); from += 1000) {
            families.insertMany(trust.families.subList(from, Math.min(from + 1000, trust.families.size())));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private LatencySample query(TrustOfFamilies trust, java.util.function.Function<String, String> path) {
        Random random = new Random(7);
        LatencySample sample = new LatencySample();
        for (int i = 0; i < WARM_UP_QUERIES + TIMED_QUERIES; i++) {
            SchoolRoll roll = trust.rolls.get(random.nextInt(trust.rolls.size()));
            HttpHeaders staff = Staff.at(trust.trustId, "school-leader", "head", roll.schoolUrn());
            long t0 = System.nanoTime();
            ResponseEntity<String> answer = get(path.apply(roll.schoolUrn()), staff);
            long elapsed = System.nanoTime() - t0;
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
            if (i >= WARM_UP_QUERIES) {
                sample.add(elapsed);
            }
        }
        return sample;
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String report(LatencySample registered, LatencySample carerAdded, LatencySample reach,
                                 LatencySample underserved, LatencySample trustReach, long loadedMs, long heapMb,
                                 long seconds) {
        StringBuilder md = new StringBuilder();
        md.append("Last run: ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
          .append(", embedded in-memory store, ").append(Runtime.getRuntime().availableProcessors())
          .append(" cores, Java ").append(System.getProperty("java.version")).append(", ").append(seconds)
          .append(" s in all.\n\n");
        md.append("| measure | n | median ms | p99 ms | max ms | goal | met |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        row(md, "family-service event to engagement directory: FamilyRegistered", registered, 500);
        row(md, "family-service event to engagement directory: CarerAdded", carerAdded, 500);
        row(md, "reach, one school and term (HTTP)", reach, 100);
        row(md, "underserved list, one school, first 50 (HTTP)", underserved, 100);
        row(md, "reach, all 50 schools side by side (HTTP)", trustReach, -1);
        md.append("\nData: ").append(SCHOOLS).append(" schools of ").append(FAMILIES_PER_SCHOOL)
          .append(" families (").append(SCHOOLS * FAMILIES_PER_SCHOOL).append("), ").append(ACTIVITIES_PER_SCHOOL)
          .append(" activities per school, up to 7 invitations and 4 contacts per family; written in ")
          .append(loadedMs).append(" ms. Heap in use after GC at the end: ").append(heapMb).append(" MiB.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, LatencySample sample, int goalP99Ms) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s |%n", name, sample.count(),
                                sample.medianMillis(), sample.p99Millis(), sample.maxMillis(),
                                goalP99Ms < 0 ? "(none)" : "p99 < " + goalP99Ms + " ms",
                                goalP99Ms < 0 ? "" : sample.p99Millis() < goalP99Ms ? "yes" : "**no**"));
    }
}
