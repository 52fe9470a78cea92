package org.homelink.partners.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.YearGroup;
import org.homelink.partners.needs.query.NeedsProjection;
import org.homelink.partners.referrals.query.ReferralsProjection;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.privacy.FamilyKeys;
import org.homelink.platform.testing.NoPersonalDataInLogs;
import org.homelink.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * An erased family leaves nothing in this service: its needs and referrals are gone from every collection, the
 * partner it was referred to sees nothing of it, what staff and partners wrote about it was never in the log in
 * plain, and a replay of the log from the start brings none of it back, while another family's stay as they were.
 */
@NoPersonalDataInLogs({"Vasquez-Onyango", "07700 900888", "41 Tannery Row", "chip shop on Tannery Row",
                       "Could not reach Marguerite"})
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
// Its organisation and service would be in the open directory that other classes of the same service count.
@DirtiesContext
class PartnersErasureTest {

    private static final String SCHOOL = "920101";
    private static final List<String> DISTINCTIVE = List.of(
            "Marguerite Vasquez-Onyango", "07700 900888", "41 Tannery Row", "after the school run at Lydgate",
            "Lives above the chip shop on Tannery Row", "Prefers Thursdays at the Lydgate hub",
            "Could not reach Marguerite", "RB7 3XY");

    private final String trust = "erasure-" + UUID.randomUUID().toString().substring(0, 8);
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyKeys keys;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private MongoSettings mongoSettings;
    @Autowired
    private EventStoreSettings eventStoreSettings;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void anErasedFamilysNeedsAndReferralsAreGoneForStaffAndPartnersAndStayGoneOnReplay() throws Exception {
        String organisation = post("/api/partners/organisations", organisation(), keyWorker(), HttpStatus.CREATED)
                .path("id").asText();
        String service = post("/api/partners/services", service(organisation), keyWorker(), HttpStatus.CREATED)
                .path("id").asText();
        String carer = "carer-" + UUID.randomUUID();
        String child = "child-" + UUID.randomUUID();
        String erased = consentingFamily("Marguerite Vasquez-Onyango", "07700 900888", "41 Tannery Row", carer,
                                         child);
        String kept = consentingFamily("Ifeoma Okonkwo", "07700 900999", "3 Mill Lane", "carer-" + UUID.randomUUID(),
                                       "child-" + UUID.randomUUID());

        String need = need(erased, "Lives above the chip shop on Tannery Row");
        String accepted = referral(need, service, "Prefers Thursdays at the Lydgate hub");
        post("/api/partners/referrals/" + accepted + "/acceptance", Map.of(), partner(organisation), HttpStatus.OK);
        String declined = referral(need, service, null);
        post("/api/partners/referrals/" + declined + "/decline",
             Map.of("reason", "COULD_NOT_CONTACT", "note", "Could not reach Marguerite"), partner(organisation),
             HttpStatus.OK);
        String keptNeed = need(kept, "Morning appointments");
        String keptReferral = referral(keptNeed, service, "Speaks Igbo at home");

        assertThat(get("/api/partners/referrals/" + accepted, partner(organisation)).at("/family/contact/name")
                           .asText()).isEqualTo("Marguerite Vasquez-Onyango");
        String log = rawLog();
        assertThat(log).contains(need, accepted);
        assertThat(DISTINCTIVE).allSatisfy(plain -> assertThat(log).doesNotContain(plain));

        // As family-service erases: FamilyErased in the family's stream, and the family's key deleted.
        append(erased, new FamilyErased(erased, trust, Set.of(SCHOOL), Set.of(carer), Set.of(child),
                                        ErasureReason.SUBJECT_REQUEST, "head-1", Instant.now()));
        keys.erase(erased);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertNothingHeldAbout(erased, carer, child,
                                                                                          need, accepted, declined));
        for (String referral : List.of(accepted, declined)) {
            assertThat(exchange(HttpMethod.GET, "/api/partners/referrals/" + referral, null, partner(organisation))
                               .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(exchange(HttpMethod.GET, "/api/partners/referrals/" + referral, null, keyWorker())
                               .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(exchange(HttpMethod.POST, "/api/partners/referrals/" + accepted + "/closure",
                            Map.of("outcome", "SUPPORT_GIVEN"), partner(organisation)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(HttpMethod.GET, "/api/partners/needs/" + need, null, keyWorker()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(HttpMethod.GET, "/api/partners/needs/" + need + "/matches", null, keyWorker())
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(HttpMethod.POST, "/api/partners/referrals", Map.of("needId", need, "serviceId", service),
                            keyWorker()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/partners/referrals", partner(organisation)).path("items").findValuesAsText("referralId"))
                .containsExactly(keptReferral);
        assertThat(get("/api/partners/needs?familyId=" + kept, keyWorker()).path("totalItems").asInt()).isEqualTo(1);

        replay(NeedsProjection.PROCESSING_GROUP, ReferralsProjection.PROCESSING_GROUP);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/partners/referrals", partner(organisation)).path("items").findValuesAsText("referralId"))
                .containsExactly(keptReferral));
        assertNothingHeldAbout(erased, carer, child, need, accepted, declined);
        assertThat(get("/api/partners/referrals/" + keptReferral, partner(organisation)).at("/noteForPartner")
                           .asText()).isEqualTo("Speaks Igbo at home");
        assertThat(get("/api/partners/needs?familyId=" + kept, keyWorker()).path("totalItems").asInt()).isEqualTo(1);
    }

    private void assertNothingHeldAbout(String... ids) {
        MongoDatabase database = mongo.getDatabase(mongoSettings.database());
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                String text = document.toJson();
                for (String id : ids) {
                    if (text.contains(id)) {
                        found.add(collection + " holds " + id);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private void replay(String... processors) {
        for (String name : processors) {
            TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                                                         .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        for (String name : processors) {
            TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                                                         .orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty()
                    && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()));
        }
    }

    private String rawLog() {
        StringBuilder all = new StringBuilder();
        mongo.getDatabase(eventStoreSettings.database()).getCollection("commits").find()
             .forEach(commit -> all.append(commit.toJson()).append('\n'));
        return all.toString();
    }

    private String consentingFamily(String carerName, String phone, String street, String carer, String child) {
        String family = UUID.randomUUID().toString();
        Instant now = Instant.now();
        append(family, new FamilyRegistered(family, trust, Set.of(SCHOOL), SCHOOL, "The family of " + carerName,
                                            "kw-1", now));
        append(family, new CarerAdded(family, trust, Set.of(SCHOOL), carer, carerName, "mother", true, phone, null,
                                      new Address(street, null, "Riverbend", "RB7 3XY"),
                                      new ContactPreferences(ContactChannel.SMS, "so", false, false, null,
                                                             "after the school run at Lydgate"), "kw-1", now));
        append(family, new ChildEnrolled(family, trust, Set.of(SCHOOL), child, SCHOOL, "Ama",
                                         LocalDate.now().minusYears(9), YearGroup.YEAR_4, false, LocalDate.now(),
                                         "kw-1", now));
        append(family, new ConsentGiven(family, trust, Set.of(SCHOOL), ConsentPurposes.SHARING_WITH_PARTNERS, carer,
                                        LocalDate.now(), "kw-1", now));
        return family;
    }

    private String need(String family, String note) throws Exception {
        return post("/api/partners/needs", Map.of("familyId", family, "category", "housing", "urgency", "SOON",
                                                  "languages", List.of("so"), "postcode", "RB7 3XY",
                                                  "availableDays", List.of("TH"), "note", note),
                    keyWorker(), HttpStatus.CREATED).path("needId").asText();
    }

    private String referral(String need, String service, String note) throws Exception {
        Map<String, Object> body = note == null ? Map.of("needId", need, "serviceId", service)
                : Map.of("needId", need, "serviceId", service, "noteForPartner", note);
        return post("/api/partners/referrals", body, keyWorker(), HttpStatus.CREATED).path("referralId").asText();
    }

    private void append(String familyId, FamilyEvent event) {
        long next = eventStore.lastSequenceNumberFor(familyId).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Family", familyId, next, event));
    }

    private ObjectNode organisation() {
        ObjectNode organisation = json.createObjectNode();
        organisation.put("name", "Lydgate Housing Hub");
        organisation.put("description", "Housing advice for families in Riverbend");
        return organisation;
    }

    private ObjectNode service(String organisation) {
        ObjectNode service = json.createObjectNode();
        service.put("organization_id", organisation);
        service.put("name", "Housing drop-in");
        service.put("description", "Housing advice, no appointment needed");
        service.put("status", "active");
        service.putArray("categories").add("housing");
        return service;
    }

    private HttpHeaders keyWorker() {
        return TestTokens.bearer(TestTokens.staff(trust, "key-worker", "kw-1", SCHOOL));
    }

    private static HttpHeaders partner(String organisation) {
        return TestTokens.bearer(TestTokens.partner(organisation, "worker-1"));
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
}
