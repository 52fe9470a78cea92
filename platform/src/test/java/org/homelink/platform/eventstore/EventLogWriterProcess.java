package org.homelink.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.homelink.platform.eventstore.noticeboard.NoticePinned;
import org.homelink.platform.testing.EventLogFixture;

import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM that writes to the shared event log, started by {@link ProcessesAppendingConcurrentlyTest}.
 * <ul>
 *     <li>{@code append <uri> <db> <writer> <commits> <startAtMillis>}: appends through the engine, as a service does;</li>
 *     <li>{@code slow <uri> <db> <delayMillis>}: reserves a position, stalls, then writes its commit there;</li>
 *     <li>{@code die <uri> <db>}: reserves two positions and dies before writing anything.</li>
 * </ul>
 * The slow and dying writers take the engine's two steps (reserve, then insert) by hand so the test can stop
 * between them.
 */
public final class EventLogWriterProcess {

    private EventLogWriterProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (MongoClient client = MongoClients.create(args[1])) {
            MongoDatabase database = client.getDatabase(args[2]);
            CommitPositions positions = new CommitPositions(database.getCollection("counters"));
            switch (args[0]) {
                case "append" -> append(database, args[3], Integer.parseInt(args[4]), Long.parseLong(args[5]));
                case "slow" -> {
                    long position = positions.reserve(1);
                    report("reserved " + position);
                    Thread.sleep(Long.parseLong(args[3]));
                    database.getCollection("commits").insertOne(commitOf(position, List.of(pinned("slow", 0, 0))));
                    report("written " + position);
                }
                case "die" -> {
                    report("reserved " + positions.reserve(2));
                    Runtime.getRuntime().halt(137);
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    /** Commit {@code c} of a writer holds {@code c % 3 + 1} events, so commits of several sizes interleave. */
    static List<String> wordingsOf(String writer, int commit) {
        List<String> wordings = new ArrayList<>();
        for (int event = 0; event <= commit % 3; event++) {
            wordings.add(writer + ":" + commit + ":" + event);
        }
        return wordings;
    }

    private static void append(MongoDatabase database, String writer, int commits, long startAtMillis)
            throws InterruptedException {
        MongoEventLogEngine engine = MongoEventLogEngine.builder().database(database)
                                                        .eventSerializer(EventLogFixture.serializer())
                                                        .snapshotSerializer(EventLogFixture.serializer())
                                                        .build();
        // Every writer starts at the same moment, so their appends really interleave.
        Thread.sleep(Math.max(0, startAtMillis - System.currentTimeMillis()));
        for (int commit = 0; commit < commits; commit++) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            long sequence = 0;
            for (String wording : wordingsOf(writer, commit)) {
                events.add(pinned(writer + "-" + commit, sequence++, wording));
            }
            engine.appendEvents(events);
        }
        report("appended " + commits);
    }

    private static org.bson.Document commitOf(long position, List<DomainEventMessage<?>> events) {
        Serializer serializer = EventLogFixture.serializer();
        return CommitDocuments.commit(position, CommitDocuments.aggregateKeys(events),
                                      CommitDocuments.eventDocuments(events, serializer));
    }

    private static DomainEventMessage<?> pinned(String board, long sequence, Object wording) {
        return new GenericDomainEventMessage<>("Noticeboard", board, sequence,
                                               new NoticePinned(board, String.valueOf(wording)));
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
