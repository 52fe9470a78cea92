package org.homelink.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.homelink.platform.mongo.EmbeddedMongoServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The MongoDB server the benchmark runs against, and the event logs it opens there, each in a fresh database that
 * is dropped on close, so a run against a shared MongoDB leaves nothing behind.
 */
final class BenchmarkStore implements AutoCloseable {

    private final EmbeddedMongoServer embeddedServer;
    private final MongoClient client;
    private final String description;
    private final List<EventLog> logs = new ArrayList<>();

    private BenchmarkStore(EmbeddedMongoServer embeddedServer, String connectionString) {
        this.embeddedServer = embeddedServer;
        this.client = MongoClients.create(connectionString);
        String version = client.getDatabase("admin").runCommand(new Document("buildInfo", 1)).getString("version");
        // Which server this is, without its address: the report must not name hosts or credentials.
        this.description = embeddedServer != null
                ? "embedded mongo-java-server, in-memory backend, in the benchmark's JVM (it reports version " + version + ")"
                : "MongoDB " + version + " (from the given connection string)";
    }

    /** The MongoDB at {@code connectionString}, or a new in-memory embedded server when there is none. */
    static BenchmarkStore open(Optional<String> connectionString) {
        if (connectionString.isPresent()) {
            return new BenchmarkStore(null, connectionString.get());
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.inMemory("127.0.0.1", 0);
        return new BenchmarkStore(server, server.connectionString());
    }

    /** An empty event log in a database of its own on this server. */
    EventLog openLog(String name) {
        MongoDatabase database = client.getDatabase(
                "homelink-benchmark-" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
        EventLog log = new EventLog(database);
        logs.add(log);
        return log;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            logs.forEach(EventLog::drop);
            client.close();
        } finally {
            if (embeddedServer != null) {
                embeddedServer.close();
            }
        }
    }
}
