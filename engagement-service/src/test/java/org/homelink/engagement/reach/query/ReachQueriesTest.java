package org.homelink.engagement.reach.query;

import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.school.Phase;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.reach.command.ReachSettingsChanged;
import org.homelink.engagement.reach.query.UnderservedFamily.Reason;
import org.homelink.engagement.reach.query.UnderservedFamily.Why;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.called;
import static org.homelink.engagement.Riverside.enrolled;
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
    void aCaseloadCountsAFamilyUnderservedByTheThresholdsOfASchoolTheCallerActsFor() {
        Set<String> both = Set.of(NORTH, SOUTH);
        feed.feed(registered("warsame", "The Warsame family"),
                  enrolled("warsame", both, "yusuf", SOUTH, YearGroup.YEAR_7),
                  new KeyWorkerAssigned("warsame", TRUST, both, "kw-1", "leader", NOW),
                  // North counts a family underserved after a week without contact; South keeps the six weeks.
                  new ReachSettingsChanged(NORTH, TRUST, 1, 3, "head-n", NOW),
                  called("c1", "warsame", both, NOW.minus(Duration.ofDays(21)), null));

        assertThat(underservedOnTheCaseload(NORTH_STAFF)).containsExactly(Why.NO_TWO_WAY_CONTACT);
        assertThat(underservedOnTheCaseload(SOUTH_STAFF)).isEmpty();
    }

    private List<Why> underservedOnTheCaseload(RequestContext actor) {
        return queries.caseload(actor, "kw-1").families().stream()
                      .flatMap(family -> family.underserved().stream()).map(Reason::why).toList();
    }

    @Test
    void aPageFarBeyondTheLastIsEmpty() {
        feed.feed(new SchoolRegistered(TRUST, NORTH, "North Primary", Phase.PRIMARY, "RB1 1AA"),
                  registered("warsame", "The Warsame family"), registered("okafor", "The Okafor family"));

        UnderservedFamily.Page page = queries.underserved(NORTH_STAFF, NORTH, Integer.MAX_VALUE, 2);

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isEqualTo(2);
    }
}
