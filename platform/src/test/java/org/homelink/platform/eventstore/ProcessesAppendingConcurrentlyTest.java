package org.homelink.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.homelink.platform.eventstore.noticeboard.NoticePinned;
import org.homelink.platform.eventstore.noticeboard.NoticeboardApp;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.homelink.platform.testing.JavaProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing missed: several separate JVMs append to one log while this JVM tracks it with a real streaming processor.
 * Among the writers, one reserves a position and stalls, so its event becomes visible after later positions
 * already are; another reserves positions and dies before writing. The reader must get every event that was
 * appended exactly once, the stalled one included, and skip the dead writer's positions after a bounded wait.
 */
class ProcessesAppendingConcurrentlyTest {

    private static final int WRITERS = 3;
    private static final int COMMITS_PER_WRITER = 150;
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(6);

    @Test
    void aTrackingReaderGetsEveryEventExactlyOnceWhileProcessesAppend() throws Exception {
        try (EventLogFixture fixture = new EventLogFixture(EmbeddedMongo.connectionString())) {
            List<String> received = new CopyOnWriteArrayList<>();
            MongoEventLogEngine engine = fixture.engine(GAP_TIMEOUT, NoOpEventUpcaster.INSTANCE);
            try (NoticeboardApp reader = NoticeboardApp.over(engine).streamingTo(event -> received.add(wordingOf(event))).start()) {
                String uri = fixture.connectionString();
                String db = fixture.database().getName();

                Process dying = start("die", uri, db);
                long deadPosition = reservedPosition(dying);
                assertThat(dying.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(dying.exitValue()).as("the dying writer was killed, not finished").isEqualTo(137);

                // Stalls well past the moment the other writers start, but well within the gap timeout.
                Process slow = start("slow", uri, db, "3000");
                reservedPosition(slow);
                long startAt = System.currentTimeMillis() + 1000;
                List<Process> writers = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    writers.add(start("append", uri, db, "writer" + writer,
                                      String.valueOf(COMMITS_PER_WRITER), String.valueOf(startAt)));
                }
                for (Process writer : writers) {
                    assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    assertThat(writer.exitValue()).isZero();
                }
                assertThat(slow.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(slow.exitValue()).isZero();

                Set<String> expected = expectedWordings();
                await().atMost(GAP_TIMEOUT.plusSeconds(30)).until(() -> received.size() >= expected.size());
                Thread.sleep(500); // long enough for a duplicate, had there been one, to arrive too

                assertThat(received).as("no event twice").doesNotHaveDuplicates();
                assertThat(new HashSet<>(received)).as("every appended event, the stalled writer's included")
                                                   .isEqualTo(expected);
                Document marker = fixture.database().getCollection("commits").find(eq("_id", deadPosition)).first();
                assertThat(marker).as("the dead writer's position was skipped with a marker").isNotNull();
                assertThat(CommitDocuments.isSkipped(marker)).isTrue();
            }
        }
    }

    private static Set<String> expectedWordings() {
        Set<String> expected = new HashSet<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int commit = 0; commit < COMMITS_PER_WRITER; commit++) {
                expected.addAll(EventLogWriterProcess.wordingsOf("writer" + writer, commit));
            }
        }
        expected.add("0");
        return expected;
    }

    private static String wordingOf(EventMessage<?> event) {
        return ((NoticePinned) event.getPayload()).wording();
    }

    private static Process start(String... args) throws IOException {
        return JavaProcess.start(EventLogWriterProcess.class, args);
    }

    /** Reads the writer's report of the position it reserved: from then on the gap exists. */
    private static long reservedPosition(Process writer) throws IOException {
        return Long.parseLong(JavaProcess.awaitLine(writer, "reserved "));
    }
}
