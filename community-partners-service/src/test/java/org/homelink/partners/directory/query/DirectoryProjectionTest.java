package org.homelink.partners.directory.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.contracts.partners.PartnerRenamed;
import org.homelink.platform.web.Paged;
import org.homelink.partners.directory.SupportTaxonomy;
import org.homelink.partners.directory.command.OrganisationDescribed;
import org.homelink.partners.directory.command.ServicePublished;
import org.homelink.partners.directory.command.ServiceRevised;
import org.homelink.platform.testing.ProjectionFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory's read model, fed events as the processor would feed them, on the embedded store. */
class DirectoryProjectionTest {

    static final Instant AT = Instant.parse("2026-03-02T10:15:30.123Z");
    static final String FOOD_TERM = SupportTaxonomy.byCode("food").orElseThrow().termId();

    private ProjectionFeed<DirectoryProjection> feed;
    private DirectoryProjection directory;

    @BeforeEach
    void setUp() {
        feed = new ProjectionFeed<>(database -> new DirectoryProjection(database, new ObjectMapper()), AT,
                                    "organisations", "services", "taxonomyTerms", "directoryState");
        directory = feed.projection();
    }

    @AfterEach
    void tearDown() {
        feed.close();
    }

    @Test
    void keepsEachOrganisationAndServiceAsItsLatestEventsSayAndWhatSearchesFilterOn() {
        history();

        OrganisationView larder = directory.organisation("org-a").orElseThrow();
        assertThat(larder.name()).isEqualTo("Riverbend Community Larder");
        assertThat(larder.document()).contains("Food parcels");
        assertThat(larder.owningTrustId()).isEqualTo("riverside");
        assertThat(larder.version()).isEqualTo(3);

        ServiceView service = directory.service("s1").orElseThrow();
        assertThat(service.name()).isEqualTo("Community larder");
        assertThat(service.active()).isFalse();
        assertThat(service.capacity()).isEqualTo(25);
        assertThat(service.version()).isEqualTo(1);
        assertThat(service.lastModified()).isEqualTo(AT);
        assertThat(service.categories()).containsExactly("food");
        assertThat(service.termIds()).containsExactly(FOOD_TERM, "local-food-bank");
        assertThat(service.languages()).containsExactly("so", "en");
        assertThat(service.minimumAge()).isZero();
        assertThat(service.places()).singleElement().satisfies(place -> {
            assertThat(place.postcode()).isEqualTo("RB1 4QX");
            assertThat(place.outwardCode()).isEqualTo("RB1");
            assertThat(place.hasCoordinates()).isTrue();
        });
        assertThat(service.openings()).singleElement().satisfies(opening -> {
            assertThat(opening.days()).containsExactly("MO", "WE");
            assertThat(opening.opensAt()).isEqualTo("10:00:00");
        });
        assertThat(directory.taxonomyTerms()).extracting(TaxonomyTermView::termId).containsExactly("local-food-bank");
    }

    @Test
    void findsOrganisationsByEveryWordOfTheirNameOrDescriptionInPagesInOrderOfName() {
        history();
        feed.deliver("PartnerOrganisation", "org-c", new PartnerRegistered("org-c", "Not yet described", "kw", AT));

        Paged<OrganisationView> all = directory.organisations(null, 0, 10);
        assertThat(all.items()).extracting(OrganisationView::name)
                               .as("in order of name; one not yet described is not listed")
                               .containsExactly("Family Hub", "Riverbend Community Larder");
        assertThat(all.totalItems()).isEqualTo(2);
        assertThat(directory.organisations(null, 1, 1).items()).extracting(OrganisationView::organisationId)
                                                            .containsExactly("org-a");
        assertThat(ids(directory.organisations("LARDER", 0, 10))).containsExactly("org-a");
        assertThat(ids(directory.organisations("parcels riverbend", 0, 10))).as("a word of the description")
                                                                              .containsExactly("org-a");
        assertThat(ids(directory.organisations("parcels hub", 0, 10))).isEmpty();
        assertThat(ids(directory.organisations(".*", 0, 10))).isEmpty();
    }

