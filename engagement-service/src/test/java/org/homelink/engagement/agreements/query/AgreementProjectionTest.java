package org.homelink.engagement.agreements.query;

import org.homelink.contracts.engagement.AcknowledgementMethod;
import org.homelink.contracts.engagement.AgreementAcknowledged;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.school.Phase;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.agreements.command.AgreementRules.NoSuchVersion;
import org.homelink.engagement.agreements.command.AgreementRules.NotASchoolOfTheAgreement;
import org.homelink.engagement.agreements.command.AgreementRules.NothingInForce;
import org.homelink.engagement.agreements.command.AgreementRules.AgreementNotFound;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementAdopted;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementLinksSent;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementText;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementVersionPublished;
import org.homelink.engagement.agreements.events.AgreementEvents.Recipient;
import org.homelink.engagement.agreements.query.Outstanding.CarerCounts;
import org.homelink.engagement.agreements.query.Outstanding.CarerStatus;
import org.homelink.engagement.agreements.query.Outstanding.FamilyCounts;
import org.homelink.engagement.agreements.query.Outstanding.OutstandingFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.NotYourSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.carerAdded;
import static org.homelink.engagement.Riverside.enrolled;
import static org.homelink.engagement.Riverside.prefers;
import static org.homelink.engagement.Riverside.registered;

/** Agreements, links and acknowledgements as the read model keeps them, and who has not acknowledged yet. */
class AgreementProjectionTest {

