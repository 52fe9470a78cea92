package org.homelink.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.homelink.platform.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write the file store acknowledged survives the local run being killed outright (SIGKILL, no shutdown hooks):
 * the H2 store would otherwise commit only in the background, about once a second.
 */
class FileStoreSurvivesAKillTest {

    private static final int WRITES = 200;

    @TempDir
    Path dataFolder;

    @Test
    void everyAcknowledgedWriteIsThereAfterTheProcessIsKilled() throws Exception {
        Process store = startStore();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + portOf(store))) {
            MongoCollection<Document> commits = client.getDatabase("homelink-events").getCollection("commits");
            for (int i = 0; i < WRITES; i++) {
                commits.insertOne(new Document("_id", i).append("what", "acknowledged write " + i));
            }
        }
        store.destroyForcibly();
        assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process restarted = startStore();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + portOf(restarted))) {
            MongoCollection<Document> commits = client.getDatabase("homelink-events").getCollection("commits");
            assertThat(commits.countDocuments()).isEqualTo(WRITES);
        } finally {
            restarted.destroyForcibly();
        }
    }

    private Process startStore() throws IOException {
        return JavaProcess.start(FileStoreProcess.class, dataFolder.toString());
    }

    private static int portOf(Process store) throws IOException {
        return Integer.parseInt(JavaProcess.awaitLine(store, "listening "));
    }
}
