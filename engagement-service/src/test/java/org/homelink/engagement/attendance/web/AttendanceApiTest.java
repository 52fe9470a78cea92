package org.homelink.engagement.attendance.web;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.query.AttendanceProjection;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
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

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Attendance over HTTP on the embedded store: family-service's pupils arrive in the shared log, the school imports its
 * register files, and staff read the figures and the lists.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceApiTest {

    private final String trust = "riverside-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NORTH = "930001";
    private static final String SOUTH = "930002";
    /** Two school weeks, ending on the last Friday before today. */
    private static final LocalDate FIRST_DAY = LocalDate.now().minusDays(1)
                                                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY))
                                                        .minusDays(11);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private AttendanceProjection registers;

    private final String hodan = "hodan-" + UUID.randomUUID().toString().substring(0, 6);
    private final String ada = "ada-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void pupilsArrive() {
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        familyService.registerSchool(trust, SOUTH, "South Primary");
        FamilyServiceEvents.Family warsame = familyService.family(trust, NORTH, "The Warsame family")
                                                          .carer("amina", ContactChannel.SMS, "so", true)
                                                          .child(hodan, YearGroup.YEAR_3);
        FamilyServiceEvents.Family okafor = familyService.family(trust, NORTH, "The Okafor family")
                                                         .carer("chidi", ContactChannel.EMAIL, "en", false)
                                                         .child(ada, YearGroup.YEAR_5);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(directory.isSchoolOfTrust(SOUTH, trust)
                 && directory.family(warsame.id()).map(f -> f.familyVersion() >= warsame.version()).orElse(false)
                 && directory.family(okafor.id()).map(f -> f.familyVersion() >= okafor.version()).orElse(false))) {
            assertThat(System.nanoTime()).as("the pupils reached engagement-service in time").isLessThan(deadline);
            pause();
        }
    }

    /** Ten days: Hodan always in; Ada away on every afternoon but one, unauthorised. */
    private String twoWeeks() {
        StringBuilder file = new StringBuilder("pupil,date,session,code\n");
        for (int day = 0; day < 12; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            if (date.getDayOfWeek().getValue() > 5) {
                continue;
            }
            file.append(hodan).append(',').append(date).append(",AM,/\n");
            file.append(hodan).append(',').append(date).append(",PM,\\\n");
            file.append(ada).append(',').append(date).append(",AM,/\n");
            file.append(ada).append(',').append(date).append(",PM,").append(day == 0 ? "\\" : "N").append('\n');
        }
        return file.toString();
    }

    @Test
    void aRegisterFileIsImportedOnceAndTheListsShowWhoToSupport() {
        String file = twoWeeks();
        ResponseEntity<String> imported = importFile(NORTH, file, staff(NORTH));
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat((Integer) JsonPath.read(imported.getBody(), "$.marks")).isEqualTo(40);
        assertThat((Boolean) JsonPath.read(imported.getBody(), "$.imported")).isTrue();

        ResponseEntity<String> again = importFile(NORTH, file, staff(NORTH));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Boolean) JsonPath.read(again.getBody(), "$.imported")).isFalse();
        assertThat(registers.school(NORTH).orElseThrow().imports()).hasSize(1);

        String period = "?from=" + FIRST_DAY + "&to=" + FIRST_DAY.plusDays(11);
        ResponseEntity<String> adaFigures = get("/api/engagement/attendance/schools/" + NORTH + "/pupils/" + ada
                                                + period, staff(NORTH));
        assertThat(adaFigures.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) JsonPath.read(adaFigures.getBody(), "$.possibleSessions")).isEqualTo(20);
        assertThat((Integer) JsonPath.read(adaFigures.getBody(), "$.unauthorisedAbsences")).isEqualTo(9);
        assertThat((Boolean) JsonPath.read(adaFigures.getBody(), "$.persistentAbsence")).isTrue();
        assertThat((Boolean) JsonPath.read(adaFigures.getBody(), "$.severeAbsence")).isFalse();
        assertThat((Boolean) JsonPath.read(adaFigures.getBody(), "$.penaltyThresholdReached")).isFalse();

        List<String> persistent = JsonPath.read(get("/api/engagement/attendance/schools/" + NORTH
                                                    + "/lists/persistent-absence" + period, staff(NORTH)).getBody(),
                                                "$[*].childId");
        assertThat(persistent).containsExactly(ada);
        List<String> severe = JsonPath.read(get("/api/engagement/attendance/schools/" + NORTH
                                                + "/lists/severe-absence" + period, staff(NORTH)).getBody(),
                                            "$[*].childId");
        assertThat(severe).isEmpty();
        ResponseEntity<String> weeks = get("/api/engagement/attendance/schools/" + NORTH + "/weeks", staff(NORTH));
        assertThat((List<String>) JsonPath.read(weeks.getBody(), "$[*].yearGroup")).contains("YEAR_3", "YEAR_5");
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeAndNamesEachLine() {
        LocalDate earlier = FIRST_DAY.minusWeeks(1);
        String file = "pupil,date,session,code\n"
                      + hodan + "," + earlier + ",AM,/\n"
                      + "someone-else," + earlier + ",AM,/\n"
                      + hodan + "," + earlier + ",PM,Z\n"
                      + hodan + "," + earlier + ",AM,N\n";

        ResponseEntity<String> refused = importFile(NORTH, file, staff(NORTH));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat((String) JsonPath.read(refused.getBody(), "$.type"))
                .isEqualTo("urn:homelink:problem:invalid-register-file");
        assertThat((List<Integer>) JsonPath.read(refused.getBody(), "$.errors[*].line")).containsExactly(3, 4, 5);
        assertThat((List<String>) JsonPath.read(refused.getBody(), "$.errors[*].field"))
                .containsExactly("pupil", "code", "session");
        assertThat(registers.pupil(NORTH, hodan).map(p -> p.marks().containsKey(earlier.toString())).orElse(false))
                .as("nothing of the bad file is kept").isFalse();
    }

    @Test
    void anEmptyFileIsOneWithNoMarks() {
        for (String empty : List.of("", "pupil,date,session,code\n")) {
            ResponseEntity<String> refused = importFile(NORTH, empty, staff(NORTH));

            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat((String) JsonPath.read(refused.getBody(), "$.field")).isEqualTo("file");
            assertThat((String) JsonPath.read(refused.getBody(), "$.detail")).isEqualTo("The file holds no marks");
        }
    }

    @Test
    void aPupilOfAnotherSchoolIsUnknownThereAndOutsidersSeeNothing() {
        ResponseEntity<String> atSouth = importFile(SOUTH, hodan + "," + FIRST_DAY + ",AM,/\n", staff(SOUTH));
        assertThat(atSouth.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((List<String>) JsonPath.read(atSouth.getBody(), "$.errors[*].field")).containsExactly("pupil");
        ResponseEntity<String> nothingYet = get("/api/engagement/attendance/schools/" + SOUTH
                                                + "/lists/persistent-absence", staff(SOUTH));
        assertThat(nothingYet.getStatusCode()).as("a school of ours with no registers yet").isEqualTo(HttpStatus.OK);
        assertThat(nothingYet.getBody()).isEqualTo("[]");

        assertThat(importFile(NORTH, twoWeeks(), staff(SOUTH)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/engagement/attendance/schools/" + NORTH + "/pupils", staff(SOUTH)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders partner = Staff.partner("food-bank", "p-1");
        assertThat(get("/api/engagement/attendance/schools/" + NORTH + "/pupils", partner).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyLeadersSetTheAtRiskThreshold() {
        ResponseEntity<String> byStaff = put("/api/engagement/attendance/schools/" + NORTH + "/settings",
                                             Map.of("atRiskBelowPercent", 92), staff(NORTH));
        assertThat(byStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> byHead = put("/api/engagement/attendance/schools/" + NORTH + "/settings",
                                            Map.of("atRiskBelowPercent", 92),
                                            Staff.at(trust, "school-leader", "head-n", NORTH));
        assertThat(byHead.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(registers.school(NORTH).orElseThrow().atRiskThreshold()).isEqualTo(92);
        ResponseEntity<String> tooLow = put("/api/engagement/attendance/schools/" + NORTH + "/settings",
                                            Map.of("atRiskBelowPercent", 20),
                                            Staff.at(trust, "school-leader", "head-n", NORTH));
        assertThat(tooLow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<String> importFile(String school, String file, HttpHeaders headers) {
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.exchange("/api/engagement/attendance/schools/" + school + "/marks", HttpMethod.POST,
                             new HttpEntity<>(file.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers),
                             String.class);
    }

    private HttpHeaders staff(String school) {
        return Staff.at(trust, "attendance-officer", "officer-" + school, school);
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> put(String path, Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
