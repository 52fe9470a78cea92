package org.homelink.partners.needs.query;

import org.homelink.contracts.partners.NeedResolution;
import org.homelink.contracts.partners.SupportNeedClosed;
import org.homelink.contracts.partners.SupportNeedRaised;
import org.homelink.contracts.partners.Urgency;
import org.homelink.partners.needs.command.NeedCircumstances;
import org.homelink.partners.needs.command.SupportNeedDescribed;
import org.homelink.platform.testing.ProjectionFeed;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The support needs read model, fed events as the processor would feed them, on the embedded store. */
class NeedsProjectionTest {

    static final Instant AT = Instant.parse("2026-03-02T10:15:30.123Z");
    static final String TRUST = "riverside";
    static final String NORTH = "900001";
    static final String SOUTH = "900002";

    static final RequestContext NORTH_STAFF = new RequestContext(TRUST, Set.of(NORTH), Role.KEY_WORKER, "kw");
    static final RequestContext LEADER = new RequestContext(TRUST, Set.of(), Role.TRUST_LEADER, "lead");
    static final RequestContext OTHER_TRUST = new RequestContext("hilltop", Set.of(NORTH), Role.TRUST_LEADER, "x");

    private ProjectionFeed<NeedsProjection> feed;
    private NeedsProjection needs;

    @BeforeEach
    void setUp() {
        feed = new ProjectionFeed<>(NeedsProjection::new, AT, "supportNeeds");
        needs = feed.projection();
    }

    @AfterEach
    void tearDown() {
        feed.close();
    }

    @Test
    void keepsEachNeedOpenUntilItIsClosedAndHowItEnded() {
        history();

        NeedView food = needs.need("n1").orElseThrow();
        assertThat(food.open()).isFalse();
        assertThat(food.resolution()).isEqualTo(NeedResolution.MET);
        assertThat(food.version()).isEqualTo(2);
        assertThat(food.schoolUrns()).containsExactly(NORTH, SOUTH);
        assertThat(needs.need("n2").orElseThrow().open()).isTrue();
        assertThat(needs.versionOf("no-such-need")).isEqualTo(-1);
    }

    @Test
    void listsOnlyTheNeedsOfTheCallersSchoolsAndTrustNewestFirst() {
        history();

        assertThat(ids(needs.find(NORTH_STAFF, null, null, 0, 10))).containsExactly("n2", "n1");
        assertThat(ids(needs.find(NORTH_STAFF, null, true, 0, 10))).containsExactly("n2");
        assertThat(ids(needs.find(LEADER, "f2", null, 0, 10))).containsExactly("n3");
        assertThat(needs.count(LEADER, null, null)).isEqualTo(3);
        assertThat(needs.count(OTHER_TRUST, null, null)).isZero();
        assertThat(ids(needs.find(LEADER, null, null, 1, 2))).containsExactly("n1");
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        history();

        feed.assertRedeliveryChangesNothing();
    }

    @Test
    void aReplayAfterAResetBuildsTheSameModel() {
        history();

        feed.assertResetAndReplayBuildTheSame();

        assertThat(feed.documents().get("supportNeeds")).hasSize(3);
    }

    private void history() {
        feed.deliver("SupportNeed", "n1", raised("n1", "f1", Set.of(SOUTH, NORTH), "food", AT));
        feed.deliver("SupportNeed", "n1", new SupportNeedDescribed("n1", "f1", new NeedCircumstances(
                List.of("so"), "RB1 2CD", null, null, List.of("MO"), null)));
        feed.deliver("SupportNeed", "n2", raised("n2", "f1", Set.of(NORTH), "housing", AT.plusSeconds(60)));
        feed.deliver("SupportNeed", "n3", raised("n3", "f2", Set.of(SOUTH), "bereavement", AT.plusSeconds(120)));
        feed.deliver("SupportNeed", "n1", new SupportNeedClosed("n1", "f1", TRUST, Set.of(NORTH, SOUTH),
                                                                NeedResolution.MET, "kw", AT));
    }

    private static SupportNeedRaised raised(String need, String family, Set<String> schools, String category,
                                            Instant at) {
        return new SupportNeedRaised(need, family, TRUST, schools, category, Urgency.SOON, "kw", at);
    }

    private static List<String> ids(List<NeedView> found) {
        return found.stream().map(NeedView::needId).toList();
    }
}
