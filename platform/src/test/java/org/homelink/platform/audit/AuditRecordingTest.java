package org.homelink.platform.audit;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.testing.TestTokens;
import org.homelink.platform.web.Paged;
import org.homelink.platform.web.RequestContext;
import org.junit.jupiter.api.Test;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Recording requests as every service does, through HTTP with real tokens, on a stand-in controller: what is recorded
 * (route pattern, parameter names, status, caller, families, schools) and what never is (values a caller typed).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, classes = AuditRecordingTest.AnyService.class,
        properties = {"spring.application.name=casework-service",
                      "homelink.mongo.embedded.storage=memory",
                      "homelink.security.issuer-uri=" + TestTokens.ISSUER,
                      "homelink.security.public-key-location=classpath:testing/token-signing-key.pub"})
class AuditRecordingTest {

    private static final String NORTH = "100001";
    private static final String SOUTH = "100002";
    /** A family the service knows, at both schools. */
    private static final String KNOWN_FAMILY = "family-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    TestRestTemplate http;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditTrailReader reader;
    @Autowired
    MongoClient mongo;
    @Autowired
    EventStoreSettings events;
    @Autowired
    EventBus eventBus;
    @Autowired
    EventStorageEngine engine;

    private final String trust = "trust-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFamilyReadIsRecordedByRoutePatternAndTheNamesOfDeclaredParametersOnly() {
        ResponseEntity<String> answer = get("/api/casework/families/" + KNOWN_FAMILY
                                            + "/notes?name=Amina%20Warsame&Amina%20Warsame=1", keyWorker(NORTH));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        flush();
        AuditEntry entry = only(reader.family(KNOWN_FAMILY, today(), today()), "families/{familyId}/notes");
        assertThat(entry.service()).isEqualTo("casework-service");
        assertThat(entry.route()).isEqualTo("GET /api/casework/families/{familyId}/notes");
        assertThat(entry.parameters()).containsExactly("name");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.by()).isEqualTo(new AuditEntry.Caller("key-worker", "kw-1", trust, null));
        assertThat(entry.familyIds()).containsExactly(KNOWN_FAMILY);
        // Filed under the family's own trust and schools, which the service knows, not the caller's.
        assertThat(entry.trustId()).isEqualTo("trust-of-known-family");
        assertThat(entry.schoolUrns()).containsExactly(NORTH, SOUTH);
        assertThat(reader.schoolDay("trust-of-known-family", SOUTH, today())).contains(entry);
        assertThat(rawDocuments()).doesNotContain("Amina").doesNotContain("Warsame");
    }

    @Test
    void aRefusalIsRecordedAsWellAsARead() {
        String familyId = newId();

        ResponseEntity<String> refused = get("/api/casework/families/" + familyId + "/safeguarding", keyWorker(NORTH));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        flush();
        AuditEntry entry = only(reader.family(familyId, today(), today()), "safeguarding");
        assertThat(entry.status()).isEqualTo(403);
        // A family the service does not know is filed under the caller's schools.
        assertThat(entry.trustId()).isEqualTo(trust);
        assertThat(entry.schoolUrns()).containsExactly(NORTH);
    }

    @Test
    void aListReadIsRecordedAgainstTheSchoolItNamesWithItsCountAndNoFamilies() {
        ResponseEntity<String> answer = get("/api/casework/notes?school=" + SOUTH + "&name=Okafor&page=1",
                                            leader(SOUTH));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        flush();
        AuditEntry entry = only(reader.schoolDay(trust, SOUTH, today()), "GET /api/casework/notes");
        assertThat(entry.parameters()).containsExactlyInAnyOrder("school", "name", "page");
        assertThat(entry.listed()).isEqualTo(new AuditEntry.Listed(1, 3L));
        assertThat(entry.familyIds()).isEmpty();
        assertThat(entry.schoolUrns()).containsExactly(SOUTH);
        assertThat(reader.schoolDay(trust, NORTH, today())).isEmpty();
        assertThat(rawDocuments()).doesNotContain("Okafor");
    }

    @Test
    void aTrustLeadersListAcrossTheTrustShowsInEverySchoolsDay() {
        get("/api/casework/notes?name=Okafor", TestTokens.bearer(TestTokens.staff(trust, "trust-leader", "head-1")));

        flush();
        AuditEntry entry = only(reader.schoolDay(trust, NORTH, today()), "GET /api/casework/notes");
        assertThat(entry.schoolUrns()).isEmpty();
        assertThat(reader.schoolDay(trust, SOUTH, today())).containsExactly(entry);
    }

    @Test
    void aChangeIsRecordedForTheFamilyOfItsBodyAndARecordReadByItsOwnIdForTheFamilyOfTheAnswer() {
        String changed = newId();
        ResponseEntity<String> created = http.exchange("/api/casework/notes", HttpMethod.POST,
                                                       new HttpEntity<>(Map.of("familyId", changed,
                                                                               "note", "Prefers texts"),
                                                                        keyWorker(NORTH)), String.class);
        ResponseEntity<String> read = get("/api/casework/notes/note-1", keyWorker(NORTH));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        flush();
        assertThat(only(reader.family(changed, today(), today()), "POST").route())
                .isEqualTo("POST /api/casework/notes");
        assertThat(only(reader.family(KNOWN_FAMILY, today(), today()), "notes/{noteId}").route())
                .isEqualTo("GET /api/casework/notes/{noteId}");
        assertThat(rawDocuments()).doesNotContain("Prefers texts");
    }

    @Test
    void aRequestThatConcernsNoFamilyIsNotRecorded() {
        String school = "1" + String.valueOf(System.nanoTime()).substring(0, 5);
        assertThat(get("/api/casework/weather?school=" + school, keyWorker(school)).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        flush();
        assertThat(reader.schoolDay(trust, school, today())).isEmpty();
    }

    @Test
    void anEventPublishedWithNoCallerIsStoredAsCausedByTheService() {
        String marker = newId();

        eventBus.publish(GenericEventMessage.asEventMessage(new WeatherRecorded(marker)));

        TrackedEventMessage<?> stored = engine.readEvents(null, false)
                                              .filter(event -> event.getPayload() instanceof WeatherRecorded weather
                                                               && weather.marker().equals(marker))
                                              .findFirst().orElseThrow();
        assertThat(stored.getMetaData().get(CausedBy.KEY)).isEqualTo(Map.of("system", "casework-service"));
    }

    record WeatherRecorded(String marker) {
    }

    private void flush() {
        assertThat(trail.flush(Duration.ofSeconds(10))).isTrue();
    }

    private static AuditEntry only(List<AuditEntry> entries, String routePart) {
        List<AuditEntry> matching = entries.stream().filter(entry -> entry.route().contains(routePart)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private String rawDocuments() {
        List<String> documents = new ArrayList<>();
        mongo.getDatabase(events.database()).getCollection(AuditStore.COLLECTION).find()
             .forEach(document -> documents.add(document.toJson()));
        return String.join("\n", documents);
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private HttpHeaders keyWorker(String school) {
        return TestTokens.bearer(TestTokens.staff(trust, "key-worker", "kw-1", school));
    }

    private HttpHeaders leader(String school) {
        return TestTokens.bearer(TestTokens.staff(trust, "school-leader", "head-2", school));
    }

    private static LocalDate today() {
        return LocalDate.now(AuditBuckets.SCHOOL_TIME);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A service's notes about families, shaped as Homelink's endpoints are. */
    @RestController
    @RequestMapping("/api/casework")
    @Allowed(Permission.FAMILIES_READ)
    static class CaseworkController {

        record Note(String noteId, String familyId, String wording) {
        }

        record NewNote(String familyId, String note) {
        }

        record NoteSearch(String name, String school) {
        }

        @GetMapping("/families/{familyId}/notes")
        List<Note> notes(@PathVariable String familyId, @RequestParam(required = false) String name) {
            return List.of(new Note("note-1", familyId, "Prefers texts"));
        }

        @Allowed(Permission.AUDIT_READ)
        @GetMapping("/families/{familyId}/safeguarding")
        List<Note> safeguarding(@PathVariable String familyId) {
            return List.of();
        }

        @AuditsFamilies(AuditsFamilies.Shape.LIST)
        @GetMapping("/notes")
        Paged<Note> search(RequestContext actor, @ParameterObject NoteSearch search,
                           @RequestParam(defaultValue = "0") int page) {
            List<Note> all = List.of(new Note("note-1", KNOWN_FAMILY, "Prefers texts"),
                                     new Note("note-2", KNOWN_FAMILY, "Works shifts"),
                                     new Note("note-3", KNOWN_FAMILY, "Speaks Somali"));
            return Paged.of(all, page, 2);
        }

        @AuditsFamilies(AuditsFamilies.Shape.ONE)
        @Allowed(Permission.FAMILIES_EDIT)
        @PostMapping("/notes")
        ResponseEntity<Map<String, String>> write(@RequestBody NewNote note) {
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("noteId", "note-9"));
        }

        @AuditsFamilies(AuditsFamilies.Shape.ONE)
        @GetMapping("/notes/{noteId}")
        Note note(@PathVariable String noteId) {
            return new Note(noteId, KNOWN_FAMILY, "Prefers texts");
        }

        @GetMapping("/weather")
        Map<String, String> weather(@RequestParam String school) {
            return Map.of("sky", "grey");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(CaseworkController.class)
    static class AnyService {

        @Bean
        FamilyScopes knownFamilies() {
            return familyIds -> familyIds.contains(KNOWN_FAMILY)
                    ? Map.of(KNOWN_FAMILY, new FamilyScopes.FamilyScope("trust-of-known-family", Set.of(NORTH, SOUTH)))
                    : Map.of();
        }
    }
}
