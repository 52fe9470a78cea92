package org.homelink.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The service's connection to MongoDB, and the embedded server behind it when it runs one. */
public final class MongoStore implements AutoCloseable {

    private final EmbeddedMongoServer embeddedServer;
    private final MongoClient client;

    private MongoStore(EmbeddedMongoServer embeddedServer, String connectionString) {
        this.embeddedServer = embeddedServer;
        this.client = MongoClients.create(connectionString);
    }

    public static MongoStore open(MongoSettings settings) {
        if (!settings.useEmbedded()) {
            return new MongoStore(null, settings.uri());
        }
        MongoSettings.Embedded embedded = settings.embedded();
        EmbeddedMongoServer server = embedded.storage() == MongoSettings.Storage.MEMORY
                ? EmbeddedMongoServer.inMemory(embedded.host(), embedded.port())
                : EmbeddedMongoServer.inFolder(embedded.dataDir(), embedded.host(), embedded.port());
        return new MongoStore(server, server.connectionString());
    }

    public MongoClient client() {
        return client;
    }

    public boolean embedded() {
        return embeddedServer != null;
    }

    @Override
    public void close() {
        client.close();
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
