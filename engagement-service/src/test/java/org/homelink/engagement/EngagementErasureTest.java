package org.homelink.engagement;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.engagement.activities.query.ActivityProjection;
import org.homelink.engagement.agreements.query.AgreementProjection;
import org.homelink.engagement.attendance.query.AttendanceProjection;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.MessagingApplicationTest;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.Eventually;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.ProcessorReplay;
import org.homelink.engagement.testing.Staff;
import org.homelink.engagement.voice.query.VoiceProjection;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.privacy.FamilyKeys;
import org.homelink.platform.testing.NoPersonalDataInLogs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erased family leaves nothing in engagement-service: after its {@code FamilyErased}, no document of any collection
 * of the service's database names the family, its carers or its children (its directory entry, the school's roll and
 * the caseloads, its invitations, answers and check-ins, contacts and follow-ups, registers and attendance concerns,
 * survey links and answers, agreement links and acknowledgements, message copies, queue, feed and staff tasks,
 * addresses, digest choice and weekly counts, referrals on its timeline), and a replay of every processor from the
 * start of the log ends the same, while another family of the same school keeps all of its own.
 */
@NoPersonalDataInLogs({"tigist@example.org", "Spoke about the night shifts", "More in Tigrinya please"})
@MessagingApplicationTest
class EngagementErasureTest {

    private static final String NORTH = "965001";
    private static final LocalDate MONDAY = LocalDate.of(2025, 11, 3);
    private static final String ANSWER = "More in Tigrinya please";

