package org.homelink.platform.audit;

import com.mongodb.client.MongoClient;

import java.time.Duration;

/**
 * Another service's audit recorder, writing to the store of the service under test as every service of a deployment
 * writes to the one event store database: for a test that shows a service answering for what another recorded.
 */
public final class AnotherServicesTrail {

    private AnotherServicesTrail() {
    }

    /** The recorder {@code service} would have, over {@code database}, knowing where families belong from {@code scopes}. */
    public static AuditTrail over(MongoClient client, String database, String service, FamilyScopes scopes) {
        AuditSettings settings = new AuditSettings(true, 1_000, 500, 500, Duration.ofMillis(200),
                                                   Duration.ofSeconds(10));
        return new AuditTrail(new AuditStore(client.getDatabase(database).getCollection(AuditStore.COLLECTION),
                                             settings.bucketCapacity()),
                              scopes, service, settings);
    }
}
