package org.homelink.engagement.families.web;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.Eventually;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Everyone who sees a family sees its engagement, but its support needs (barriers, referrals) only those whose work is
 * supporting families: a teacher or office staff see neither in the family, in its timeline, nor through an audience
 * drawn by barrier.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportNeedsByRoleTest {

    private static final String SCHOOL = "978111";

    private final String trust = "support-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;

    private Api api;
    private String familyId;

    @BeforeAll
    void aFamilyWithABarrierReferredToAPartner() {
        api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, SCHOOL, "Support Primary");
        familyId = familyService.family(trust, SCHOOL, "The Okafor family")
                                .carer("chidi", ContactChannel.SMS, "en", false)
                                .child("ada", YearGroup.YEAR_2)
                                .barrier(Barrier.ANXIETY_ABOUT_SCHOOL, Instant.now().minus(Duration.ofDays(2)))
                                .seenBy(directory);
        String referral = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("Referral", referral, 0, new ReferralMade(
                referral, "need-1", familyId, trust, Set.of(SCHOOL), "food-bank", "The Food Bank", "service-1",
                "Food parcels", "food", "kw-1", Instant.now().minus(Duration.ofDays(1)))));
        Eventually.until("the referral shows on the timeline", () -> timelineTypes(staff("key-worker"))
                .contains("REFERRAL_MADE"));
    }

    @Test
    void aTeacherSeesTheFamilysEngagementButNotItsBarriersOrReferrals() {
        for (String role : List.of("teacher", "office-staff")) {
            List<String> types = timelineTypes(staff(role));
            assertThat(types).as(role).contains("FamilyRegistered", "CarerAdded", "ChildEnrolled")
                             .doesNotContain("BarrierRecorded", "REFERRAL_MADE");
            String family = api.get("/api/engagement/families/" + familyId, staff(role)).getBody();
            assertThat((List<Object>) JsonPath.read(family, "$.family.barriers")).as(role).isEmpty();
            assertThat(family).as(role).doesNotContain("ANXIETY_ABOUT_SCHOOL", "Food parcels");
        }
    }

    @Test
    void whoSupportsFamiliesSeesThem() {
        assertThat(timelineTypes(staff("key-worker"))).contains("BarrierRecorded", "REFERRAL_MADE");
        assertThat(timelineTypes(staff("attendance-officer"))).as("barriers, but referrals are not theirs")
                                                              .contains("BarrierRecorded")
                                                              .doesNotContain("REFERRAL_MADE");
        String family = api.get("/api/engagement/families/" + familyId, staff("key-worker")).getBody();
        assertThat((List<String>) JsonPath.read(family, "$.family.barriers[*].barrier"))
                .containsExactly("ANXIETY_ABOUT_SCHOOL");
    }

    @Test
    void onlyWhoSeesBarriersDrawsAnAudienceByThem() {
        Instant start = Instant.now().plus(Duration.ofDays(2));
        Map<String, Object> activity = new HashMap<>(Map.of(
                "schoolUrn", SCHOOL, "kind", "COFFEE_MORNING", "title", "Coffee morning", "start", start.toString(),
                "end", start.plus(Duration.ofHours(1)).toString(), "place", "The hall",
                "involvementTypes", List.of("COMMUNICATING")));
        ResponseEntity<String> scheduled = api.post("/api/engagement/activities", activity, staff("teacher"));
        assertThat(scheduled.getStatusCode().value()).as(scheduled.getBody()).isEqualTo(201);
        String invitations = scheduled.getHeaders().getLocation().getPath() + "/invitations";

        Map<String, Object> byBarrier = Map.of("barriers", List.of("ANXIETY_ABOUT_SCHOOL"));
        ResponseEntity<String> byTeacher = api.post(invitations, byBarrier, staff("teacher"));
        assertThat(byTeacher.getStatusCode().value()).as(byTeacher.getBody()).isEqualTo(403);
        assertThat(byTeacher.getBody()).doesNotContain(familyId);
        ResponseEntity<String> byKeyWorker = api.post(invitations, byBarrier, staff("key-worker"));
        assertThat((Integer) JsonPath.read(byKeyWorker.getBody(), "$.invited")).isEqualTo(1);
    }

    private List<String> timelineTypes(HttpHeaders caller) {
        ResponseEntity<String> timeline = api.get("/api/engagement/families/" + familyId + "/timeline", caller);
        assertThat(timeline.getStatusCode().value()).as(timeline.getBody()).isEqualTo(200);
        return JsonPath.read(timeline.getBody(), "$.entries[*].type");
    }

    private HttpHeaders staff(String role) {
        return Staff.at(trust, role, role + "-1", SCHOOL);
    }
}
