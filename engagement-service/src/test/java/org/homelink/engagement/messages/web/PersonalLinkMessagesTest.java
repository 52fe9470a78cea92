package org.homelink.engagement.messages.web;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.MessagingApplicationTest;
import org.homelink.engagement.messages.MessagingTestConfiguration.ScriptedProvider;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.homelink.engagement.messages.query.PendingLinks;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.Eventually;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survey's and an agreement's personal links sent as messages over HTTP: each carer's copy by their route carries
 * their own link, which opens what it should with no sign-in; the event log never holds one, and the plain link is
 * gone once handed over.
 */
@MessagingApplicationTest
class PersonalLinkMessagesTest {

    static final String NORTH = "980001";
    static final String SURVEYS = "/api/engagement/surveys";
    static final String PUBLIC = "http://localhost:8080";

    private final String trust = "links-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private Configuration axon;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private PendingLinks pending;
    @Autowired
    @Qualifier("emailProvider")
    private ScriptedProvider email;

    private Api api;
    private final Map<String, String> families = new HashMap<>();

    @BeforeAll
    void carersByEmailAppAndStaff() {
        api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        add(familyService, "email-en", ContactChannel.EMAIL, "en", false, "sam@example.org");
        add(familyService, "email-so", ContactChannel.EMAIL, "so", false, "hodan@example.org");
        add(familyService, "app-en", ContactChannel.APP, "en", false, null);
        add(familyService, "spoken-so", ContactChannel.APP, "so", true, null);
    }

    private void add(FamilyServiceEvents familyService, String carer, ContactChannel channel, String language,
                     boolean spoken, String mail) {
        FamilyServiceEvents.Family family = familyService.family(trust, NORTH, "Family " + carer)
                .carer(carer, new ContactPreferences(channel, language, false, spoken, null, null), null, mail);
        families.put(carer, family.id());
        family.seenBy(directory);
    }

