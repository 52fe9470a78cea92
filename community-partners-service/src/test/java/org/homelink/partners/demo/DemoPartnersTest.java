package org.homelink.partners.demo;

import org.homelink.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.partners.directory.SupportTaxonomy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** The demo partners load through the API, fill the open directory near the demo schools, and load once. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class DemoPartnersTest {

    /** The launcher loads the demo with a trust leader's token from the identity provider. */
    private static final String LOADER = TestTokens.staff(DemoPartners.TRUST_ID, "trust-leader", "demo-loader");

    @LocalServerPort
    private int port;
    @Autowired
    private EventStore eventStore;

    @Test
    void loadsFivePartnersAndTheirServicesOnceHoweverOftenItRuns() throws Exception {
        List<String> ids = idsInTheFeed();
        DemoPartners demo = new DemoPartners("http://localhost:" + port, LOADER);

        assertThat(demo.load()).isEqualTo(12);
        JsonNode loaded = openReferral("/openreferral/services?per_page=200");
        long events = eventsOf(ids);
        assertThat(demo.load()).isEqualTo(12);

        assertThat(openReferral("/openreferral/services?per_page=200")).isEqualTo(loaded);
        assertThat(eventsOf(ids)).as("the second load records nothing").isEqualTo(events);
        assertThat(loaded.path("total_items").asInt()).isEqualTo(12);
        assertThat(loaded.path("contents").findValuesAsText("name"))
                .contains("Emergency food parcels", "English classes for women (ESOL)",
                          "SEND information, advice and support", "Money and debt advice",
                          "Outreach and independent advocacy");
        JsonNode organisations = staff().get().uri("/api/partners/organisations?size=100").retrieve()
                                        .body(JsonNode.class);
        assertThat(organisations.path("totalItems").asInt()).isEqualTo(5);
    }

    @Test
    void everyDistrictOfTheDemoFamiliesAndBothSchoolsHaveServicesNearby() throws Exception {
        new DemoPartners("http://localhost:" + port, LOADER).load();

        for (String district : List.of("RB1", "RB2", "RB3", "RB4")) {
            assertThat(openReferral("/openreferral/services?postcode=" + district + "&proximity=1500")
                               .path("total_items").asInt()).as(district).isPositive();
        }
        assertThat(openReferral("/openreferral/services?postcode=RB2+7HT&proximity=500").path("contents")
                           .findValuesAsText("name")).contains("SEND information, advice and support");
        for (String category : List.of("food", "english-language", "parenting", "send-advice", "money-advice",
                                       "housing", "domestic-abuse", "mental-health")) {
            String term = SupportTaxonomy.byCode(category).orElseThrow().termId();
            assertThat(openReferral("/openreferral/services?taxonomy_term_id=" + term).path("total_items").asInt())
                    .as(category).isPositive();
        }
    }

    private JsonNode openReferral(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path).retrieve().body(JsonNode.class);
    }

    private RestClient staff() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                         .defaultHeaders(headers -> headers.setBearerAuth(
                                 TestTokens.staff(DemoPartners.TRUST_ID, "teacher", "demo-check", "990101")))
                         .build();
    }

    private long eventsOf(List<String> ids) {
        return ids.stream().mapToLong(id -> eventStore.readEvents(id).asStream().count()).sum();
    }

    /** The organisations' and services' ids, as the feed gives them. */
    private static List<String> idsInTheFeed() throws Exception {
        JsonNode feed;
        try (InputStream in = DemoPartners.class.getClassLoader().getResourceAsStream(DemoPartners.FEED)) {
            feed = new ObjectMapper().readTree(in);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode organisation : feed) {
            ids.add(organisation.path("id").asText());
            organisation.path("services").forEach(service -> ids.add(service.path("id").asText()));
        }
        return ids;
    }
}
