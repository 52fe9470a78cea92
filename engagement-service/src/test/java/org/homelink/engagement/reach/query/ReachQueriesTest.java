package org.homelink.engagement.reach.query;

import org.homelink.engagement.EventFeed;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.registered;

/** The views of reach as they read the directory on the embedded store. */
class ReachQueriesTest {

    private EventLogFixture store;
    private EventFeed feed;
    private ReachQueries queries;

    @BeforeEach
    void setUp() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        FamilyEngagementProjection directory = new FamilyEngagementProjection(store.database());
        feed = new EventFeed(directory);
        queries = new ReachQueries(directory, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aPageFarBeyondTheLastIsEmpty() {
        feed.feed(registered("warsame", "The Warsame family"), registered("okafor", "The Okafor family"));

        UnderservedFamily.Page page = queries.underserved(NORTH_STAFF, NORTH, Integer.MAX_VALUE, 2);

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isEqualTo(2);
    }
}
