package org.homelink.launcher;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same scenario on a real MongoDB replica set; runs wherever Docker does (the GitHub workflow). */
@Testcontainers(disabledWithoutDocker = true)
class FamiliesOnAReplicaSetIT extends FamiliesThroughTheGateway {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Override
    protected String mongoUri() {
        return MONGO.getReplicaSetUrl("homelink");
    }
}
