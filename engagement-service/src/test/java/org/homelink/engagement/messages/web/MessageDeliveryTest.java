package org.homelink.engagement.messages.web;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Eventually;
import org.homelink.engagement.messages.MessagingApplicationTest;
import org.homelink.engagement.messages.MessagingTestConfiguration.MovableClock;
import org.homelink.engagement.messages.MessagingTestConfiguration.ScriptedProvider;
import org.homelink.engagement.messages.delivery.DeliveryReports;
import org.homelink.engagement.messages.delivery.DeliveryState;
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
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages over time, on a clock the test moves: retries with back-off until a copy fails and becomes a staff
 * task, a scheduled message that goes when its time comes, and families' digests and the weekly limit.
 */
@MessagingApplicationTest
class MessageDeliveryTest {

    static final String EAST = "961001";
    static final String WEST = "961002";
    static final String MESSAGES = Drafts.MESSAGES;

    private final String trust = "msg-time-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private MovableClock clock;
    @Autowired
    @Qualifier("emailProvider")
    private ScriptedProvider email;
    @Autowired
    private DeliveryReports reports;

    private Api api;
    private final Map<String, String> families = new HashMap<>();

    @BeforeAll
    void families() {
        api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, EAST, "East Primary");
        familyService.registerSchool(trust, WEST, "West Primary");
        add(familyService, EAST, "down", ContactChannel.EMAIL, "later@example.org");
        add(familyService, EAST, "busy", ContactChannel.EMAIL, "later-2-busy@example.org");
        add(familyService, EAST, "gone", ContactChannel.EMAIL, "never@example.org");
        add(familyService, EAST, "scheduled", ContactChannel.APP, null);
        add(familyService, WEST, "digest", ContactChannel.APP, null);
        add(familyService, WEST, "keen", ContactChannel.APP, null);
    }

    private void add(FamilyServiceEvents familyService, String school, String carer, ContactChannel channel,
                     String mail) {
        FamilyServiceEvents.Family family = familyService.family(trust, school, "Family " + carer)
                .carer(carer, new ContactPreferences(channel, "en", false, false, null, null), null, mail);
        families.put(carer, family.id());
        Eventually.until("family reached engagement-service",
                         () -> directory.familyVersionOf(family.id()) >= family.version());
    }

    @Test
    void aProviderThatCannotTakeItIsTriedAfterItsBackOffThenTheCopyFailsAndBecomesAStaffTask() {
        String message = draft(staff("teacher", EAST), EAST, "MESSAGE");
        assertThat(api.post(message + "/sending", Map.of("familyIds", List.of(
                families.get("down"), families.get("busy"), families.get("gone"))), staff("teacher", EAST))
                      .getStatusCode()).isEqualTo(HttpStatus.OK);

        Eventually.until("refused at once", () -> copy(message, "gone").get("state").equals("FAILED"));
        assertThat(copy(message, "gone")).containsEntry("attempts", 1).containsEntry("reason", "No such mailbox");
        Eventually.until("tried once", () -> (Integer) copy(message, "down").get("attempts") == 1);
        Map<String, Object> down = copy(message, "down");
        assertThat(down).containsEntry("state", "QUEUED").containsEntry("reason", "Provider down");
        Instant next = Instant.parse((String) down.get("nextAttemptAt"));
        assertThat(next).isBetween(clock.instant().plusSeconds(50), clock.instant().plusSeconds(61));
        pause();
        assertThat(email.tries(deliveryId(message, "down"))).as("not before its back-off").isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        Eventually.until("tried again after a minute", () -> (Integer) copy(message, "down").get("attempts") == 2);
        assertThat(Instant.parse((String) copy(message, "down").get("nextAttemptAt")))
                .as("then five minutes").isAfter(clock.instant().plus(Duration.ofMinutes(4)));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Eventually.until("failed after the last attempt", () -> copy(message, "down").get("state").equals("FAILED"));
        assertThat(copy(message, "down")).containsEntry("attempts", 3).containsEntry("staffTask", true);
        assertThat(copy(message, "busy")).as("taken at the third try").containsEntry("state", "SENT")
                                         .containsEntry("attempts", 3);
        assertThat(email.tries(deliveryId(message, "down"))).isEqualTo(3);

        Map<String, Integer> states = JsonPath.read(api.get(message, staff("teacher", EAST)).getBody(), "$.states");
        assertThat(states).containsEntry("FAILED", 2).containsEntry("SENT", 1).containsEntry("QUEUED", 0);
        ResponseEntity<String> tasks = api.get(MESSAGES + "/tasks?school=" + EAST, staff("teacher", EAST));
        assertThat((List<String>) JsonPath.read(tasks.getBody(), "$.items[?(@.why == 'FAILED')].carerId"))
                .containsExactlyInAnyOrder("down", "gone");
        assertThat(tasks.getBody()).doesNotContain("example.org");
    }

    @Test
    void aScheduledMessageGoesWhenItsTimeComesAndACancelledOneNever() {
        HttpHeaders teacher = staff("teacher", EAST);
        String message = draft(teacher, EAST, "NEWSLETTER");
        Map<String, Object> audience = Map.of("familyIds", List.of(families.get("scheduled")));
        ResponseEntity<String> scheduled = api.post(message + "/schedule", Map.of(
                "sendAt", clock.instant().plus(Duration.ofHours(2)).toString(), "audience", audience), teacher);
        assertThat(scheduled.getStatusCode()).as(scheduled.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(api.get(message, teacher).getBody()).contains("\"stage\":\"SCHEDULED\"");
        assertThat((Integer) JsonPath.read(api.get(message + "/preview", teacher).getBody(), "$.copies"))
                .as("its own audience").isEqualTo(1);
        String cancelled = draft(teacher, EAST, "MESSAGE");
        // On London's clocks, as a school thinks of it: an hour from now.
        String inAnHour = clock.instant().plus(Duration.ofHours(1)).atZone(SchoolTime.ZONE).toLocalDateTime()
                               .truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(api.post(cancelled + "/schedule", Map.of("londonTime", inAnHour, "audience", audience), teacher)
                      .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) JsonPath.read(api.get(cancelled, teacher).getBody(), "$.sendAt"))
                .isEqualTo(LocalDateTime.parse(inAnHour).atZone(SchoolTime.ZONE).toInstant().toString());
        assertThat(api.post(cancelled + "/cancellation", Map.of(), teacher).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        pause();
        assertThat(api.get(message, teacher).getBody()).as("not before its time").contains("\"stage\":\"SCHEDULED\"");

        clock.advance(Duration.ofHours(2));
        Eventually.until("sent at its time", () -> api.get(message, teacher).getBody().contains("\"stage\":\"SENT\""));
        Eventually.until("in the carer's feed", () -> feed("scheduled").contains(Drafts.id(message)));
        assertThat(feed("scheduled")).doesNotContain(Drafts.id(cancelled));
        assertThat(api.get(cancelled, teacher).getBody()).contains("\"stage\":\"CANCELLED\"");
        assertThat(api.post(cancelled + "/sending", audience, teacher).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aFamilysDigestAndTheWeeklyLimitHoldMessagesUntilTheDigestButNotUrgentOnes() {
        // The digest in three hours' time, London; the limit two a week.
        ZonedDateTime digestAt = clock.instant().plus(Duration.ofHours(3)).atZone(SchoolTime.ZONE)
                                      .truncatedTo(ChronoUnit.MINUTES);
        ResponseEntity<String> settings = api.put(MESSAGES + "/schools/" + WEST + "/settings", Map.of(
                "digestDay", digestAt.getDayOfWeek().name(), "digestTime", digestAt.toLocalTime().toString(),
                "weeklyLimit", 2), staff("school-leader", WEST));
        assertThat(settings.getStatusCode()).as(settings.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> chosen = api.put(MESSAGES + "/families/" + families.get("digest") + "/digest",
                                                Map.of("digest", true), staff("office-staff", WEST));
        assertThat(chosen.getStatusCode()).as(chosen.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((Boolean) JsonPath.read(chosen.getBody(), "$.family")).isTrue();
        Map<String, Object> both = Map.of("familyIds", List.of(families.get("digest"), families.get("keen")));

        List<String> held = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String message = draft(staff("teacher", WEST), WEST, "MESSAGE");
            held.add(message);
            ResponseEntity<String> sent = api.post(message + "/sending", both, staff("teacher", WEST));
            assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
            assertThat((Integer) JsonPath.read(sent.getBody(), "$.preview.heldForDigest")).isEqualTo(1);
            assertThat((Integer) JsonPath.read(sent.getBody(), "$.preview.overWeeklyLimit"))
                    .as("message " + i).isEqualTo(i == 3 ? 1 : 0);
            String last = Drafts.id(message);
            if (i < 3) {
                Eventually.until("the keen family has it", () -> feed("keen").contains(last));
            }
        }
        String urgent = draft(staff("school-leader", WEST), WEST, "URGENT");
        ResponseEntity<String> sent = api.post(urgent + "/sending", both, staff("school-leader", WEST));
        assertThat((Integer) JsonPath.read(sent.getBody(), "$.preview.heldForDigest")).isZero();
        assertThat((Integer) JsonPath.read(sent.getBody(), "$.preview.overWeeklyLimit")).isZero();
        Eventually.until("urgent goes to both at once",
                         () -> feed("keen").contains(Drafts.id(urgent)) && feed("digest").contains(Drafts.id(urgent)));
        pause();
        assertThat(feed("digest")).as("everything else waits for the digest").hasSize(1);
        assertThat(feed("keen")).hasSize(3);

        clock.advance(Duration.ofHours(3).plusMinutes(1));
        Eventually.until("the digest goes", () -> feed("digest").size() == 4 && feed("keen").size() == 4);

        // One hand-over for the family's three: a receipt for the copy the provider knows it by is for all three.
        List<Map<String, Object>> digested = held.stream().map(m -> copy(m, "digest", WEST)).toList();
        assertThat(digested).allSatisfy(c -> assertThat(c).containsEntry("heldFor", "DIGEST")
                                                          .containsEntry("state", "DELIVERED"));
        String reference = (String) digested.get(0).get("digest");
        assertThat(digested).allSatisfy(c -> assertThat(c).containsEntry("digest", reference));
        assertThat(reports.report(reference, DeliveryState.READ, null, clock.instant())).isTrue();
        Eventually.until("read, all three", () -> held.stream().allMatch(
                m -> copy(m, "digest", WEST).get("state").equals("READ")));
    }

    private List<String> feed(String carer) {
        ResponseEntity<String> feed = api.get(MESSAGES + "/feed/families/" + families.get(carer) + "/carers/" + carer
                                              + "?size=50", staff("office-staff", EAST, WEST));
        assertThat(feed.getStatusCode()).as(feed.getBody()).isEqualTo(HttpStatus.OK);
        return JsonPath.read(feed.getBody(), "$.items[*].messageId");
    }

    private Map<String, Object> copy(String message, String carerId) {
        return copy(message, carerId, EAST);
    }

    private Map<String, Object> copy(String message, String carerId, String school) {
        ResponseEntity<String> report = api.get(message + "/copies", staff("teacher", school));
        List<Map<String, Object>> found = JsonPath.read(report.getBody(),
                                                        "$.items[?(@.carerId == '" + carerId + "')]");
        return found.get(0);
    }

    private String deliveryId(String message, String carerId) {
        return (String) copy(message, carerId).get("deliveryId");
    }

    private String draft(HttpHeaders who, String school, String kind) {
        return Drafts.draft(api, who, school, kind, List.of(Drafts.text("en", "News", "Something happened.")));
    }


    private HttpHeaders staff(String role, String... schools) {
        return Staff.at(trust, role, "staff-" + role, schools);
    }

    /** Long enough for several rounds of the dispatcher, to show that it did not do something. */
    private static void pause() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