    static final String AGREEMENT = "agreement-1";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 1);
    static final Instant LATER = NOW.plus(Duration.ofHours(3));
    static final List<AgreementText> TEXTS = List.of(new AgreementText("en", "We will tell you how your child is."),
                                                     new AgreementText("so", "Waxaan kuu sheegi doonnaa."));

    private EventLogFixture store;
    private AgreementProjection agreements;
    private AgreementQueries queries;
    private EventFeed feed;

    @BeforeEach
    void setUp() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        agreements = new AgreementProjection(store.database());
        FamilyEngagementProjection directory = new FamilyEngagementProjection(store.database());
        queries = new AgreementQueries(agreements, directory);
        feed = new EventFeed(agreements, directory);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static AgreementVersionPublished version(int number, LocalDate takesEffect) {
        return new AgreementVersionPublished(AGREEMENT, number, "Agreement v" + number, TEXTS, "en",
                                             number == 1 ? null : "Homework on Fridays", takesEffect, "head-n", NOW);
    }

    static Recipient recipient(String familyId, String carerId, String hash) {
        return new Recipient(familyId, carerId, NORTH, hash, ContactChannel.SMS, "so", false);
    }

    static AgreementAcknowledged acknowledged(String familyId, String carerId, int version,
                                              AcknowledgementMethod method, Instant at) {
        return new AgreementAcknowledged(AGREEMENT, TRUST, NORTH, familyId, carerId, version, method,
                                         method == AcknowledgementMethod.PERSONAL_LINK ? null : "staff-n", at);
    }

    /**
     * North's families: the Warsames (Year 3; Amina acknowledged through her link, Abdi was sent one and has not),
     * the Okafors (Year 5; Chidi was sent nothing), the Browns (Year 3; Sam acknowledged on paper), and the Lees
     * (Year 3), with no carer on record.
     */
    private void northInSpring() {
        feed.feed(new SchoolRegistered(TRUST, NORTH, "North Primary", Phase.PRIMARY, "RB1 1AA"),
                  registered("warsame", "Warsame"),
                  carerAdded("warsame", Set.of(NORTH), "amina", "Amina", prefers(ContactChannel.SMS, "so", true, false)),
                  carerAdded("warsame", Set.of(NORTH), "abdi", "Abdi",
                             prefers(ContactChannel.PHONE_CALL, "so", false, true)),
                  enrolled("warsame", Set.of(NORTH), "ayaan", NORTH, YearGroup.YEAR_3),
                  registered("okafor", "Okafor"),
                  carerAdded("okafor", Set.of(NORTH), "chidi", "Chidi", prefers(ContactChannel.EMAIL, "en", false,
                                                                                false)),
                  enrolled("okafor", Set.of(NORTH), "ada", NORTH, YearGroup.YEAR_5),
                  registered("brown", "Brown"),
                  carerAdded("brown", Set.of(NORTH), "sam", "Sam", prefers(ContactChannel.EMAIL, "en", false, false)),
                  enrolled("brown", Set.of(NORTH), "ben", NORTH, YearGroup.YEAR_3),
                  registered("lee", "Lee"),
                  enrolled("lee", Set.of(NORTH), "li", NORTH, YearGroup.YEAR_3),
                  new AgreementAdopted(AGREEMENT, TRUST, List.of(NORTH), "head-n", NOW),
                  version(1, SEPTEMBER),
                  new AgreementLinksSent(AGREEMENT, 1, List.of(recipient("warsame", "amina", "hash-amina"),
                                                               recipient("warsame", "abdi", "hash-abdi")),
                                         "year groups [YEAR_3]", "staff-n", NOW),
                  acknowledged("warsame", "amina", 1, AcknowledgementMethod.PERSONAL_LINK, LATER),
                  acknowledged("brown", "sam", 1, AcknowledgementMethod.PAPER, LATER));
    }

    @Test
    void keepsEachVersionTheSchoolsAgreementAndTheLinksByHash() {
        northInSpring();
        feed.feed(version(2, LocalDate.of(2026, 4, 20)));

        AgreementView agreement = agreements.agreement(AGREEMENT).orElseThrow();
        assertThat(agreement.versions()).extracting(AgreementView.Version::number).containsExactly(1, 2);
        assertThat(agreement.inForce(TODAY).orElseThrow().number()).as("the second takes effect after Easter")
                                                                   .isEqualTo(1);
        assertThat(agreement.inForce(LocalDate.of(2026, 4, 20)).orElseThrow().number()).isEqualTo(2);
        assertThat(agreement.inForce(LocalDate.of(2025, 8, 31))).isEmpty();
        assertThat(agreement.version(1).orElseThrow().textIn("so").language()).isEqualTo("so");
        assertThat(agreement.version(1).orElseThrow().textIn("pl").language()).as("the fallback").isEqualTo("en");
        assertThat(agreements.agreementOf(NORTH).orElseThrow().agreementId()).isEqualTo(AGREEMENT);
        assertThat(agreements.agreementOf(SOUTH)).isEmpty();
        assertThat(agreements.link("hash-abdi").orElseThrow().familyId()).isEqualTo("warsame");
        assertThat(agreements.link("hash-nobody")).isEmpty();
        assertThat(agreements.versionOf(AGREEMENT)).isEqualTo(5);
    }

    @Test
    void whoHasNotYetWithTheCountsOfEveryCarerAndFamily() {
        northInSpring();

        Outstanding outstanding = queries.outstanding(NORTH_STAFF, AGREEMENT, NORTH, null, null, TODAY, 0, 50);

        assertThat(outstanding.version()).isEqualTo(1);
        assertThat(outstanding.carers()).isEqualTo(new CarerCounts(4, 2, 1, 1));
        assertThat(outstanding.families()).isEqualTo(new FamilyCounts(4, 1, 3, 1));
        assertThat(outstanding.items()).extracting(OutstandingFamily::familyId)
                                       .containsExactly("lee", "okafor", "warsame");
        assertThat(outstanding.totalItems()).isEqualTo(3);
        OutstandingFamily warsame = outstanding.items().get(2);
        CarerStatus abdi = warsame.carers().stream().filter(c -> c.carerId().equals("abdi")).findFirst()
                                  .orElseThrow();
        assertThat(abdi.byStaff()).as("prefers spoken contact").isTrue();
        assertThat(abdi.linkSentAt()).isEqualTo(NOW);
        assertThat(abdi.acknowledgedAt()).isNull();
        assertThat(abdi.channel()).isEqualTo(ContactChannel.PHONE_CALL);
        assertThat(warsame.carers()).filteredOn(c -> c.carerId().equals("amina"))
                                    .extracting(CarerStatus::acknowledgedAt).containsExactly(LATER);

        Outstanding yearThree = queries.outstanding(NORTH_STAFF, AGREEMENT, NORTH, null, Set.of(YearGroup.YEAR_3),
                                                    TODAY, 0, 1);
        assertThat(yearThree.carers()).isEqualTo(new CarerCounts(3, 2, 1, 0));
        assertThat(yearThree.items()).extracting(OutstandingFamily::familyId).containsExactly("lee");
        assertThat(yearThree.totalItems()).isEqualTo(2);
        assertThat(yearThree.totalPages()).isEqualTo(2);
    }

    @Test
    void aNewVersionInForceAsksEveryoneAgain() {
        northInSpring();
        feed.feed(version(2, LocalDate.of(2026, 2, 23)));

        Outstanding now = queries.outstanding(NORTH_STAFF, AGREEMENT, NORTH, null, null, TODAY, 0, 50);
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.carers()).isEqualTo(new CarerCounts(4, 0, 0, 4));
        assertThat(now.families().outstanding()).isEqualTo(4);

        Outstanding before = queries.outstanding(NORTH_STAFF, AGREEMENT, NORTH, 1, null, TODAY, 0, 50);
        assertThat(before.carers()).as("the first version's, still on record").isEqualTo(new CarerCounts(4, 2, 1, 1));
    }

    @Test
    void eachFamilysAcknowledgementsByCarerAndVersion() {
        northInSpring();
        feed.feed(version(2, LocalDate.of(2026, 2, 23)),
                  acknowledged("warsame", "amina", 2, AcknowledgementMethod.IN_PERSON, LATER.plusSeconds(60)));

        List<AgreementQueries.FamilyAcknowledgements> family = queries.family(NORTH_STAFF, "warsame", TODAY);

        assertThat(family).hasSize(1);
        assertThat(family.get(0).versionInForce()).isEqualTo(2);
        AgreementQueries.CarerHistory amina = family.get(0).carers().stream()
                                                    .filter(c -> c.carerId().equals("amina")).findFirst()
                                                    .orElseThrow();
        assertThat(amina.acknowledgements()).extracting(FamilyAgreement.Acknowledgement::version,
                                                        FamilyAgreement.Acknowledgement::method)
                                            .containsExactly(tuple(
                                                                     1, AcknowledgementMethod.PERSONAL_LINK),
                                                             tuple(
                                                                     2, AcknowledgementMethod.IN_PERSON));
        assertThat(amina.links()).extracting(FamilyAgreement.LinkSent::version).containsExactly(1);
        assertThat(family.get(0).carers()).extracting(AgreementQueries.CarerHistory::carerId)
                                          .containsExactlyInAnyOrder("amina", "abdi");
        assertThat(queries.family(LEADER, "warsame", TODAY)).hasSize(1);
        assertThatThrownBy(() -> queries.family(SOUTH_STAFF, "okafor", TODAY)).as("none of South's business")
                                                                           .isInstanceOf(NotFoundException.class);
    }

    @Test
    void nothingCrossesSchoolsOrTrusts() {
        northInSpring();

        assertThatThrownBy(() -> queries.outstanding(SOUTH_STAFF, AGREEMENT, NORTH, null, null, TODAY, 0, 50))
                .isInstanceOf(AgreementNotFound.class);
        assertThatThrownBy(() -> queries.outstanding(OTHER_TRUST, AGREEMENT, NORTH, null, null, TODAY, 0, 50))
                .isInstanceOf(AgreementNotFound.class);
        assertThatThrownBy(() -> queries.outstanding(LEADER, AGREEMENT, SOUTH, null, null, TODAY, 0, 50))
                .isInstanceOf(NotASchoolOfTheAgreement.class);
        assertThatThrownBy(() -> queries.family(OTHER_TRUST, "warsame", TODAY))
                .isInstanceOf(NotFoundException.class);

        feed.feed(new AgreementAdopted("agreement-trust", TRUST, List.of(NORTH, SOUTH), "leader", NOW),
                  new AgreementVersionPublished("agreement-trust", 1, "Ours", TEXTS, "en", null, SEPTEMBER, "leader",
                                                NOW));
        assertThatThrownBy(() -> queries.outstanding(SOUTH_STAFF, "agreement-trust", NORTH, null, null, TODAY, 0,
                                                     50))
                .isInstanceOf(NotYourSchool.class);
    }

    @Test
    void asksForAVersionInEffect() {
        northInSpring();
        feed.feed(version(2, LocalDate.of(2026, 4, 20)));

        assertThatThrownBy(() -> queries.outstanding(NORTH_STAFF, AGREEMENT, NORTH, 2, null, TODAY, 0, 50))
                .isInstanceOf(NoSuchVersion.class);
        feed.feed(new AgreementAdopted("agreement-2", TRUST, List.of(SOUTH), "head-s", NOW),
                  new AgreementVersionPublished("agreement-2", 1, "Ours", TEXTS, "en", null,
                                                LocalDate.of(2026, 9, 1), "head-s", NOW));
        assertThatThrownBy(() -> queries.outstanding(SOUTH_STAFF, "agreement-2", SOUTH, null, null, TODAY, 0, 50))
                .isInstanceOf(NothingInForce.class);
    }

    @Nested
    class Replays extends ReplayContract {
        Replays() {
            super(AgreementProjection::new, AgreementProjectionTest::aYearOfAgreements, "agreements",
                  "agreementSchools", "agreementLinks", "agreementFamilies");
        }
    }

    /** Every kind of event the agreements read model reads. */
    private static void aYearOfAgreements(EventFeed feed) {
        feed.feed(new AgreementAdopted(AGREEMENT, TRUST, List.of(NORTH, SOUTH), "leader", NOW),
                  version(1, SEPTEMBER),
                  new AgreementLinksSent(AGREEMENT, 1, List.of(recipient("warsame", "amina", "hash-amina"),
                                                               recipient("okafor", "chidi", "hash-chidi")),
                                         "everyone on the roll", "staff-n", NOW),
                  acknowledged("warsame", "amina", 1, AcknowledgementMethod.PERSONAL_LINK, LATER),
                  version(2, LocalDate.of(2026, 2, 23)),
                  new AgreementLinksSent(AGREEMENT, 2, List.of(recipient("warsame", "amina", "hash-amina-2")),
                                         "by name", "staff-n", LATER),
                  acknowledged("warsame", "amina", 2, AcknowledgementMethod.PAPER, LATER),
                  acknowledged("okafor", "chidi", 1, AcknowledgementMethod.IN_PERSON, LATER));
    }
}
