package org.homelink.family.families.query;

import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ChildLeftSchool;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ContactPreferencesChanged;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.FamilyVoiceRecorded;
import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.contracts.family.YearGroup;
import org.homelink.family.families.query.FamilyQueries.FindFamilies;
import org.homelink.family.families.query.FamilyQueries.FindFamily;
import org.homelink.platform.testing.ProjectionFeed;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The directory and detail view, fed events as the processor would feed them, on the embedded store. */
class FamilyDirectoryProjectionTest {

    static final String RIVERSIDE = "riverside";
    static final String NORTH = "900001";
    static final String SOUTH = "900002";
    static final Instant AT = Instant.parse("2026-03-02T10:15:30.123Z");

    static final RequestContext NORTH_STAFF = new RequestContext(RIVERSIDE, Set.of(NORTH), Role.KEY_WORKER, "kw");
    static final RequestContext SOUTH_STAFF = new RequestContext(RIVERSIDE, Set.of(SOUTH), Role.TEACHER, "t");
    static final RequestContext LEADER = new RequestContext(RIVERSIDE, Set.of(), Role.TRUST_LEADER, "lead");
    static final RequestContext OTHER_TRUST = new RequestContext("hilltop", Set.of(NORTH), Role.TRUST_LEADER, "x");

    private ProjectionFeed<FamilyDirectoryProjection> feed;
    private FamilyDirectoryProjection projection;

    @BeforeEach
    void setUp() {
        feed = new ProjectionFeed<>(FamilyDirectoryProjection::new, AT, "familyDetails", "familyDirectory");
        projection = feed.projection();
    }

    @AfterEach
    void tearDown() {
        feed.close();
    }

    @Test
    void buildsTheDetailViewFromAFamilysEvents() {
        warsameFamily();

        FamilyDetail family = projection.detail("warsame").orElseThrow();
        assertThat(family.version()).isEqualTo(12);
        assertThat(family.schoolUrns()).containsExactly(NORTH, SOUTH);
        assertThat(family.carers()).singleElement().satisfies(carer -> {
            assertThat(carer.name()).isEqualTo("Amina Warsame");
            assertThat(carer.preferences().preferredChannel()).isEqualTo(ContactChannel.IN_PERSON);
            assertThat(carer.address().postcode()).isEqualTo("RB1 2CD");
        });
        assertThat(family.children()).extracting(FamilyDetail.Child::name, FamilyDetail.Child::atSchool)
                                     .containsExactly(tuple("Hodan", true),
                                                      tuple("Yusuf", false));
        assertThat(family.child("hodan").orElseThrow().dateOfBirth()).isEqualTo(LocalDate.of(2015, 5, 1));
        assertThat(family.barriers()).extracting(FamilyDetail.BarrierRecord::barrier, FamilyDetail.BarrierRecord::open)
                                     .containsExactly(tuple(Barrier.COMMUNICATION, false),
                                                      tuple(Barrier.TIME_CONSTRAINTS, true));
        assertThat(family.consents()).singleElement().satisfies(consent -> {
            assertThat(consent.purpose()).isEqualTo(ConsentPurposes.PHOTOGRAPHS);
            assertThat(consent.given()).isFalse();
        });
        assertThat(family.keyWorker()).isEqualTo("kw");
        assertThat(family.voice()).extracting(FamilyDetail.Voice::words).containsExactly("Please call, don't write");
        assertThat(family.updatedAt()).isEqualTo(AT);
    }

    @Test
    void aReplayAfterAResetBuildsTheSameModel() {
        warsameFamily();
        okaforFamily();

        feed.assertResetAndReplayBuildTheSame();

        assertThat(feed.documents().get("familyDirectory")).hasSize(2);
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        warsameFamily();

        // A processor that stopped before storing its token delivers the same events again, in order.
        feed.assertRedeliveryChangesNothing();
    }

