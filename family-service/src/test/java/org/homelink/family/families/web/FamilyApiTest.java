package org.homelink.family.families.web;

import org.homelink.platform.testing.NoPersonalDataInLogs;
import org.homelink.platform.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** The family API end to end: HTTP, commands, the shared event log and the directory, on the embedded store. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NoPersonalDataInLogs({
        "Amina Warsame",
        "07700 900123",
        "1 Mill Lane",
        "Works shifts",
        "Letters go unread",
        "Avoids the office",
        "Texts in Somali now"})
class FamilyApiTest {

    // Each run of this class has trusts of its own, so it never meets another test's families.
    private final String trust = "riverside-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTrust = "hilltop-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NORTH = "910001";
    private static final String SOUTH = "910002";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;

    @BeforeAll
    void registerTheTrusts() {
        for (String id : List.of(trust, otherTrust)) {
            assertThat(post("/api/families/trusts", Map.of("trustId", id, "name", "Trust " + id), leaderOf(id))
                               .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(post("/api/families/trusts/" + id + "/schools",
                            Map.of("schoolUrn", NORTH, "name", "North Primary", "phase", "PRIMARY",
                                   "postcode", "rb1 1aa"), leaderOf(id)).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        assertThat(post("/api/families/trusts/" + trust + "/schools",
                        Map.of("schoolUrn", SOUTH, "name", "South Academy", "phase", "SECONDARY",
                               "postcode", "RB2 2BB"),
                        leaderOf(trust)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void registeringAFamilyAnswersCreatedWithWhereItIs() {
        ResponseEntity<String> created = post("/api/families",
                                              Map.of("schoolUrn", NORTH, "familyName", "The Warsame family"),
                                              staff(NORTH));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String familyId = JsonPath.read(created.getBody(), "$.familyId");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/families/" + familyId);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");

        ResponseEntity<String> family = get(created.getHeaders().getLocation().getPath(), staff(NORTH));
        assertThat(family.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(family.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat((String) JsonPath.read(family.getBody(), "$.familyName")).isEqualTo("The Warsame family");
        assertThat((List<String>) JsonPath.read(family.getBody(), "$.schoolUrns")).containsExactly(NORTH);
    }

    @Test
    void aCarerABarrierAndAConsentThroughTheirWholeLife() {
        String familyId = register(NORTH, "The Okafor family");

        ResponseEntity<String> carer = post("/api/families/" + familyId + "/carers", amina(), staff(NORTH));
        assertThat(carer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String carerId = JsonPath.read(carer.getBody(), "$.id");
        assertThat(carer.getHeaders().getLocation()).hasPath("/api/families/" + familyId + "/carers/" + carerId);
        ResponseEntity<String> readCarer = get(carer.getHeaders().getLocation().getPath(), staff(NORTH));
        assertThat((String) JsonPath.read(readCarer.getBody(), "$.preferences.preferredLanguage")).isEqualTo("so");
        assertThat((String) JsonPath.read(readCarer.getBody(), "$.address.postcode")).isEqualTo("RB1 2CD");

        ResponseEntity<String> barrier = post("/api/families/" + familyId + "/barriers",
                                              Map.of("barrier", "COMMUNICATION", "note", "Letters go unread"),
                                              staff(NORTH));
        assertThat(barrier.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String barrierId = JsonPath.read(barrier.getBody(), "$.id");
        assertThat(open(familyId, "COMMUNICATION")).isTrue();

        assertThat(post("/api/families/" + familyId + "/barriers/" + barrierId + "/resolution",
                        Map.of("note", "Texts in Somali now"), staff(NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(open(familyId, "COMMUNICATION")).isFalse();
        assertThat((String) JsonPath.read(get("/api/families/" + familyId + "/barriers/" + barrierId, staff(NORTH))
                                                  .getBody(), "$.resolvedBy")).isEqualTo("staff-" + NORTH);

        assertThat(post("/api/families/" + familyId + "/consents/given",
                        Map.of("purpose", "PHOTOGRAPHS", "carerId", carerId), staff(NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat((List<Boolean>) JsonPath.read(get("/api/families/" + familyId, staff(NORTH)).getBody(),
                                                 "$.consents[?(@.purpose == 'PHOTOGRAPHS')].given"))
                .containsExactly(true);
        ResponseEntity<String> withdrawn = post("/api/families/" + familyId + "/consents/withdrawn",
                                                Map.of("purpose", "PHOTOGRAPHS", "carerId", carerId), staff(NORTH));
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getHeaders().getETag()).isEqualTo("\"5\"");
        assertThat((List<Boolean>) JsonPath.read(get("/api/families/" + familyId, staff(NORTH)).getBody(),
                                                 "$.consents[?(@.purpose == 'PHOTOGRAPHS')].given"))
                .containsExactly(false);

        assertThat((List<String>) JsonPath.read(get("/api/families/" + familyId + "/timeline", staff(NORTH)).getBody(),
                                                "$.entries[*].type"))
                .containsExactly("FamilyRegistered", "CarerAdded", "BarrierRecorded", "BarrierResolved",
                                 "ConsentGiven", "ConsentWithdrawn");
    }

    @Test
    void searchFindsOnlyTheCallersFamiliesAndCountsOnlyThose() {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String north = register(NORTH, "The " + marker + " North family");
        String south = register(SOUTH, "The " + marker + " South family");
        String elsewhere = registerIn(otherTrust, NORTH, "The " + marker + " Hilltop family");

        ResponseEntity<String> northPage = get("/api/families?name=" + marker.toLowerCase(), staff(NORTH));
        assertThat(ids(northPage)).containsExactly(north);
        assertThat((Integer) JsonPath.read(northPage.getBody(), "$.totalItems")).isEqualTo(1);

        ResponseEntity<String> trustPage = get("/api/families?size=1&name=" + marker, leaderOf(trust));
        assertThat(ids(trustPage)).hasSize(1).isSubsetOf(north, south);
        assertThat((Integer) JsonPath.read(trustPage.getBody(), "$.totalItems")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(trustPage.getBody(), "$.totalPages")).isEqualTo(2);
        assertThat(ids(get("/api/families?name=" + marker + "&school=" + SOUTH, leaderOf(trust))))
                .containsExactly(south);

        assertThat(ids(get("/api/families?name=" + marker, leaderOf(otherTrust)))).containsExactly(elsewhere);
    }

    @Test
    void aFamilyOutsideTheCallersSchoolsOrTrustIsNotFoundExactlyLikeOneThatDoesNotExist() {
        String familyId = register(NORTH, "The Adeyemi family");
        Map<String, Object> carer = amina();

        ResponseEntity<String> unknown = get("/api/families/" + UUID.randomUUID(), staff(NORTH));
        ResponseEntity<String> otherSchool = get("/api/families/" + familyId, staff(SOUTH));
        ResponseEntity<String> otherTrustsLeader = get("/api/families/" + familyId, leaderOf(otherTrust));
        ResponseEntity<String> addToUnknown = post("/api/families/" + UUID.randomUUID() + "/carers", carer,
                                                   staff(NORTH));
        ResponseEntity<String> addOutOfScope = post("/api/families/" + familyId + "/carers", carer, staff(SOUTH));
        ResponseEntity<String> timelineOutOfScope = get("/api/families/" + familyId + "/timeline",
                                                        leaderOf(otherTrust));

        for (ResponseEntity<String> answer : List.of(unknown, otherSchool, otherTrustsLeader, addToUnknown,
                                                     addOutOfScope, timelineOutOfScope)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) JsonPath.read(answer.getBody(), "$.detail")).isEqualTo("No such record");
        }
        assertThat(events(familyId)).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() {
        String familyId = register(NORTH, "The Nowak family");
        assertThat(post("/api/families/" + familyId + "/carers", amina(), staff(NORTH), "\"0\"").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> stale = post("/api/families/" + familyId + "/barriers",
                                            Map.of("barrier", "TIME_CONSTRAINTS", "note", "Works shifts"),
                                            staff(NORTH), "\"0\"");

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events(familyId)).isEqualTo(2);
        assertThat(post("/api/families/" + familyId + "/barriers",
                        Map.of("barrier", "TIME_CONSTRAINTS", "note", "Works shifts"), staff(NORTH), "\"1\"")
                           .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aBrokenRuleIsUnprocessableNamingTheFieldAndChangesNothing() {
        String familyId = register(NORTH, "The Popescu family");
        String barrierId = JsonPath.read(post("/api/families/" + familyId + "/barriers",
                                              Map.of("barrier", "LOW_CONFIDENCE", "note", "Avoids the office"),
                                              staff(NORTH)).getBody(), "$.id");
        post("/api/families/" + familyId + "/barriers/" + barrierId + "/resolution", Map.of(), staff(NORTH));

        ResponseEntity<String> again = post("/api/families/" + familyId + "/barriers/" + barrierId + "/resolution",
                                            Map.of(), staff(NORTH));
        ResponseEntity<String> strangersConsent = post("/api/families/" + familyId + "/consents/given",
                                                       Map.of("purpose", "PHOTOGRAPHS", "carerId", "nobody"),
                                                       staff(NORTH));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) JsonPath.read(again.getBody(), "$.field")).isEqualTo("barrierId");
        assertThat(strangersConsent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(strangersConsent.getBody(), "$.field")).isEqualTo("carerId");
        assertThat(events(familyId)).isEqualTo(3);
    }

    @Test
    void invalidInputIsABadRequestNamingEachFieldAndChangesNothing() {
        String familyId = register(NORTH, "The Kowalski family");
        Map<String, Object> carer = new java.util.HashMap<>(amina());
        carer.put("name", " ");
        carer.put("email", "not an email");

        ResponseEntity<String> invalid = post("/api/families/" + familyId + "/carers", carer, staff(NORTH));
        ResponseEntity<String> badUrn = post("/api/families", Map.of("schoolUrn", "12345", "familyName", "X"),
                                             staff(NORTH));

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<String>) JsonPath.read(invalid.getBody(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("name", "email");
        assertThat((String) JsonPath.read(badUrn.getBody(), "$.field")).isEqualTo("schoolUrn");
        assertThat(events(familyId)).isEqualTo(1);
        assertThat(get("/api/families?yearGroup=YEAR_14", staff(NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void withoutARequestContextNothingIsAnswered() {
        ResponseEntity<String> anonymous = http.exchange("/api/families", HttpMethod.GET,
                                                         new HttpEntity<>(new HttpHeaders()), String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void partnersDoNotUseTheFamilyServiceAndOnlyLeadersAssignKeyWorkers() {
        String familyId = register(NORTH, "The Hassan family");
        HttpHeaders partner = TestTokens.bearer(TestTokens.partner("food-bank-1", "worker-1"));

        assertThat(get("/api/families", partner).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/families/" + familyId, partner).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("/api/families/" + familyId + "/key-worker", Map.of("staffId", "kw-1"), staff(NORTH))
                           .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("/api/families/" + familyId + "/key-worker", Map.of("staffId", "kw-1"),
                       context(trust, "school-leader", NORTH)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ids(get("/api/families?keyWorker=kw-1", staff(NORTH)))).contains(familyId);
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyAnswersTheFirstResultAndRegistersOnce() {
        String marker = "Idem" + UUID.randomUUID().toString().substring(0, 6);
        HttpHeaders headers = staff(NORTH);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> body = Map.of("schoolUrn", NORTH, "familyName", "The " + marker + " family");

        ResponseEntity<String> first = post("/api/families", body, headers);
        ResponseEntity<String> retry = post("/api/families", body, headers);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        String familyId = JsonPath.read(first.getBody(), "$.familyId");
        assertThat(events(familyId)).isEqualTo(1);
        assertThat(ids(get("/api/families?name=" + marker, staff(NORTH)))).containsExactly(familyId);
    }

    @Test
    void aChildAtAnotherSchoolOfTheTrustBringsTheFamilyToThatSchoolsStaff() {
        String familyId = register(NORTH, "The Begum family");
        ResponseEntity<String> child = post("/api/families/" + familyId + "/children",
                                            Map.of("name", "Ayesha", "dateOfBirth", "2012-04-30",
                                                   "yearGroup", "YEAR_8", "send", true, "schoolUrn", SOUTH),
                                            leaderOf(trust));
        assertThat(child.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(get("/api/families/" + familyId, staff(SOUTH)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ids(get("/api/families?yearGroup=YEAR_8", staff(SOUTH)))).contains(familyId);

        String childId = JsonPath.read(child.getBody(), "$.id");
        assertThat(post("/api/families/" + familyId + "/children/" + childId + "/leaving", Map.of(), staff(SOUTH))
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/families/" + familyId, staff(SOUTH)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theApiIsDescribedUnderItsOwnPrefix() {
        ResponseEntity<String> docs = http.getForEntity("/api/families/v3/api-docs", String.class);

        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).contains("/api/families/{familyId}/carers", "bearer",
                                            "Idempotency-Key");
        assertThat(docs.getBody()).doesNotContain("\"name\":\"actor\"");
    }

    private String register(String school, String name) {
        return registerIn(trust, school, name);
    }

    private String registerIn(String trustId, String school, String name) {
        ResponseEntity<String> created = post("/api/families", Map.of("schoolUrn", school, "familyName", name),
                                              context(trustId, "key-worker", school));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(created.getBody(), "$.familyId");
    }

    private boolean open(String familyId, String barrier) {
        List<String> open = JsonPath.read(get("/api/families/" + familyId, staff(NORTH)).getBody(),
                                          "$.barriers[?(@.resolvedAt == null)].barrier");
        return open.contains(barrier);
    }

    private long events(String familyId) {
        return eventStore.readEvents(familyId).asStream().count();
    }

    private static Map<String, Object> amina() {
        return Map.of("name", "Amina Warsame", "relationship", "mother", "parentalResponsibility", true,
                      "phone", "07700 900123",
                      "address", Map.of("line1", "1 Mill Lane", "town", "Riverbend", "postcode", "rb12cd"),
                      "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "so",
                                            "needsInterpreter", true, "prefersSpokenContact", true,
                                            "reachableWhen", "Works nights; after 2pm"));
    }

    private static List<String> ids(ResponseEntity<String> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JsonPath.read(page.getBody(), "$.items[*].familyId");
    }

    private HttpHeaders staff(String school) {
        return context(trust, "key-worker", school);
    }

    private HttpHeaders leaderOf(String trustId) {
        return context(trustId, "trust-leader");
    }

    private static HttpHeaders context(String trustId, String role, String... schools) {
        return TestTokens.bearer(TestTokens.staff(trustId, role, schools.length == 0 ? "leader" : "staff-" + schools[0],
                                                  schools));
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        return post(path, body, headers, null);
    }

    private ResponseEntity<String> post(String path, Object body, HttpHeaders headers, String ifMatch) {
        HttpHeaders withBody = new HttpHeaders(headers);
        withBody.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            withBody.setIfMatch(ifMatch);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, withBody), String.class);
    }

    private ResponseEntity<String> put(String path, Object body, HttpHeaders headers) {
        HttpHeaders withBody = new HttpHeaders(headers);
        withBody.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, withBody), String.class);
    }
}
