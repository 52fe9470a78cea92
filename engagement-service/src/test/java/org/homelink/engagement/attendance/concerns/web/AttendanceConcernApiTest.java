package org.homelink.engagement.attendance.concerns.web;

import org.homelink.platform.testing.NoPersonalDataInLogs;
import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportPlanAgreed;
import org.homelink.engagement.attendance.concerns.query.ConcernProjection;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A concern's whole path over HTTP on the embedded store, support first: raised, a conversation with the parents,
 * support agreed, its review overdue, the senior attendance champion, the local authority, closed.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NoPersonalDataInLogs({"Mornings are hard while Amina's mother is unwell"})
class AttendanceConcernApiTest {

    private static final String NORTH = "950001";
    private static final String SOUTH = "950002";
    private final String trust = "riverside-" + UUID.randomUUID().toString().substring(0, 8);
    private final String hodan = "hodan-" + UUID.randomUUID().toString().substring(0, 6);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private ConcernProjection concerns;

    private Api api;

    @BeforeAll
    void pupilArrives() {
        api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        familyService.registerSchool(trust, SOUTH, "South Primary");
        FamilyServiceEvents.Family warsame = familyService.family(trust, NORTH, "The Warsame family")
                                                          .carer("amina", ContactChannel.PHONE_CALL, "so", true)
                                                          .child(hodan, YearGroup.YEAR_3)
                                                          .barrier(Barrier.TIME_CONSTRAINTS, Instant.now());
        await(() -> directory.isSchoolOfTrust(SOUTH, trust)
                    && directory.family(warsame.id()).map(f -> f.familyVersion() >= warsame.version()).orElse(false));
    }

    @Test
    void supportFirstThenTheChampionThenTheLocalAuthority() {
        String base = "/api/engagement/attendance/schools/" + NORTH + "/concerns";
        ResponseEntity<String> raised = api.post(base, Map.of("childId", hodan, "reason", "PERSISTENT_ABSENCE"),
                                                 officer());
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
        String concernId = JsonPath.read(raised.getBody(), "$.concern.concernId");
        assertThat((String) JsonPath.read(raised.getBody(), "$.carers[0].channel")).isEqualTo("PHONE_CALL");
        assertThat((String) JsonPath.read(raised.getBody(), "$.carers[0].language")).isEqualTo("so");
        assertThat((Boolean) JsonPath.read(raised.getBody(), "$.carers[0].needsInterpreter")).isTrue();
        assertThat((List<String>) JsonPath.read(raised.getBody(), "$.openBarriers")).containsExactly("TIME_CONSTRAINTS");
        assertThat(api.post(base, Map.of("childId", hodan, "reason", "AT_RISK"), officer()).getStatusCode())
                .as("one open concern per pupil").isEqualTo(HttpStatus.CONFLICT);

        String concern = base + "/" + concernId;
        ResponseEntity<String> talked = api.post(concern + "/conversations", Map.of(
                "carerIds", List.of("amina"), "happenedAt", Instant.now().minusSeconds(600).toString(),
                "summary", "Mornings are hard while Amina's mother is unwell"), officer());
        assertThat(talked.getStatusCode()).as(talked.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(api.post(concern + "/champion", Map.of("championId", "head-n"), officer()).getStatusCode())
                .as("never before support has been tried").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(api.post(concern + "/support-plan", Map.of("actions", List.of("Breakfast club"),
                                                                "reviewOn", LocalDate.now().toString()), officer())
                      .getStatusCode()).as("the review is after today").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        // Support agreed weeks ago, as the log holds it once its review date has passed without a review.
        eventStore.publish(new GenericDomainEventMessage<>("AttendanceConcern", concernId, 2, new SupportPlanAgreed(
                concernId, NORTH, List.of("Breakfast club place"), LocalDate.now().minusDays(1), "officer-n",
                Instant.now().minus(Duration.ofDays(28)))));
        await(() -> concerns.versionOf(concernId) >= 2);
        ResponseEntity<String> list = api.get(base, officer());
        assertThat((List<Boolean>) JsonPath.read(list.getBody(), "$[?(@.concernId == '" + concernId
                                                                 + "')].reviewOverdue")).containsExactly(true);

        assertThat(api.post(concern + "/reviews", Map.of("helped", false), officer()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.post(concern + "/champion", Map.of("championId", "head-n"), keyWorker()).getStatusCode())
                .as("escalation is for attendance officers and leaders").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post(concern + "/champion", Map.of("championId", "head-n"), officer()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.post(concern + "/local-authority-referral", Map.of(), officer()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> closed = api.post(concern + "/closure", Map.of("outcome", "WITH_LOCAL_AUTHORITY"),
                                                 officer());
        assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(closed.getBody(), "$.concern.steps[*].kind"))
                .containsExactly("RAISED", "CONVERSATION", "SUPPORT_PLAN", "REVIEW", "SENIOR_ATTENDANCE_CHAMPION",
                                 "LOCAL_AUTHORITY", "CLOSED");
        assertThat((Boolean) JsonPath.read(closed.getBody(), "$.reviewOverdue")).isFalse();

        ResponseEntity<String> again = api.post(base, Map.of("childId", hodan, "reason", "AT_RISK"), officer());
        assertThat(again.getStatusCode()).as("a new concern once the last is closed").isEqualTo(HttpStatus.CREATED);
        assertThat((String) JsonPath.read(again.getBody(), "$.concern.concernId")).isNotEqualTo(concernId);
    }

    @Test
    void staffOfTheSchoolOnly() {
        String base = "/api/engagement/attendance/schools/" + NORTH + "/concerns";
        assertThat(api.get(base, Staff.at(trust, "attendance-officer", "officer-s", SOUTH)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(base, Staff.at("hilltop", "trust-leader", "stranger", NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders partner = Staff.partner("food-bank", "p-1");
        assertThat(api.get(base, partner).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post(base, Map.of("childId", hodan, "reason", "AT_RISK"),
                            Staff.at(trust, "teacher", "teacher-n", NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get(base + "/attendance-concern-" + NORTH + "-nobody-1", officer()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private HttpHeaders officer() {
        return Staff.at(trust, "attendance-officer", "officer-n", NORTH);
    }

    private HttpHeaders keyWorker() {
        return Staff.at(trust, "key-worker", "staff-n", NORTH);
    }

    private static void await(BooleanSupplier shown) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!shown.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the read model caught up in time").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
