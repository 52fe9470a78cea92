package org.homelink.engagement;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every read model of the service promises, stated once: whether its processor delivers each event twice,
 * delivers everything again from an older token, or is reset and replays the log from the start, the read model ends
 * as one clean build of the same history leaves it. Each projection's test keeps it with a history that holds every
 * kind of event the projection reads.
 */
public abstract class ReplayContract {

    private final Function<MongoDatabase, Object> projection;
    private final Consumer<EventFeed> history;
    private final String[] collections;
    private EventLogFixture once;
    private EventLogFixture other;

    /**
     * @param projection  a new instance of the projection under test, over a database
     * @param history     feeds a history that holds every kind of event the projection reads
     * @param collections every collection the projection writes
     */
    protected ReplayContract(Function<MongoDatabase, Object> projection, Consumer<EventFeed> history,
                             String... collections) {
        this.projection = projection;
        this.history = history;
        this.collections = collections;
    }

    @BeforeEach
    void openStores() {
        once = new EventLogFixture(EmbeddedMongo.connectionString());
        other = new EventLogFixture(EmbeddedMongo.connectionString());
    }

    @AfterEach
    void closeStores() {
        once.close();
        other.close();
    }

    @Test
    void eachEventDeliveredTwiceInARowBuildsWhatOnceDoes() {
        history.accept(new EventFeed(projection.apply(once.database())));
        history.accept(new EventFeed(projection.apply(other.database())).deliveringEachTwice());

        assertThat(documents(other)).isEqualTo(documents(once));
    }

    @Test
    void everythingDeliveredAgainInOrderChangesNothing() {
        EventFeed feed = new EventFeed(projection.apply(once.database()));
        history.accept(feed);
        Map<String, List<Document>> before = documents(once);

        feed.deliverAllAgain();

        assertThat(documents(once)).isEqualTo(before);
    }

    @Test
    void aReplayAfterAResetBuildsTheSameDocuments() {
        EventFeed feed = new EventFeed(projection.apply(once.database()));
        history.accept(feed);
        Map<String, List<Document>> before = documents(once);
        assertThat(before.values()).as("the history leaves something in every collection")
                                   .allSatisfy(documents -> assertThat(documents).isNotEmpty());

        feed.resetAndReplay();

        assertThat(documents(once)).isEqualTo(before);
    }

    private Map<String, List<Document>> documents(EventLogFixture store) {
        Map<String, List<Document>> documents = new HashMap<>();
        for (String collection : collections) {
            documents.put(collection, store.database().getCollection(collection).find()
                                           .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return documents;
    }
}
