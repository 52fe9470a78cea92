package org.homelink.platform.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * MongoDB health from a {@code ping}, which real MongoDB and the embedded server both answer. (Spring's own
 * indicator asks for {@code hello}, which the embedded server does not know, and so reports it DOWN.)
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String store;

    public MongoPingHealthIndicator(MongoClient client, boolean embedded) {
        super("MongoDB is not answering");
        this.client = client;
        this.store = embedded ? "embedded" : "mongodb";
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up().withDetail("store", store);
    }
}
