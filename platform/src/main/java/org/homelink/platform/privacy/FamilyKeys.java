package org.homelink.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * One AES-256 key per family, in collection {@code familyKeys} of the event store's database: what the personal data
 * of the family's events is encrypted under. Erasing a family replaces its key by a tombstone
 * ({@code {_id, erasedAt}}), so the key is gone and no process can make the family a new one: personal data written
 * about an erased family afterwards (by a service that has not yet heard of the erasure) is dropped, not stored
 * under a fresh key that would make it readable again.
 * <p>
 * A key is created the first time personal data of the family is written, by an insert on the unique {@code _id}:
 * of two processes racing, one inserts and the other reads the winner's key, so a family never has two.
 * <p>
 * Each process keeps the keys it read for {@code cacheFor} at most, then reads them again: so a process that had a
 * family's key stops decrypting the family's events at most {@code cacheFor} after another process erased it. The
 * process that erases forgets the key at once. A family with no key yet is not remembered, so a key another process
 * creates is found on the next read.
 */
public class FamilyKeys {

    public static final String COLLECTION = "familyKeys";

    private static final String ID = "_id";
    private static final String KEY = "key";
    private static final String CREATED_AT = "createdAt";
    private static final String ERASED_AT = "erasedAt";
    private static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "AES";

    private final MongoCollection<Document> keys;
    private final Cache<String, FamilyKey> cache;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A family's key as a process last read it: a key, or the tombstone of an erased family. */
    private record FamilyKey(SecretKey key) {
        static final FamilyKey ERASED = new FamilyKey(null);

        boolean erased() {
            return key == null;
        }
    }

    public FamilyKeys(MongoDatabase database, PrivacySettings settings) {
        this(database, settings, Ticker.systemTicker(), Clock.systemUTC());
    }

    /** With the cache's clock given: for tests that move it. */
    FamilyKeys(MongoDatabase database, PrivacySettings settings, Ticker ticker, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.keyCacheFor())
                             .maximumSize(settings.keyCacheSize()).ticker(ticker).build();
        this.clock = clock;
    }

    /** The key to encrypt the family's personal data under, created on first use; empty once the family is erased. */
    public Optional<SecretKey> forWriting(String familyId) {
        FamilyKey known = cache.getIfPresent(familyId);
        if (known == null) {
            known = read(familyId).orElseGet(() -> create(familyId));
            cache.put(familyId, known);
        }
        return Optional.ofNullable(known.key());
    }

    /** The key to decrypt the family's personal data with; empty once the family is erased (or before it had one). */
    public Optional<SecretKey> forReading(String familyId) {
        return known(familyId).map(FamilyKey::key);
    }

    /** Whether the family has been erased, as far as this process knows (see the class comment for how far). */
    public boolean isErased(String familyId) {
        return known(familyId).map(FamilyKey::erased).orElse(false);
    }

    /** Whether the store holds the family's tombstone, read there now rather than from what this process knows. */
    public boolean isErasedInStore(String familyId) {
        Optional<FamilyKey> read = read(familyId);
        read.ifPresent(key -> cache.put(familyId, key));
        return read.map(FamilyKey::erased).orElse(false);
    }

    /** Deletes the family's key for good, leaving its tombstone. Erasing an erased family changes nothing. */
    public void erase(String familyId) {
        Document tombstone = new Document(ID, familyId).append(ERASED_AT, Date.from(clock.instant()));
        try {
            keys.replaceOne(eq(ID, familyId), tombstone, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // A first key was inserted between the upsert's lookup and its insert: it exists now, so replace it.
            keys.replaceOne(eq(ID, familyId), tombstone);
        }
        cache.put(familyId, FamilyKey.ERASED);
    }

    private Optional<FamilyKey> known(String familyId) {
        FamilyKey known = cache.getIfPresent(familyId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<FamilyKey> read = read(familyId);
        read.ifPresent(key -> cache.put(familyId, key));
        return read;
    }

    private Optional<FamilyKey> read(String familyId) {
        return Optional.ofNullable(keys.find(eq(ID, familyId)).first()).map(FamilyKeys::keyOf);
    }

    private FamilyKey create(String familyId) {
        byte[] material = new byte[KEY_BYTES];
        random.nextBytes(material);
        try {
            keys.insertOne(new Document(ID, familyId).append(KEY, new Binary(material))
                                                     .append(CREATED_AT, Date.from(clock.instant())));
            return new FamilyKey(new SecretKeySpec(material, ALGORITHM));
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // Another process created it (or erased the family) first: theirs is the family's.
            return read(familyId).orElseThrow(() -> e);
        }
    }

    private static FamilyKey keyOf(Document document) {
        Binary key = document.get(KEY, Binary.class);
        return key == null ? FamilyKey.ERASED : new FamilyKey(new SecretKeySpec(key.getData(), ALGORITHM));
    }

    private static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
