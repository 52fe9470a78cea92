package org.homelink.family.families.erasure;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.platform.privacy.FamilyKeys;
import org.homelink.platform.retention.RetentionOutcome;
import org.homelink.platform.retention.RetentionSchedule;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The retention schedule on a clock the test sets, a year from now at 02:30 in London: a family whose last child left
 * six years and a day before is erased, for retention, by the system; one whose child left five years before, and one
 * with a child still on roll, are kept; and a second run finds nothing more to do.
 */
@NoPersonalDataInLogs({"Ferreira-Lund", "Abernethy-Osei", "Kowalczyk-Brandt"})
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyRetentionTest {

    private static final String NORTH = "950001";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String RULE = "families whose children all left more than P6Y ago";

    private final String trust = "retention-" + UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate today = LocalDate.now(LONDON).plusYears(1);
    private final Instant at = today.atTime(LocalTime.of(2, 30)).atZone(LONDON).toInstant();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private RetentionSchedule retention;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyKeys keys;

    @BeforeAll
    void registerTheTrust() {
        assertThat(post("/api/families/trusts", Map.of("trustId", trust, "name", "Retention Trust"),
                        staff("trust-leader")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/families/trusts/" + trust + "/schools",
                        Map.of("schoolUrn", NORTH, "name", "North Primary", "phase", "PRIMARY", "postcode", "RB1 1AA"),
                        staff("trust-leader")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aFamilyWhoseLastChildLeftMoreThanSixYearsAgoIsErasedAndNoOtherAndOnlyOnce() {
        String leftSixYearsAndADayAgo = familyWithChildWhoLeft("The Ferreira-Lund family",
                                                               today.minusYears(6).minusDays(1));
        String leftFiveYearsAgo = familyWithChildWhoLeft("The Abernethy-Osei family", today.minusYears(5));
        String stillOnRoll = familyWithChildWhoLeft("The Kowalczyk-Brandt family", null);

        Map<String, RetentionOutcome> first = retention.applyAt(at);

        assertThat(first.get(RULE).removed()).contains(leftSixYearsAndADayAgo)
                                             .doesNotContain(leftFiveYearsAgo, stillOnRoll);
        assertThat(get("/api/families/" + leftSixYearsAndADayAgo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(keys.isErasedInStore(leftSixYearsAndADayAgo)).isTrue();
        List<Object> events = eventsOf(leftSixYearsAndADayAgo);
        FamilyErased erased = (FamilyErased) events.get(events.size() - 1);
        assertThat(erased.reason()).isEqualTo(ErasureReason.RETENTION);
        assertThat(erased.erasedBy()).isEqualTo(FamilyRetention.SYSTEM);
        assertThat(erased.erasedAt()).isEqualTo(at);
        assertThat(get("/api/families/" + leftFiveYearsAgo).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/families/" + stillOnRoll).getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, RetentionOutcome> second = retention.applyAt(at);

        assertThat(second.get(RULE).removed()).isEmpty();
        assertThat(second.get(RULE).skipped()).isEmpty();
        assertThat(eventsOf(leftSixYearsAndADayAgo)).hasSameSizeAs(events);
        assertThat(get("/api/families/" + leftFiveYearsAgo).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void twoInstancesRunningTheRuleAtOnceEraseAFamilyOnce() throws Exception {
        String familyId = familyWithChildWhoLeft("The Ferreira-Lund family", today.minusYears(7));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, RetentionOutcome>>> runs = instances.invokeAll(
                    List.of(() -> retention.applyAt(at), () -> retention.applyAt(at)));
            List<String> removed = new ArrayList<>();
            for (Future<Map<String, RetentionOutcome>> run : runs) {
                removed.addAll(run.get(30, TimeUnit.SECONDS).get(RULE).removed());
            }
            assertThat(removed).containsOnlyOnce(familyId);
        } finally {
            instances.shutdownNow();
        }
        assertThat(eventsOf(familyId).stream().filter(FamilyErased.class::isInstance)).hasSize(1);
        assertThat(get("/api/families/" + familyId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String familyWithChildWhoLeft(String name, LocalDate leftOn) {
        ResponseEntity<String> registered = post("/api/families", Map.of("schoolUrn", NORTH, "familyName", name),
                                                 staff("key-worker", NORTH));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String familyId = JsonPath.read(registered.getBody(), "$.familyId");
        ResponseEntity<String> child = post("/api/families/" + familyId + "/children", Map.of(
                "name", "Child of " + name, "dateOfBirth", "2004-01-10", "yearGroup", "YEAR_6", "send", false,
                "schoolUrn", NORTH, "enrolledOn", "2008-09-03"), staff("key-worker", NORTH));
        assertThat(child.getStatusCode()).as(child.getBody()).isEqualTo(HttpStatus.CREATED);
        if (leftOn != null) {
            String childId = JsonPath.read(child.getBody(), "$.id");
            ResponseEntity<String> left = post("/api/families/" + familyId + "/children/" + childId + "/leaving",
                                               Map.of("leftOn", leftOn.toString()), staff("key-worker", NORTH));
            assertThat(left.getStatusCode()).as(left.getBody()).isEqualTo(HttpStatus.OK);
        }
        return familyId;
    }

    private List<Object> eventsOf(String familyId) {
        return eventStore.readEvents(familyId).asStream().map(message -> (Object) message.getPayload()).toList();
    }

    private HttpHeaders staff(String role, String... schools) {
        return TestTokens.bearer(TestTokens.staff(trust, role, role + "-1", schools));
    }

    private ResponseEntity<String> get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(staff("trust-leader")), String.class);
    }

    private ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        HttpHeaders withBody = new HttpHeaders(headers);
        withBody.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, withBody), String.class);
    }
}
