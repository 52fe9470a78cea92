package org.homelink.family.security;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.platform.testing.EndpointMatrix;
import org.homelink.platform.testing.TenancyMatrix;
import org.homelink.platform.testing.TenancyMatrix.Lists;
import org.homelink.platform.testing.TenancyMatrix.Row;
import org.homelink.platform.testing.TenancyMatrix.Target;
import org.homelink.platform.testing.TenancyMatrix.Tenancy;
import org.homelink.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OTHER_SCHOOL;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OTHER_TRUST;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OWN_SCHOOL;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OWN_TRUST;
import static org.homelink.platform.testing.TenancyMatrix.forbidden;
import static org.homelink.platform.testing.TenancyMatrix.refused;
import static org.homelink.platform.testing.TenancyMatrix.succeeds;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Every endpoint of family-service on a family of school A of trust T, called by A's staff and T's leader, by staff
 * of school B of the same trust, by staff and the leader of trust U, and by a partner: nothing of A's families
 * reaches anyone but A's staff and T's leader, in answers, lists, counts or errors, and no one else's write stores
 * anything. The families are made through the API, as a school makes them.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyMatrixTest {

    private static final String A = "977101";
    private static final String B = "977102";
    private static final String C = "977103";
    private static final List<String> OTHER_BARRIERS = List.of(
            "LACK_OF_KNOWLEDGE", "NEGATIVE_PAST_EXPERIENCE", "TIME_CONSTRAINTS", "INACCESSIBLE_ENVIRONMENT",
            "ADDITIONAL_NEEDS", "LOW_CONFIDENCE", "LOW_LITERACY", "ANXIETY_ABOUT_SCHOOL");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Tenancy tenancy = new Tenancy("matrix-t-" + run, A, B, "matrix-u-" + run, C,
                                                "matrix-partner-" + run, "other-partner-" + run);
    /** The ids of every record of A's families, which no one outside A may be shown. */
    private final Set<String> idsAtA = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();

    private SeededFamily atA;
    private SeededFamily atB;
    private SeededFamily atC;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    /** A family and the records the seed gave it: a carer, a child at school, an open barrier, words of its own. */
    private record SeededFamily(String familyId, String carerId, String childId, String barrierId, String voiceId,
                                String school) {
    }

    @BeforeAll
    void registerTheTrustsAndTheirFamilies() {
        registerTrust(tenancy.trust(), A, B);
        registerTrust(tenancy.otherTrust(), C);
        atA = family(A);
        atB = family(B);
        atC = family(C);
    }

    @Test
    void everyEndpointHasARow() {
        matrix().assertCovers(rows());
    }

    @Test
    void nothingOfASchoolsFamiliesCrossesToAnotherSchoolATrustOrAPartner() {
        assertThat(matrix().run(rows())).isPositive();
    }

    private TenancyMatrix matrix() {
        return new TenancyMatrix(http, tenancy, EndpointMatrix.endpoints(mapping), this::secretsOfA);
    }

    private List<Row> rows() {
        String trust = "/api/families/trusts/" + tenancy.trust();
        String newTrust = "matrix-n-" + run;
        String family = "/api/families/{familyId}";
        return List.of(
                Row.of(POST, "/api/families/trusts", 201,
                       () -> Target.write("/api/families/trusts", Map.of("trustId", newTrust, "name", "Matrix Trust"),
                                          () -> get("/api/families/trusts/" + newTrust, leaderOf(newTrust))
                                                  .getStatusCode()))
                   .tenancy(tenancy.withTrust(newTrust)).expect(OTHER_TRUST, forbidden()),
                Row.of(POST, "/api/families/trusts/{trustId}/schools", 201,
                       () -> Target.write(trust + "/schools", school("977104"),
                                          () -> get(trust + "/schools", leaderOf(tenancy.trust())).getBody())),
                Row.of(GET, "/api/families/trusts/{trustId}", 200, () -> Target.read(trust))
                   .expect(OTHER_SCHOOL, succeeds(200)),
                Row.of(GET, "/api/families/trusts/{trustId}/schools", 200, () -> Target.read(trust + "/schools"))
                   .expect(OTHER_SCHOOL, succeeds(200)),
                Row.of(GET, "/api/families/trusts/{trustId}/schools/{schoolUrn}", 200,
                       () -> Target.read(trust + "/schools/" + A))
                   .expect(OTHER_SCHOOL, succeeds(200)),

                Row.of(POST, "/api/families", 201,
                       () -> Target.write("/api/families",
                                          Map.of("schoolUrn", A, "familyName", "The Quillfeather family"),
                                          this::familiesAtA))
                   .expect(OTHER_SCHOOL, refused(422)).expect(OTHER_TRUST, refused(422)),
                Row.list(GET, "/api/families", () -> Target.read("/api/families?size=100"),
                         new Lists("$.items[*].familyId", "$.totalItems",
                                   Map.of(OWN_SCHOOL, Set.of(atA.familyId()),
                                          OWN_TRUST, Set.of(atA.familyId(), atB.familyId()),
                                          OTHER_SCHOOL, Set.of(atB.familyId()),
                                          OTHER_TRUST, Set.of(atC.familyId())))),
                Row.list(GET, "/api/families", () -> Target.read("/api/families?size=100&school=" + A),
                         new Lists("$.items[*].familyId", "$.totalItems",
                                   Map.of(OWN_SCHOOL, Set.of(atA.familyId()), OWN_TRUST, Set.of(atA.familyId()),
                                          OTHER_SCHOOL, Set.of(), OTHER_TRUST, Set.of())))
                   .named("searching by A's school"),
                Row.of(GET, family, 200, () -> Target.read(path(atA))),
                Row.of(GET, family + "/timeline", 200, () -> Target.read(path(atA) + "/timeline")),

                Row.of(POST, family + "/carers", 201,
                       onAFamilyOfA(f -> write(f, "/carers", carer("Septimus Quillfeather", "reachable at noon")))),
                Row.of(GET, family + "/carers/{carerId}", 200,
                       () -> Target.read(path(atA) + "/carers/" + atA.carerId())),
                Row.of(PUT, family + "/carers/{carerId}", 200,
                       onAFamilyOfA(f -> write(f, "/carers/" + f.carerId(), carer(
                               "Perpetua Quillfeather " + counter.incrementAndGet(), "evenings")))),
                Row.of(PUT, family + "/carers/{carerId}/contact-preferences", 200,
                       onAFamilyOfA(f -> write(f, "/carers/" + f.carerId() + "/contact-preferences",
                                               preferences("after " + counter.incrementAndGet() + " o'clock")))),

                Row.of(POST, family + "/children", 201,
                       onAFamilyOfA(f -> write(f, "/children", child("Octavia Quillfeather", A)))),
                Row.of(GET, family + "/children/{childId}", 200,
                       () -> Target.read(path(atA) + "/children/" + atA.childId())),
                Row.of(POST, family + "/children/{childId}/leaving", 200,
                       onAFamilyOfA(f -> write(f, "/children/" + enrol(f) + "/leaving", Map.of()))),
                Row.of(POST, family + "/children/{childId}/enrolment", 200,
                       onAFamilyOfA(f -> write(f, "/children/" + enrolAndLeave(f) + "/enrolment",
                                               Map.of("schoolUrn", A, "yearGroup", "YEAR_5")))),

                Row.of(POST, family + "/barriers", 201,
                       onAFamilyOfA(f -> write(f, "/barriers", Map.of("barrier", nextBarrier(),
                                                                      "note", "Quillfeather forms go unanswered")))),
                Row.of(GET, family + "/barriers/{barrierId}", 200,
                       () -> Target.read(path(atA) + "/barriers/" + atA.barrierId())),
                Row.of(POST, family + "/barriers/{barrierId}/resolution", 200,
                       onAFamilyOfA(f -> write(f, "/barriers/" + recordBarrier(f) + "/resolution",
                                               Map.of("note", "Quillfeather texts now")))),

                Row.of(POST, family + "/consents/given", 200,
                       onAFamilyOfA(f -> write(f, "/consents/given",
                                               Map.of("purpose", "PHOTOGRAPHS", "carerId", f.carerId())))),
                Row.of(POST, family + "/consents/withdrawn", 200,
                       onAFamilyOfA(f -> write(f, "/consents/withdrawn",
                                               Map.of("purpose", giveConsent(f), "carerId", f.carerId())))),
                Row.of(PUT, family + "/key-worker", 200,
                       onAFamilyOfA(f -> write(f, "/key-worker",
                                               Map.of("staffId", "kw-" + counter.incrementAndGet())))),
                Row.of(POST, family + "/voice", 201,
                       onAFamilyOfA(f -> write(f, "/voice", Map.of("words", "Quillfeather: mornings are hard",
                                                                   "carerId", f.carerId())))),
                Row.of(GET, family + "/voice/{voiceId}", 200,
                       () -> Target.read(path(atA) + "/voice/" + atA.voiceId())),

                Row.of(GET, family + "/audit", 200, () -> Target.read(path(atA) + "/audit")),
                Row.of(GET, family + "/export", 200, () -> Target.read(path(atA) + "/export")),
                Row.of(GET, "/api/families/audit", 200, () -> Target.read("/api/families/audit?school=" + A)),
                // Each success erases a family of its own: an erased family answers no one again.
                Row.of(POST, family + "/erasure", 200,
                       () -> write(family(A), "/erasure", Map.of("reason", "SUBJECT_REQUEST"))));
    }

    /** Distinctive words of A's families, and the ids of all their records. */
    private Collection<String> secretsOfA() {
        List<String> secrets = new ArrayList<>(List.of("Quillfeather", "07700 900777"));
        secrets.addAll(idsAtA);
        return secrets;
    }

    // --- A's families, as the rows need them ---

    /** The row's own family of A, made on its first request: each write row changes a family no other row reads. */
    private Supplier<Target> onAFamilyOfA(Function<SeededFamily, Target> target) {
        SeededFamily[] made = new SeededFamily[1];
        return () -> {
            if (made[0] == null) {
                made[0] = family(A);
            }
            return target.apply(made[0]);
        };
    }

    /** A write on a family, read back as the events stored for it. */
    private Target write(SeededFamily family, String below, Object body) {
        return Target.write(path(family) + below, body,
                            () -> eventStore.readEvents(family.familyId()).asStream().count());
    }

    private long familiesAtA() {
        return ((Number) JsonPath.read(get("/api/families?size=1&school=" + A, leaderOf(tenancy.trust())).getBody(),
                                       "$.totalItems")).longValue();
    }

    private String enrol(SeededFamily family) {
        return created(post(path(family) + "/children", child("Octavia Quillfeather", family.school()),
                            staffAt(family.school())));
    }

    private String enrolAndLeave(SeededFamily family) {
        String child = enrol(family);
        assertThat(post(path(family) + "/children/" + child + "/leaving", Map.of(), staffAt(family.school()))
                           .getStatusCode().value()).isEqualTo(200);
        return child;
    }

    private String recordBarrier(SeededFamily family) {
        return created(post(path(family) + "/barriers", Map.of("barrier", nextBarrier(), "note", "Quillfeather"),
                            staffAt(family.school())));
    }

    private String giveConsent(SeededFamily family) {
        String purpose = "MATRIX_" + counter.incrementAndGet();
        assertThat(post(path(family) + "/consents/given", Map.of("purpose", purpose, "carerId", family.carerId()),
                        staffAt(family.school())).getStatusCode().value()).isEqualTo(200);
        return purpose;
    }

    private String nextBarrier() {
        return OTHER_BARRIERS.get(counter.getAndIncrement() % OTHER_BARRIERS.size());
    }

    // --- the trusts and the families of each school ---

    private void registerTrust(String trustId, String... schools) {
        HttpHeaders leader = leaderOf(trustId);
        assertThat(post("/api/families/trusts", Map.of("trustId", trustId, "name", "Trust " + trustId), leader)
                           .getStatusCode().value()).isEqualTo(201);
        for (String urn : schools) {
            assertThat(post("/api/families/trusts/" + trustId + "/schools", school(urn), leader)
                               .getStatusCode().value()).isEqualTo(201);
        }
    }

    /** A family registered at a school by its key worker, with each kind of record, named after the school. */
    private SeededFamily family(String school) {
        String surname = Map.of(A, "Quillfeather", B, "Brackenridge", C, "Corrigan").get(school);
        HttpHeaders staff = staffAt(school);
        String familyId = JsonPath.read(post("/api/families", Map.of("schoolUrn", school, "familyName",
                                                                     "The " + surname + " family"), staff).getBody(),
                                        "$.familyId");
        String path = "/api/families/" + familyId;
        String carerId = created(post(path + "/carers", carer("Perpetua " + surname, "after two", surname), staff));
        String childId = created(post(path + "/children", child("Ottoline " + surname, school), staff));
        String barrierId = created(post(path + "/barriers", Map.of("barrier", "COMMUNICATION",
                                                                   "note", surname + " letters go unread"), staff));
        String voiceId = created(post(path + "/voice", Map.of("words", surname + ": please call after two",
                                                              "carerId", carerId), staff));
        assertThat(post(path + "/consents/given", Map.of("purpose", "PHOTOGRAPHS", "carerId", carerId), staff)
                           .getStatusCode().value()).isEqualTo(200);
        SeededFamily seeded = new SeededFamily(familyId, carerId, childId, barrierId, voiceId, school);
        if (school.equals(A)) {
            idsAtA.addAll(List.of(familyId, carerId, childId, barrierId, voiceId));
        }
        return seeded;
    }

    private static Map<String, Object> school(String urn) {
        return Map.of("schoolUrn", urn, "name", "Matrix School " + urn, "phase", "PRIMARY", "postcode", "RB1 1AA");
    }

    private static Map<String, Object> carer(String name, String reachableWhen) {
        return carer(name, reachableWhen, "Quillfeather");
    }

    /** A carer whose phone, email and address are their family's own, so that each can be told apart. */
    private static Map<String, Object> carer(String name, String reachableWhen, String surname) {
        String phone = Map.of("Quillfeather", "07700 900777", "Brackenridge", "07700 900222")
                          .getOrDefault(surname, "07700 900333");
        return Map.of("name", name, "relationship", "mother", "parentalResponsibility", true, "phone", phone,
                      "email", surname.toLowerCase() + "@example.org",
                      "address", Map.of("line1", "7 " + surname + " Lane", "town", "Riverbend", "postcode", "RB1 2CD"),
                      "preferences", preferences(reachableWhen));
    }

    private static Map<String, Object> preferences(String reachableWhen) {
        return Map.of("preferredChannel", "SMS", "preferredLanguage", "so", "needsInterpreter", true,
                      "prefersSpokenContact", false, "reachableWhen", reachableWhen);
    }

    private static Map<String, Object> child(String name, String school) {
        return Map.of("name", name, "dateOfBirth", "2016-05-04", "yearGroup", "YEAR_4", "send", false,
                      "schoolUrn", school);
    }

    private static String path(SeededFamily family) {
        return "/api/families/" + family.familyId();
    }

    private static String created(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return JsonPath.read(answer.getBody(), "$.id");
    }

    private HttpHeaders staffAt(String school) {
        String trust = school.equals(C) ? tenancy.otherTrust() : tenancy.trust();
        return TestTokens.bearer(TestTokens.staff(trust, "key-worker", "kw-" + school, school));
    }

    private static HttpHeaders leaderOf(String trustId) {
        return TestTokens.bearer(TestTokens.staff(trustId, "trust-leader", "leader"));
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
