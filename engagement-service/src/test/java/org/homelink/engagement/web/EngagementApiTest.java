package org.homelink.engagement.web;

import org.homelink.platform.testing.NoPersonalDataInLogs;
import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.activities.events.SlotBooked;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.ProcessorReplay;
import org.homelink.engagement.testing.Staff;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * engagement-service over HTTP on the embedded store: family-service's events arrive in the shared log, and staff
 * schedule, invite, record answers and check-ins, log contacts, and read reach, the underserved list and caseloads.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NoPersonalDataInLogs({"Worried about reading", "Asked about uniform", "Talked about mornings"})
class EngagementApiTest {

    private final String trust = "riverside-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTrust = "hilltop-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NORTH = "920001";
    private static final String SOUTH = "920002";
    private static final String ELSEWHERE = "920009";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;

    private FamilyServiceEvents familyService;

    @BeforeAll
    void registerTheSchools() {
        familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        familyService.registerSchool(trust, SOUTH, "South Primary");
        familyService.registerSchool(otherTrust, ELSEWHERE, "Hilltop Primary");
    }

    @Test
    void aFamilyIsInvitedByItsCarersOwnChannelAndLanguageAnswersComesAndIsReached() {
        FamilyServiceEvents.Family family = arrived(familyService.family(trust, NORTH, "The Warsame family")
                                                                 .carer("amina", ContactChannel.SMS, "so", true)
                                                                 .carer("yusuf", ContactChannel.PHONE_CALL, "en", false)
                                                                 .child("hodan", YearGroup.YEAR_3));
        assertThat(reasonsFor(family.id(), NORTH)).contains("NO_TWO_WAY_CONTACT");
        String activityId = schedule(coffeeMorning(NORTH, Instant.now().plus(30, ChronoUnit.MINUTES)));

        ResponseEntity<String> invited = post("/api/engagement/activities/" + activityId + "/invitations",
                                              Map.of("yearGroups", List.of("YEAR_3")), staff(NORTH));
        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) JsonPath.read(invited.getBody(), "$.invited")).isEqualTo(1);
        ResponseEntity<String> invitations = get("/api/engagement/activities/" + activityId + "/invitations",
                                                 staff(NORTH));
        assertThat((List<String>) JsonPath.read(invitations.getBody(), "$[0].carers[?(@.carerId=='amina')].channel"))
                .containsExactly("SMS");
        assertThat((List<String>) JsonPath.read(invitations.getBody(), "$[0].carers[?(@.carerId=='amina')].language"))
                .containsExactly("so");
        assertThat((List<Boolean>) JsonPath.read(invitations.getBody(),
                                                 "$[0].carers[?(@.carerId=='amina')].interpreterBooked"))
                .containsExactly(true);
        assertThat((List<Boolean>) JsonPath.read(invitations.getBody(), "$[0].carers[?(@.carerId=='yusuf')].byStaff"))
                .containsExactly(true);

        assertThat(put("/api/engagement/activities/" + activityId + "/invitations/" + family.id() + "/answer",
                       Map.of("carerId", "amina", "answer", "YES", "wouldHelp", List.of("CHILDCARE")), staff(NORTH))
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> checkedIn = post("/api/engagement/activities/" + activityId + "/occurrences/1/check-ins",
                                                Map.of("familyId", family.id(), "carerIds", List.of("amina"),
                                                       "childIds", List.of("hodan")), staff(NORTH));
        assertThat(checkedIn.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> detail = get("/api/engagement/activities/" + activityId, staff(NORTH));
        assertThat((Integer) JsonPath.read(detail.getBody(), "$.yes")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(detail.getBody(), "$.attendedByOccurrence.1")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(detail.getBody(), "$.wouldHelp.CHILDCARE")).isEqualTo(1);
        assertThat(detail.getHeaders().getETag()).isEqualTo("\"3\"");

        awaitFamily(family.id(), f -> !f.invitations().isEmpty() && f.invitations().get(0).cameToAny());
        ResponseEntity<String> reach = get("/api/engagement/reach?school=" + NORTH, staff(NORTH));
        assertThat(reach.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) JsonPath.read(reach.getBody(), "$.overall.withTwoWayContact")).isPositive();
        assertThat((List<Integer>) JsonPath.read(reach.getBody(), "$.byYearGroup[?(@.value=='YEAR_3')].reach.attended"))
                .allMatch(count -> count >= 1);
        assertThat(reasonsFor(family.id(), NORTH)).isEmpty();

        ResponseEntity<String> timeline = get("/api/engagement/families/" + family.id() + "/timeline", staff(NORTH));
        assertThat((List<String>) JsonPath.read(timeline.getBody(), "$.entries[*].type"))
                .contains("FamilyRegistered", "CarerAdded", "ChildEnrolled", "INVITED", "ANSWERED_YES", "ATTENDED");
    }

    @Test
    void anAudienceNarrowsTheRollAndNeverReachesBeyondIt() {
        FamilyServiceEvents.Family somali = arrived(familyService.family(trust, NORTH, "Somali speakers")
                                                                 .carer("c1", ContactChannel.SMS, "so", false)
                                                                 .child("k1", YearGroup.YEAR_1)
                                                                 .barrier(Barrier.COMMUNICATION, Instant.now()));
        FamilyServiceEvents.Family polish = arrived(familyService.family(trust, NORTH, "Polish speakers")
                                                                 .carer("c2", ContactChannel.EMAIL, "pl", false)
                                                                 .child("k2", YearGroup.YEAR_1));
        FamilyServiceEvents.Family south = arrived(familyService.family(trust, SOUTH, "At another school")
                                                                .carer("c3", ContactChannel.SMS, "so", false)
                                                                .child("k3", YearGroup.YEAR_1));
        FamilyServiceEvents.Family noCarer = arrived(familyService.family(trust, NORTH, "No carer yet")
                                                                  .child("k4", YearGroup.YEAR_1));
        String activityId = schedule(coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(2))));

        ResponseEntity<String> bySomali = post("/api/engagement/activities/" + activityId + "/invitations",
                                               Map.of("languages", List.of("SO"), "yearGroups", List.of("YEAR_1")),
                                               staff(NORTH));
        assertThat((Integer) JsonPath.read(bySomali.getBody(), "$.invited")).isEqualTo(1);
        ResponseEntity<String> byBarrier = post("/api/engagement/activities/" + activityId + "/invitations",
                                                Map.of("barriers", List.of("COMMUNICATION")), staff(NORTH));
        assertThat((Integer) JsonPath.read(byBarrier.getBody(), "$.invited")).isZero(); // already invited
        ResponseEntity<String> everyone = post("/api/engagement/activities/" + activityId + "/invitations",
                                               Map.of("everyone", true), staff(NORTH));
        assertThat((List<String>) JsonPath.read(everyone.getBody(), "$.withoutCarers")).contains(noCarer.id());
        List<String> invitedIds = JsonPath.read(get("/api/engagement/activities/" + activityId + "/invitations",
                                                    staff(NORTH)).getBody(), "$[*].familyId");
        assertThat(invitedIds).contains(somali.id(), polish.id()).doesNotContain(south.id(), noCarer.id());

        ResponseEntity<String> stranger = post("/api/engagement/activities/" + activityId + "/invitations",
                                               Map.of("familyIds", List.of(south.id())), staff(NORTH));
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(stranger.getBody(), "$.field")).isEqualTo("familyIds");

        // An activity several schools share draws on their rolls, for a caller who acts for them all.
        ResponseEntity<String> notTheirs = post("/api/engagement/activities/" + activityId + "/invitations",
                                                Map.of("schools", List.of(SOUTH), "everyone", true), staff(NORTH));
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(notTheirs.getBody(), "$.field")).isEqualTo("schools");
        HttpHeaders bothSchools = Staff.at(trust, "key-worker", "kw-both", NORTH, SOUTH);
        ResponseEntity<String> shared = post("/api/engagement/activities/" + activityId + "/invitations",
                                             Map.of("schools", List.of(NORTH, SOUTH), "languages", List.of("so"),
                                                    "yearGroups", List.of("YEAR_1")), bothSchools);
        assertThat((Integer) JsonPath.read(shared.getBody(), "$.invited")).isEqualTo(1);
        assertThat(put("/api/engagement/activities/" + activityId + "/invitations/" + south.id() + "/answer",
                       Map.of("carerId", "c3", "answer", "YES"), staff(NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void interpretersStillToBookCountOnlyTheFamiliesInvitedNow() {
        FamilyServiceEvents.Family first = arrived(familyService.family(trust, NORTH, "Invited first")
                                                                .carer("i1", ContactChannel.SMS, "pl", true));
        FamilyServiceEvents.Family later = arrived(familyService.family(trust, NORTH, "Invited later")
                                                                .carer("i2", ContactChannel.SMS, "pl", true));
        String invitations = "/api/engagement/activities/"
                             + schedule(coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(2)))) + "/invitations";

        ResponseEntity<String> byName = post(invitations, Map.of("familyIds", List.of(first.id())), staff(NORTH));
        assertThat((Integer) JsonPath.read(byName.getBody(), "$.interpreterNeeded.pl")).isEqualTo(1);
        ResponseEntity<String> both = post(invitations, Map.of("familyIds", List.of(first.id(), later.id())),
                                           staff(NORTH));

        assertThat((Integer) JsonPath.read(both.getBody(), "$.invited")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(both.getBody(), "$.matched")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(both.getBody(), "$.interpreterNeeded.pl")).isEqualTo(1);
    }

    @Test
    void aYesBeyondCapacityJoinsTheWaitingList() {
        FamilyServiceEvents.Family first = arrived(familyService.family(trust, NORTH, "First").carer(
                "f1", ContactChannel.EMAIL, "en", false));
        FamilyServiceEvents.Family second = arrived(familyService.family(trust, NORTH, "Second").carer(
                "s1", ContactChannel.EMAIL, "en", false));
        Map<String, Object> workshop = new HashMap<>(coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(3))));
        workshop.put("kind", "WORKSHOP");
        workshop.put("capacity", 1);
        String activityId = schedule(workshop);
        post("/api/engagement/activities/" + activityId + "/invitations",
             Map.of("familyIds", List.of(first.id(), second.id())), staff(NORTH));

        put("/api/engagement/activities/" + activityId + "/invitations/" + first.id() + "/answer",
            Map.of("carerId", "f1", "answer", "YES"), staff(NORTH));
        put("/api/engagement/activities/" + activityId + "/invitations/" + second.id() + "/answer",
            Map.of("carerId", "s1", "answer", "YES"), staff(NORTH));

        ResponseEntity<String> detail = get("/api/engagement/activities/" + activityId, staff(NORTH));
        assertThat((Integer) JsonPath.read(detail.getBody(), "$.yes")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(detail.getBody(), "$.waitlisted")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(detail.getBody(), "$.placesLeft")).isZero();
    }

    @Test
    void twoCarersBookingOneSlotAtTheSameMomentNeverBothGetIt() throws Exception {
        int carers = 6;
        List<FamilyServiceEvents.Family> families = new ArrayList<>();
        for (int i = 0; i < carers; i++) {
            families.add(arrived(familyService.family(trust, NORTH, "Booking " + i)
                                              .carer("b" + i, ContactChannel.APP, "en", false)
                                              .child("child" + i, YearGroup.YEAR_5)));
        }
        Instant evening = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> parentsEvening = new HashMap<>(coffeeMorning(NORTH, evening));
        parentsEvening.put("kind", "PARENTS_EVENING");
        parentsEvening.put("end", evening.plus(Duration.ofHours(3)).toString());
        String activityId = schedule(parentsEvening);
        post("/api/engagement/activities/" + activityId + "/invitations", Map.of("yearGroups", List.of("YEAR_5")),
             staff(NORTH));
        ResponseEntity<String> offered = post("/api/engagement/activities/" + activityId + "/slots",
                                              Map.of("teacherId", "t-jones", "teacherName", "Mr Jones",
                                                     "from", evening.toString(),
                                                     "to", evening.plus(Duration.ofHours(1)).toString(),
                                                     "minutes", 10), staff(NORTH));
        assertThat(offered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<String> slots = JsonPath.read(get("/api/engagement/activities/" + activityId + "/slots", staff(NORTH))
                                                   .getBody(), "$[*].slotId");
        assertThat(slots).hasSize(6);

        ExecutorService pool = Executors.newFixedThreadPool(carers);
        List<FamilyServiceEvents.Family> waiting = new ArrayList<>(families);
        try {
            for (String slot : slots.subList(0, 3)) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
                // Those who already have their appointment with this teacher would be told so (422): not asking.
                for (FamilyServiceEvents.Family family : waiting) {
                    int n = families.indexOf(family);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return post("/api/engagement/activities/" + activityId + "/slots/" + slot + "/booking",
                                    Map.of("familyId", family.id(), "carerId", "b" + n, "childId", "child" + n),
                                    staff(NORTH));
                    }));
                }
                start.countDown();
                List<HttpStatus> statuses = new ArrayList<>();
                FamilyServiceEvents.Family winner = null;
                for (int i = 0; i < answers.size(); i++) {
                    ResponseEntity<String> response = answers.get(i).get();
                    statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
                    if (response.getStatusCode() == HttpStatus.CREATED) {
                        winner = waiting.get(i);
                    }
                    if (response.getStatusCode() == HttpStatus.CONFLICT) {
                        assertThat((String) JsonPath.read(response.getBody(), "$.field")).isEqualTo("slotId");
                    }
                }
                assertThat(statuses).containsOnlyOnce(HttpStatus.CREATED);
                assertThat(statuses).filteredOn(status -> status != HttpStatus.CREATED)
                                    .containsOnly(HttpStatus.CONFLICT);
                waiting.remove(winner);
            }
        } finally {
            pool.shutdownNow();
        }
        long booked = eventStore.readEvents(activityId).asStream()
                                .filter(message -> message.getPayload() instanceof SlotBooked).count();
        assertThat(booked).isEqualTo(3);

        // The evening moves a day later: every appointment moves with it.
        assertThat(put("/api/engagement/activities/" + activityId + "/occurrences/1",
                       Map.of("start", evening.plus(Duration.ofDays(1)).toString(),
                              "end", evening.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)).toString()),
                       staff(NORTH)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Instant.parse(JsonPath.read(get("/api/engagement/activities/" + activityId + "/slots",
                                                   staff(NORTH)).getBody(), "$[0].start")))
                .isEqualTo(evening.plus(Duration.ofDays(1)));
        assertThat(put("/api/engagement/activities/" + activityId + "/occurrences/1",
                       Map.of("start", Instant.now().minus(Duration.ofHours(1)).toString(),
                              "end", Instant.now().toString()), staff(NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aContactWithAFollowUpMovesLastContactAndShowsOverdueOnTheCaseload() {
        FamilyServiceEvents.Family family = arrived(familyService.family(trust, NORTH, "Visited")
                                                                 .carer("v1", ContactChannel.IN_PERSON, "ur", false)
                                                                 .barrier(Barrier.TIME_CONSTRAINTS,
                                                                          Instant.now().minus(Duration.ofDays(10)))
                                                                 .keyWorker("hslw-1"));
        assertThat(reasonsFor(family.id(), NORTH)).contains("OPEN_BARRIER_WITHOUT_FOLLOW_UP", "NO_TWO_WAY_CONTACT");

        Instant visited = Instant.now().minus(Duration.ofDays(3));
        ResponseEntity<String> logged = post("/api/engagement/families/" + family.id() + "/contacts", Map.of(
                "schoolUrn", NORTH, "kind", "HOME_VISIT", "direction", "SCHOOL_TO_FAMILY", "tone", "POSITIVE",
                "carerIds", List.of("v1"), "happenedAt", visited.toString(), "summary", "Talked about mornings",
                "involvementTypes", List.of("PARENTING"),
                "followUp", Map.of("action", "Call about the breakfast club", "ownerId", "hslw-1",
                                   "dueOn", LocalDate.now().minusDays(1).toString())), staff(NORTH, "hslw-1"));
        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String contactId = JsonPath.read(logged.getBody(), "$.contactId");

        assertThat(reasonsFor(family.id(), NORTH)).isEmpty();
        ResponseEntity<String> caseload = get("/api/engagement/caseloads/hslw-1", staff(NORTH, "hslw-1"));
        assertThat(caseload.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Boolean>) JsonPath.read(caseload.getBody(),
                "$.families[?(@.familyId=='" + family.id() + "')].followUps[0].overdue")).containsExactly(true);
        assertThat((Integer) JsonPath.read(caseload.getBody(), "$.overdue")).isPositive();
        assertThat(get("/api/engagement/caseloads/hslw-1", staff(NORTH, "teacher-2")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(post("/api/engagement/families/" + family.id() + "/contacts/" + contactId + "/follow-up/completion",
                        Map.of("note", "Booked"), staff(NORTH, "hslw-1")).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> after = get("/api/engagement/caseloads/hslw-1", staff(NORTH, "hslw-1"));
        assertThat((List<Object>) JsonPath.read(after.getBody(),
                "$.families[?(@.familyId=='" + family.id() + "')].followUps[*]")).isEmpty();
        assertThat(post("/api/engagement/families/" + family.id() + "/contacts/" + contactId
                        + "/follow-up/completion", Map.of(), staff(NORTH, "hslw-1")).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aSchoolSetsItsOwnThresholdForWeeksWithoutContact() {
        FamilyServiceEvents.Family family = arrived(familyService.family(trust, SOUTH, "Quiet lately")
                                                                 .carer("q1", ContactChannel.EMAIL, "en", false));
        post("/api/engagement/families/" + family.id() + "/contacts", Map.of(
                "schoolUrn", SOUTH, "kind", "PHONE_CALL", "direction", "FAMILY_TO_SCHOOL", "tone", "ROUTINE",
                "happenedAt", Instant.now().minus(Duration.ofDays(22)).toString(), "summary", "Asked about uniform"),
             staff(SOUTH));
        assertThat(reasonsFor(family.id(), SOUTH)).isEmpty(); // 3 weeks < the default of 6

        assertThat(put("/api/engagement/schools/" + SOUTH + "/reach-settings",
                       Map.of("weeksWithoutTwoWayContact", 2, "invitationsWithoutAttendance", 3), staff(SOUTH))
                           .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("/api/engagement/schools/" + SOUTH + "/reach-settings",
                       Map.of("weeksWithoutTwoWayContact", 2, "invitationsWithoutAttendance", 3),
                       Staff.at(trust, "school-leader", "head-s", SOUTH)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reasonsFor(family.id(), SOUTH)).contains("NO_TWO_WAY_CONTACT");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        Map<String, Object> noTitle = new HashMap<>(coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(1))));
        noTitle.remove("title");
        ResponseEntity<String> missing = post("/api/engagement/activities", noTitle, staff(NORTH));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) JsonPath.read(missing.getBody(), "$.field")).isEqualTo("title");

        Map<String, Object> other = new HashMap<>(coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(1))));
        other.put("kind", "OTHER");
        ResponseEntity<String> unnamed = post("/api/engagement/activities", other, staff(NORTH));
        assertThat(unnamed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(unnamed.getBody(), "$.field")).isEqualTo("kindName");

        Map<String, Object> elsewhere = coffeeMorning(SOUTH, Instant.now().plus(Duration.ofDays(1)));
        ResponseEntity<String> notOurs = post("/api/engagement/activities", elsewhere, staff(NORTH));
        assertThat(notOurs.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(notOurs.getBody(), "$.field")).isEqualTo("schoolUrn");

        ResponseEntity<String> badSize = get("/api/engagement/underserved?school=" + NORTH + "&size=0", staff(NORTH));
        assertThat(badSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(badSize.getBody(), "$.field")).isEqualTo("size");
        HttpHeaders head = Staff.at(trust, "school-leader", "head-n", NORTH);
        ResponseEntity<String> badUrn = put("/api/engagement/schools/92000/reach-settings",
                                            Map.of("weeksWithoutTwoWayContact", 2, "invitationsWithoutAttendance", 3),
                                            head);
        assertThat(badUrn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(badUrn.getBody(), "$.field")).isEqualTo("schoolUrn");
        ResponseEntity<String> badWeeks = put("/api/engagement/schools/" + NORTH + "/reach-settings",
                                              Map.of("weeksWithoutTwoWayContact", 0,
                                                     "invitationsWithoutAttendance", 3), head);
        assertThat(badWeeks.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(badWeeks.getBody(), "$.field")).isEqualTo("weeksWithoutTwoWayContact");
        ResponseEntity<String> badTerm = get("/api/engagement/reach?school=" + NORTH + "&term=winter-2026",
                                             staff(NORTH));
        assertThat(badTerm.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(badTerm.getBody(), "$.field")).isEqualTo("term");

        List<String> activities = JsonPath.read(get("/api/engagement/activities?school=" + NORTH, staff(NORTH))
                                                        .getBody(), "$[*].title");
        assertThat(activities).doesNotContain("Nothing stored");
    }

    @Test
    void nothingCrossesSchoolsTrustsOrRoles() {
        FamilyServiceEvents.Family family = arrived(familyService.family(trust, NORTH, "Kept private")
                                                                 .carer("p1", ContactChannel.SMS, "en", false));
        String activityId = schedule(coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(1))));

        for (HttpHeaders outsider : List.of(staff(SOUTH), Staff.at(otherTrust, "teacher", "t", NORTH))) {
            assertThat(get("/api/engagement/activities/" + activityId, outsider).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("/api/engagement/families/" + family.id() + "/timeline", outsider).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(post("/api/engagement/activities/" + activityId + "/cancellations",
                            Map.of("reason", "no"), outsider).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(get("/api/engagement/reach?school=" + NORTH, Staff.at(otherTrust, "teacher", "t", NORTH))
                           .getBody()).doesNotContain(family.id());
        assertThat(get("/api/engagement/underserved?school=" + NORTH, Staff.at(otherTrust, "teacher", "t", NORTH))
                           .getBody()).doesNotContain(family.id());
        assertThat(get("/api/engagement/families?school=" + NORTH, staff(NORTH)).getBody()).contains(family.id());
        assertThat(get("/api/engagement/families?school=" + NORTH, staff(SOUTH)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders otherLeader = Staff.at(otherTrust, "trust-leader", "other-ceo");
        ResponseEntity<String> theirs = post("/api/engagement/activities",
                                             coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(1))), otherLeader);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(theirs.getBody(), "$.field")).isEqualTo("schoolUrn");
        ResponseEntity<String> settings = put("/api/engagement/schools/" + NORTH + "/reach-settings",
                                              Map.of("weeksWithoutTwoWayContact", 1,
                                                     "invitationsWithoutAttendance", 1), otherLeader);
        assertThat(settings.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        HttpHeaders partner = Staff.partner("food-bank", "p");
        assertThat(get("/api/engagement/activities/" + activityId, partner).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/engagement/reach?school=" + NORTH, partner).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/api/engagement/activities/" + activityId, HttpMethod.GET,
                                 new HttpEntity<>(new HttpHeaders()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void reschedulingAndCancellingTellEveryoneInvitedWhoDidNotDecline() {
        FamilyServiceEvents.Family coming = arrived(familyService.family(trust, NORTH, "Coming")
                                                                 .carer("y1", ContactChannel.SMS, "ar", false));
        FamilyServiceEvents.Family declined = arrived(familyService.family(trust, NORTH, "Declined")
                                                                   .carer("n1", ContactChannel.EMAIL, "en", false));
        Instant start = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> weekly = new HashMap<>(coffeeMorning(NORTH, start));
        weekly.put("repeat", Map.of("every", "WEEK", "times", 4));
        String activityId = schedule(weekly);
        post("/api/engagement/activities/" + activityId + "/invitations",
             Map.of("familyIds", List.of(coming.id(), declined.id())), staff(NORTH));
        put("/api/engagement/activities/" + activityId + "/invitations/" + declined.id() + "/answer",
            Map.of("carerId", "n1", "answer", "NO", "wouldHelp", List.of("ANOTHER_TIME")), staff(NORTH));

        ResponseEntity<String> stale = exchange(HttpMethod.PUT, "/api/engagement/activities/" + activityId
                                                                 + "/occurrences/2",
                                                Map.of("start", start.plus(Duration.ofDays(8)).toString(),
                                                       "end", start.plus(Duration.ofDays(8)).plus(Duration.ofHours(1))
                                                                   .toString(), "reason", "Hall booked"),
                                                withIfMatch(staff(NORTH), "\"0\""));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(put("/api/engagement/activities/" + activityId + "/occurrences/2",
                       Map.of("start", start.plus(Duration.ofDays(8)).toString(),
                              "end", start.plus(Duration.ofDays(8)).plus(Duration.ofHours(1)).toString(),
                              "reason", "Hall booked"), staff(NORTH)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/engagement/activities/" + activityId + "/cancellations",
                        Map.of("occurrence", 3, "reason", "Snow"), staff(NORTH)).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String notices = get("/api/engagement/activities/" + activityId + "/notices", staff(NORTH)).getBody();
        assertThat((List<String>) JsonPath.read(notices, "$[?(@.carerId=='y1')].about"))
                .containsExactly("INVITATION", "RESCHEDULED", "CANCELLED");
        assertThat((List<String>) JsonPath.read(notices, "$[?(@.carerId=='n1')].about")).containsExactly("INVITATION");
        assertThat((List<String>) JsonPath.read(notices, "$[?(@.carerId=='y1')].channel")).containsOnly("SMS");
        ResponseEntity<String> detail = get("/api/engagement/activities/" + activityId, staff(NORTH));
        assertThat((List<Boolean>) JsonPath.read(detail.getBody(), "$.activity.occurrences[*].cancelled"))
                .containsExactly(false, false, true, false);
    }

    @Test
    void everyReadModelRebuiltByReplayGivesTheSameAnswers() {
        FamilyServiceEvents.Family family = arrived(familyService.family(trust, NORTH, "Replayed")
                                                                 .carer("r1", ContactChannel.SMS, "so", true)
                                                                 .child("rc", YearGroup.YEAR_2)
                                                                 .barrier(Barrier.LOW_CONFIDENCE, Instant.now())
                                                                 .keyWorker("hslw-9"));
        String activityId = schedule(coffeeMorning(NORTH, Instant.now().plus(10, ChronoUnit.MINUTES)));
        post("/api/engagement/activities/" + activityId + "/invitations", Map.of("familyIds", List.of(family.id())),
             staff(NORTH));
        put("/api/engagement/activities/" + activityId + "/invitations/" + family.id() + "/answer",
            Map.of("carerId", "r1", "answer", "MAYBE", "wouldHelp", List.of("INTERPRETER")), staff(NORTH));
        post("/api/engagement/activities/" + activityId + "/occurrences/1/check-ins",
             Map.of("familyId", family.id(), "carerIds", List.of("r1")), staff(NORTH));
        post("/api/engagement/families/" + family.id() + "/contacts", Map.of(
                "schoolUrn", NORTH, "kind", "GATE_CONVERSATION", "direction", "SCHOOL_TO_FAMILY", "tone", "CONCERN",
                "happenedAt", Instant.now().toString(), "summary", "Worried about reading",
                "followUp", Map.of("action", "Send the reading guide", "ownerId", "hslw-9",
                                   "dueOn", LocalDate.now().plusDays(2).toString())), staff(NORTH, "hslw-9"));
        HttpHeaders leader = Staff.at(trust, "trust-leader", "ceo");
        List<String> views = List.of("/api/engagement/reach/trust", "/api/engagement/underserved?school=" + NORTH
                                     + "&size=500", "/api/engagement/activities/" + activityId,
                                     "/api/engagement/activities/" + activityId + "/invitations",
                                     "/api/engagement/activities/" + activityId + "/notices",
                                     "/api/engagement/families/" + family.id() + "/timeline",
                                     "/api/engagement/caseloads/hslw-9", "/api/engagement/activities");
        Map<String, String> before = new HashMap<>();
        views.forEach(view -> before.put(view, get(view, leader).getBody()));

        ProcessorReplay.fromTheStart(processing, eventStore, FamilyEngagementProjection.PROCESSING_GROUP,
                                     org.homelink.engagement.activities.query.ActivityProjection.PROCESSING_GROUP);

        for (String view : views) {
            assertThat(get(view, leader).getBody()).as(view).isEqualTo(before.get(view));
        }
        assertThat(before.get("/api/engagement/reach/trust")).contains("YEAR_2", "LOW_CONFIDENCE");
        assertThat(before.get("/api/engagement/families/" + family.id() + "/timeline")).contains("Worried about");
    }

    @Autowired
    private org.axonframework.config.EventProcessingConfiguration processing;

    @Test
    void referralsToPartnersShowOnTheTimelineAndActivitiesAreCoHostedOnlyWithKnownPartners() {
        FamilyServiceEvents.Family family = arrived(familyService.family(trust, NORTH, "Referred")
                                                                 .carer("rf", ContactChannel.SMS, "so", false));
        String organisation = "somali-womens-network-" + UUID.randomUUID().toString().substring(0, 6);
        String referral = UUID.randomUUID().toString();
        Instant made = Instant.now().minus(Duration.ofHours(2));
        eventStore.publish(List.of(
                new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                        "PartnerOrganisation", organisation, 0,
                        new org.homelink.contracts.partners.PartnerRegistered(organisation, "Somali Women's Network",
                                                                              "staff-1", made)),
                new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                        "Referral", referral, 0,
                        new org.homelink.contracts.partners.ReferralMade(
                                referral, "need-1", family.id(), trust, java.util.Set.of(NORTH), organisation,
                                "Somali Women's Network", "service-1", "English classes", "ENGLISH_LANGUAGE", "hslw-1",
                                made)),
                new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                        "Referral", referral, 1,
                        new org.homelink.contracts.partners.ReferralAccepted(
                                referral, family.id(), trust, java.util.Set.of(NORTH), organisation, "worker-1",
                                made.plus(Duration.ofHours(1))))));

        List<String> types = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!types.contains("REFERRAL_ACCEPTED") && System.nanoTime() < deadline) {
            types = JsonPath.read(get("/api/engagement/families/" + family.id() + "/timeline", staff(NORTH)).getBody(),
                                  "$.entries[*].type");
        }
        assertThat(types).containsSubsequence("REFERRAL_MADE", "REFERRAL_ACCEPTED");

        Map<String, Object> unknown = new HashMap<>(coffeeMorning(NORTH, Instant.now().plus(Duration.ofDays(4))));
        unknown.put("coHostOrganisationId", "no-such-organisation");
        ResponseEntity<String> refused = post("/api/engagement/activities", unknown, staff(NORTH));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(refused.getBody(), "$.field")).isEqualTo("coHostOrganisationId");
        Map<String, Object> coHosted = new HashMap<>(unknown);
        coHosted.put("coHostOrganisationId", organisation);
        String activityId = schedule(coHosted);
        assertThat((String) JsonPath.read(get("/api/engagement/activities/" + activityId, staff(NORTH)).getBody(),
                                          "$.activity.coHostOrganisationId")).isEqualTo(organisation);
    }

    // --- helpers ---

    private FamilyServiceEvents.Family arrived(FamilyServiceEvents.Family family) {
        long version = family.version();
        awaitFamily(family.id(), f -> f.familyVersion() >= version);
        return family;
    }

    private void awaitFamily(String familyId,
                             java.util.function.Predicate<org.homelink.engagement.families.query.EngagementFamily> shown) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!directory.family(familyId).map(shown::test).orElse(false)) {
            assertThat(System.nanoTime()).as("family %s reached engagement-service in time", familyId)
                                         .isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private List<String> reasonsFor(String familyId, String school) {
        ResponseEntity<String> page = get("/api/engagement/underserved?school=" + school + "&size=500",
                                          staff(school));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JsonPath.read(page.getBody(), "$.items[?(@.familyId=='" + familyId + "')].reasons[*].why");
    }

    private String schedule(Map<String, Object> body) {
        ResponseEntity<String> created = post("/api/engagement/activities", body,
                                              staff(String.valueOf(body.get("schoolUrn"))));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(created.getBody(), "$.activityId");
    }

    private static Map<String, Object> coffeeMorning(String school, Instant start) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolUrn", school);
        body.put("kind", "COFFEE_MORNING");
        body.put("title", "Coffee morning");
        body.put("start", start.toString());
        body.put("end", start.plus(Duration.ofHours(1)).toString());
        body.put("place", "The family room");
        body.put("interpreterLanguages", List.of("so"));
        body.put("crecheAvailable", true);
        body.put("involvementTypes", List.of("COMMUNICATING", "PARENTING"));
        return body;
    }

    private HttpHeaders staff(String school) {
        return staff(school, "staff-" + school);
    }

    private HttpHeaders staff(String school, String staffId) {
        return Staff.at(trust, "key-worker", staffId, school);
    }

    private static HttpHeaders withIfMatch(HttpHeaders headers, String etag) {
        headers.setIfMatch(etag);
        return headers;
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return new Api(http).get(path, headers);
    }

    private ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        return new Api(http).post(path, body, headers);
    }

    private ResponseEntity<String> put(String path, Object body, HttpHeaders headers) {
        return new Api(http).put(path, body, headers);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, Object body, HttpHeaders headers) {
        return new Api(http).exchange(method, path, body, headers);
    }
}
