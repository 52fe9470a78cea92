package org.homelink.engagement.attendance.web;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.attendance.query.AttendanceProjection;
import org.homelink.engagement.families.query.EngagementFamily;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The cohort view over HTTP on the embedded store: pupils arrive from family-service, the school imports a term of
 * registers through its import, logs home visits and records who came to a coffee morning through their own
 * endpoints, and reads attendance before and after against the comparison, figures worked out by hand below.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeImpactApiTest {

    private static final String EAST = "970001";
    private static final String CARER = "carer";
    private static final String WEST = "970002";
    /** Twelve weeks up to last week; the sixth is half term, with no marks. */
    private static final LocalDate FIRST_WEEK = AttendanceProjection.weekOf(SchoolTime.today(
            Clock.systemUTC())).minusWeeks(12);
    private static final int HALF_TERM = 5;
    /** Wednesday of the eighth week: the visits and the coffee morning. Three weeks either side: 3, 4, 6 and 8-10. */
    private static final LocalDate DAY = FIRST_WEEK.plusWeeks(7).plusDays(2);
    private static final Set<Integer> BEFORE = Set.of(3, 4, 6);
    private static final Set<Integer> AFTER = Set.of(8, 9, 10);
    private static final String PERIOD = "&weeks=3&from=" + FIRST_WEEK.plusWeeks(3) + "&to=" + DAY.plusWeeks(4);

    private final String trust = "meadow-" + UUID.randomUUID().toString().substring(0, 8);
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;

    /**
     * A pupil and the sessions they miss in the three school weeks before the day and the three after (of 30 each).
     *
     * @param firstWeek the first week with marks: a pupil who joins on the day's week has none before it
     * @param awayAll   every session missed, every week
     */
    private record Pupil(String childId, YearGroup yearGroup, int absentBefore, int absentAfter, int firstWeek,
                         boolean awayAll) {
    }

    private final List<Pupil> visited = new ArrayList<>();
    private final List<Pupil> notVisited = new ArrayList<>();
    private final List<FamilyServiceEvents.Family> visitedFamilies = new ArrayList<>();
    private final List<FamilyServiceEvents.Family> notVisitedFamilies = new ArrayList<>();
    private FamilyServiceEvents.Family visitedLongAgo;

    @BeforeAll
    void aTermOfRegistersVisitsAndACoffeeMorning() {
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, EAST, "East Primary");
        familyService.registerSchool(trust, WEST, "West Primary");
        // Visited: 80→90, 90→100, 100→100, 80→80, 90→80 and one who joined on the day's week.
        visited.add(new Pupil("c1-" + tag, YearGroup.YEAR_3, 6, 3, 0, false));
        visited.add(new Pupil("c2-" + tag, YearGroup.YEAR_3, 3, 0, 0, false));
        visited.add(new Pupil("c3-" + tag, YearGroup.YEAR_3, 0, 0, 0, false));
        visited.add(new Pupil("c4-" + tag, YearGroup.YEAR_5, 6, 6, 0, false));
        visited.add(new Pupil("c5-" + tag, YearGroup.YEAR_5, 3, 6, 0, false));
        visited.add(new Pupil("c6-" + tag, YearGroup.YEAR_5, 0, 0, 7, false));
        // Not visited: 90→90, 90→90, 90→80, 90→80, 90→90 (the last had a phone call, not a visit).
        notVisited.add(new Pupil("k1-" + tag, YearGroup.YEAR_3, 3, 3, 0, false));
        notVisited.add(new Pupil("k2-" + tag, YearGroup.YEAR_3, 3, 3, 0, false));
        notVisited.add(new Pupil("k3-" + tag, YearGroup.YEAR_3, 3, 6, 0, false));
        notVisited.add(new Pupil("k4-" + tag, YearGroup.YEAR_5, 3, 6, 0, false));
        notVisited.add(new Pupil("k5-" + tag, YearGroup.YEAR_5, 3, 3, 0, false));
        // Visited before the period: in neither group for home visits, so its absence would show if it were.
        Pupil longAgo = new Pupil("e1-" + tag, YearGroup.YEAR_3, 0, 0, 0, true);

        visited.forEach(pupil -> visitedFamilies.add(familyOf(familyService, pupil)));
        notVisited.forEach(pupil -> notVisitedFamilies.add(familyOf(familyService, pupil)));
        visitedLongAgo = familyOf(familyService, longAgo);

        List<Pupil> everyone = new ArrayList<>(visited);
        everyone.addAll(notVisited);
        everyone.add(longAgo);
        HttpHeaders officer = Staff.at(trust, "attendance-officer", "officer-e", EAST);
        officer.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> imported = http.exchange(
                "/api/engagement/attendance/schools/" + EAST + "/marks", HttpMethod.POST,
                new HttpEntity<>(registers(everyone).getBytes(StandardCharsets.UTF_8), officer), String.class);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);

        visitedFamilies.forEach(family -> logContact(family, "HOME_VISIT", DAY));
        logContact(visitedLongAgo, "HOME_VISIT", FIRST_WEEK.plusWeeks(1).plusDays(2));
        logContact(visitedLongAgo, "HOME_VISIT", DAY);
        logContact(notVisitedFamilies.get(4), "PHONE_CALL", DAY);

        String coffeeMorning = coffeeMorning();
        for (FamilyServiceEvents.Family family : notVisitedFamilies) {
            ResponseEntity<String> checkedIn = api().post(
                    "/api/engagement/activities/" + coffeeMorning + "/occurrences/1/check-ins",
                    Map.of("familyId", family.id(), "carerIds", List.of(CARER)), staff(EAST));
            assertThat(checkedIn.getStatusCode()).as(checkedIn.getBody()).isEqualTo(HttpStatus.CREATED);
            await(family.id(), known -> known.invitations().stream().anyMatch(EngagementFamily.Invitation::cameToAny));
        }
    }

    @Test
    void aFirstHomeVisitsCohortAgainstPupilsWhoseFamiliesHadNone() {
        ResponseEntity<String> answer = api().get(impact(EAST, "HOME_VISIT"), staff(EAST));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        String body = answer.getBody();
        assertThat((String) JsonPath.read(body, "$.comparisonAlignedOn")).isEqualTo(DAY.toString());
        assertThat((Boolean) JsonPath.read(body, "$.cohort.suppressed")).isFalse();
        assertThat((Integer) JsonPath.read(body, "$.cohort.pupils")).isEqualTo(6);
        assertThat((Integer) JsonPath.read(body, "$.cohort.counted")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(body, "$.cohort.notEnoughMarks")).isEqualTo(1);
        assertThat((Double) JsonPath.read(body, "$.cohort.attendanceBefore")).isEqualTo(88.0);
        assertThat((Double) JsonPath.read(body, "$.cohort.attendanceAfter")).isEqualTo(90.0);
        assertThat((Double) JsonPath.read(body, "$.cohort.change")).isEqualTo(2.0);
        assertThat(List.of(JsonPath.read(body, "$.cohort.improved"), JsonPath.read(body, "$.cohort.stayed"),
                           JsonPath.read(body, "$.cohort.fell"))).containsExactly(2, 2, 1);
        assertThat((Double) JsonPath.read(body, "$.cohort.persistentAbsenceBefore")).isEqualTo(80.0);
        assertThat((Double) JsonPath.read(body, "$.cohort.persistentAbsenceAfter")).isEqualTo(60.0);

        assertThat((Integer) JsonPath.read(body, "$.comparison.pupils")).as("the family visited before the period")
                                                                        .isEqualTo(5);
        assertThat((Double) JsonPath.read(body, "$.comparison.attendanceBefore")).isEqualTo(90.0);
        assertThat((Double) JsonPath.read(body, "$.comparison.attendanceAfter")).isEqualTo(86.0);
        assertThat((Double) JsonPath.read(body, "$.differenceOfDifferences")).isEqualTo(6.0);

        // Three and two pupils counted in each year group: no figures, and saying why.
        assertThat((List<String>) JsonPath.read(body, "$.yearGroups[*].yearGroup"))
                .containsExactly("YEAR_3", "YEAR_5");
        assertThat((List<Boolean>) JsonPath.read(body, "$.yearGroups[*].cohort.suppressed"))
                .containsExactly(true, true);
        assertThat((List<Object>) JsonPath.read(body, "$.yearGroups[*].cohort.pupils")).isEmpty();
        assertThat((List<String>) JsonPath.read(body, "$.yearGroups[*].cohort.note"))
                .allMatch(note -> note.startsWith("Fewer than 5 pupils counted"));
    }

    @Test
    void aFirstCoffeeMorningsCohortIsTheFamiliesWhoCame() {
        String body = api().get(impact(EAST, "COFFEE_MORNING"), staff(EAST)).getBody();

        assertThat((Integer) JsonPath.read(body, "$.cohort.counted")).isEqualTo(5);
        assertThat((Double) JsonPath.read(body, "$.cohort.attendanceBefore")).isEqualTo(90.0);
        assertThat((Double) JsonPath.read(body, "$.cohort.change")).isEqualTo(-4.0);
        // Everyone else, the family always away and the visited ones included: 73.3 → 75.0, 1 2/3 points up.
        assertThat((Integer) JsonPath.read(body, "$.comparison.pupils")).isEqualTo(7);
        assertThat((Integer) JsonPath.read(body, "$.comparison.counted")).isEqualTo(6);
        assertThat((Double) JsonPath.read(body, "$.comparison.attendanceBefore")).isEqualTo(73.3);
        assertThat((Double) JsonPath.read(body, "$.comparison.change")).isEqualTo(1.7);
        assertThat((Double) JsonPath.read(body, "$.differenceOfDifferences")).isEqualTo(-5.7);
    }

    @Test
    void aYearGroupOfFewerThanFiveShowsNoFigures() {
        String body = api().get(impact(EAST, "HOME_VISIT") + "&yearGroups=YEAR_3", staff(EAST)).getBody();

        assertThat((Boolean) JsonPath.read(body, "$.cohort.suppressed")).isTrue();
        assertThat((Map<String, Object>) JsonPath.read(body, "$.cohort")).containsOnlyKeys("suppressed", "note");
        assertThat((Object) JsonPath.read(body, "$.differenceOfDifferences")).isNull();
    }

    @Test
    void theSchoolsStaffReadItTrustLeadersSeeEverySchoolAndNobodyElse() {
        assertThat(api().get(impact(EAST, "HOME_VISIT"), Staff.at(trust, "key-worker", "kw-e", EAST))
                        .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api().get(impact(EAST, "HOME_VISIT"), staff(WEST)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api().get(impact(EAST, "HOME_VISIT"), Staff.at("another-" + tag, "trust-leader", "ceo-2"))
                        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders partner = Staff.partner("food-bank", "p-1");
        assertThat(api().get(impact(EAST, "HOME_VISIT"), partner).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String trustWide = "/api/engagement/attendance/trust/impact?practice=HOME_VISIT" + PERIOD;
        ResponseEntity<String> sideBySide = api().get(trustWide, Staff.at(trust, "trust-leader", "ceo"));
        assertThat(sideBySide.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(sideBySide.getBody(), "$[*].schoolUrn")).containsExactly(EAST, WEST);
        assertThat((Double) JsonPath.read(sideBySide.getBody(), "$[0].differenceOfDifferences"))
                .isEqualTo(6.0);
        assertThat((Boolean) JsonPath.read(sideBySide.getBody(), "$[1].cohort.suppressed")).isTrue();
        assertThat(api().get(trustWide, Staff.at(trust, "school-leader", "head-e", EAST)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badQuestionsAreRefusedNamingTheParameter() {
        String school = "/api/engagement/attendance/schools/" + EAST + "/impact?";
        Map<String, String> named = Map.of(
                "practice=TEA_PARTY", "practice",
                "weeks=3", "practice",
                "practice=HOME_VISIT&weeks=0", "weeks",
                "practice=HOME_VISIT&weeks=14", "weeks",
                "practice=HOME_VISIT&from=2026-03-01&to=2026-02-01", "to",
                "practice=HOME_VISIT&from=1st", "from",
                "practice=HOME_VISIT&yearGroups=YEAR_99", "yearGroups");
        named.forEach((query, field) -> {
            ResponseEntity<String> refused = api().get(school + query, staff(EAST));
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
            assertThat((String) JsonPath.read(refused.getBody(), "$.field")).as(query).isEqualTo(field);
        });
    }

    private static String impact(String school, String practice) {
        return "/api/engagement/attendance/schools/" + school + "/impact?practice=" + practice + PERIOD;
    }

    /** Twelve weeks of marks but half term; each pupil's absences at the start of the weeks either side of the day. */
    private static String registers(List<Pupil> pupils) {
        StringBuilder file = new StringBuilder("pupil,date,session,code\n");
        for (Pupil pupil : pupils) {
            int before = 0;
            int after = 0;
            for (int week = pupil.firstWeek(); week < 12; week++) {
                if (week == HALF_TERM) {
                    continue;
                }
                for (int session = 0; session < 10; session++) {
                    String code = session % 2 == 0 ? "/" : "\\";
                    if (pupil.awayAll() || BEFORE.contains(week) && before++ < pupil.absentBefore()) {
                        code = "N";
                    } else if (AFTER.contains(week) && after++ < pupil.absentAfter()) {
                        code = "I";
                    }
                    file.append(pupil.childId()).append(',').append(FIRST_WEEK.plusWeeks(week).plusDays(session / 2))
                        .append(session % 2 == 0 ? ",AM," : ",PM,").append(code).append('\n');
                }
            }
        }
        return file.toString();
    }

    private FamilyServiceEvents.Family familyOf(FamilyServiceEvents familyService, Pupil pupil) {
        FamilyServiceEvents.Family family = familyService.family(trust, EAST, "Family of " + pupil.childId())
                                                         .carer(CARER, ContactChannel.SMS, "en", false)
                                                         .child(pupil.childId(), pupil.yearGroup());
        long version = family.version();
        await(family.id(), known -> known.familyVersion() >= version);
        return family;
    }

    private void logContact(FamilyServiceEvents.Family family, String kind, LocalDate day) {
        ResponseEntity<String> logged = api().post("/api/engagement/families/" + family.id() + "/contacts", Map.of(
                "schoolUrn", EAST, "kind", kind, "direction", "SCHOOL_TO_FAMILY", "tone", "ROUTINE",
                "happenedAt", atTen(day).toString(), "summary", "Talked about mornings"), staff(EAST));
        assertThat(logged.getStatusCode()).as(logged.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** A coffee morning at ten on the day, scheduled afterwards as a school records one it held. */
    private String coffeeMorning() {
        Instant start = atTen(DAY);
        ResponseEntity<String> created = api().post("/api/engagement/activities", Map.of(
                "schoolUrn", EAST, "kind", "COFFEE_MORNING", "title", "Coffee morning", "start", start.toString(),
                "end", start.plus(Duration.ofHours(1)).toString(), "place", "The family room",
                "involvementTypes", List.of("COMMUNICATING")), staff(EAST));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(created.getBody(), "$.activityId");
    }

    private static Instant atTen(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(10, 0), SchoolTime.ZONE).toInstant();
    }

    private void await(String familyId, Predicate<EngagementFamily> shown) {
        Eventually.until("family " + familyId + " reached engagement-service",
                         () -> directory.family(familyId).map(shown::test).orElse(false));
    }

    private Api api() {
        return new Api(http);
    }

    private HttpHeaders staff(String school) {
        return Staff.at(trust, "school-leader", "head-" + school, school);
    }
}
