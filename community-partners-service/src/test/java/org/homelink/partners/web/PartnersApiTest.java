package org.homelink.partners.web;

import org.homelink.platform.testing.NoPersonalDataInLogs;
import org.homelink.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.YearGroup;
import org.homelink.partners.directory.SupportTaxonomy;
import org.homelink.platform.web.Ids;
import org.homelink.platform.web.Languages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The partners service end to end on the embedded store: the directory over HTTP and as Open Referral, feed
 * import, needs, matching and the referral loop, with families' consent arriving as family-service's events in the
 * shared log, as it does in the running system.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT,
                properties = {
                        // The feed server of the import test, on this machine; no other host is fetched from.
                        "homelink.partners.import.allowed-hosts=127.0.0.1",
                        // Small enough to send a file past it; every feed of the tests is far smaller.
                        "homelink.partners.import.max-size=1MB"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NoPersonalDataInLogs({"amina@example.org", "07700 900123"})
class PartnersApiTest {

    private static final String SCHOOL = "920001";
    private static final String SAME_DAY_SCHOOL = "920002";
    private static final String OTHER_SCHOOL = "920003";
    private static final String PAGING_SCHOOL = "920004";
    private static final String EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b";
    private static final String EXAMPLE_ORGANISATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";

    private final String trust = "trust-" + UUID.randomUUID().toString().substring(0, 8);
    private final ObjectMapper json = new ObjectMapper();
    private OpenReferralSchemas schemas;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;

    @BeforeAll
    void loadSchemas() throws Exception {
        schemas = new OpenReferralSchemas();
    }

    @Test
    void everyOpenReferralEndpointAnswersAsTheProfilesSchemasSay() throws Exception {
        String organisation = organisation("Riverbend Food Bank");
        String near = service(organisation, "Riverbend Pantry", "food", "so", 0, 16, 51.5010, -0.1200, "RB1 4QX", 3);
        String far = service(organisation, "Hilltop Larder", "food", "en", 18, 99, 51.9000, -0.9000, "HT9 1AA", null);
        importExample(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Community Counselling");
        service(organisation("Riverbend Market"), "Market larder", "food", "en", null, null, 51.5015, -0.1205,
                "RB1 4QX", null);

        schemas.assertAbout(get("/openreferral/"));
        JsonNode all = get("/openreferral/services?per_page=200");
        schemas.assertPage(all, OpenReferralSchemas.SERVICE_LIST);
        assertThat(all.path("page_number").asInt()).isEqualTo(1);
        assertThat(all.path("first_page").asBoolean()).isTrue();
        schemas.assertDocument(get("/openreferral/services/" + near), OpenReferralSchemas.SERVICE);

        JsonNode pantry = get("/openreferral/services?search=riverbend+pantry");
        schemas.assertPage(pantry, OpenReferralSchemas.SERVICE_LIST);
        assertThat(ids(pantry)).containsExactly(near);
        String foodTerm = SupportTaxonomy.byCode("food").orElseThrow().termId();
        assertThat(ids(get("/openreferral/services?per_page=200&taxonomy_term_id=" + foodTerm))).contains(near, far);
        assertThat(ids(get("/openreferral/services?per_page=200&taxonomy_id=" + SupportTaxonomy.ID)))
                .contains(near, far);
        JsonNode nearby = get("/openreferral/services?per_page=200&postcode=rb14qx&proximity=2000");
        schemas.assertPage(nearby, OpenReferralSchemas.SERVICE_LIST);
        assertThat(ids(nearby)).contains(near).doesNotContain(far);
        assertThat(ids(get("/openreferral/services?per_page=200&lat=51.9&long=-0.9&proximity=1000")))
                .contains(far).doesNotContain(near);
        assertThat(ids(get("/openreferral/services?per_page=200&day=WE&start_time=09:00&organization_id="
                           + organisation))).containsExactlyInAnyOrder(near, far);
        assertThat(ids(get("/openreferral/services?day=FR&organization_id=" + organisation))).isEmpty();
        assertThat(ids(get("/openreferral/services?start_time=11:00&organization_id=" + organisation))).isEmpty();
        assertThat(ids(get("/openreferral/services?per_page=200&maximum_age=16&organization_id=" + organisation)))
                .containsExactly(near);
        assertThat(ids(get("/openreferral/services?per_page=200&modified_after=2999-01-01T00:00:00Z"))).isEmpty();
        JsonNode firstOfTwo = get("/openreferral/services?per_page=1&organization_id=" + organisation);
        assertThat(firstOfTwo.path("total_items").asInt()).isEqualTo(2);
        assertThat(firstOfTwo.path("total_pages").asInt()).isEqualTo(2);
        assertThat(firstOfTwo.path("last_page").asBoolean()).isFalse();

        JsonNode places = get("/openreferral/service_at_locations?per_page=200&postcode=RB1&proximity=3000");
        schemas.assertPage(places, OpenReferralSchemas.SERVICE_AT_LOCATION_LIST);
        assertThat(places.path("contents").findValuesAsText("service_id")).contains(near).doesNotContain(far);
        String placeId = places.path("contents").get(0).path("id").asText();
        JsonNode onePlace = get("/openreferral/service_at_locations?per_page=1&page=2&postcode=RB1&proximity=3000");
        schemas.assertPage(onePlace, OpenReferralSchemas.SERVICE_AT_LOCATION_LIST);
        assertThat(onePlace.path("total_items").asInt()).isEqualTo(places.path("total_items").asInt());
        assertThat(onePlace.path("contents")).hasSize(1);
        assertThat(onePlace.at("/contents/0/id").asText()).isEqualTo(places.at("/contents/1/id").asText());
        schemas.assertDocument(get("/openreferral/service_at_locations/" + placeId),
                               OpenReferralSchemas.SERVICE_AT_LOCATION);

        JsonNode taxonomies = get("/openreferral/taxonomies");
        schemas.assertPage(taxonomies, OpenReferralSchemas.TAXONOMY);
        assertThat(taxonomies.path("contents").findValuesAsText("id")).contains(SupportTaxonomy.ID);
        schemas.assertDocument(get("/openreferral/taxonomies/" + SupportTaxonomy.ID), OpenReferralSchemas.TAXONOMY);
        JsonNode terms = get("/openreferral/taxonomy_terms?per_page=200");
        schemas.assertPage(terms, OpenReferralSchemas.TAXONOMY_TERM);
        assertThat(terms.path("contents").findValuesAsText("term")).contains("food", "domestic-abuse", "send-advice");
        schemas.assertDocument(get("/openreferral/taxonomy_terms/" + foodTerm), OpenReferralSchemas.TAXONOMY_TERM);

        assertThat(http.getForEntity("/openreferral/services/" + UUID.randomUUID(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> badPage = http.getForEntity("/openreferral/services?per_page=0", String.class);
        assertThat(badPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badPage.getBody()).path("field").asText()).isEqualTo("per_page");
    }

    @Test
    void importingTheSameFeedTwiceKeepsOneCopyAndAChangedFeedUpdatesIt() throws Exception {
        String serviceId = UUID.randomUUID().toString();
        String organisationId = UUID.randomUUID().toString();
        AtomicReference<byte[]> feed = new AtomicReference<>(examplePage(serviceId, organisationId,
                                                                         "Community Counselling"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed", exchange -> {
            byte[] body = feed.get();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Map<String, String> from = Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/feed");

            JsonNode first = post("/api/partners/imports", from, keyWorker(SCHOOL), HttpStatus.OK);
            JsonNode again = post("/api/partners/imports", from, keyWorker(SCHOOL), HttpStatus.OK);
            JsonNode asAFile = importFile(feed.get(), HttpStatus.OK);
            feed.set(examplePage(serviceId, organisationId, "Community Counselling and Wellbeing"));
            JsonNode changed = post("/api/partners/imports", from, keyWorker(SCHOOL), HttpStatus.OK);

            assertThat(first.at("/services/added").asInt()).isEqualTo(1);
            assertThat(first.at("/organisations/added").asInt()).isEqualTo(1);
            assertThat(again.at("/services/unchanged").asInt()).isEqualTo(1);
            assertThat(again.at("/organisations/unchanged").asInt()).isEqualTo(1);
            assertThat(asAFile.at("/services/unchanged").asInt()).isEqualTo(1);
            assertThat(changed.at("/services/revised").asInt()).isEqualTo(1);
            assertThat(eventStore.readEvents(serviceId).asStream().count()).as("published, then revised once")
                                                                           .isEqualTo(2);
            JsonNode listed = get("/openreferral/services?organization_id=" + organisationId);
            assertThat(listed.path("total_items").asInt()).isEqualTo(1);
            assertThat(listed.at("/contents/0/name").asText()).isEqualTo("Community Counselling and Wellbeing");
            schemas.assertDocument(get("/openreferral/services/" + serviceId), OpenReferralSchemas.SERVICE);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFeedIsFetchedOnlyFromAHostTheDeploymentAllows() throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, "/api/partners/imports",
                                                 Map.of("url", "http://localhost:9/feed"), keyWorker(SCHOOL));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).path("field").asText()).isEqualTo("url");
    }

    @Test
    void aFileLargerThanAFeedMayBeIsRefusedAsTooLarge() throws Exception {
        byte[] feed = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(feed, (byte) ' ');

        ResponseEntity<String> answer = sendFile(feed);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFeedWithAFaultStoresNothingAndNamesTheRecordAndTheField() throws Exception {
        // The profile's own example places its civic centre at latitude 100: no such place on Earth.
        byte[] example = resource("organization_full.json");

        JsonNode problem = importFile(example, HttpStatus.BAD_REQUEST);

        assertThat(problem.path("errors").findValuesAsText("field"))
                .contains("services[0].service_at_locations[0].location.latitude");
        assertThat(http.getForEntity("/openreferral/services/" + EXAMPLE_SERVICE, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(eventStore.readEvents(EXAMPLE_ORGANISATION).asStream().count()).isZero();
    }

    @Test
    void anInvalidServiceIsABadRequestNamingEachFieldAndNothingIsStored() throws Exception {
        String organisation = organisation("Meadow Advice Centre");
        ObjectNode service = serviceDocument(organisation, "Debt clinic", "money-advice", "en", 30, 18, 51.5, -0.1,
                                             "RB1 4QX", null);
        service.put("email", "not an email");
        service.put("status", "open");
        ((ObjectNode) service.at("/schedules/0")).put("opens_at", "9 o'clock");

        ResponseEntity<String> answer = exchange(HttpMethod.POST, "/api/partners/services", service,
                                                 keyWorker(SCHOOL));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field"))
                .contains("email", "status", "maximum_age", "schedules[0].opens_at");
        assertThat(ids(get("/openreferral/services?organization_id=" + organisation))).isEmpty();
    }

    @Test
    void organisationsAreListedInPagesForStaffOfAnyRoleAndForPartnersAlike() throws Exception {
        String word = "Kestrel" + UUID.randomUUID().toString().substring(0, 6);
        String hub = organisation(word + " Family Hub");
        String larder = organisation(word + " Larder");
        String advice = organisation(word + " Advice Centre");
        HttpHeaders teacher = staff(trust, "teacher", SCHOOL);

        JsonNode first = get("/api/partners/organisations?size=2&search=" + word, keyWorker(SCHOOL));
        JsonNode second = get("/api/partners/organisations?size=2&page=1&search=" + word, partner(larder));

        assertThat(first.path("items").findValuesAsText("id")).containsExactly(advice, hub);
        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(second.path("items").findValuesAsText("id")).containsExactly(larder);
        assertThat(second.at("/items/0/name").asText()).isEqualTo(word + " Larder");
        assertThat(get("/api/partners/organisations?search=" + word + "+hub", teacher).path("items")
                           .findValuesAsText("id")).containsExactly(hub);
        ResponseEntity<String> tooBig = exchange(HttpMethod.GET, "/api/partners/organisations?size=101", null,
                                                 keyWorker(SCHOOL));
        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(tooBig.getBody()).path("field").asText()).isEqualTo("size");
        assertThat(http.getForEntity("/api/partners/organisations", String.class).getStatusCode())
                .as("the public directory without headers is /openreferral").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anotherTrustsStaffMayReadAnOrganisationButNotChangeIt() throws Exception {
        String organisation = organisation("Hodan's Somali Women's Network");
        ObjectNode renamed = organisationDocument("Somali Women's Network");
        HttpHeaders stranger = staff("another-trust", "key-worker", SCHOOL);

        assertThat(exchange(HttpMethod.GET, "/api/partners/organisations/" + organisation, null, stranger)
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange(HttpMethod.PUT, "/api/partners/organisations/" + organisation, renamed, stranger)
                           .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> byItsOwnWorker = exchange(HttpMethod.PUT, "/api/partners/organisations/" + organisation,
                                                         renamed, partner(organisation));
        assertThat(byItsOwnWorker.getStatusCode()).isEqualTo(HttpStatus.OK);
        // Renamed and described anew: two events after the two of its registration.
        assertThat(byItsOwnWorker.getHeaders().getETag()).isEqualTo("\"3\"");
    }

    @Test
    void matchingRanksByLanguageAgesDistanceCapacityAndOpeningDaysAndSaysWhy() throws Exception {
        String organisation = organisation("Bereavement Matters");
        String best = service(organisation, "Somali bereavement circle", "bereavement", "so", 5, 16, 51.501, -0.120,
                              "RB1 4QX", 4);
        String weaker = service(organisation, "Adult grief group", "bereavement", "en", 18, 99, 51.70, -0.40,
                                "RB9 9ZZ", null);
        ObjectNode closed = serviceDocument(organisation, "Closed group", "bereavement", "so", 5, 16, 51.501, -0.120,
                                            "RB1 4QX", 4);
        closed.put("status", "inactive");
        String inactive = post("/api/partners/services", closed, keyWorker(SCHOOL), HttpStatus.CREATED)
                .path("id").asText();
        String family = consentingFamily(SCHOOL);
        String need = raiseNeed(family, "bereavement", SCHOOL);

        JsonNode matches = get("/api/partners/needs/" + need + "/matches", keyWorker(SCHOOL));

        List<String> ranked = matches.findValuesAsText("serviceId");
        assertThat(ranked).containsSubsequence(best, weaker).doesNotContain(inactive);
        JsonNode first = matches.get(0);
        assertThat(first.path("serviceId").asText()).isEqualTo(best);
        assertThat(first.path("criteria").findValuesAsText("criterion"))
                .containsExactlyInAnyOrder("category", "language", "ages", "distance", "capacity", "opening");
        assertThat(first.path("criteria").findValues("met")).allMatch(JsonNode::asBoolean);
        assertThat(first.path("distanceKm").asDouble()).isLessThan(1);
        JsonNode second = matches.get(ranked.indexOf(weaker));
        assertThat(criterion(second, "language").path("met").asBoolean()).isFalse();
        assertThat(criterion(second, "ages").path("met").asBoolean()).isFalse();
        assertThat(criterion(second, "capacity").path("met").isNull()).isTrue();
        assertThat(first.path("score").asDouble()).isGreaterThan(second.path("score").asDouble());
    }

    @Test
    void theReferralLoopWithOnlyTheOrganisationAddressedSeeingItAndOnlyWhatTheFamilyShares() throws Exception {
        String organisationA = organisation("Riverbend Family Hub");
        String organisationB = organisation("Hilltop Housing Advice");
        String service = service(organisationA, "Family hub drop-in", "housing", "so", 0, 18, 51.501, -0.12,
                                 "RB1 4QX", 10);
        String family = consentingFamily(SCHOOL);
        String need = raiseNeed(family, "housing", SCHOOL);

        JsonNode made = post("/api/partners/referrals", Map.of("needId", need, "serviceId", service,
                                                               "noteForPartner", "Prefers afternoons"),
                             keyWorker(SCHOOL), HttpStatus.CREATED);
        String referral = made.path("referralId").asText();

        JsonNode forStaff = get("/api/partners/referrals?familyId=" + family, keyWorker(SCHOOL));
        assertThat(forStaff.path("totalItems").asInt()).isEqualTo(1);
        assertThat(forStaff.at("/items/0/overdue").asBoolean()).isFalse();
        JsonNode forA = get("/api/partners/referrals", partner(organisationA));
        assertThat(forA.path("items").findValuesAsText("referralId")).containsExactly(referral);
        JsonNode shared = get("/api/partners/referrals/" + referral, partner(organisationA));
        assertThat(shared.at("/family/contact/name").asText()).isEqualTo("Amina");
        assertThat(shared.at("/family/contact/phone").asText()).isEqualTo("07700 900123");
        assertThat(shared.at("/family/childrensAges/0").asInt()).isBetween(7, 10);
        assertThat(shared.at("/family/district").asText()).isEqualTo("RB1");
        assertThat(shared.toString()).doesNotContain("Hodan", "1 Mill Lane", "RB1 2CD", "The Warsame family");

        JsonNode forB = get("/api/partners/referrals", partner(organisationB));
        assertThat(forB.path("totalItems").asInt()).isZero();
        assertThat(forB.path("items")).isEmpty();
        ResponseEntity<String> bReads = exchange(HttpMethod.GET, "/api/partners/referrals/" + referral, null,
                                                 partner(organisationB));
        ResponseEntity<String> missing = exchange(HttpMethod.GET, "/api/partners/referrals/" + UUID.randomUUID(),
                                                  null, partner(organisationB));
        ResponseEntity<String> bAccepts = exchange(HttpMethod.POST, "/api/partners/referrals/" + referral
                                                                    + "/acceptance", Map.of(), partner(organisationB));
        for (ResponseEntity<String> answer : List.of(bReads, missing, bAccepts)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(json.readTree(answer.getBody()).path("detail").asText()).isEqualTo("No such record");
        }
        assertThat(exchange(HttpMethod.GET, "/api/partners/referrals/" + referral, null, keyWorker(OTHER_SCHOOL))
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        post("/api/partners/referrals/" + referral + "/opening", Map.of(), partner(organisationA), HttpStatus.OK);
        post("/api/partners/referrals/" + referral + "/acceptance", Map.of(), partner(organisationA), HttpStatus.OK);
        ResponseEntity<String> declineAfterAccepting = exchange(
                HttpMethod.POST, "/api/partners/referrals/" + referral + "/decline", Map.of("reason", "NO_CAPACITY"),
                partner(organisationA));
        assertThat(declineAfterAccepting.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        post("/api/partners/referrals/" + referral + "/closure", Map.of("outcome", "SUPPORT_GIVEN"),
             partner(organisationA), HttpStatus.OK);

        assertThat(eventStore.readEvents(referral).asStream().map(m -> m.getPayloadType().getSimpleName()).toList())
                .containsExactly("ReferralMade", "ReferralDescribed", "ReferralOpened", "ReferralAccepted",
                                 "ReferralClosed");
        assertThat(get("/api/partners/referrals/" + referral, keyWorker(SCHOOL)).at("/referral/status").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void withdrawingConsentWithdrawsThePartnersAccessAtOnce() throws Exception {
        String organisation = organisation("Riverbend Citizens Advice");
        String service = service(organisation, "Benefits clinic", "money-advice", "en", null, null, 51.501, -0.12,
                                 "RB1 4QX", null);
        String family = consentingFamily(SCHOOL);
        String need = raiseNeed(family, "money-advice", SCHOOL);
        String referral = post("/api/partners/referrals", Map.of("needId", need, "serviceId", service),
                               keyWorker(SCHOOL), HttpStatus.CREATED).path("referralId").asText();
        assertThat(get("/api/partners/referrals/" + referral, partner(organisation)).path("status").asText())
                .isEqualTo("NEW");

        append(family, new ConsentWithdrawn(family, trust, Set.of(SCHOOL), ConsentPurposes.SHARING_WITH_PARTNERS,
                                            "carer-1", LocalDate.now(), "kw-1", Instant.now()));

        assertThat(exchange(HttpMethod.GET, "/api/partners/referrals/" + referral, null, partner(organisation))
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(HttpMethod.POST, "/api/partners/referrals/" + referral + "/acceptance", Map.of(),
                            partner(organisation)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/partners/referrals", partner(organisation)).path("totalItems").asInt()).isZero();
        assertThat(get("/api/partners/referrals/" + referral, keyWorker(SCHOOL)).at("/referral/referralId").asText())
                .as("the school still sees its own referral").isEqualTo(referral);
        ResponseEntity<String> another = exchange(HttpMethod.POST, "/api/partners/needs",
                                                  Map.of("familyId", family, "category", "food", "urgency", "SOON"),
                                                  keyWorker(SCHOOL));
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(another.getBody()).path("field").asText()).isEqualTo("familyId");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                get("/api/partners/referrals/" + referral, keyWorker(SCHOOL)).at("/referral/shared").asBoolean())
                .as("the read model catches up too").isFalse());
    }

    @Test
    void referralListsComeInPagesCountingOnlyWhatEachCallerMaySee() throws Exception {
        String organisation = organisation("Paging Food Aid");
        String service = service(organisation, "Weekly parcels", "food", "en", null, null, 51.501, -0.12, "RB1 4QX",
                                 null);
        List<String> families = List.of(consentingFamily(PAGING_SCHOOL), consentingFamily(PAGING_SCHOOL),
                                        consentingFamily(PAGING_SCHOOL));
        for (String family : families) {
            post("/api/partners/referrals", Map.of("needId", raiseNeed(family, "food", PAGING_SCHOOL),
                                                   "serviceId", service), keyWorker(PAGING_SCHOOL), HttpStatus.CREATED);
        }
        append(families.get(0), new ConsentWithdrawn(families.get(0), trust, Set.of(PAGING_SCHOOL),
                                                     ConsentPurposes.SHARING_WITH_PARTNERS, "carer-1", LocalDate.now(),
                                                     "kw-1", Instant.now()));

        JsonNode staffFirst = get("/api/partners/referrals?size=2", keyWorker(PAGING_SCHOOL));
        JsonNode staffSecond = get("/api/partners/referrals?size=2&page=1", keyWorker(PAGING_SCHOOL));
        JsonNode partnerFirst = get("/api/partners/referrals?size=1", partner(organisation));
        JsonNode partnerSecond = get("/api/partners/referrals?size=1&page=1", partner(organisation));

        assertThat(staffFirst.path("totalItems").asInt()).isEqualTo(3);
        assertThat(staffFirst.path("totalPages").asInt()).isEqualTo(2);
        assertThat(staffFirst.path("items")).hasSize(2);
        List<String> staffSaw = new java.util.ArrayList<>(staffFirst.path("items").findValuesAsText("familyId"));
        staffSaw.addAll(staffSecond.path("items").findValuesAsText("familyId"));
        assertThat(staffSaw).containsExactlyInAnyOrderElementsOf(families);
        assertThat(partnerFirst.path("totalItems").asInt()).as("the family that withdrew is not counted")
                                                          .isEqualTo(2);
        assertThat(partnerFirst.path("totalPages").asInt()).isEqualTo(2);
        assertThat(partnerFirst.path("items")).hasSize(1);
        assertThat(partnerSecond.path("items")).hasSize(1);
        assertThat(partnerSecond.at("/items/0/family/contact/name").asText()).isEqualTo("Amina");
        assertThat(partnerSecond.at("/items/0/urgency").asText()).isEqualTo("SOON");
        assertThat(partnerSecond.at("/items/0/referralId").asText())
                .isNotEqualTo(partnerFirst.at("/items/0/referralId").asText());
    }

    @Test
    void aReferralUnansweredPastItsSchoolsResponseTimeIsFlagged() throws Exception {
        String organisation = organisation("Same Day Food Aid");
        String service = service(organisation, "Emergency parcels", "food", "en", null, null, 51.501, -0.12,
                                 "RB1 4QX", null);
        String family = consentingFamily(SAME_DAY_SCHOOL);
        String need = raiseNeed(family, "food", SAME_DAY_SCHOOL);
        post("/api/partners/referrals", Map.of("needId", need, "serviceId", service), keyWorker(SAME_DAY_SCHOOL),
             HttpStatus.CREATED);

        JsonNode flagged = get("/api/partners/referrals?overdue=true", keyWorker(SAME_DAY_SCHOOL));

        assertThat(flagged.path("totalItems").asInt()).isEqualTo(1);
        assertThat(flagged.at("/items/0/responseDays").asInt()).isZero();
        assertThat(flagged.at("/items/0/referral/familyId").asText()).isEqualTo(family);
    }

    @Test
    void theIdOfAnotherKindOfRecordIsAnsweredAsAnIdThatDoesNotExist() throws Exception {
        String organisation = organisation("Riverbend Advice Shop");
        String service = service(organisation, "Advice drop-in", "money-advice", "en", null, null, 51.501, -0.12,
                                 "RB1 4QX", null);
        String need = raiseNeed(consentingFamily(SCHOOL), "money-advice", SCHOOL);
        String referral = post("/api/partners/referrals", Map.of("needId", need, "serviceId", service),
                               keyWorker(SCHOOL), HttpStatus.CREATED).path("referralId").asText();

        List<ResponseEntity<String>> answers = List.of(
                exchange(HttpMethod.PUT, "/api/partners/services/" + organisation,
                         serviceDocument(organisation, "Advice", "money-advice", "en", null, null, 51.5, -0.1,
                                         "RB1 4QX", null), keyWorker(SCHOOL)),
                exchange(HttpMethod.PUT, "/api/partners/organisations/" + service, organisationDocument("Advice"),
                         keyWorker(SCHOOL)),
                exchange(HttpMethod.POST, "/api/partners/needs/" + referral + "/closure", Map.of("resolution", "MET"),
                         keyWorker(SCHOOL)),
                exchange(HttpMethod.POST, "/api/partners/referrals/" + need + "/acceptance", Map.of(),
                         partner(organisation)),
                exchange(HttpMethod.POST, "/api/partners/referrals/" + need + "/closure",
                         Map.of("outcome", "WITHDRAWN_BY_SCHOOL"), keyWorker(SCHOOL)));

        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(json.readTree(answer.getBody()).path("detail").asText()).isEqualTo("No such record");
        }
        assertThat(eventStore.readEvents(need).asStream().count()).as("the need's stream as it was").isEqualTo(2);
    }

    @Test
    void aPageOrSizeOutOfRangeIsABadRequestNamingIt() throws Exception {
        Map<String, String> asked = Map.of("/api/partners/needs?size=0", "size",
                                           "/api/partners/needs?page=-1", "page",
                                           "/api/partners/referrals?size=101", "size",
                                           "/api/partners/organisations?page=-1", "page");
        for (Map.Entry<String, String> path : asked.entrySet()) {
            ResponseEntity<String> answer = exchange(HttpMethod.GET, path.getKey(), null, keyWorker(SCHOOL));
            assertThat(answer.getStatusCode()).as(path.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(answer.getBody()).path("field").asText()).isEqualTo(path.getValue());
        }
    }

    @Test
    void aMalformedIdOrLanguageIsABadRequestNamingIt() throws Exception {
        Map<String, Map<String, Object>> sent = Map.of(
                "familyId", Map.of("familyId", "the Warsame family", "category", "food", "urgency", "SOON"),
                "languages[0]", Map.of("familyId", consentingFamily(SCHOOL), "category", "food", "urgency", "SOON",
                                       "languages", List.of("Somali!")),
                "needId", Map.of("needId", "need/1", "serviceId", UUID.randomUUID().toString()),
                "serviceId", Map.of("needId", UUID.randomUUID().toString(), "serviceId", "service 1"));
        for (Map.Entry<String, Map<String, Object>> body : sent.entrySet()) {
            String path = body.getValue().containsKey("serviceId") ? "/api/partners/referrals" : "/api/partners/needs";
            ResponseEntity<String> answer = exchange(HttpMethod.POST, path, body.getValue(), keyWorker(SCHOOL));
            assertThat(answer.getStatusCode()).as(body.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode problem = json.readTree(answer.getBody());
            assertThat(problem.path("field").asText()).isEqualTo(body.getKey());
            assertThat(problem.at("/errors/0/detail").asText())
                    .isEqualTo(body.getKey().equals("languages[0]") ? Languages.MESSAGE : Ids.ID_MESSAGE);
        }
    }

    @Test
    void anOpenReferralParameterOutOfRangeIsABadRequestNamingIt() throws Exception {
        Map<String, String> asked = Map.of("/openreferral/services?postcode=RB1&proximity=-1", "proximity",
                                           "/openreferral/services?minimum_age=-1", "minimum_age",
                                           "/openreferral/service_at_locations?maximum_age=-5", "maximum_age",
                                           "/openreferral/service_at_locations?lat=91&long=0", "lat",
                                           "/openreferral/services?lat=NaN&long=0", "lat",
                                           "/openreferral/services?lat=0&long=-181", "long",
                                           "/openreferral/services?page=0", "page",
                                           "/openreferral/taxonomy_terms?per_page=201", "per_page",
                                           "/openreferral/taxonomies?page=first", "page");
        for (Map.Entry<String, String> path : asked.entrySet()) {
            ResponseEntity<String> answer = http.getForEntity(path.getKey(), String.class);
            assertThat(answer.getStatusCode()).as(path.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(answer.getBody()).path("field").asText()).as(path.getKey())
                                                                      .isEqualTo(path.getValue());
        }
    }

    @Test
    void aNeedsPositionIsBothCoordinatesOrNeither() throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, "/api/partners/needs",
                                                 Map.of("familyId", consentingFamily(SCHOOL), "category", "food",
                                                        "urgency", "SOON", "latitude", 51.5), keyWorker(SCHOOL));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("field").asText()).isEqualTo("longitude");
    }

    @Test
    void teachersAndPartnersDoNotWorkWithNeeds() {
        HttpHeaders teacher = staff(trust, "teacher", SCHOOL);

        assertThat(exchange(HttpMethod.GET, "/api/partners/needs", null, teacher).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(HttpMethod.GET, "/api/partners/needs", null, partner(UUID.randomUUID().toString()))
                           .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- the directory, families and needs, as the tests set them up ---

    private String organisation(String name) throws Exception {
        return post("/api/partners/organisations", organisationDocument(name), keyWorker(SCHOOL), HttpStatus.CREATED)
                .path("id").asText();
    }

    private ObjectNode organisationDocument(String name) {
        ObjectNode organisation = json.createObjectNode();
        organisation.put("name", name);
        organisation.put("description", name + " supports families in Riverbend");
        organisation.put("email", "hello@example.org");
        return organisation;
    }

    private String service(String organisation, String name, String category, String language, Integer minimumAge,
                           Integer maximumAge, double latitude, double longitude, String postcode, Integer capacity)
            throws Exception {
        return post("/api/partners/services", serviceDocument(organisation, name, category, language, minimumAge,
                                                              maximumAge, latitude, longitude, postcode, capacity),
                    keyWorker(SCHOOL), HttpStatus.CREATED).path("id").asText();
    }

    private ObjectNode serviceDocument(String organisation, String name, String category, String language,
                                       Integer minimumAge, Integer maximumAge, double latitude, double longitude,
                                       String postcode, Integer capacity) {
        ObjectNode service = json.createObjectNode();
        service.put("organization_id", organisation);
        service.put("name", name);
        service.put("description", name + " for families");
        service.put("status", "active");
        if (minimumAge != null) {
            service.put("minimum_age", minimumAge);
        }
        if (maximumAge != null) {
            service.put("maximum_age", maximumAge);
        }
        if (capacity != null) {
            service.put("capacity", capacity);
        }
        service.putArray("categories").add(category);
        service.putArray("languages").addObject().put("name", language.equals("so") ? "Somali" : "English")
               .put("code", language);
        ObjectNode schedule = service.putArray("schedules").addObject();
        schedule.put("freq", "WEEKLY").put("byday", "MO,WE").put("opens_at", "10:00").put("closes_at", "14:00");
        ObjectNode location = service.putArray("service_at_locations").addObject().putObject("location");
        location.put("location_type", "physical").put("name", name + " hall").put("latitude", latitude)
                .put("longitude", longitude);
        location.putArray("addresses").addObject().put("address_1", "1 Market Street").put("city", "Riverbend")
                .put("state_province", "Riverbendshire").put("postal_code", postcode).put("country", "GB")
                .put("address_type", "physical");
        return service;
    }

    /** A family of the trust at a school, with a carer who prefers texts and a child, that consents to sharing. */
    private String consentingFamily(String school) {
        String family = UUID.randomUUID().toString();
        Instant now = Instant.now();
        append(family, new FamilyRegistered(family, trust, Set.of(school), school, "The Warsame family", "kw-1", now));
        append(family, new CarerAdded(family, trust, Set.of(school), "carer-1", "Amina", "mother", true,
                                      "07700 900123", "amina@example.org",
                                      new org.homelink.contracts.family.Address("1 Mill Lane", null, "Riverbend",
                                                                                "RB1 2CD"),
                                      new ContactPreferences(ContactChannel.SMS, "so", true, false, null, "after 2pm"),
                                      "kw-1", now));
        append(family, new ChildEnrolled(family, trust, Set.of(school), "child-1", school, "Hodan",
                                         LocalDate.now().minusYears(8).minusDays(10), YearGroup.YEAR_4, false,
                                         LocalDate.now(), "kw-1", now));
        append(family, new ConsentGiven(family, trust, Set.of(school), ConsentPurposes.SHARING_WITH_PARTNERS,
                                        "carer-1", LocalDate.now(), "kw-1", now));
        return family;
    }

    private String raiseNeed(String family, String category, String school) throws Exception {
        return post("/api/partners/needs", Map.of("familyId", family, "category", category, "urgency", "SOON",
                                                  "languages", List.of("so"), "postcode", "RB1 2CD",
                                                  "availableDays", List.of("WE")),
                    keyWorker(school), HttpStatus.CREATED).path("needId").asText();
    }

    /** As family-service appends a family's events to the shared log: in the family's own stream, in order. */
    private void append(String familyId, FamilyEvent event) {
        long next = eventStore.lastSequenceNumberFor(familyId).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Family", familyId, next, event));
    }

    private void importExample(String serviceId, String organisationId, String name) throws Exception {
        assertThat(importFile(examplePage(serviceId, organisationId, name), HttpStatus.OK)
                           .at("/services/added").asInt()).isEqualTo(1);
    }

    /**
     * The profile's example service, as a page of an Open Referral API, with ids of its own (so that tests do not
     * share it) and its civic centre moved from latitude 100 to a place on Earth.
     */
    private byte[] examplePage(String serviceId, String organisationId, String name) throws Exception {
        String text = new String(resource("service_full.json"), StandardCharsets.UTF_8)
                .replace(EXAMPLE_SERVICE, serviceId).replace(EXAMPLE_ORGANISATION, organisationId);
        ObjectNode service = (ObjectNode) json.readTree(text);
        service.put("name", name);
        ObjectNode location = (ObjectNode) service.at("/service_at_locations/0/location");
        location.put("latitude", 53.7997).put("longitude", -1.5492);
        ObjectNode page = json.createObjectNode();
        page.put("total_items", 1).put("total_pages", 1).put("page_number", 1).put("size", 1)
            .put("first_page", true).put("last_page", true).put("empty", false);
        ArrayNode contents = page.putArray("contents");
        contents.add(service);
        return json.writeValueAsBytes(page);
    }

    private JsonNode importFile(byte[] feed, HttpStatus expected) throws Exception {
        ResponseEntity<String> answer = sendFile(feed);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> sendFile(byte[] feed) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(feed) {
            @Override
            public String getFilename() {
                return "feed.json";
            }
        });
        HttpHeaders headers = keyWorker(SCHOOL);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/partners/imports", HttpMethod.POST, new HttpEntity<>(parts, headers),
                             String.class);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = PartnersApiTest.class.getResourceAsStream("/openreferral-examples/" + name)) {
            return in.readAllBytes();
        }
    }

    // --- HTTP ---

    private HttpHeaders keyWorker(String school) {
        return staff(trust, "key-worker", school);
    }

    private static HttpHeaders staff(String trust, String role, String school) {
        return TestTokens.bearer(TestTokens.staff(trust, role, "kw-1", school));
    }

    private static HttpHeaders partner(String organisation) {
        return TestTokens.bearer(TestTokens.partner(organisation, "worker-1"));
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> answer = http.getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private JsonNode get(String path, HttpHeaders headers) throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.GET, path, null, headers);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private JsonNode post(String path, Object body, HttpHeaders headers, HttpStatus expected) throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, path, body, headers);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(expected);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, Object body, HttpHeaders headers) {
        HttpHeaders sent = new HttpHeaders();
        sent.putAll(headers);
        if (body != null) {
            sent.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, sent), String.class);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("contents").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode criterion(JsonNode match, String name) {
        for (JsonNode criterion : match.path("criteria")) {
            if (criterion.path("criterion").asText().equals(name)) {
                return criterion;
            }
        }
        throw new AssertionError("No criterion " + name + " in " + match);
    }
}
