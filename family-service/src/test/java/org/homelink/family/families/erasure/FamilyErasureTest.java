package org.homelink.family.families.erasure;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactLogged;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.FollowUp;
import org.homelink.contracts.partners.DeclineReason;
import org.homelink.contracts.partners.ReferralDeclined;
import org.homelink.contracts.privacy.PersonalData;
import org.homelink.family.families.query.FamilyDirectoryProjection;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.privacy.FamilyKeys;
import org.homelink.platform.testing.NoPersonalDataInLogs;
import org.homelink.platform.testing.TestTokens;
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

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The proof that erasure reaches the event log: a family's personal details are never stored in plain, not in
 * family-service's events nor in the events other services publish about it; once it is erased its key is gone, every
 * personal value in its events reads as null, family-service forgets it, and a replay from the start does not bring
 * it back. Another family reads as before throughout.
 */
@NoPersonalDataInLogs({"Qorsheel", "07700 900555", "xiomara.q@example.org", "17 Juniper Wharf",
                       "grandmother translates the letters", "Tuesday club in Tigrinya"})
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyErasureTest {

    private static final String NORTH = "930001";
    /** What is written about the family to be erased: each must never be found in the log in plain. */
    private static final List<String> DISTINCTIVE = List.of(
            "Qorsheel", "Xiomara", "Zephyrine", "great-aunt", "07700 900555", "xiomara.q@example.org",
            "17 Juniper Wharf", "RB9 7QZ", "after the late shift at Fennimore", "a hearing loop in the hall",
            "2016-02-29", "grandmother translates the letters", "Tuesday club in Tigrinya",
            "flat above the launderette", "Ring the housing officer", "could not reach the mother at Juniper");

    private final String trust = "erasure-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private MongoSettings mongoSettings;
    @Autowired
    private EventStoreSettings eventStoreSettings;
    @Autowired
    private FamilyKeys keys;
    @Autowired
    private EventProcessingConfiguration processing;

    @BeforeAll
    void registerTheTrust() {
        assertThat(post("/api/families/trusts", Map.of("trustId", trust, "name", "Erasure Trust"), leader())
                           .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/families/trusts/" + trust + "/schools",
                        Map.of("schoolUrn", NORTH, "name", "North Primary", "phase", "PRIMARY", "postcode", "RB1 1AA"),
                        leader()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anErasedFamilysPersonalDataCannotBeReadAnywhereAndAnotherFamilysStillCan() {
        String erased = register("The Qorsheel family");
        String carerId = created("/api/families/" + erased + "/carers", Map.of(
                "name", "Xiomara Qorsheel", "relationship", "great-aunt", "parentalResponsibility", true,
                "phone", "07700 900555", "email", "xiomara.q@example.org",
                "address", Map.of("line1", "17 Juniper Wharf", "town", "Riverbend", "postcode", "RB9 7QZ"),
                "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "ti", "needsInterpreter", true,
                                      "prefersSpokenContact", true,
                                      "accessibilityNeeds", "a hearing loop in the hall",
                                      "reachableWhen", "after the late shift at Fennimore's")));
        String childId = created("/api/families/" + erased + "/children", Map.of(
                "name", "Zephyrine Qorsheel", "dateOfBirth", "2016-02-29", "yearGroup", "YEAR_4", "send", true,
                "schoolUrn", NORTH));
        created("/api/families/" + erased + "/barriers",
                Map.of("barrier", "LOW_LITERACY", "note", "Her grandmother translates the letters"));
        created("/api/families/" + erased + "/voice",
                Map.of("words", "We would like the Tuesday club in Tigrinya", "carerId", carerId));
        // What other services publish about the family, written to the log as they write it.
        publishAsOtherServicesDo(erased, carerId);

        String kept = register("The Okonkwo family");
        created("/api/families/" + kept + "/carers", Map.of(
                "name", "Ifeoma Okonkwo", "relationship", "mother", "parentalResponsibility", true,
                "phone", "07700 900666", "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "ig",
                                                               "needsInterpreter", false,
                                                               "prefersSpokenContact", false)));

        String log = rawLog();
        assertThat(log).as("the log holds the family's events").contains(erased);
        assertThat(DISTINCTIVE).allSatisfy(plain -> assertThat(log).doesNotContain(plain));
        assertThat(log).doesNotContain("Okonkwo").doesNotContain("07700 900666");
        assertThat(personalValuesOf(erased)).as("readable before the erasure").isNotEmpty();

        ResponseEntity<String> erasure = post("/api/families/" + erased + "/erasure",
                                              Map.of("reason", "SUBJECT_REQUEST"), schoolLeader());
        assertThat(erasure.getStatusCode()).isEqualTo(HttpStatus.OK);

        Document key = keysCollection().find(eq("_id", erased)).first();
        assertThat(key).isNotNull();
        assertThat(key.keySet()).doesNotContain("key").contains("erasedAt");
        assertThat(eventsAbout(erased)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(personalValuesOf(erased)).as("every personal value of every event about the family").isEmpty();

        assertThat(get("/api/families/" + erased, schoolLeader()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/families/" + erased + "/timeline", schoolLeader()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/families/" + erased + "/voice", Map.of("words", "Hello"), schoolLeader())
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/families/" + erased + "/erasure", Map.of("reason", "OTHER"), schoolLeader())
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JsonPath.<List<String>>read(get("/api/families?name=qorsheel", schoolLeader()).getBody(),
                                               "$.items[*].familyId")).isEmpty();
        assertNothingHeldAbout(erased, carerId, childId);

        assertThat(JsonPath.<String>read(get("/api/families/" + kept, schoolLeader()).getBody(),
                                         "$.carers[0].name")).isEqualTo("Ifeoma Okonkwo");
        assertThat(personalValuesOf(kept)).contains("Ifeoma Okonkwo", "07700 900666");

        replayTheDirectory(kept);
        assertNothingHeldAbout(erased, carerId, childId);
        assertThat(JsonPath.<String>read(get("/api/families/" + kept, schoolLeader()).getBody(),
                                         "$.carers[0].phone")).isEqualTo("07700 900666");
    }

    @Test
    void onlyLeadersEraseAndOnlyForAReasonTheyGive() {
        String familyId = register("The Adebayo family");

        ResponseEntity<String> byKeyWorker = post("/api/families/" + familyId + "/erasure",
                                                  Map.of("reason", "SUBJECT_REQUEST"), keyWorker());
        assertThat(byKeyWorker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byKeyWorker.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<String> noReason = post("/api/families/" + familyId + "/erasure", Map.of(), schoolLeader());
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(noReason.getBody(), "$.field")).isEqualTo("reason");

        ResponseEntity<String> unknownReason = post("/api/families/" + familyId + "/erasure",
                                                    Map.of("reason", "BORED"), schoolLeader());
        assertThat(unknownReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(post("/api/families/" + UUID.randomUUID() + "/erasure", Map.of("reason", "RETENTION"),
                        schoolLeader()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/families/" + familyId, keyWorker()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void publishAsOtherServicesDo(String familyId, String carerId) {
        Instant now = Instant.now();
        eventStore.publish(GenericEventMessage.asEventMessage(new ContactLogged(
                UUID.randomUUID().toString(), familyId, trust, Set.of(NORTH), NORTH, ContactKind.HOME_VISIT,
                ContactDirection.SCHOOL_TO_FAMILY, true, ContactTone.CONCERN, Set.of(carerId), now,
                "Damp in the flat above the launderette",
                Set.of(), new FollowUp("Ring the housing officer", LocalDate.now().plusDays(3), "kw-1"), "kw-1",
                now)));
        eventStore.publish(GenericEventMessage.asEventMessage(new ReferralDeclined(
                UUID.randomUUID().toString(), familyId, trust, Set.of(NORTH), "organisation-1",
                DeclineReason.COULD_NOT_CONTACT, "We could not reach the mother at Juniper Wharf", "worker-1",
                now)));
    }

    /** Every document of family-service's own database, and the family's ids: none may be found in any. */
    private void assertNothingHeldAbout(String familyId, String carerId, String childId) {
        MongoDatabase database = mongo.getDatabase(mongoSettings.database());
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                String json = document.toJson();
                if (json.contains(familyId) || json.contains(carerId) || json.contains(childId)) {
                    found.add(collection + ": " + document.get("_id"));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private void replayTheDirectory(String kept) {
        TrackingEventProcessor directory = processing.eventProcessor(FamilyDirectoryProjection.PROCESSING_GROUP,
                                                                     TrackingEventProcessor.class).orElseThrow();
        directory.shutDown();
        directory.resetTokens();
        directory.start();
        await().atMost(Duration.ofSeconds(30))
               .until(() -> get("/api/families/" + kept, schoolLeader()).getStatusCode() == HttpStatus.OK
                            && directory.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()));
    }

    /** Every event in the log about the family: its own stream and what other services published about it. */
    private List<Object> eventsAbout(String familyId) {
        List<Object> payloads = new ArrayList<>();
        storage.readEvents(null, false).map(EventMessage::getPayload)
               .filter(payload -> familyId.equals(familyIdOf(payload))).forEach(payloads::add);
        return payloads;
    }

    /** Every personal value of the family's events that still reads as something (false counts as nothing). */
    private List<Object> personalValuesOf(String familyId) {
        List<Object> values = new ArrayList<>();
        eventsAbout(familyId).forEach(payload -> collectPersonal(payload, values));
        return values;
    }

    private static void collectPersonal(Object record, List<Object> values) {
        if (record == null || !record.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = valueOf(component, record);
            if (component.isAnnotationPresent(PersonalData.class)) {
                if (value != null && !Boolean.FALSE.equals(value)) {
                    values.add(value);
                }
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> collectPersonal(item, values));
            } else {
                collectPersonal(value, values);
            }
        }
    }

    private static String familyIdOf(Object payload) {
        if (!payload.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("familyId")) {
                return (String) valueOf(component, payload);
            }
        }
        return null;
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String rawLog() {
        StringBuilder all = new StringBuilder();
        mongo.getDatabase(eventStoreSettings.database()).getCollection("commits").find()
             .forEach(commit -> all.append(commit.toJson()).append('\n'));
        return all.toString();
    }

    private com.mongodb.client.MongoCollection<Document> keysCollection() {
        return mongo.getDatabase(eventStoreSettings.database()).getCollection(FamilyKeys.COLLECTION);
    }

    private String register(String name) {
        ResponseEntity<String> registered = post("/api/families", Map.of("schoolUrn", NORTH, "familyName", name),
                                                 keyWorker());
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(registered.getBody(), "$.familyId");
    }

    private String created(String path, Map<String, Object> body) {
        ResponseEntity<String> created = post(path, body, keyWorker());
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(created.getBody(), "$.id");
    }

    private HttpHeaders keyWorker() {
        return context("key-worker", NORTH);
    }

    private HttpHeaders schoolLeader() {
        return context("school-leader", NORTH);
    }

    private HttpHeaders leader() {
        return context("trust-leader");
    }

    private HttpHeaders context(String role, String... schools) {
        return TestTokens.bearer(TestTokens.staff(trust, role, role + "-1", schools));
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