    @Test
    void staffFindOnlyFamiliesOfTheirOwnSchoolsAndTrust() {
        warsameFamily();  // north, and south through Hodan
        okaforFamily();   // south only
        family("hilltop-family", "hilltop", NORTH, "The Warsame-Hill family");

        assertThat(ids(search(NORTH_STAFF, new FamilySearch(null, null, null, null, null, null, null, null))))
                .containsExactly("warsame");
        assertThat(ids(search(SOUTH_STAFF, new FamilySearch(null, null, null, null, null, null, null, null))))
                .containsExactly("okafor", "warsame");
        FamilyPage everyone = search(LEADER, new FamilySearch(null, null, null, null, null, null, null, null));
        assertThat(ids(everyone)).containsExactly("okafor", "warsame");
        assertThat(everyone.totalItems()).isEqualTo(2);
        FamilyPage otherTrust = search(OTHER_TRUST, new FamilySearch("warsame", null, null, null, null, null, null,
                                                                     null));
        assertThat(ids(otherTrust)).containsExactly("hilltop-family");
        assertThat(otherTrust.totalItems()).isEqualTo(1);
    }

    @Test
    void aSchoolFilterOutsideTheCallersSchoolsFindsOnlyFamiliesTheyShareWithIt() {
        warsameFamily();  // north's, with Hodan at south
        okaforFamily();   // south's only

        FamilyPage page = search(NORTH_STAFF, new FamilySearch(null, SOUTH, null, null, null, null, null, null));

        assertThat(ids(page)).containsExactly("warsame");
        assertThat(page.totalItems()).isEqualTo(1);
    }

    @Test
    void findsByAnyPartOfAnyNameInAnyCase() {
        warsameFamily();
        okaforFamily();

        assertThat(ids(search(LEADER, new FamilySearch("HODA", null, null, null, null, null, null, null))))
                .containsExactly("warsame");
        assertThat(ids(search(LEADER, new FamilySearch("chi", null, null, null, null, null, null, null))))
                .containsExactly("okafor");
        assertThat(ids(search(LEADER, new FamilySearch("fam", null, null, null, null, null, null, null))))
                .containsExactly("okafor", "warsame");
        assertThat(ids(search(LEADER, new FamilySearch(".*", null, null, null, null, null, null, null)))).isEmpty();
    }

    @Test
    void findsBySchoolYearGroupOpenBarrierKeyWorkerAndLanguage() {
        warsameFamily();
        okaforFamily();

        assertThat(ids(search(LEADER, new FamilySearch(null, NORTH, null, null, null, null, null, null))))
                .containsExactly("warsame");
        assertThat(ids(search(LEADER, new FamilySearch(null, null, YearGroup.YEAR_5, null, null, null, null, null))))
                .containsExactly("warsame");
        // Yusuf has left, so his year group no longer finds the family.
        assertThat(ids(search(LEADER, new FamilySearch(null, null, YearGroup.YEAR_9, null, null, null, null, null))))
                .isEmpty();
        assertThat(ids(search(LEADER, new FamilySearch(null, null, null, Barrier.TIME_CONSTRAINTS, null, null, null,
                                                       null)))).containsExactly("warsame");
        // A resolved barrier no longer finds the family.
        assertThat(ids(search(LEADER, new FamilySearch(null, null, null, Barrier.COMMUNICATION, null, null, null,
                                                       null)))).isEmpty();
        assertThat(ids(search(LEADER, new FamilySearch(null, null, null, null, "kw", null, null, null))))
                .containsExactly("warsame");
        assertThat(ids(search(LEADER, new FamilySearch(null, null, null, null, null, "SO", null, null))))
                .containsExactly("warsame");
        assertThat(ids(search(LEADER, new FamilySearch(null, null, null, null, null, "yo", null, null))))
                .containsExactly("okafor");
    }

