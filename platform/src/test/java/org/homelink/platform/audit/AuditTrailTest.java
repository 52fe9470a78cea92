package org.homelink.platform.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

/** The recorder on its own, on the embedded store: what it writes, where, and that it keeps what it was given. */
class AuditTrailTest {

    private static final RequestContext KEY_WORKER =
            new RequestContext("trust-1", Set.of("100001"), Role.KEY_WORKER, "staff-7");

    private final MongoClient client = MongoClients.create(EmbeddedMongo.connectionString());
    private final MongoCollection<Document> buckets =
            client.getDatabase("audit-" + UUID.randomUUID().toString().substring(0, 8))
                  .getCollection(AuditStore.COLLECTION);
    private final AuditTrailReader reader = new AuditTrailReader(new AuditStore(buckets, 1));
    private final List<AuditTrail> trails = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        trails.forEach(AuditTrail::close);
        client.close();
    }

    @Test
    void everythingRecordedBeforeCloseIsWrittenByTheTimeCloseReturns() {
        AuditTrail trail = trail(settings(10_000, 500), null);
        String familyId = newId();

        for (int i = 0; i < 300; i++) {
            trail.record(read(familyId));
        }
        trail.close();

        assertThat(reader.family(familyId, today(), today())).hasSize(300);
        assertThat(trail.dropped()).isZero();
    }

    @Test
    void aBucketThatOutgrowsItsDocumentGoesOnInPartsAndIsReadWhole() {
        AuditTrail trail = trail(settings(10_000, 3), null);
        String familyId = newId();

        for (int i = 0; i < 10; i++) {
            trail.record(read(familyId));
            // One at a time, so that parts fill as they would under light load, not in one batch.
            assertThat(trail.flush(Duration.ofSeconds(5))).isTrue();
        }

        assertThat(reader.family(familyId, today(), today())).hasSize(10);
        String bucket = AuditBuckets.family(familyId, java.time.YearMonth.from(today()));
        List<Document> parts = buckets.find(in("_id", bucket, bucket + "#1", bucket + "#2", bucket + "#3"))
                                      .into(new ArrayList<>());
        assertThat(parts).extracting(part -> part.getInteger("count")).containsExactlyInAnyOrder(3, 3, 3, 1);
    }

    @Test
    void twoServicesWritingOneBucketAtOnceKeepEveryEntryOnce() throws Exception {
        AuditTrail first = trail(settings(10_000, 4), null);
        AuditTrail second = trail(settings(10_000, 4), null);
        String familyId = newId();

        Thread other = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                second.record(read(familyId));
            }
        });
        other.start();
        for (int i = 0; i < 100; i++) {
            first.record(read(familyId));
        }
        other.join();
        first.close();
        second.close();

        assertThat(reader.family(familyId, today(), today())).hasSize(200);
    }

    @Test
    void whenTheQueueIsFullAnEntryIsCountedAsDroppedAndTheRestAreStillWritten() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FamilyScopes slowReadModel = familyIds -> {
            writerBusy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        };
        AuditTrail trail = trail(new AuditSettings(true, 2, 500, 500, Duration.ofMillis(20), Duration.ofSeconds(10)),
                                 slowReadModel);
        String familyId = newId();

        trail.record(read(familyId));
        assertThat(writerBusy.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 4; i++) {
            trail.record(read(familyId));
        }
        assertThat(trail.dropped()).isEqualTo(2);
        release.countDown();
        trail.close();

        assertThat(reader.family(familyId, today(), today())).hasSize(3);
    }

    @Test
    void aFamilyKnownToTheServiceIsFiledUnderItsSchoolsAndAListUnderTheTrustWhenItNamesNoSchool() {
        FamilyScopes readModel = familyIds -> Map.of("family-a",
                                                     new FamilyScopes.FamilyScope("trust-1", Set.of("100001", "100002")));
        AuditTrail trail = trail(settings(10_000, 500), readModel);
        String trust = "trust-" + newId();
        RequestContext leader = new RequestContext(trust, Set.of(), Role.TRUST_LEADER, "head-1");
        AuditEntry.Listed listed = new AuditEntry.Listed(20, 41L);

        AuditEntry family = trail.file(read("family-a"), readModel.of(List.of("family-a")));
        trail.record(new AuditedRequest(Instant.now(), "GET /api/families", List.of("name"), 200, leader, List.of(),
                                        null, listed));
        trail.close();

        assertThat(family.trustId()).isEqualTo("trust-1");
        assertThat(family.schoolUrns()).containsExactly("100001", "100002");
        assertThat(reader.schoolDay(trust, "100002", today()))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.route()).isEqualTo("GET /api/families");
                    assertThat(entry.schoolUrns()).isEmpty();
                    assertThat(entry.listed()).isEqualTo(listed);
                    assertThat(entry.by()).isEqualTo(new AuditEntry.Caller("trust-leader", "head-1", trust, null));
                });
    }

    private AuditTrail trail(AuditSettings settings, FamilyScopes scopes) {
        AuditTrail trail = new AuditTrail(new AuditStore(buckets, settings.bucketCapacity()), scopes, "test-service",
                                          settings);
        trails.add(trail);
        return trail;
    }

    private static AuditSettings settings(int queueCapacity, int bucketCapacity) {
        return new AuditSettings(true, queueCapacity, 500, bucketCapacity, Duration.ofMillis(200),
                                 Duration.ofSeconds(10));
    }

    private static AuditedRequest read(String familyId) {
        return new AuditedRequest(Instant.now(), "GET /api/families/{familyId}", List.of(), 200, KEY_WORKER,
                                  List.of(familyId), null, null);
    }

    private static LocalDate today() {
        return LocalDate.now(AuditBuckets.SCHOOL_TIME);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
