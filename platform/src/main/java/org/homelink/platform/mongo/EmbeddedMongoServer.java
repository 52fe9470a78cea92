package org.homelink.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server), so that Homelink runs and is tested with the real
 * MongoDB Java driver and no MongoDB installed: in memory for tests, in an H2 file under a data folder for a local
 * run so data survives a restart.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final String STORE_FILE = "homelink-store.mv";

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongoServer(MongoBackend backend, String host, int port) {
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.connectionString = "mongodb://" + host + ":" + server.getLocalAddress().getPort();
    }

    /** A server whose data lives only as long as this process: for tests. */
    public static EmbeddedMongoServer inMemory(String host, int port) {
        return new EmbeddedMongoServer(new MemoryBackend(), host, port);
    }

    /** A server whose data is kept in {@code dataFolder}, every acknowledged write committed to disk first. */
    public static EmbeddedMongoServer inFolder(Path dataFolder, String host, int port) {
        try {
            Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataFolder, e);
        }
        MVStore store = new MVStore.Builder().fileName(dataFolder.resolve(STORE_FILE).toString()).open();
        return new EmbeddedMongoServer(new DurableH2Backend(store), host, port);
    }

    public String connectionString() {
        return connectionString;
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
