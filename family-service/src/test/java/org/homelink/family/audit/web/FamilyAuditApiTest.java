package org.homelink.family.audit.web;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.platform.audit.AnotherServicesTrail;
import org.homelink.platform.audit.AuditTrail;
import org.homelink.platform.audit.AuditedRequest;
import org.homelink.platform.audit.CausedBy;
import org.homelink.platform.audit.FamilyScopes;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.testing.TestTokens;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The audit trail as a school leader asks for it, end to end: requests to family-service with real tokens, recorded
 * by the platform's recorder in the shared store, read back through family-service's audit API with its tenancy.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyAuditApiTest {

    private static final String NORTH = "930001";
    private static final String SOUTH = "930002";
    private static final String UNREGISTERED = "930009";

    private final String trust = "riverside-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTrust = "hilltop-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private AuditTrail trail;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private EventStoreSettings events;
    @Autowired
    private FamilyScopes familyScopes;

    @BeforeAll
    void registerTheTrusts() {
        for (String id : List.of(trust, otherTrust)) {
            assertThat(post("/api/families/trusts", Map.of("trustId", id, "name", "Trust " + id),
                            as(id, "trust-leader", "head-of-" + id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            // The other trust registers North as well: a URN is national, a trust's day is its own.
            assertThat(post("/api/families/trusts/" + id + "/schools",
                            Map.of("schoolUrn", NORTH, "name", "North Primary", "phase", "PRIMARY",
                                   "postcode", "RB1 1AA"), as(id, "trust-leader", "head-of-" + id))
                               .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(post("/api/families/trusts/" + trust + "/schools",
                        Map.of("schoolUrn", SOUTH, "name", "South Academy", "phase", "SECONDARY",
                               "postcode", "RB2 2BB"), as(trust, "trust-leader", "head-of-" + trust))
                           .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aKeyWorkersReadShowsInTheFamilysTrailAndInTheSchoolsDayForItsLeader() {
        String familyId = register(NORTH);

        assertThat(get("/api/families/" + familyId, keyWorker(NORTH)).getStatusCode()).isEqualTo(HttpStatus.OK);
        flush();

        ResponseEntity<String> trailAnswer = get("/api/families/" + familyId + "/audit", leader(NORTH));
        assertThat(trailAnswer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(trailAnswer.getBody(), "$.items[*].route"))
                .containsExactly("GET /api/families/{familyId}", "POST /api/families");
        assertThat((Map<String, Object>) JsonPath.read(trailAnswer.getBody(), "$.items[0].by"))
                .isEqualTo(Map.of("role", "key-worker", "staffId", "kw-" + NORTH, "trustId", trust));
        assertThat((Integer) JsonPath.read(trailAnswer.getBody(), "$.items[0].status")).isEqualTo(200);
        assertThat((String) JsonPath.read(trailAnswer.getBody(), "$.items[0].service")).isEqualTo("family-service");
        assertThat((List<String>) JsonPath.read(trailAnswer.getBody(), "$.items[0].schoolUrns"))
                .containsExactly(NORTH);

        ResponseEntity<String> day = get("/api/families/audit?school=" + NORTH, leader(NORTH));
        assertThat(day.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(day.getBody(),
                                                "$.items[?(@.route == 'GET /api/families/{familyId}')].familyIds[0]"))
                .contains(familyId);
        // A trust leader sees the same day; another trust's North is another school altogether.
        assertThat(day(NORTH, as(trust, "trust-leader", "head-of-" + trust))).contains(familyId);
        assertThat(day(NORTH, as(otherTrust, "trust-leader", "head-of-" + otherTrust))).doesNotContain(familyId);
    }

    @Test
    void askingForTheTrailIsRecordedInItToo() {
        String familyId = register(NORTH);
        get("/api/families/" + familyId + "/audit", leader(NORTH));
        get("/api/families/audit?school=" + NORTH + "&date=" + today(), leader(NORTH));
        flush();

        ResponseEntity<String> trailAnswer = get("/api/families/" + familyId + "/audit", leader(NORTH));
        assertThat((String) JsonPath.read(trailAnswer.getBody(), "$.items[0].route"))
                .isEqualTo("GET /api/families/{familyId}/audit");
        ResponseEntity<String> day = get("/api/families/audit?school=" + NORTH, leader(NORTH));
        assertThat((List<List<String>>) JsonPath.read(day.getBody(),
                                                      "$.items[?(@.route == 'GET /api/families/audit')].parameters"))
                .contains(List.of("school", "date"));
    }

    @Test
    void onlyLeadersMayAskAndAnotherSchoolsOrTrustsFamilyIsNotFoundExactlyLikeAnUnknownOne() {
        String familyId = register(NORTH);

        assertThat(get("/api/families/" + familyId + "/audit", as(trust, "teacher", "t-1", NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/families/audit?school=" + NORTH, as(trust, "key-worker", "kw-1", NORTH))
                           .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> unknown = get("/api/families/" + UUID.randomUUID() + "/audit", leader(NORTH));
        ResponseEntity<String> otherSchool = get("/api/families/" + familyId + "/audit", leader(SOUTH));
        ResponseEntity<String> otherTrustsLeader = get("/api/families/" + familyId + "/audit",
                                                       as(otherTrust, "trust-leader", "head-of-" + otherTrust));
        ResponseEntity<String> unknownSchool = get("/api/families/audit?school=" + UNREGISTERED,
                                                   as(trust, "trust-leader", "head-of-" + trust));
        ResponseEntity<String> notTheirSchool = get("/api/families/audit?school=" + NORTH, leader(SOUTH));
        for (ResponseEntity<String> answer : List.of(unknown, otherSchool, otherTrustsLeader, unknownSchool,
                                                     notTheirSchool)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) JsonPath.read(answer.getBody(), "$.detail")).isEqualTo("No such record");
        }
        // The refused teacher and the strangers are on the family's trail.
        flush();
        String trailAnswer = get("/api/families/" + familyId + "/audit?size=500", leader(NORTH)).getBody();
        assertThat((List<Integer>) JsonPath.read(trailAnswer, "$.items[?(@.by.role == 'teacher')].status"))
                .containsExactly(403);
        assertThat((List<String>) JsonPath.read(trailAnswer, "$.items[?(@.status == 404)].by.staffId"))
                .containsExactlyInAnyOrder("sl-" + SOUTH, "head-of-" + otherTrust);
    }

    @Test
    void theTrailIsPagedNewestFirstWithTotals() {
        String familyId = register(NORTH);
        for (int i = 0; i < 4; i++) {
            get("/api/families/" + familyId, keyWorker(NORTH));
        }
        flush();

        ResponseEntity<String> first = get("/api/families/" + familyId + "/audit?size=2", leader(NORTH));
        ResponseEntity<String> last = get("/api/families/" + familyId + "/audit?size=2&page=2", leader(NORTH));

        assertThat((Integer) JsonPath.read(first.getBody(), "$.totalItems")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(first.getBody(), "$.totalPages")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(first.getBody(), "$.items[*].route"))
                .containsExactly("GET /api/families/{familyId}", "GET /api/families/{familyId}");
        // The second ask sees the first ask as well: six now, the registration still last.
        assertThat((Integer) JsonPath.read(last.getBody(), "$.totalItems")).isEqualTo(6);
        assertThat((List<String>) JsonPath.read(last.getBody(), "$.items[*].route"))
                .containsExactly("GET /api/families/{familyId}", "POST /api/families");
        List<String> times = JsonPath.read(first.getBody(), "$.items[*].at");
        assertThat(Instant.parse(times.get(0))).isAfterOrEqualTo(Instant.parse(times.get(1)));
    }

    @Test
    void aDayOutsideTheRangeAskedIsLeftOut() {
        String familyId = register(NORTH);
        flush();

        ResponseEntity<String> yesterday = get("/api/families/" + familyId + "/audit?from=" + today().minusDays(3)
                                               + "&to=" + today().minusDays(1), leader(NORTH));

        assertThat(yesterday.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) JsonPath.read(yesterday.getBody(), "$.totalItems")).isZero();
    }

    @Test
    void badDatesAndSchoolsAre400NamingTheField() {
        String familyId = register(NORTH);
        String path = "/api/families/" + familyId + "/audit";

        assertBadRequest(get(path + "?from=2026-13-01", leader(NORTH)), "from");
        assertBadRequest(get(path + "?to=yesterday", leader(NORTH)), "to");
        assertBadRequest(get(path + "?from=" + today() + "&to=" + today().minusDays(1), leader(NORTH)), "from");
        assertBadRequest(get(path + "?from=" + today().minusYears(2) + "&to=" + today(), leader(NORTH)), "from");
        assertBadRequest(get(path + "?size=0", leader(NORTH)), "size");
        assertBadRequest(get("/api/families/audit?school=" + NORTH + "&date=2026-02-30", leader(NORTH)), "date");
        assertBadRequest(get("/api/families/audit?school=12", leader(NORTH)), "school");
        assertBadRequest(get("/api/families/audit", leader(NORTH)), "school");
    }

    @Test
    void anotherServicesReadOfTheFamilyIsOnTheFamilysTrail() {
        String familyId = register(NORTH);
        // engagement-service records its requests as this service does, into the same store, knowing the family's
        // schools from its own read model (here: the same answer family-service's gives).
        try (AuditTrail engagement = AnotherServicesTrail.over(mongo, events.database(), "engagement-service",
                                                               familyScopes)) {
            engagement.record(new AuditedRequest(Instant.now(), "GET /api/engagement/families/{familyId}/contacts",
                                                 List.of(), 200, new RequestContext(trust, Set.of(NORTH),
                                                                                    Role.KEY_WORKER, "kw-" + NORTH),
                                                 List.of(familyId), null, null));
        }

        String trailAnswer = get("/api/families/" + familyId + "/audit", leader(NORTH)).getBody();
        assertThat((List<String>) JsonPath.read(trailAnswer, "$.items[?(@.service == 'engagement-service')].route"))
                .containsExactly("GET /api/engagement/families/{familyId}/contacts");
        assertThat(day(NORTH, leader(NORTH))).contains(familyId);
    }

    @Test
    void everyEventOfACommandSentThroughTheApiNamesWhoCausedIt() {
        String familyId = register(NORTH);
        assertThat(post("/api/families/" + familyId + "/barriers", Map.of("barrier", "COMMUNICATION", "note",
                                                                          "Letters go unread"),
                        as(trust, "school-leader", "sl-" + NORTH, NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(familyId).asStream().toList();

        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).getMetaData().get(CausedBy.KEY))
                .isEqualTo(Map.of("role", "office-staff", "staff", "office-" + NORTH, "trust", trust));
        assertThat(stored.get(1).getMetaData().get(CausedBy.KEY))
                .isEqualTo(Map.of("role", "school-leader", "staff", "sl-" + NORTH, "trust", trust));
    }

    private String register(String school) {
        ResponseEntity<String> created = post("/api/families", Map.of("schoolUrn", school,
                                                                      "familyName", "The Okafor family"),
                                              as(trust, "office-staff", "office-" + school, school));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(created.getBody(), "$.familyId");
    }

    private List<String> day(String school, HttpHeaders caller) {
        ResponseEntity<String> day = get("/api/families/audit?size=500&school=" + school, caller);
        assertThat(day.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JsonPath.read(day.getBody(), "$.items[*].familyIds[*]");
    }

    private void flush() {
        assertThat(trail.flush(Duration.ofSeconds(10))).isTrue();
    }

    private static void assertBadRequest(ResponseEntity<String> answer, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) JsonPath.read(answer.getBody(), "$.field")).isEqualTo(field);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private HttpHeaders keyWorker(String school) {
        return as(trust, "key-worker", "kw-" + school, school);
    }

    private HttpHeaders leader(String school) {
        return as(trust, "school-leader", "sl-" + school, school);
    }

    private static HttpHeaders as(String trustId, String role, String staffId, String... schools) {
        return TestTokens.bearer(TestTokens.staff(trustId, role, staffId, schools));
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        HttpHeaders withBody = new HttpHeaders(headers);
        withBody.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, withBody), String.class);
    }
}
