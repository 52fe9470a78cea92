package org.homelink.partners.referrals.query;

import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.partners.DeclineReason;
import org.homelink.contracts.partners.ReferralAccepted;
import org.homelink.contracts.partners.ReferralClosed;
import org.homelink.contracts.partners.ReferralDeclined;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.contracts.partners.ReferralOpened;
import org.homelink.contracts.partners.ReferralOutcome;
import org.homelink.partners.referrals.command.Referral.Status;
import org.homelink.partners.referrals.command.ReferralDescribed;
import org.homelink.platform.testing.ProjectionFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The referrals read model, fed events as the processor would feed them, on the embedded store. */
class ReferralsProjectionTest {

    static final Instant AT = Instant.parse("2026-03-02T10:15:30.123Z");
    static final Set<String> SCHOOLS = Set.of("900001");

    private ProjectionFeed<ReferralsProjection> feed;
    private ReferralsProjection projection;

    @BeforeEach
    void setUp() {
        feed = new ProjectionFeed<>(ReferralsProjection::new, AT, "referrals", "familySharing");
        projection = feed.projection();
    }

    @AfterEach
    void tearDown() {
        feed.close();
    }

    @Test
    void followsEachReferralAndItsFamilysConsent() {
        history();

        ReferralView first = projection.referral("r1").orElseThrow();
        assertThat(first.status()).isEqualTo(Status.ACCEPTED);
        assertThat(first.noteForPartner()).isEqualTo("Afternoons");
        assertThat(first.shared()).isFalse();
        assertThat(projection.referral("r2").orElseThrow().shared()).isTrue();
        assertThat(projection.openReferrals(List.of("s1", "s2"))).containsEntry("s1", 1).containsEntry("s2", 1);
    }

    @Test
    void onlyNewOpenedAndAcceptedReferralsAreCountedAsOpen() {
        history();
        feed("r3", made("r3", "f2", "s1"));
        feed("r3", new ReferralDeclined("r3", "f2", "t", SCHOOLS, "org", DeclineReason.NO_CAPACITY, null, "w", AT));
        feed("r4", made("r4", "f2", "s2"));
        feed("r4", new ReferralOpened("r4", "f2", "t", SCHOOLS, "org", "w", AT));
        feed("r5", made("r5", "f2", "s3"));
        feed("r5", new ReferralClosed("r5", "f2", "t", SCHOOLS, "org", ReferralOutcome.WITHDRAWN_BY_SCHOOL, null,
                                      "kw", AT));

        assertThat(projection.openReferrals(List.of("s1", "s2", "s3")))
                .containsOnly(entry("s1", 1), entry("s2", 2));
    }

    @Test
    void aReplayAfterAResetBuildsTheSameModel() {
        history();

        feed.assertResetAndReplayBuildTheSame();

        assertThat(feed.documents().get("referrals")).hasSize(2);
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        history();

        feed.assertRedeliveryChangesNothing();
    }

    private void history() {
        feed("f1", new ConsentGiven("f1", "t", SCHOOLS, ConsentPurposes.SHARING_WITH_PARTNERS, "c1",
                                    LocalDate.of(2026, 3, 1), "kw", AT));
        feed("r1", made("r1", "f1", "s1"));
        feed("r1", new ReferralDescribed("r1", "f1", "Afternoons"));
        feed("r1", new ReferralOpened("r1", "f1", "t", SCHOOLS, "org", "w", AT));
        feed("r1", new ReferralAccepted("r1", "f1", "t", SCHOOLS, "org", "w", AT));
        feed("f1", new ConsentWithdrawn("f1", "t", SCHOOLS, ConsentPurposes.SHARING_WITH_PARTNERS, "c1",
                                        LocalDate.of(2026, 3, 2), "kw", AT));
        feed("f1", new ConsentGiven("f1", "t", SCHOOLS, ConsentPurposes.PHOTOGRAPHS, "c1", LocalDate.of(2026, 3, 2),
                                    "kw", AT));
        feed("f2", new ConsentGiven("f2", "t", SCHOOLS, ConsentPurposes.SHARING_WITH_PARTNERS, "c2",
                                    LocalDate.of(2026, 3, 1), "kw", AT));
        feed("r2", made("r2", "f2", "s2"));
    }

    private static ReferralMade made(String referral, String family, String service) {
        return new ReferralMade(referral, "n-" + referral, family, "t", SCHOOLS, "org", "Hub", service, "Drop-in",
                                "food", "kw", AT);
    }

    private void feed(String aggregate, Object event) {
        feed.deliver("Any", aggregate, event);
    }
}