    @Test
    void pagesInNameOrderWithTotals() {
        for (int i = 1; i <= 5; i++) {
            family("family-" + i, RIVERSIDE, NORTH, "Family " + (char) ('F' - i));
        }

        FamilyPage second = search(NORTH_STAFF, new FamilySearch(null, null, null, null, null, null, 1, 2));

        assertThat(ids(second)).containsExactly("family-3", "family-2");
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.totalItems()).isEqualTo(5);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(ids(search(NORTH_STAFF, new FamilySearch(null, null, null, null, null, null, 2, 2))))
                .containsExactly("family-1");
    }

    @Test
    void theDetailIsForTheFamilysOwnTrustAndSchoolsOnly() {
        okaforFamily();

        assertThat(projection.handle(new FindFamily(SOUTH_STAFF, "okafor"))).isPresent();
        assertThat(projection.handle(new FindFamily(LEADER, "okafor"))).isPresent();
        assertThat(projection.handle(new FindFamily(NORTH_STAFF, "okafor"))).isEmpty();
        assertThat(projection.handle(new FindFamily(OTHER_TRUST, "okafor"))).isEmpty();
        assertThat(projection.handle(new FindFamily(LEADER, "nobody"))).isEmpty();
    }

    private void warsameFamily() {
        String id = "warsame";
        Set<String> north = Set.of(NORTH);
        Set<String> both = Set.of(NORTH, SOUTH);
        ContactPreferences sms = new ContactPreferences(ContactChannel.SMS, "so", true, true, null, "after 2pm");
        family(id, RIVERSIDE, NORTH, "The Warsame family");
        feed(new CarerAdded(id, RIVERSIDE, north, "amina", "Amina Warsame", "mother", true, "07700 900001", null,
                            new Address("1 Mill Lane", null, "Riverbend", "RB1 2CD"), sms, "kw", AT));
        feed(new ContactPreferencesChanged(id, RIVERSIDE, north, "amina", new ContactPreferences(
                ContactChannel.IN_PERSON, "so", true, true, "Step-free access", null), "kw", AT));
        feed(new ChildEnrolled(id, RIVERSIDE, both, "hodan", SOUTH, "Hodan", LocalDate.of(2015, 5, 1),
                               YearGroup.YEAR_5, false, LocalDate.of(2025, 9, 3), "lead", AT));
        feed(new ChildEnrolled(id, RIVERSIDE, both, "yusuf", NORTH, "Yusuf", LocalDate.of(2011, 1, 9),
                               YearGroup.YEAR_9, true, LocalDate.of(2022, 9, 5), "lead", AT));
        feed(new ChildLeftSchool(id, RIVERSIDE, both, "yusuf", NORTH, LocalDate.of(2026, 2, 13), "kw", AT));
        feed(new BarrierRecorded(id, RIVERSIDE, both, "b1", Barrier.COMMUNICATION, "Letters unread", "kw", AT));
        feed(new BarrierResolved(id, RIVERSIDE, both, "b1", Barrier.COMMUNICATION, "Texts in Somali", "kw", AT));
        feed(new BarrierRecorded(id, RIVERSIDE, both, "b2", Barrier.TIME_CONSTRAINTS, "Works nights", "kw", AT));
        feed(new ConsentGiven(id, RIVERSIDE, both, ConsentPurposes.PHOTOGRAPHS, "amina", LocalDate.of(2026, 1, 5),
                              "kw", AT));
        feed(new ConsentWithdrawn(id, RIVERSIDE, both, ConsentPurposes.PHOTOGRAPHS, "amina",
                                  LocalDate.of(2026, 2, 5), "kw", AT));
        feed(new KeyWorkerAssigned(id, RIVERSIDE, both, "kw", "lead", AT));
        feed(new FamilyVoiceRecorded(id, RIVERSIDE, both, "v1", "amina", "Please call, don't write", "kw", AT));
    }

    private void okaforFamily() {
        String id = "okafor";
        Set<String> south = Set.of(SOUTH);
        family(id, RIVERSIDE, SOUTH, "The Okafor family");
        feed(new CarerAdded(id, RIVERSIDE, south, "chidi", "Chidi Okafor", "father", true, null, "c@example.org",
                            null, new ContactPreferences(ContactChannel.EMAIL, "yo", false, false, null, null), "t",
                            AT));
    }

    private void family(String familyId, String trustId, String schoolUrn, String name) {
        feed(new FamilyRegistered(familyId, trustId, Set.of(schoolUrn), schoolUrn, name, "staff", AT));
    }

    private void feed(FamilyEvent event) {
        feed.deliver("Family", event.familyId(), event);
    }

    private FamilyPage search(RequestContext actor, FamilySearch search) {
        return projection.handle(new FindFamilies(actor, search));
    }

    private static List<String> ids(FamilyPage page) {
        return page.items().stream().map(FamilyListing::familyId).toList();
    }
}
