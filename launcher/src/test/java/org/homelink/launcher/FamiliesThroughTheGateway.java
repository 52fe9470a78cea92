package org.homelink.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a school's staff do with families, end to end: through the gateway, to family-service and on to
 * engagement-service by family-service's events, on the one store of
 * the local run, as the homelink script starts it. The store is the embedded one here and a real MongoDB replica set
 * where Docker runs. The gateway reaches family-service through a relay, so a test can stop the service as the
 * gateway sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FamiliesThroughTheGateway extends ThroughTheGateway {

    private static final String SCHOOL = "990101";
    private static final String OTHER_SCHOOL = "990102";

    private final String trust = "trust-" + UUID.randomUUID().toString().substring(0, 8);

    /** Static: JUnit fills an instance field only after the class-wide set-up that needs it. */
    @TempDir
    static Path data;

    private Relay familyService;

    /** A MongoDB connection string for the run, or null for the embedded store. */
    protected abstract String mongoUri();

    @BeforeAll
    void startHomelink() throws Exception {
        issuer = new TestIssuer();
        homelink = new RunningHomelink(data);
        familyService = new Relay(homelink.port("FAMILY_SERVICE_PORT"));
        Map<String, String> environment = new HashMap<>(issuer.environment());
        environment.put("FAMILY_SERVICE_URI", "http://127.0.0.1:" + familyService.port());
        homelink.start(environment, mongoUri());

        send("POST", "/api/families/trusts", leader(), Map.of("trustId", trust, "name", "Riverbend Learning Trust"));
        for (String urn : new String[] {SCHOOL, OTHER_SCHOOL}) {
            HttpResponse<String> school = send("POST", "/api/families/trusts/" + trust + "/schools", leader(),
                                               Map.of("schoolUrn", urn, "name", "School " + urn, "phase", "PRIMARY",
                                                      "postcode", "RB1 4QX"));
            assertThat(school.statusCode()).as(school.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void stopHomelink() throws Exception {
        familyService.close();
        homelink.stop();
        issuer.close();
    }

    @Test
    @Order(1)
    void aKeyWorkerRegistersAFamilyAndRecordsWhatTheSchoolKnows() throws Exception {
        HttpResponse<String> registered = send("POST", "/api/families", keyWorker(SCHOOL),
                                               Map.of("schoolUrn", SCHOOL, "familyName", "The Okafor family"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String family = registered.headers().firstValue("Location").orElseThrow();
        assertThat(registered.headers().firstValue("ETag")).contains("\"0\"");

        HttpResponse<String> carer = send("POST", family + "/carers", keyWorker(SCHOOL), Map.of(
                "name", "Ngozi Okafor", "relationship", "mother", "parentalResponsibility", true,
                "phone", "07700 900456",
                "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "yo",
                                      "needsInterpreter", false, "prefersSpokenContact", true)));
        assertThat(carer.statusCode()).as(carer.body()).isEqualTo(201);
        String carerId = body(carer).path("id").asText();

        HttpResponse<String> barrier = send("POST", family + "/barriers", keyWorker(SCHOOL),
                                            Map.of("barrier", "TIME_CONSTRAINTS", "note", "Works shifts"));
        assertThat(barrier.statusCode()).as(barrier.body()).isEqualTo(201);
        String barrierPath = barrier.headers().firstValue("Location").orElseThrow();
        assertThat(send("POST", barrierPath + "/resolution", keyWorker(SCHOOL), Map.of("note", "Evening slots"))
                           .statusCode()).isEqualTo(200);

        assertThat(send("POST", family + "/consents/given", keyWorker(SCHOOL),
                        Map.of("purpose", "SHARING_WITH_PARTNERS", "carerId", carerId)).statusCode()).isEqualTo(200);
        assertThat(send("POST", family + "/consents/withdrawn", keyWorker(SCHOOL),
                        Map.of("purpose", "SHARING_WITH_PARTNERS", "carerId", carerId)).statusCode()).isEqualTo(200);

        JsonNode found = body(send("GET", "/api/families?name=okafor", keyWorker(SCHOOL), null));
        assertThat(found.path("totalItems").asInt()).isEqualTo(1);
        assertThat(found.at("/items/0/languages/0").asText()).isEqualTo("yo");
        JsonNode timeline = body(send("GET", family + "/timeline", keyWorker(SCHOOL), null));
        assertThat(timeline.toString()).contains("FamilyRegistered", "CarerAdded", "BarrierRecorded",
                                                 "BarrierResolved", "ConsentGiven", "ConsentWithdrawn");
    }

    @Test
    @Order(2)
    void anotherSchoolAndAnotherTrustNeverSeeTheFamily() throws Exception {
        String family = register("The Lindqvist family");

        assertThat(body(send("GET", "/api/families?name=lindqvist", keyWorker(OTHER_SCHOOL), null))
                           .path("totalItems").asInt()).isZero();
        assertProblem(send("GET", family, keyWorker(OTHER_SCHOOL), null), 404, null);
        assertProblem(send("GET", family, staff("another-trust", "key-worker", "kw-9", SCHOOL), null),
                      404, null);
    }

    @Test
    @Order(3)
    void mistakesAreAnsweredWithProblemsAndChangeNothing() throws Exception {
        String family = register("The Costa family");
        long versionBefore = version(family);

        assertProblem(send("GET", "/api/families/" + UUID.randomUUID(), keyWorker(SCHOOL), null), 404, null);
        assertProblem(send("POST", family + "/barriers", keyWorker(SCHOOL), Map.of("barrier", "NOT_A_BARRIER")),
                      400, "barrier");
        assertProblem(send("POST", family + "/voice", withHeader(keyWorker(SCHOOL), "If-Match", "\"99\""),
                           Map.of("words", "We would like evening meetings")), 409, null);
        assertProblem(send("POST", family + "/children", keyWorker(SCHOOL),
                           Map.of("name", "Rui Costa", "dateOfBirth", "2999-01-01", "yearGroup", "YEAR_3",
                                  "send", false, "schoolUrn", SCHOOL)), 422, "dateOfBirth");
        assertProblem(send("GET", family, Map.of(), null), 401, "Authorization");
        // The headers that said whom a request acted for before sign-in now say nothing.
        assertProblem(send("GET", family, Map.of("X-Homelink-Trust", trust, "X-Homelink-Schools", SCHOOL,
                                                 "X-Homelink-Role", "trust-leader", "X-Homelink-Staff", "head-1"),
                           null), 401, "Authorization");

        assertThat(version(family)).as("nothing was stored").isEqualTo(versionBefore);
    }

    @Test
    @Order(4)
    void aRetriedRegistrationWithItsIdempotencyKeyRegistersOnce() throws Exception {
        Map<String, String> headers = withHeader(keyWorker(SCHOOL), "Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> family = Map.of("schoolUrn", SCHOOL, "familyName", "The Nowak family");

        HttpResponse<String> first = send("POST", "/api/families", headers, family);
        HttpResponse<String> retry = send("POST", "/api/families", headers, family);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(body(send("GET", "/api/families?name=nowak", keyWorker(SCHOOL), null)).path("totalItems").asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void aFamilyRegisteredInFamilyServiceIsInvitedAnswersComesAndIsReached() throws Exception {
        String family = register("The Haddad family");
        String familyId = family.substring(family.lastIndexOf('/') + 1);
        HttpResponse<String> carer = send("POST", family + "/carers", keyWorker(SCHOOL), Map.of(
                "name", "Rania Haddad", "relationship", "mother", "parentalResponsibility", true,
                "phone", "07700 900789",
                "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "ar",
                                      "needsInterpreter", true, "prefersSpokenContact", false)));
        String carerId = body(carer).path("id").asText();
        HttpResponse<String> child = send("POST", family + "/children", keyWorker(SCHOOL), Map.of(
                "name", "Omar Haddad", "dateOfBirth", "2019-02-11", "yearGroup", "YEAR_2", "send", false,
                "schoolUrn", SCHOOL));
        assertThat(child.statusCode()).as(child.body()).isEqualTo(201);
        String childId = body(child).path("id").asText();

        // engagement-service learns of the family only from family-service's events, on its own processor.
        JsonNode arrived = eventually(() -> send("GET", "/api/engagement/families/" + familyId, keyWorker(SCHOOL),
                                                 null),
                                      answer -> answer.statusCode() == 200
                                                && body(answer).at("/family/children").size() == 1);
        assertThat(arrived.at("/family/carers/0/language").asText()).isEqualTo("ar");
        assertThat(underservedReasons(familyId)).contains("NO_TWO_WAY_CONTACT");
        JsonNode reachBefore = body(send("GET", "/api/engagement/reach?school=" + SCHOOL, keyWorker(SCHOOL), null));

        java.time.Instant start = java.time.Instant.now().plus(Duration.ofMinutes(20));
        HttpResponse<String> scheduled = send("POST", "/api/engagement/activities", keyWorker(SCHOOL), Map.of(
                "schoolUrn", SCHOOL, "kind", "FAMILY_AFTERNOON", "title", "Year 2 family afternoon: making kites",
                "start", start.toString(), "end", start.plus(Duration.ofHours(2)).toString(),
                "place", "Hall", "interpreterLanguages", java.util.List.of("ar"),
                "involvementTypes", java.util.List.of("LEARNING_AT_HOME")));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        String activity = scheduled.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> invited = send("POST", activity + "/invitations", keyWorker(SCHOOL),
                                            Map.of("yearGroups", java.util.List.of("YEAR_2")));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        assertThat(body(invited).path("invited").asInt()).isEqualTo(1);
        assertThat(send("PUT", activity + "/invitations/" + familyId + "/answer", keyWorker(SCHOOL),
                        Map.of("carerId", carerId, "answer", "YES")).statusCode()).isEqualTo(200);
        HttpResponse<String> checkIn = send("POST", activity + "/occurrences/1/check-ins", keyWorker(SCHOOL),
                                            Map.of("familyId", familyId, "carerIds", java.util.List.of(carerId),
                                                   "childIds", java.util.List.of(childId)));
        assertThat(checkIn.statusCode()).as(checkIn.body()).isEqualTo(201);

        JsonNode reachAfter = eventually(() -> send("GET", "/api/engagement/reach?school=" + SCHOOL,
                                                    keyWorker(SCHOOL), null),
                                         answer -> body(answer).at("/overall/attended").asInt()
                                                   > reachBefore.at("/overall/attended").asInt());
        assertThat(reachAfter.at("/overall/withTwoWayContact").asInt())
                .isEqualTo(reachBefore.at("/overall/withTwoWayContact").asInt() + 1);
        assertThat(underservedReasons(familyId)).isEmpty();
        assertThat(body(send("GET", "/api/engagement/families/" + familyId + "/timeline", keyWorker(SCHOOL), null))
                           .toString()).contains("FamilyRegistered", "ChildEnrolled", "INVITED", "ATTENDED");
        assertProblem(send("GET", activity, keyWorker(OTHER_SCHOOL), null), 404, null);
    }

    @Test
    @Order(Integer.MAX_VALUE) // it stops family-service, as the gateway sees it, for good
    void aStoppedServiceIsAnsweredWithA503WithinTheTimeLimit() throws Exception {
        familyService.close();

        long started = System.nanoTime();
        HttpResponse<String> answer = send("GET", "/api/families?name=okafor", keyWorker(SCHOOL), null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(answer, 503, null);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(took).as("a fast answer, not a hang").isLessThan(Duration.ofSeconds(5));
    }

    private java.util.List<String> underservedReasons(String familyId) throws Exception {
        JsonNode page = body(send("GET", "/api/engagement/underserved?school=" + SCHOOL + "&size=500",
                                  keyWorker(SCHOOL), null));
        java.util.List<String> reasons = new java.util.ArrayList<>();
        for (JsonNode item : page.path("items")) {
            if (item.path("familyId").asText().equals(familyId)) {
                item.path("reasons").forEach(reason -> reasons.add(reason.path("why").asText()));
            }
        }
        return reasons;
    }

    private String register(String familyName) throws Exception {
        HttpResponse<String> registered = send("POST", "/api/families", keyWorker(SCHOOL),
                                               Map.of("schoolUrn", SCHOOL, "familyName", familyName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return registered.headers().firstValue("Location").orElseThrow();
    }

    private long version(String family) throws Exception {
        HttpResponse<String> detail = send("GET", family, keyWorker(SCHOOL), null);
        assertThat(detail.statusCode()).isEqualTo(200);
        return Long.parseLong(detail.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    private Map<String, String> keyWorker(String school) {
        return staff(trust, "key-worker", "kw-1", school);
    }

    private Map<String, String> leader() {
        return staff(trust, "trust-leader", "head-1");
    }

    private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return more;
    }
}
