package org.homelink.partners.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.YearGroup;
import org.homelink.platform.testing.EndpointMatrix;
import org.homelink.platform.testing.TenancyMatrix;
import org.homelink.platform.testing.TenancyMatrix.Lists;
import org.homelink.platform.testing.TenancyMatrix.Row;
import org.homelink.platform.testing.TenancyMatrix.Standing;
import org.homelink.platform.testing.TenancyMatrix.Target;
import org.homelink.platform.testing.TenancyMatrix.Tenancy;
import org.homelink.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.platform.testing.TenancyMatrix.Standing.ADDRESSED_PARTNER;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OTHER_SCHOOL;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OTHER_TRUST;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OWN_SCHOOL;
import static org.homelink.platform.testing.TenancyMatrix.Standing.OWN_TRUST;
import static org.homelink.platform.testing.TenancyMatrix.Standing.PARTNER;
import static org.homelink.platform.testing.TenancyMatrix.forbidden;
import static org.homelink.platform.testing.TenancyMatrix.hidden;
import static org.homelink.platform.testing.TenancyMatrix.refused;
import static org.homelink.platform.testing.TenancyMatrix.succeeds;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Every endpoint of community-partners-service on the records of a family of school A of trust T: its support needs
 * and its referral to organisation X. A's staff and T's leader get each endpoint's success; staff of school B of the
 * same trust, staff and the leader of trust U, and organisation Y's worker are told A's needs and referrals do not
 * exist, in words that name nothing of the family, and store nothing; X's worker sees and answers what is addressed to
 * X. The directory is shared by every trust: everyone reads it, and an organisation's entry is kept by its own workers
 * and by the trust that added it. Families arrive as family-service's events in the shared log, as they do in the
 * running system.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT,
                // The same settings as the partners API test, so that the two share one application; the feed
                // server of the import rows runs on this machine.
                properties = {"homelink.partners.import.allowed-hosts=127.0.0.1",
                              "homelink.partners.import.max-size=1MB"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyMatrixTest {

    private static final String A = "977111";
    private static final String B = "977112";
    private static final String C = "977113";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String trust = "matrix-t-" + run;
    private final String otherTrust = "matrix-u-" + run;
    private final ObjectMapper json = new ObjectMapper();
    /** The ids of the records of A's family, which no one outside A and the organisation addressed may be shown. */
    private final Set<String> idsAtA = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> feeds = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    private Tenancy tenancy;
    private HttpServer feedServer;
    private String organisationX;
    private String organisationY;
    private String serviceX;
    private String familyA;
    private Map<String, String> needs;
    private Map<String, String> referrals;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @BeforeAll
    void addTheDirectoryTheFamiliesTheirNeedsAndReferrals() throws IOException {
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/feeds/", exchange -> {
            byte[] body = feeds.getOrDefault(exchange.getRequestURI().getPath(), new byte[0]);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        feedServer.start();

        organisationX = created(post("/api/partners/organisations", organisation(null, "Matrix" + run + " Family Hub"),
                                     staff(A, "key-worker")), "$.id");
        organisationY = created(post("/api/partners/organisations", organisation(null, "Matrix" + run + " Advice"),
                                     staff(C, "key-worker")), "$.id");
        tenancy = new Tenancy(trust, A, B, otherTrust, C, organisationX, organisationY);
        serviceX = created(post("/api/partners/services", service(organisationX, null), staff(A, "key-worker")),
                           "$.id");
        String serviceY = created(post("/api/partners/services", service(organisationY, null), staff(C, "key-worker")),
                                  "$.id");

        familyA = consentingFamily(A, "Quillfeather");
        needs = Map.of(A, raiseNeed(familyA, A), B, raiseNeed(consentingFamily(B, "Brackenridge"), B),
                       C, raiseNeed(consentingFamily(C, "Corrigan"), C));
        referrals = Map.of(A, refer(needs.get(A), serviceX, A), B, refer(needs.get(B), serviceX, B),
                           C, refer(needs.get(C), serviceY, C));
        idsAtA.addAll(List.of(familyA, needs.get(A), referrals.get(A)));
    }

    @AfterAll
    void stopTheFeedServer() {
        feedServer.stop(0);
    }

    @Test
    void everyEndpointHasARow() {
        matrix().assertCovers(rows());
    }

    @Test
    void nothingOfASchoolsFamilyCrossesToAnotherSchoolATrustOrAnOrganisationItIsNotAddressedTo() {
        assertThat(matrix().run(rows())).isPositive();
    }

    private TenancyMatrix matrix() {
        return new TenancyMatrix(http, tenancy, EndpointMatrix.endpoints(mapping), this::secretsOfA);
    }

    private List<Row> rows() {
        String organisation = "/api/partners/organisations/" + organisationX;
        String service = "/api/partners/services/" + serviceX;
        String need = "/api/partners/needs/" + needs.get(A);
        String referral = "/api/partners/referrals/" + referrals.get(A);
        return List.of(
                readByEveryone(Row.list(GET, "/api/partners/organisations",
                                        () -> Target.read("/api/partners/organisations?size=100&search=Matrix" + run),
                                        everyoneSees(Set.of(organisationX, organisationY)))),
                Row.of(POST, "/api/partners/organisations", 201, () -> {
                    String id = UUID.randomUUID().toString();
                    return Target.write("/api/partners/organisations", organisation(id, "Matrix Larder"), events(id));
                }).asOwnFor(OTHER_SCHOOL, OTHER_TRUST)
                   .expect(PARTNER, forbidden()).expect(ADDRESSED_PARTNER, forbidden()),
                readByEveryone(Row.of(GET, "/api/partners/organisations/{organisationId}", 200,
                                      () -> Target.read(organisation))),
                keptByItsTrustAndItself(Row.of(PUT, "/api/partners/organisations/{organisationId}", 200,
                                               () -> Target.write(organisation, organisation(
                                                       null, "Matrix" + run + " Family Hub"), events(organisationX)))),

                keptByItsTrustAndItself(Row.of(POST, "/api/partners/services", 201, () -> {
                    String id = UUID.randomUUID().toString();
                    return Target.write("/api/partners/services", service(organisationX, id), events(id));
                })),
                readByEveryone(Row.of(GET, "/api/partners/services/{serviceId}", 200, () -> Target.read(service))),
                keptByItsTrustAndItself(Row.of(PUT, "/api/partners/services/{serviceId}", 200,
                                               () -> Target.write(service, service(organisationX, serviceX),
                                                                  events(serviceX)))),
                importedByTheTrustThatKeepsIt(Row.of(POST, "/api/partners/imports", 200, () -> {
                    String id = UUID.randomUUID().toString();
                    String path = "/feeds/" + id;
                    feeds.put(path, feed(id));
                    return Target.write("/api/partners/imports",
                                        Map.of("url", "http://127.0.0.1:" + feedServer.getAddress().getPort() + path),
                                        events(id));
                })),
                importedByTheTrustThatKeepsIt(Row.of(POST, "/api/partners/imports", 200, () -> {
                    String id = UUID.randomUUID().toString();
                    return Target.write("/api/partners/imports", file(feed(id)), events(id));
                }).consumes(MediaType.MULTIPART_FORM_DATA)),

                Row.of(POST, "/api/partners/needs", 201,
                       () -> Target.write("/api/partners/needs", needFor(familyA),
                                          () -> total("/api/partners/needs?size=1&familyId=" + familyA))),
                Row.list(GET, "/api/partners/needs", () -> Target.read("/api/partners/needs?size=100"),
                         new Lists("$.items[*].needId", "$.totalItems", bySchool(needs))),
                Row.list(GET, "/api/partners/needs",
                         () -> Target.read("/api/partners/needs?size=100&familyId=" + familyA),
                         new Lists("$.items[*].needId", "$.totalItems", onlyA(needs)))
                   .named("asking for A's family"),
                Row.of(GET, "/api/partners/needs/{needId}", 200, () -> Target.read(need)),
                Row.of(POST, "/api/partners/needs/{needId}/closure", 200, () -> {
                    String fresh = raiseNeed(familyA, A);
                    return Target.write("/api/partners/needs/" + fresh + "/closure", Map.of("resolution", "MET"),
                                        events(fresh));
                }),
                Row.of(GET, "/api/partners/needs/{needId}/matches", 200, () -> Target.read(need + "/matches")),

                Row.of(POST, "/api/partners/referrals", 201,
                       () -> Target.write("/api/partners/referrals",
                                          Map.of("needId", needs.get(A), "serviceId", serviceX),
                                          () -> total("/api/partners/referrals?size=1&needId=" + needs.get(A)))),
                Row.list(GET, "/api/partners/referrals", () -> Target.read("/api/partners/referrals?size=100"),
                         new Lists("$.items[*]..referralId", "$.totalItems", referralsSeen()))
                   .asOwnFor(ADDRESSED_PARTNER),
                Row.list(GET, "/api/partners/referrals",
                         () -> Target.read("/api/partners/referrals?size=100&familyId=" + familyA
                                           + "&needId=" + needs.get(A)),
                         new Lists("$.items[*]..referralId", "$.totalItems", onlyA(referrals)))
                   .named("asking for A's family and need"),
                Row.of(GET, "/api/partners/referrals/{referralId}", 200, () -> Target.read(referral))
                   .asOwnFor(ADDRESSED_PARTNER),
                answeredByTheOrganisationAddressed(Row.of(POST, "/api/partners/referrals/{referralId}/opening", 200,
                                                          () -> onAFreshReferral("/opening", Map.of()))),
                answeredByTheOrganisationAddressed(Row.of(POST, "/api/partners/referrals/{referralId}/acceptance", 200,
                                                          () -> onAFreshReferral("/acceptance", Map.of()))),
                answeredByTheOrganisationAddressed(Row.of(POST, "/api/partners/referrals/{referralId}/decline", 200,
                                                          () -> onAFreshReferral("/decline",
                                                                                 Map.of("reason", "NO_CAPACITY")))),
                Row.of(POST, "/api/partners/referrals/{referralId}/closure", 200,
                       () -> onAFreshReferral("/closure", Map.of("outcome", "WITHDRAWN_BY_SCHOOL")))
                   .named("withdrawn by the school"),
                answeredByTheOrganisationAddressed(Row.of(POST, "/api/partners/referrals/{referralId}/closure", 200,
                                                          () -> onAnAcceptedReferral()))
                   .named("closed by the organisation addressed"));
    }

    /** The directory is for every trust and every partner: no one is refused it. */
    private static Row readByEveryone(Row row) {
        return row.asOwnFor(Standing.values());
    }

    /**
     * An entry is changed by the key workers and leaders of the trust that added it, whichever of its schools they
     * work at, and by the organisation's own workers; another trust reads it and may not change it (403: the entry is
     * public, so there is nothing to hide).
     */
    private static Row keptByItsTrustAndItself(Row row) {
        return row.asOwnFor(OTHER_SCHOOL, ADDRESSED_PARTNER)
                  .expect(OTHER_TRUST, forbidden()).expect(PARTNER, forbidden());
    }

    /**
     * A feed is imported by the directory's keepers at the trust that keeps the organisations it names; another
     * trust's import of it is refused naming the field (400), and partners import nothing.
     */
    private static Row importedByTheTrustThatKeepsIt(Row row) {
        return row.asOwnFor(OTHER_SCHOOL).expect(OTHER_TRUST, refused(400))
                  .expect(PARTNER, forbidden()).expect(ADDRESSED_PARTNER, forbidden());
    }

    /** Only the organisation addressed answers a referral; to another it does not exist. */
    private static Row answeredByTheOrganisationAddressed(Row row) {
        return row.only(PARTNER, ADDRESSED_PARTNER).expect(PARTNER, hidden()).expect(ADDRESSED_PARTNER, succeeds(200));
    }

    private static Lists everyoneSees(Set<String> ids) {
        Map<Standing, Set<String>> visible = new EnumMap<>(Standing.class);
        for (Standing standing : Standing.values()) {
            visible.put(standing, ids);
        }
        return new Lists("$.items[*].id", "$.totalItems", visible);
    }

    private static Map<Standing, Set<String>> bySchool(Map<String, String> ids) {
        return Map.of(OWN_SCHOOL, Set.of(ids.get(A)), OWN_TRUST, Set.of(ids.get(A), ids.get(B)),
                      OTHER_SCHOOL, Set.of(ids.get(B)), OTHER_TRUST, Set.of(ids.get(C)));
    }

    /** Asked for A's records by name: only A's staff and T's leader find them. */
    private static Map<Standing, Set<String>> onlyA(Map<String, String> ids) {
        return Map.of(OWN_SCHOOL, Set.of(ids.get(A)), OWN_TRUST, Set.of(ids.get(A)), OTHER_SCHOOL, Set.of(),
                      OTHER_TRUST, Set.of(), PARTNER, Set.of());
    }

    /** Staff see their schools' referrals; each organisation those addressed to it: X is sent A's and B's, Y C's. */
    private Map<Standing, Set<String>> referralsSeen() {
        Map<Standing, Set<String>> seen = new EnumMap<>(bySchool(referrals));
        seen.put(ADDRESSED_PARTNER, Set.of(referrals.get(A), referrals.get(B)));
        seen.put(PARTNER, Set.of(referrals.get(C)));
        return seen;
    }

    /** Distinctive words of A's family, and the ids of its records. */
    private Collection<String> secretsOfA() {
        List<String> secrets = new ArrayList<>(List.of("Quillfeather", "07700 900777"));
        secrets.addAll(idsAtA);
        return secrets;
    }

    // --- the records the rows act on ---

    private Target onAFreshReferral(String below, Object body) {
        String fresh = refer(needs.get(A), serviceX, A);
        return Target.write("/api/partners/referrals/" + fresh + below, body, events(fresh));
    }

    private Target onAnAcceptedReferral() {
        String fresh = refer(needs.get(A), serviceX, A);
        assertThat(post("/api/partners/referrals/" + fresh + "/acceptance", Map.of(),
                        partner(organisationX)).getStatusCode().value()).isEqualTo(200);
        return Target.write("/api/partners/referrals/" + fresh + "/closure", Map.of("outcome", "SUPPORT_GIVEN"),
                            events(fresh));
    }

    private Supplier<Long> events(String aggregateId) {
        return () -> eventStore.readEvents(aggregateId).asStream().count();
    }

    /** A total as T's leader reads it back. */
    private long total(String path) {
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(leader()), String.class);
        return ((Number) JsonPath.read(answer.getBody(), "$.totalItems")).longValue();
    }

    // --- the directory, the families, their needs and referrals, as a school and family-service make them ---

    private ObjectNode organisation(String id, String name) {
        ObjectNode organisation = json.createObjectNode();
        if (id != null) {
            organisation.put("id", id);
        }
        organisation.put("name", name);
        organisation.put("description", name + " supports families, change " + counter.incrementAndGet());
        organisation.put("email", "hello@example.org");
        return organisation;
    }

    private ObjectNode service(String organisationId, String id) {
        ObjectNode service = json.createObjectNode();
        if (id != null) {
            service.put("id", id);
        }
        service.put("organization_id", organisationId);
        service.put("name", "Matrix pantry");
        service.put("description", "Food parcels, change " + counter.incrementAndGet());
        service.put("status", "active");
        service.putArray("categories").add("food");
        service.putArray("languages").addObject().put("name", "Somali").put("code", "so");
        ObjectNode location = service.putArray("service_at_locations").addObject().putObject("location");
        location.put("location_type", "physical").put("name", "Matrix hall").put("latitude", 51.501)
                .put("longitude", -0.12);
        location.putArray("addresses").addObject().put("address_1", "1 Market Street").put("city", "Riverbend")
                .put("state_province", "Riverbendshire").put("postal_code", "RB1 4QX").put("country", "GB")
                .put("address_type", "physical");
        return service;
    }

    /** A feed of one new service of X. */
    private byte[] feed(String serviceId) {
        try {
            return json.writeValueAsBytes(json.createArrayNode().add(service(organisationX, serviceId)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LinkedMultiValueMap<String, Object> file(byte[] feed) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(feed) {
            @Override
            public String getFilename() {
                return "feed.json";
            }
        });
        return parts;
    }

    /** A family at a school that consents to sharing with partners, named after the school. */
    private String consentingFamily(String school, String surname) {
        String family = UUID.randomUUID().toString();
        String familysTrust = school.equals(C) ? otherTrust : trust;
        String carer = UUID.randomUUID().toString();
        String child = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Set<String> schools = Set.of(school);
        append(family, new FamilyRegistered(family, familysTrust, schools, school, "The " + surname + " family",
                                            "kw-1", now));
        append(family, new CarerAdded(family, familysTrust, schools, carer, "Perpetua " + surname, "mother", true,
                                      school.equals(A) ? "07700 900777" : "07700 900222",
                                      surname.toLowerCase() + "@example.org",
                                      new Address("7 " + surname + " Lane", null, "Riverbend", "RB1 2CD"),
                                      new ContactPreferences(ContactChannel.SMS, "so", true, false, null, "after two"),
                                      "kw-1", now));
        append(family, new ChildEnrolled(family, familysTrust, schools, child, school, "Ottoline " + surname,
                                         LocalDate.now().minusYears(8), YearGroup.YEAR_4, false, LocalDate.now(),
                                         "kw-1", now));
        append(family, new ConsentGiven(family, familysTrust, schools, ConsentPurposes.SHARING_WITH_PARTNERS, carer,
                                        LocalDate.now(), "kw-1", now));
        if (school.equals(A)) {
            idsAtA.addAll(List.of(carer, child));
        }
        return family;
    }

    /** As family-service appends a family's events to the shared log: in the family's own stream, in order. */
    private void append(String familyId, FamilyEvent event) {
        long next = eventStore.lastSequenceNumberFor(familyId).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Family", familyId, next, event));
    }

    private static Map<String, Object> needFor(String familyId) {
        return Map.of("familyId", familyId, "category", "food", "urgency", "SOON", "languages", List.of("so"),
                      "postcode", "RB1 2CD", "note", "Quillfeather: the cupboards are bare");
    }

    private String raiseNeed(String familyId, String school) {
        return created(post("/api/partners/needs", needFor(familyId), staff(school, "key-worker")), "$.needId");
    }

    private String refer(String needId, String serviceId, String school) {
        return created(post("/api/partners/referrals", Map.of("needId", needId, "serviceId", serviceId,
                                                              "noteForPartner", "Afternoons are best"),
                            staff(school, "key-worker")), "$.referralId");
    }

    private static String created(ResponseEntity<String> answer, String idPath) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return JsonPath.read(answer.getBody(), idPath);
    }

    private HttpHeaders staff(String school, String role) {
        return TestTokens.bearer(TestTokens.staff(school.equals(C) ? otherTrust : trust, role, "kw-" + school, school));
    }

    private HttpHeaders leader() {
        return TestTokens.bearer(TestTokens.staff(trust, "trust-leader", "leader"));
    }

    private static HttpHeaders partner(String organisationId) {
        return TestTokens.bearer(TestTokens.partner(organisationId, "worker-1"));
    }

    private ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        HttpHeaders withBody = new HttpHeaders(headers);
        withBody.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, withBody), String.class);
    }
}
