package org.homelink.engagement.messages.web;

import org.homelink.platform.testing.NoPersonalDataInLogs;
import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Eventually;
import org.homelink.engagement.messages.MessagingApplicationTest;
import org.homelink.engagement.messages.MessagingTestConfiguration.ScriptedProvider;
import org.homelink.engagement.messages.delivery.DeliveryReports;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages over HTTP on the embedded store: each carer's route and language, the preview that is what is sent, the
 * app feed and reading, staff tasks, receipts, and what other schools and trusts see (nothing).
 */
@MessagingApplicationTest
@NoPersonalDataInLogs({"amina@example.org"})
class MessageApiTest {

    static final String NORTH = "962001";
    static final String SOUTH = "962002";
    static final String ELSEWHERE = "962009";
    static final String MESSAGES = Drafts.MESSAGES;

    private final String trust = "msg-api-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTrust = "msg-other-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    @Qualifier("emailProvider")
    private ScriptedProvider email;
    @Autowired
    private DeliveryReports reports;

    private Api api;
    private final Map<String, String> families = new HashMap<>();

    @BeforeAll
    void northHasCarersOfEveryKind() {
        api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        familyService.registerSchool(trust, SOUTH, "South Primary");
        familyService.registerSchool(otherTrust, ELSEWHERE, "Elsewhere Primary");
        add(familyService, "email-so", ContactChannel.EMAIL, "so", false, null, "amina@example.org");
        add(familyService, "sms-pl", ContactChannel.SMS, "pl", false, "+447700900002", null);
        add(familyService, "app-en", ContactChannel.APP, "en", false, null, null);
        add(familyService, "call-so", ContactChannel.PHONE_CALL, "so", false, "+447700900004", null);
        add(familyService, "email-none", ContactChannel.EMAIL, "en", false, "+447700900005", null);
        add(familyService, "app-spoken", ContactChannel.APP, "so", true, null, null);
    }

    private void add(FamilyServiceEvents familyService, String carer, ContactChannel channel, String language,
                     boolean spoken, String phone, String mail) {
        FamilyServiceEvents.Family family = familyService.family(trust, NORTH, "Family " + carer)
                .carer(carer, new ContactPreferences(channel, language, channel == ContactChannel.PHONE_CALL, spoken,
                                                     null, null), phone, mail);
        families.put(carer, family.id());
        Eventually.until("family reached engagement-service",
                         () -> directory.familyVersionOf(family.id()) >= family.version());
    }

    @Test
    void eachCarerGetsItByTheirRouteAndInTheirLanguageAsPreviewed() {
        String message = draft(staff("teacher", NORTH), NORTH, "MESSAGE");
        Map<String, Object> audience = Map.of("familyIds", List.copyOf(families.values()));

        ResponseEntity<String> preview = api.get(message + "/preview?familyIds="
                                                 + String.join(",", families.values()), staff("teacher", NORTH));
        assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, Object> previewed = JsonPath.read(preview.getBody(), "$");
        assertThat(previewed).containsEntry("families", 6).containsEntry("copies", 6).containsEntry("staffTasks", 3)
                             .containsEntry("heldForDigest", 0).containsEntry("overWeeklyLimit", 0);
        assertThat((Map<String, Integer>) previewed.get("byRoute"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("EMAIL", 1, "SMS", 1, "APP", 1, "STAFF", 3));
        assertThat((Map<String, Integer>) previewed.get("byLanguage"))
                .as("the Polish speaker gets the English fallback").containsExactlyInAnyOrderEntriesOf(
                        Map.of("so", 3, "en", 3));
        assertThat((List<String>) JsonPath.read(preview.getBody(), "$.withoutText[*].carerId"))
                .containsExactly("sms-pl");
        assertThat(preview.getBody()).as("no addresses in a preview").doesNotContain("@example.org")
                                     .doesNotContain("+44");

        ResponseEntity<String> sent = api.post(message + "/sending", audience, staff("teacher", NORTH));
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) JsonPath.read(sent.getBody(), "$.preview")).isEqualTo(previewed);
        assertThat(api.get(message, staff("teacher", NORTH)).getBody()).contains("\"stage\":\"SENT\"");