    @Test
    void aSurveysLinksGoAsAMessageEachCarersOwnByTheirRoute() {
        ResponseEntity<String> created = api.post(SURVEYS, Map.of("schoolUrns", List.of(NORTH), "title", "Summer",
                                                                  "template", "PARENT_VIEW"), leader());
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String survey = created.getHeaders().getLocation().getPath();
        Map<String, Object> sending = Map.of("everyone", true, "message", message("Tell us what you think: {link}"));

        ResponseEntity<String> notOpen = api.post(survey + "/recipients", sending, leader());
        assertThat(notOpen.getStatusCode()).as(notOpen.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((List<String>) JsonPath.read(api.get(Drafts.MESSAGES, leader()).getBody(),
                                                "$.items[*].stage"))
                .as("the message drafted for links that were never recorded is cancelled").contains("CANCELLED")
                .doesNotContain("DRAFT");
        assertThat(api.post(survey + "/opening", Map.of("closesAt", Instant.now().plus(Duration.ofDays(14))
                                                                            .toString()), leader())
                      .getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> noMark = api.post(survey + "/recipients", Map.of(
                "everyone", true, "message", Map.of("fallbackLanguage", "en", "texts", List.of(
                        Map.of("language", "en", "subject", "Survey", "body", "Tell us: {link}"),
                        Map.of("language", "so", "subject", "Sahan", "body", "Noo sheeg")))), leader());
        assertThat(noMark.getStatusCode()).as(noMark.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noMark.getBody()).contains("message.texts[1].body").doesNotContain("texts[0]");
        assertThat(api.get(survey + "/recipients", leader()).getBody()).as("no link recorded")
                                                                              .isEqualTo("[]");

        ResponseEntity<String> sent = api.post(survey + "/recipients", sending, leader());
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
        String messageId = JsonPath.read(sent.getBody(), "$.messageId");
        assertThat(messageId).isNotNull();
        assertThat((List<String>) JsonPath.read(sent.getBody(), "$.sent[*].carerId"))
                .containsExactlyInAnyOrder("email-en", "email-so", "app-en", "spoken-so");
        assertThat(sent.getBody()).as("the links go to the carers, not to staff").doesNotContain("/voice/");

        List<String> tokens = new ArrayList<>();
        for (Outgoing emailed : emailed(messageId, 2)) {
            String path = linkIn(emailed.body(), "/api/engagement/voice/");
            tokens.add(path);
            assertThat(emailed.body()).startsWith(emailed.language().equals("so") ? "Noo sheeg" : "Tell us");
            ResponseEntity<String> opened = api.get(path, new HttpHeaders());
            assertThat(opened.getStatusCode()).as(opened.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(opened.getBody()).contains("Summer");
            ResponseEntity<String> answered = api.put(path + "/answer", Map.of("answers", List.of(
                    Map.of("questionId", "pv-1", "scale", "AGREE"))), new HttpHeaders());
            assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.OK);
        }
        assertThat(tokens).doesNotHaveDuplicates();
        Eventually.until("the emailed carers' links no longer kept", () -> pending.link(
                messageId, families.get("email-en"), "email-en").isEmpty() && pending.link(
                messageId, families.get("email-so"), "email-so").isEmpty());

        String feed = Drafts.MESSAGES + "/feed/families/" + families.get("app-en") + "/carers/app-en";
        Eventually.until("in the app feed", () -> api.get(feed, leader()).getBody().contains(messageId));
        List<String> bodies = JsonPath.read(api.get(feed, leader()).getBody(),
                                            "$.items[?(@.messageId == '" + messageId + "')].body");
        String appLink = linkIn(bodies.get(0), "/api/engagement/voice/");
        tokens.add(appLink);
        assertThat(api.get(appLink, new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK);

        String tasks = Drafts.MESSAGES + "/tasks?school=" + NORTH;
        Eventually.until("a task for the carer better spoken to",
                         () -> api.get(tasks, leader()).getBody().contains(messageId));
        ResponseEntity<String> board = api.get(tasks, leader());
        assertThat(board.getBody()).as("no link in the list").doesNotContain("/voice/");
        List<String> task = JsonPath.read(board.getBody(), "$.items[?(@.messageId == '" + messageId
                                                           + "')].deliveryId");
        ResponseEntity<String> opened = api.get(Drafts.MESSAGES + "/tasks/" + task.get(0), leader());
        String given = linkIn(JsonPath.read(opened.getBody(), "$.body"), "/api/engagement/voice/");
        tokens.add(given);
        assertThat(api.get(given, new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post(Drafts.MESSAGES + "/tasks/" + task.get(0) + "/completion", Map.of("outcome", "TOLD"),
                            leader()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pending.link(messageId, families.get("spoken-so"), "spoken-so"))
                .as("given on paper: no longer kept").isEmpty();

        assertThat(tokens).hasSize(4).doesNotHaveDuplicates();
        assertNoEventHolds(messageId, tokens);
    }

    @Test
    void anAgreementsLinksGoAsAMessageAndAcknowledgingThroughOneWorks() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ResponseEntity<String> adopted = api.post("/api/engagement/agreements", Map.of(
                "schoolUrns", List.of(NORTH), "firstVersion", Map.of(
                        "title", "Our home-school agreement", "fallbackLanguage", "en",
                        "takesEffect", today.minusDays(1).toString(),
                        "texts", List.of(Map.of("language", "en", "text", "We will tell you how your child is.")))),
                leader());
        assertThat(adopted.getStatusCode()).as(adopted.getBody()).isEqualTo(HttpStatus.CREATED);
        String agreement = adopted.getHeaders().getLocation().getPath();

        ResponseEntity<String> noMark = api.post(agreement + "/links", Map.of(
                "familyIds", List.of(families.get("email-en")),
                "message", Map.of("texts", List.of(Map.of("language", "en", "subject", "Agreement",
                                                          "body", "Please read it")))), leader());
        assertThat(noMark.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noMark.getBody()).contains("message.texts[0].body");

        ResponseEntity<String> sent = api.post(agreement + "/links", Map.of(
                "familyIds", List.of(families.get("email-en"), families.get("email-so")),
                "message", message("Please read and acknowledge: {link}")), leader());
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
        String messageId = JsonPath.read(sent.getBody(), "$.messageId");
        assertThat((List<String>) JsonPath.read(sent.getBody(), "$.sent[*].carerId"))
                .as("the first attempt, refused, recorded no link").containsExactlyInAnyOrder("email-en", "email-so");
        assertThat(sent.getBody()).doesNotContain("/agreement-links/");

        List<String> tokens = new ArrayList<>();
        for (Outgoing emailed : emailed(messageId, 2)) {
            String path = linkIn(emailed.body(), "/api/engagement/agreement-links/");
            tokens.add(path);
            ResponseEntity<String> acknowledged = api.post(path + "/acknowledgement", Map.of("version", 1),
                                                           new HttpHeaders());
            assertThat(acknowledged.getStatusCode()).as(acknowledged.getBody()).isEqualTo(HttpStatus.OK);
            assertThat((Boolean) JsonPath.read(acknowledged.getBody(), "$.alreadyAcknowledged")).isFalse();
        }
        Eventually.until("the links no longer kept", () -> pending.link(
                messageId, families.get("email-en"), "email-en").isEmpty() && pending.link(
                messageId, families.get("email-so"), "email-so").isEmpty());
        assertNoEventHolds(messageId, tokens);
    }

    @Test
    void aCopyWhoseLinkIsMissingFailsRatherThanGoWithTheMark() {
        String message = Drafts.draft(api, leader(), NORTH, "MESSAGE",
                                      List.of(Drafts.text("en", "Survey", "Tell us: {link}")));
        assertThat(api.post(message + "/sending", Map.of("familyIds", List.of(families.get("email-en"))),
                            leader()).getStatusCode()).isEqualTo(HttpStatus.OK);
        Eventually.until("the copy failed", () -> api.get(message + "/copies?state=FAILED", leader())
                                                      .getBody().contains("No personal link"));
        assertThat(email.accepted()).noneMatch(o -> o.messageId().equals(Drafts.id(message)));
    }

    private static Map<String, Object> message(String english) {
        return Map.of("fallbackLanguage", "en", "texts", List.of(
                Map.of("language", "en", "subject", "From school", "body", english),
                Map.of("language", "so", "subject", "Dugsiga", "body", "Noo sheeg: {link}")));
    }

    /** The message's emailed copies, once the provider has them all. */
    private List<Outgoing> emailed(String messageId, int copies) {
        Eventually.until("every email handed over", () -> email.accepted().stream()
                .filter(o -> o.messageId().equals(messageId)).count() == copies);
        return email.accepted().stream().filter(o -> o.messageId().equals(messageId)).toList();
    }

    /** The path of the one link in a text, checked to be on the service's public address. */
    private static String linkIn(String text, String path) {
        Matcher link = Pattern.compile(Pattern.quote(PUBLIC) + "(" + Pattern.quote(path) + "[A-Za-z0-9_-]{22})")
                              .matcher(text);
        assertThat(link.find()).as("a link in: " + text).isTrue();
        assertThat(text).doesNotContain(PendingLinks.MARK);
        return link.group(1);
    }

    /** Every event's payload as stored, read back from the start of the log, the message's sending among them. */
    private void assertNoEventHolds(String messageId, List<String> paths) {
        List<String> stored = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> log = eventStore.openStream(null)) {
            while (log.hasNextAvailable()) {
                stored.add(log.nextAvailable().serializePayload(axon.eventSerializer(), String.class).getData());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(stored).as("the log was read, the sending too")
                          .anyMatch(payload -> payload.contains(messageId) && payload.contains("copies"));
        for (String path : paths) {
            String token = path.substring(path.lastIndexOf('/') + 1);
            assertThat(stored).noneMatch(payload -> payload.contains(token));
        }
    }

    private HttpHeaders staff(String role) {
        return Staff.at(trust, role, role + "-1", NORTH);
    }

    private HttpHeaders leader() {
        return staff("school-leader");
    }
}