    @Test
    void countsServiceChangesSoThatAnIndexLoadsOnlyWhatChanged() {
        history();

        assertThat(directory.changeNumber()).isEqualTo(3);
        assertThat(directory.changedSince(2)).extracting(ServiceView::serviceId).containsExactly("s1");
        assertThat(directory.changedSince(3)).isEmpty();
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        history();

        // A processor that stopped before storing its token delivers the same events again, in order: the count
        // of changes, which the matching index follows, must not move either.
        feed.assertRedeliveryChangesNothing();
    }

    @Test
    void aReplayAfterAResetBuildsTheSameModel() {
        history();

        feed.assertResetAndReplayBuildTheSame();

        assertThat(feed.documents().get("organisations")).hasSize(2);
        assertThat(feed.documents().get("services")).hasSize(2);
    }

    private void history() {
        feed.deliver("PartnerOrganisation", "org-a", new PartnerRegistered("org-a", "Riverbend Food Bank", "kw", AT));
        feed.deliver("PartnerOrganisation", "org-a", new OrganisationDescribed(
                "org-a", "{\"id\":\"org-a\",\"name\":\"Riverbend Food Bank\"}", "riverside", "kw", AT));
        feed.deliver("PartnerOrganisation", "org-b", new PartnerRegistered("org-b", "Family Hub", "kw", AT));
        feed.deliver("SupportService", "s1", new ServicePublished("s1", "org-a", larder("active"), 20, "kw", AT));
        feed.deliver("PartnerOrganisation", "org-b", new OrganisationDescribed(
                "org-b", "{\"id\":\"org-b\",\"name\":\"Family Hub\"}", "riverside", "kw", AT));
        feed.deliver("SupportService", "s2", new ServicePublished(
                "s2", "org-b", "{\"id\":\"s2\",\"name\":\"Parenting course\",\"status\":\"active\"}", null, "kw",
                AT));
        feed.deliver("PartnerOrganisation", "org-a", new PartnerRenamed("org-a", "Riverbend Community Larder",
                                                                        "worker", AT));
        feed.deliver("PartnerOrganisation", "org-a", new OrganisationDescribed(
                "org-a", "{\"description\":\"Food parcels\",\"id\":\"org-a\",\"name\":\"Riverbend Community Larder\"}",
                "riverside", "worker", AT));
        feed.deliver("SupportService", "s1", new ServiceRevised("s1", "org-a", larder("inactive"), 25, "worker",
                                                                AT));
    }

    private static List<String> ids(Paged<OrganisationView> page) {
        return page.items().stream().map(OrganisationView::organisationId).toList();
    }

    /** A service tagged with a Homelink category and with a term of a local authority's own taxonomy. */
    private static String larder(String status) {
        return """
                {"id": "s1", "name": "Community larder", "description": "Pay what you can", "status": "%s",
                 "minimum_age": 0, "maximum_age": 99,
                 "languages": [{"code": "so"}, {"name": "English"}],
                 "schedules": [{"freq": "WEEKLY", "byday": "MO,WE", "opens_at": "10:00", "closes_at": "14:00"}],
                 "attributes": [
                   {"taxonomy_term_id": "%s", "taxonomy_term": {"id": "%s", "term": "food"}},
                   {"taxonomy_term_id": "local-food-bank",
                    "taxonomy_term": {"id": "local-food-bank", "term": "Food bank", "taxonomy": "Local offer"}}],
                 "service_at_locations": [{"id": "sal-1", "location": {"id": "loc-1", "name": "St Mary's hall",
                   "latitude": 53.80, "longitude": -1.55, "addresses": [{"postal_code": "rb14qx"}]}}]}
                """.formatted(status, FOOD_TERM, FOOD_TERM);
    }
}