        Eventually.until("every copy handed over", () -> {
            Map<String, Integer> states = JsonPath.read(api.get(message, staff("teacher", NORTH)).getBody(),
                                                        "$.states");
            return states.getOrDefault("QUEUED", 0) == 0;
        });
        Map<String, Integer> states = JsonPath.read(api.get(message, staff("teacher", NORTH)).getBody(), "$.states");
        assertThat(states).containsEntry("SENT", 5).containsEntry("DELIVERED", 1);
        Outgoing emailed = email.accepted().stream().filter(o -> o.messageId().equals(Drafts.id(message))).findFirst()
                                .orElseThrow();
        assertThat(emailed.address()).isEqualTo("amina@example.org");
        assertThat(emailed.language()).isEqualTo("so");
        assertThat(emailed.subject()).isEqualTo("Socod dugsiga");

        // The app feed: placed is delivered; reading it is READ.
        String feed = MESSAGES + "/feed/families/" + families.get("app-en") + "/carers/app-en";
        ResponseEntity<String> items = api.get(feed, staff("office-staff", NORTH));
        assertThat(items.getStatusCode()).as(items.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(items.getBody(), "$.items[*].subject")).containsExactly("School trip");
        assertThat((Integer) JsonPath.read(items.getBody(), "$.totalItems")).isEqualTo(1);
        String item = JsonPath.read(items.getBody(), "$.items[0].deliveryId");
        ResponseEntity<String> read = api.post(feed + "/items/" + item + "/read", Map.of(), staff("office-staff", NORTH));
        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) JsonPath.read(read.getBody(), "$.readAt")).isNotNull();
        assertThat(copies(message, "READ")).containsExactly(item);

        // A receipt: delivered, then read; a late "delivered" does not move it back.
        String emailCopy = copies(message, "SENT").stream()
                .filter(id -> id.equals(emailed.deliveryId())).findFirst().orElseThrow();
        assertThat(reports.report(emailCopy, DeliveryState.DELIVERED, null, Instant.now())).isTrue();
        Eventually.until("the receipt recorded", () -> copies(message, "DELIVERED").contains(emailCopy));
        reports.report(emailCopy, DeliveryState.READ, null, Instant.now());
        Eventually.until("read recorded", () -> copies(message, "READ").contains(emailCopy));
        reports.report(emailCopy, DeliveryState.DELIVERED, null, Instant.now());
        assertThat(reports.report("no-such-copy", DeliveryState.DELIVERED, null, Instant.now())).isFalse();
        // Another receipt after it, to know the late one has been applied too: one processor, in order.
        String smsCopy = copies(message, "SENT").stream().filter(id -> !tasksOf(message).contains(id)).findFirst()
                                               .orElseThrow();
        reports.report(smsCopy, DeliveryState.FAILED, "Number not in service", Instant.now());
        Eventually.until("the failure recorded", () -> copies(message, "FAILED").contains(smsCopy));
        assertThat(copies(message, "READ")).as("a late receipt moves nothing back").contains(emailCopy);
        assertThat(tasksOf(message)).as("a failed copy is a task to reach the carer another way")
                                    .contains(smsCopy);

        // Staff tasks: the three who are better spoken to, no numbers in the list; opening one shows it.
        ResponseEntity<String> tasks = api.get(MESSAGES + "/tasks?school=" + NORTH, staff("key-worker", NORTH));
        assertThat(tasks.getStatusCode()).as(tasks.getBody()).isEqualTo(HttpStatus.OK);
        List<String> forThis = JsonPath.read(tasks.getBody(), "$.items[?(@.messageId == '" + Drafts.id(message)
                                                                + "')].carerId");
        assertThat(forThis).containsExactlyInAnyOrder("call-so", "email-none", "app-spoken", "sms-pl");
        assertThat(tasks.getBody()).doesNotContain("+44");
        List<String> called = JsonPath.read(tasks.getBody(), "$.items[?(@.carerId == 'call-so' && @.messageId == '"
                                                             + Drafts.id(message) + "')].deliveryId");
        String task = called.get(0);
        ResponseEntity<String> opened = api.get(MESSAGES + "/tasks/" + task, staff("key-worker", NORTH));
        assertThat((String) JsonPath.read(opened.getBody(), "$.phone")).isEqualTo("+447700900004");
        assertThat((Boolean) JsonPath.read(opened.getBody(), "$.task.needsInterpreter")).isTrue();
        assertThat((String) JsonPath.read(opened.getBody(), "$.subject")).isEqualTo("Socod dugsiga");
        ResponseEntity<String> done = api.post(MESSAGES + "/tasks/" + task + "/completion",
                                               Map.of("outcome", "TOLD", "note", "Told at the gate"),
                                               staff("key-worker", NORTH));
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) JsonPath.read(done.getBody(), "$.state")).isEqualTo("DELIVERED");
        assertThat(api.get(MESSAGES + "/tasks?school=" + NORTH, staff("key-worker", NORTH)).getBody())
                .doesNotContain(task);
        assertThat(api.post(MESSAGES + "/tasks/" + task + "/completion", Map.of("outcome", "TOLD"),
                            staff("key-worker", NORTH)).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void otherSchoolsAndTrustsSeeNothing() {
        String message = draft(staff("teacher", NORTH), NORTH, "MESSAGE");
        assertThat(api.post(message + "/sending", Map.of("everyone", true), staff("teacher", NORTH))
                      .getStatusCode()).isEqualTo(HttpStatus.OK);
        // Office staff: the role that may read a family's feed, at another school.
        HttpHeaders south = staff("office-staff", SOUTH);
        HttpHeaders stranger = Staff.at(otherTrust, "trust-leader", "them", ELSEWHERE);
        for (HttpHeaders outsider : List.of(south, stranger)) {
            assertThat(api.get(message, outsider).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.get(message + "/copies", outsider).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.get(message + "/preview?everyone=true", outsider).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.post(message + "/cancellation", Map.of(), outsider).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat((Integer) JsonPath.read(api.get(MESSAGES, outsider).getBody(), "$.totalItems")).isZero();
            assertThat(api.get(MESSAGES + "/feed/families/" + families.get("app-en") + "/carers/app-en", outsider)
                          .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.get(MESSAGES + "/tasks?school=" + NORTH, outsider).getStatusCode())
                    .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        assertThat(api.get(message, Staff.at(trust, "trust-leader", "head")).getStatusCode())
                .as("the trust's leader sees every school's").isEqualTo(HttpStatus.OK);
        assertThat(api.post(MESSAGES, Map.of("schoolUrns", List.of(NORTH), "kind", "MESSAGE", "texts",
                                             List.of(text("en", "Hi", "Hello"))), south).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        HttpHeaders partner = Staff.partner("org-1", "p-1");
        assertThat(api.get(MESSAGES, partner).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        HttpHeaders teacher = staff("teacher", SOUTH);
        int before = JsonPath.read(api.get(MESSAGES, teacher).getBody(), "$.totalItems");
        assertField(api.post(MESSAGES, Map.of("schoolUrns", List.of(SOUTH), "kind", "MESSAGE", "texts", List.of()),
                             teacher), HttpStatus.BAD_REQUEST, "texts");
        assertField(api.post(MESSAGES, Map.of("schoolUrns", List.of(SOUTH), "kind", "MESSAGE",
                                              "texts", List.of(text("not a language", "Hi", "Hello"))), teacher),
                    HttpStatus.BAD_REQUEST, "texts[0].language");
        assertField(api.post(MESSAGES, Map.of("schoolUrns", List.of(SOUTH), "kind", "MESSAGE",
                                              "texts", List.of(text("en", " ", "Hello"))), teacher),
                    HttpStatus.BAD_REQUEST, "texts[0].subject");
        assertField(api.post(MESSAGES, Map.of("schoolUrns", List.of(SOUTH), "kind", "MESSAGE", "fallbackLanguage",
                                              "ar", "texts", List.of(text("en", "Hi", "Hello"))), teacher),
                    HttpStatus.UNPROCESSABLE_ENTITY, "fallbackLanguage");
        assertField(api.post(MESSAGES, Map.of("schoolUrns", List.of(SOUTH), "kind", "MESSAGE",
                                              "texts", List.of(text("en", "Hi", "A"), text("EN", "Hi", "B"))),
                             teacher), HttpStatus.UNPROCESSABLE_ENTITY, "texts");
        assertField(api.post(MESSAGES, Map.of("schoolUrns", List.of(SOUTH), "kind", "SHOUTING",
                                              "texts", List.of(text("en", "Hi", "Hello"))), teacher),
                    HttpStatus.BAD_REQUEST, null);
        assertThat(api.post(MESSAGES, Map.of("schoolUrns", List.of(SOUTH), "kind", "URGENT",
                                             "texts", List.of(text("en", "Closed", "Snow"))), teacher)
                      .getStatusCode()).as("urgent is for leaders").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((Integer) JsonPath.read(api.get(MESSAGES, teacher).getBody(), "$.totalItems")).isEqualTo(before);

        String message = draft(teacher, SOUTH, "MESSAGE");
        assertField(api.post(message + "/sending", Map.of(), teacher), HttpStatus.UNPROCESSABLE_ENTITY, "familyIds");
        assertField(api.post(message + "/sending", Map.of("everyone", true), teacher), HttpStatus.UNPROCESSABLE_ENTITY,
                    "audience");
        assertField(api.post(message + "/schedule", Map.of("sendAt", Instant.now().minusSeconds(60).toString(),
                                                           "audience", Map.of("everyone", true)), teacher),
                    HttpStatus.UNPROCESSABLE_ENTITY, "sendAt");
        assertField(api.post(message + "/schedule", Map.of("audience", Map.of("everyone", true)), teacher),
                    HttpStatus.BAD_REQUEST, "sendAt");
        assertField(api.post(message + "/sending", Map.of("familyIds", List.of("bad id!")), teacher),
                    HttpStatus.BAD_REQUEST, "familyIds[]");
        assertField(api.put(MESSAGES + "/schools/" + SOUTH + "/settings", Map.of(
                "digestDay", "FRIDAY", "digestTime", "15:30", "weeklyLimit", 0), staff("school-leader", SOUTH)),
                    HttpStatus.BAD_REQUEST, "weeklyLimit");
        assertThat(api.put(MESSAGES + "/schools/" + SOUTH + "/settings", Map.of(
                "digestDay", "FRIDAY", "digestTime", "15:30", "weeklyLimit", 2), teacher).getStatusCode())
                .as("settings are for leaders").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get(message, teacher).getBody()).contains("\"stage\":\"DRAFT\"");
    }

    @Test
    void aRetriedDraftWithTheSameIdempotencyKeyIsOneMessage() {
        HttpHeaders teacher = staff("teacher", NORTH);
        teacher.set("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("schoolUrns", List.of(NORTH), "kind", "NEWSLETTER",
                                          "texts", List.of(text("en", "Spring news", "Lots happened")));
        ResponseEntity<String> first = api.post(MESSAGES, body, teacher);
        ResponseEntity<String> again = api.post(MESSAGES, body, teacher);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat((String) JsonPath.read(again.getBody(), "$.messageId"))
                .isEqualTo(JsonPath.read(first.getBody(), "$.messageId"));
    }

    private String draft(HttpHeaders who, String school, String kind) {
        return Drafts.draft(api, who, school, kind, List.of(text("en", "School trip", "We go to the museum on Friday."),
                                                          text("so", "Socod dugsiga", "Waxaan aadaynaa matxafka Jimcaha.")));
    }

    private List<String> copies(String message, String state) {
        ResponseEntity<String> report = api.get(message + "/copies?state=" + state, staff("teacher", NORTH));
        assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.OK);
        return JsonPath.read(report.getBody(), "$.items[*].deliveryId");
    }

    private List<String> tasksOf(String message) {
        ResponseEntity<String> tasks = api.get(MESSAGES + "/tasks?school=" + NORTH + "&size=500",
                                               staff("teacher", NORTH));
        return JsonPath.read(tasks.getBody(), "$.items[?(@.messageId == '" + Drafts.id(message) + "')].deliveryId");
    }


    private static Map<String, String> text(String language, String subject, String body) {
        return Drafts.text(language, subject, body);
    }

    private HttpHeaders staff(String role, String school) {
        return Staff.at(trust, role, "staff-" + role, school);
    }

    private static void assertField(ResponseEntity<String> answer, HttpStatus status, String field) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
        if (field != null) {
            assertThat(answer.getBody()).as("names the field").contains("\"" + field + "\"");
        }
    }
}
