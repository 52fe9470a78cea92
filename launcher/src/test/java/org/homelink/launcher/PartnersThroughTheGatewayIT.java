package org.homelink.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A family referred to a partner, end to end through the gateway on the local run: family-service records the
 * family and its consent, community-partners-service reads them from the shared log, matches and refers, the
 * partner answers, another organisation sees nothing, and the family's withdrawn consent takes the partner's access
 * away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnersThroughTheGatewayIT extends ThroughTheGateway {

    private static final String SCHOOL = "990101";

    @TempDir
    static Path data;

    private final String trust = "trust-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void startHomelink() throws Exception {
        issuer = new TestIssuer();
        homelink = new RunningHomelink(data);
        homelink.start(issuer.environment(), null);
        expect(201, send("POST", "/api/families/trusts", leader(), Map.of("trustId", trust, "name", "Riverbend")));
        expect(201, send("POST", "/api/families/trusts/" + trust + "/schools", leader(),
                         Map.of("schoolUrn", SCHOOL, "name", "Meadow Primary", "phase", "PRIMARY",
                                "postcode", "RB1 4QX")));
    }

    @AfterAll
    void stopHomelink() throws Exception {
        homelink.stop();
        issuer.close();
    }

    @Test
    void aFamilyIsReferredToAPartnerThatAloneSeesItUntilConsentIsWithdrawnAndItsTimelineShowsEveryStep() throws Exception {
        HttpResponse<String> registered = expect(201, send("POST", "/api/families", keyWorker(),
                                                           Map.of("schoolUrn", SCHOOL, "familyName", "The Okafor family")));
        String family = body(registered).path("familyId").asText();
        String carer = body(expect(201, send("POST", "/api/families/" + family + "/carers", keyWorker(), Map.of(
                "name", "Ngozi Okafor", "relationship", "mother", "parentalResponsibility", true,
                "phone", "07700 900456",
                "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "yo", "needsInterpreter", false,
                                      "prefersSpokenContact", true))))).path("id").asText();
        expect(201, send("POST", "/api/families/" + family + "/children", keyWorker(), Map.of(
                "name", "Ada Okafor", "dateOfBirth", "2017-03-01", "yearGroup", "YEAR_4", "send", false,
                "schoolUrn", SCHOOL)));
        expect(200, send("POST", "/api/families/" + family + "/consents/given", keyWorker(),
                         Map.of("purpose", "SHARING_WITH_PARTNERS", "carerId", carer)));

        String organisationA = body(expect(201, send("POST", "/api/partners/organisations", keyWorker(), Map.of(
                "name", "Riverbend Food Bank", "description", "Food parcels")))).path("id").asText();
        String organisationB = body(expect(201, send("POST", "/api/partners/organisations", keyWorker(), Map.of(
                "name", "Hilltop Larder", "description", "A community larder")))).path("id").asText();
        Map<String, Object> address = Map.of("address_1", "1 Market Street", "city", "Riverbend",
                                             "state_province", "Riverbendshire", "postal_code", "RB1 4QX",
                                             "country", "GB", "address_type", "physical");
        Map<String, Object> location = Map.of("location_type", "physical", "name", "Market hall", "latitude", 53.80,
                                              "longitude", -1.55, "addresses", List.of(address));
        Map<String, Object> parcels = Map.of(
                "organization_id", organisationA, "name", "Emergency parcels", "description", "Same-day parcels",
                "status", "active", "categories", List.of("food"), "languages", List.of(Map.of("code", "yo")),
                "service_at_locations", List.of(Map.of("location", location)));
        String service = body(expect(201, send("POST", "/api/partners/services", keyWorker(), parcels)))
                .path("id").asText();
        JsonNode open = body(expect(200, send("GET", "/openreferral/services?search=emergency", Map.of(), null)));
        assertThat(open.path("contents").findValuesAsText("name")).contains("Emergency parcels");

        String need = body(expect(201, send("POST", "/api/partners/needs", keyWorker(), Map.of(
                "familyId", family, "category", "food", "urgency", "URGENT", "languages", List.of("yo"),
                "postcode", "RB1 2CD")))).path("needId").asText();
        JsonNode matches = body(expect(200, send("GET", "/api/partners/needs/" + need + "/matches", keyWorker(), null)));
        assertThat(matches.get(0).path("serviceId").asText()).isEqualTo(service);
        String referral = body(expect(201, send("POST", "/api/partners/referrals", keyWorker(),
                                                Map.of("needId", need, "serviceId", service))))
                .path("referralId").asText();

        JsonNode seen = body(expect(200, send("GET", "/api/partners/referrals/" + referral, partner(organisationA),
                                              null)));
        assertThat(seen.at("/family/contact/name").asText()).isEqualTo("Ngozi Okafor");
        assertThat(seen.toString()).doesNotContain("Ada");
        expect(200, send("POST", "/api/partners/referrals/" + referral + "/opening", partner(organisationA), Map.of()));
        expect(200, send("POST", "/api/partners/referrals/" + referral + "/acceptance", partner(organisationA),
                         Map.of()));
        assertThat(body(expect(200, send("GET", "/api/partners/referrals", partner(organisationB), null)))
                           .path("totalItems").asInt()).isZero();
        expect(404, send("GET", "/api/partners/referrals/" + referral, partner(organisationB), null));

        expect(200, send("POST", "/api/families/" + family + "/consents/withdrawn", keyWorker(),
                         Map.of("purpose", "SHARING_WITH_PARTNERS", "carerId", carer)));
        expect(404, send("GET", "/api/partners/referrals/" + referral, partner(organisationA), null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                body(send("GET", "/api/partners/referrals", partner(organisationA), null)).path("totalItems").asInt())
                .isZero());
        assertThat(body(expect(200, send("GET", "/api/partners/referrals/" + referral, keyWorker(), null)))
                           .at("/referral/status").asText()).isEqualTo("ACCEPTED");

        // The referral's every step shows on the family's engagement timeline, in engagement-service.
        JsonNode timeline = eventually(() -> send("GET", "/api/engagement/families/" + family + "/timeline",
                                                  keyWorker(), null),
                                       answer -> answer.statusCode() == 200
                                                 && answer.body().contains("REFERRAL_ACCEPTED"));
        assertThat(timeline.findValuesAsText("type"))
                .containsSubsequence("FamilyRegistered", "REFERRAL_MADE", "REFERRAL_OPENED", "REFERRAL_ACCEPTED",
                                     "ConsentWithdrawn");
    }

    private Map<String, String> keyWorker() {
        return staff(trust, "key-worker", "kw-1", SCHOOL);
    }

    private Map<String, String> leader() {
        return staff(trust, "trust-leader", "head-1");
    }

    private Map<String, String> partner(String organisation) {
        return partnerWorker(organisation, "worker-1");
    }
}
