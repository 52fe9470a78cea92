package org.homelink.platform.testing;

import org.homelink.platform.mongo.EmbeddedMongoServer;

/** One in-memory embedded server per test JVM: starting it takes milliseconds, but there is no need to repeat it. */
public final class EmbeddedMongo {

    private static EmbeddedMongoServer server;

    private EmbeddedMongo() {
    }

    public static synchronized String connectionString() {
        if (server == null) {
            server = EmbeddedMongoServer.inMemory("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.connectionString();
    }
}