    private final String trust = "erasure-" + UUID.randomUUID().toString().substring(0, 8);
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String appCarer = "erased-app-" + suffix;
    private final String calledCarer = "erased-call-" + suffix;
    private final String child = "erased-child-" + suffix;
    private final String keptCarer = "kept-" + suffix;
    private final String keptChild = "kept-child-" + suffix;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private AttendanceProjection registers;
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
    void anErasedFamilyLeavesNoTraceInAnyReadModelAndAReplayBringsNoneBack() {
        Api api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        FamilyServiceEvents.Family erased = familyService.family(trust, NORTH, "The family to erase")
                .carer(appCarer, new ContactPreferences(ContactChannel.APP, "ti", false, false, null, null), null,
                       "tigist@example.org")
                .carer(calledCarer, ContactChannel.PHONE_CALL, "ti", true)
                .child(child, YearGroup.YEAR_3)
                .barrier(Barrier.LOW_CONFIDENCE, Instant.now())
                .keyWorker("kw-" + suffix);
        FamilyServiceEvents.Family kept = familyService.family(trust, NORTH, "The family that stays")
                .carer(keptCarer, new ContactPreferences(ContactChannel.APP, "en", false, false, null, null), null,
                       null)
                .child(keptChild, YearGroup.YEAR_3);
        String familyId = erased.seenBy(directory);
        String keptId = kept.seenBy(directory);

        engageBoth(api, familyId, keptId);
        String log = rawLog();
        assertThat(log).as("the log holds the family's events").contains(familyId);
        assertThat(log).doesNotContain("Spoke about the night shifts").doesNotContain("Breakfast club place")
                       .doesNotContain(ANSWER);
        List<String> traces = new ArrayList<>(List.of(familyId, appCarer, calledCarer, child));
        copiesOf(familyId).forEach(traces::add);
        for (String collection : List.of("engagementFamilies", "schoolRolls", "caseloads", "activities",
                                         "invitations", "attendancePupils", "attendanceSchools",
                                         "attendanceConcerns", "surveyLinks", "agreementLinks", "agreementFamilies",
                                         "messageCopies", "feeds", "feedItems", "staffTaskBoards", "carerAddresses",
                                         "digestChoices", "messageWeeks", "familyReferrals")) {
            assertThat(mentionsIn(collection, traces.toArray(String[]::new)))
                    .as("before the erasure, %s holds the family", collection).isNotEmpty();
        }
        assertThat(mentionsIn("surveyResponses", ANSWER)).isNotEmpty();

        // As family-service erases: the family's last event, and its key deleted.
        eventStore.publish(new GenericDomainEventMessage<>("Family", familyId, erased.version() + 1, new FamilyErased(
                familyId, trust, Set.of(NORTH), Set.of(appCarer, calledCarer), Set.of(child),
                ErasureReason.SUBJECT_REQUEST, "head-1", Instant.now())));
        keys.erase(familyId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mentions(traces))
                .as("every read model forgot the family").isEmpty());
        assertThat(mentionsIn("surveyResponses", ANSWER)).isEmpty();
        assertTheKeptFamilyIsWhole(api, keptId);
        assertThat(api.get("/api/engagement/families/" + familyId, leader()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ProcessorReplay.fromTheStart(processing, eventStore, FamilyEngagementProjection.PROCESSING_GROUP,
                                     ActivityProjection.PROCESSING_GROUP, AttendanceProjection.PROCESSING_GROUP,
                                     VoiceProjection.PROCESSING_GROUP, AgreementProjection.PROCESSING_GROUP,
                                     MessageProjection.PROCESSING_GROUP);
        assertThat(mentions(traces)).as("after a replay from the start").isEmpty();
        assertThat(mentionsIn("surveyResponses", ANSWER)).isEmpty();
        assertTheKeptFamilyIsWhole(api, keptId);
    }

    /** Everything the service keeps about families, for both: invited, answered, came, logged, marked, asked, told. */
    private void engageBoth(Api api, String familyId, String keptId) {
        String activity = created(api.post("/api/engagement/activities", coffeeMorning(), staff()), "$.activityId");
        ok(api.post("/api/engagement/activities/" + activity + "/invitations", Map.of("everyone", true), staff()));
        ok(api.put("/api/engagement/activities/" + activity + "/invitations/" + familyId + "/answer",
                   Map.of("carerId", appCarer, "answer", "YES", "wouldHelp", List.of("CHILDCARE")), staff()));
        created(api.post("/api/engagement/activities/" + activity + "/occurrences/1/check-ins",
                         Map.of("familyId", familyId, "carerIds", List.of(appCarer), "childIds", List.of(child)),
                         staff()), "$.activityId");
        ok(api.put("/api/engagement/activities/" + activity + "/invitations/" + keptId + "/answer",
                   Map.of("carerId", keptCarer, "answer", "MAYBE"), staff()));

        created(api.post("/api/engagement/families/" + familyId + "/contacts", Map.of(
                "schoolUrn", NORTH, "kind", "HOME_VISIT", "direction", "SCHOOL_TO_FAMILY", "tone", "CONCERN",
                "carerIds", List.of(calledCarer), "happenedAt", Instant.now().minusSeconds(3600).toString(),
                "summary", "Spoke about the night shifts", "involvementTypes", List.of("PARENTING"),
                "followUp", Map.of("action", "Ring about the breakfast club", "ownerId", "kw-" + suffix,
                                   "dueOn", LocalDate.now().plusDays(2).toString())),
                         Staff.at(trust, "key-worker", "kw-" + suffix, NORTH)), "$.contactId");

        HttpHeaders officer = Staff.at(trust, "attendance-officer", "officer-1", NORTH);
        officer.setContentType(MediaType.parseMediaType("text/csv"));
        StringBuilder marks = new StringBuilder("pupil,date,session,code\n");
        for (int day = 0; day < 5; day++) {
            for (String pupil : List.of(child, keptChild)) {
                marks.append(pupil).append(',').append(MONDAY.plusDays(day)).append(",AM,/\n");
                marks.append(pupil).append(',').append(MONDAY.plusDays(day)).append(",PM,N\n");
            }
        }
        ResponseEntity<String> imported = http.exchange(
                "/api/engagement/attendance/schools/" + NORTH + "/marks", HttpMethod.POST,
                new HttpEntity<>(marks.toString().getBytes(StandardCharsets.UTF_8), officer), String.class);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
        String concerns = "/api/engagement/attendance/schools/" + NORTH + "/concerns";
        HttpHeaders attendance = Staff.at(trust, "attendance-officer", "officer-1", NORTH);
        String concern = created(api.post(concerns, Map.of("childId", child, "reason", "PERSISTENT_ABSENCE"),
                                          attendance), "$.concern.concernId");
        created(api.post(concerns + "/" + concern + "/conversations", Map.of(
                "carerIds", List.of(calledCarer), "happenedAt", Instant.now().minusSeconds(600).toString(),
                "summary", "Mornings are hard since the night shifts began"), attendance), "$.concern.concernId");
        created(api.post(concerns + "/" + concern + "/support-plan", Map.of(
                "actions", List.of("Breakfast club place"), "reviewOn", LocalDate.now().plusDays(28).toString()),
                         attendance), "$.concern.concernId");

        String survey = "/api/engagement/surveys/" + created(api.post("/api/engagement/surveys", Map.of(
                "schoolUrns", List.of(NORTH), "title", "Autumn survey",
                "questions", List.of(Map.of("text", "What could we do better?", "kind", "FREE_TEXT"))), leader()),
                                                             "$.surveyId");
        ok(api.post(survey + "/opening", Map.of("closesAt", Instant.now().plus(Duration.ofDays(14)).toString()),
                    leader()));
        Map<String, String> surveyLinks = linksByCarer(ok(api.post(survey + "/recipients", Map.of("everyone", true),
                                                                   leader())));
        ok(api.put(surveyLinks.get(appCarer) + "/answer", Map.of("answers", List.of(
                Map.of("questionId", "q-1", "text", ANSWER))), new HttpHeaders()));
        ok(api.put(surveyLinks.get(keptCarer) + "/answer", Map.of("answers", List.of(
                Map.of("questionId", "q-1", "text", "All good"))), new HttpHeaders()));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String agreement = api.post("/api/engagement/agreements", Map.of("schoolUrns", List.of(NORTH),
                "firstVersion", Map.of("title", "Our agreement", "texts", List.of(Map.of("language", "en",
                                                                                         "text", "We will listen.")),
                                       "fallbackLanguage", "en", "takesEffect", today.minusDays(1).toString())),
                                  leader()).getHeaders().getLocation().getPath();
        Map<String, String> agreementLinks = linksByCarer(ok(api.post(agreement + "/links", Map.of("everyone", true),
                                                                      staff())));
        ok(api.post(agreementLinks.get(appCarer) + "/acknowledgement", Map.of("version", 1), new HttpHeaders()));

        ok(api.put("/api/engagement/messages/families/" + familyId + "/digest", Map.of("digest", false),
                   Staff.at(trust, "office-staff", "office-1", NORTH)));
        String message = api.post("/api/engagement/messages", Map.of(
                "schoolUrns", List.of(NORTH), "kind", "MESSAGE", "fallbackLanguage", "en",
                "texts", List.of(Map.of("language", "en", "subject", "Closed", "body", "The school is closed"))),
                                  leader()).getHeaders().getLocation().getPath();
        ok(api.post(message + "/sending", Map.of("familyIds", List.of(familyId, keptId)), leader()));
        Eventually.until("the message's copies handed over", () -> {
            Map<String, Integer> states = JsonPath.read(api.get(message, leader()).getBody(), "$.states");
            return states.getOrDefault("QUEUED", 0) == 0;
        });

        eventStore.publish(new GenericDomainEventMessage<>("Referral", "referral-" + suffix, 0, new ReferralMade(
                "referral-" + suffix, "need-" + suffix, familyId, trust, Set.of(NORTH), "org-1", "Food bank",
                "service-1", "Pantry", "food", "kw-" + suffix, Instant.now())));
        Eventually.until("everything reached the read models", () -> !mentionsIn("familyReferrals", familyId)
                .isEmpty() && !mentionsIn("feedItems", familyId).isEmpty()
                && !mentionsIn("staffTaskBoards", copiesOf(familyId).toArray(String[]::new)).isEmpty());
    }

    private void assertTheKeptFamilyIsWhole(Api api, String keptId) {
        assertThat(api.get("/api/engagement/families/" + keptId, leader()).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String collection : List.of("engagementFamilies", "schoolRolls", "invitations", "attendancePupils",
                                         "surveyLinks", "agreementLinks", "messageCopies", "feedItems")) {
            assertThat(mentionsIn(collection, keptId)).as("the other family in %s", collection).isNotEmpty();
        }
        assertThat(registers.pupil(NORTH, keptChild)).isPresent();
        assertThat(mentionsIn("surveyResponses", "All good")).as("the other family's answer").isNotEmpty();
    }

    /** Where in the service's database any of these ids is found: collection and document id. */
    private List<String> mentions(List<String> ids) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getDatabase(mongoSettings.database()).listCollectionNames()) {
            mentionsIn(collection, ids.toArray(String[]::new)).forEach(id -> found.add(collection + " " + id));
        }
        return found;
    }

    /** The ids of the collection's documents that hold any of these texts. */
    private List<Object> mentionsIn(String collection, String... texts) {
        List<Object> found = new ArrayList<>();
        for (Document document : mongo.getDatabase(mongoSettings.database()).getCollection(collection).find()) {
            String json = document.toJson();
            if (Arrays.stream(texts).anyMatch(json::contains)) {
                found.add(document.get("_id"));
            }
        }
        return found;
    }

    /** The ids of the family's copies of messages: its staff tasks are held by those alone. */
    private List<String> copiesOf(String familyId) {
        return mongo.getDatabase(mongoSettings.database()).getCollection("messageCopies")
                    .find(new Document("familyId", familyId)).map(copy -> copy.getString("_id"))
                    .into(new ArrayList<>());
    }

    private String rawLog() {
        StringBuilder all = new StringBuilder();
        mongo.getDatabase(eventStoreSettings.database()).getCollection("commits").find()
             .forEach(commit -> all.append(commit.toJson()).append('\n'));
        return all.toString();
    }

    private static Map<String, Object> coffeeMorning() {
        Instant start = Instant.now().plus(Duration.ofMinutes(30));
        return Map.of("schoolUrn", NORTH, "kind", "COFFEE_MORNING", "title", "Coffee morning",
                      "start", start.toString(), "end", start.plus(Duration.ofHours(1)).toString(),
                      "place", "The family room", "involvementTypes", List.of("PARENTING"));
    }

    private static Map<String, String> linksByCarer(String sent) {
        List<String> carers = JsonPath.read(sent, "$.sent[*].carerId");
        List<String> links = JsonPath.read(sent, "$.sent[*].link");
        Map<String, String> byCarer = new HashMap<>();
        for (int i = 0; i < carers.size(); i++) {
            byCarer.put(carers.get(i), links.get(i));
        }
        return byCarer;
    }

    private static String ok(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static String created(ResponseEntity<String> answer, String idPath) {
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
        return JsonPath.read(answer.getBody(), idPath);
    }

    private HttpHeaders staff() {
        return Staff.at(trust, "key-worker", "kw-1", NORTH);
    }

    private HttpHeaders leader() {
        return Staff.at(trust, "school-leader", "head-1", NORTH);
    }
}
