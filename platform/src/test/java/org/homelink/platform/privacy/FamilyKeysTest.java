package org.homelink.platform.privacy;

import com.github.benmanes.caffeine.cache.Ticker;
import org.bson.Document;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A key per family: made once under races, shared by every process, gone for good on erasure. */
class FamilyKeysTest {

    private static final PrivacySettings SETTINGS = new PrivacySettings(Duration.ofSeconds(30), 1000);

    private final EventLogFixture store = new EventLogFixture(EmbeddedMongo.connectionString());
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    @AfterEach
    void dropTheDatabase() {
        store.close();
    }

    @Test
    void aFamilyHasNoKeyUntilPersonalDataIsWrittenAndThenTheSameOneEverywhere() {
        FamilyKeys one = process();
        FamilyKeys other = process();

        assertThat(one.forReading("family-1")).isEmpty();
        SecretKey key = one.forWriting("family-1").orElseThrow();

        assertThat(key.getEncoded()).hasSize(32);
        assertThat(other.forReading("family-1").orElseThrow().getEncoded()).isEqualTo(key.getEncoded());
        assertThat(other.forWriting("family-1").orElseThrow().getEncoded()).isEqualTo(key.getEncoded());
        assertThat(one.forWriting("family-2").orElseThrow().getEncoded()).isNotEqualTo(key.getEncoded());
    }

    @Test
    void processesRacingToMakeAFamilysFirstKeyAllGetTheOneThatWasStored() throws Exception {
        int processes = 8;
        ExecutorService threads = Executors.newFixedThreadPool(processes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SecretKey>> keys = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                FamilyKeys process = process();
                keys.add(threads.submit(() -> {
                    start.await();
                    return process.forWriting("family-raced").orElseThrow();
                }));
            }
            start.countDown();

            Set<String> made = new HashSet<>();
            for (Future<SecretKey> key : keys) {
                made.add(HexFormat.of().formatHex(key.get().getEncoded()));
            }
            assertThat(made).hasSize(1);
            SecretKey stored = process().forReading("family-raced").orElseThrow();
            assertThat(HexFormat.of().formatHex(stored.getEncoded())).isEqualTo(made.iterator().next());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void erasingLeavesATombstoneWithNoKeyAndNoProcessCanMakeANewOne() {
        FamilyKeys keys = process();
        keys.forWriting("family-1");
        keys.forWriting("family-2");

        keys.erase("family-1");

        Document stored = store.database().getCollection(FamilyKeys.COLLECTION).find(eq("_id", "family-1")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "erasedAt");
        assertThat(keys.forReading("family-1")).isEmpty();
        assertThat(keys.isErased("family-1")).isTrue();
        FamilyKeys fresh = process();
        assertThat(fresh.forWriting("family-1")).isEmpty();
        assertThat(fresh.forReading("family-1")).isEmpty();
        assertThat(fresh.isErased("family-1")).isTrue();
        assertThat(fresh.forReading("family-2")).isPresent();
        assertThat(fresh.isErased("family-2")).isFalse();
    }

    @Test
    void aFamilyNeverGivenAKeyCanBeErasedAndStaysErased() {
        FamilyKeys keys = process();

        keys.erase("family-without-personal-data");
        keys.erase("family-without-personal-data");

        assertThat(process().forWriting("family-without-personal-data")).isEmpty();
        assertThat(store.database().getCollection(FamilyKeys.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void anotherProcessStopsUsingAKeyItHadNoLaterThanTheCacheTimeAfterTheErasure() {
        FamilyKeys erasing = process();
        FamilyKeys reading = process();
        reading.forReading("family-1"); // nothing yet: a family with no key is not remembered
        erasing.forWriting("family-1");
        assertThat(reading.forReading("family-1")).isPresent();

        erasing.erase("family-1");

        assertThat(erasing.forReading("family-1")).as("the erasing process, at once").isEmpty();
        nanos.addAndGet(SETTINGS.keyCacheFor().minusSeconds(1).toNanos());
        assertThat(reading.forReading("family-1")).as("within the cache time, still cached").isPresent();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(reading.forReading("family-1")).as("once the cache time is up").isEmpty();
        assertThat(reading.isErased("family-1")).isTrue();
    }

    private FamilyKeys process() {
        return new FamilyKeys(store.database(), SETTINGS, ticker, Clock.systemUTC());
    }
}
