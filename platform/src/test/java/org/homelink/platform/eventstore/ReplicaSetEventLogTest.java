package org.homelink.platform.eventstore;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same guarantees on a real MongoDB replica set; runs wherever Docker does (CI's workflow), skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class ReplicaSetEventLogTest extends EventLogContract {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Override
    protected String connectionString() {
        return MONGO.getReplicaSetUrl();
    }
}
