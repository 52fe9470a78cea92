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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A register file's way in, on the running service with a size limit and a clock of the test's own: the limit is
 * checked before the file is read, and a file is checked against London's today, not the server's.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "homelink.engagement.attendance.max-size=1KB")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceUploadTest {

    /** 00:30 on 1 July in London, when a clock in UTC still says 30 June. */
    private static final Instant JUST_AFTER_MIDNIGHT_IN_LONDON = Instant.parse("2026-06-30T23:30:00Z");

    @TestConfiguration
    static class HalfPastMidnight {
        @Bean
        @Primary
        Clock halfPastMidnightInLondon() {
            return Clock.fixed(JUST_AFTER_MIDNIGHT_IN_LONDON, ZoneOffset.UTC);
        }
    }

    private static final String SCHOOL = "931701";
    private final String trust = "upload-" + UUID.randomUUID().toString().substring(0, 8);
    private final String hodan = "hodan-" + UUID.randomUUID().toString().substring(0, 6);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private AttendanceProjection registers;

    @BeforeAll
    void hodanIsOnTheRoll() throws InterruptedException {
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, SCHOOL, "Upload Primary");
        FamilyServiceEvents.Family warsame = familyService.family(trust, SCHOOL, "The Warsame family")
                                                          .carer("amina", ContactChannel.SMS, "so", true)
                                                          .child(hodan, YearGroup.YEAR_3);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!directory.family(warsame.id()).map(f -> f.familyVersion() >= warsame.version()).orElse(false)) {
            assertThat(System.nanoTime()).as("the pupil reached engagement-service in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedAs413NamingTheFileAndNothingIsImported() {
        ResponseEntity<String> answer = importFile(("pupil,date,session,code\n"
                                                    + (hodan + ",2026-06-29,AM,/\n").repeat(100)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((String) JsonPath.read(answer.getBody(), "$.type")).isEqualTo("urn:homelink:problem:too-large");
        assertThat((String) JsonPath.read(answer.getBody(), "$.field")).isEqualTo("file");
        assertThat((String) JsonPath.read(answer.getBody(), "$.detail")).contains("1 KB");
        assertThat(registers.school(SCHOOL).map(school -> school.imports().isEmpty()).orElse(true)).isTrue();
    }

    @Test
    void aRegisterMarkedJustAfterMidnightInLondonIsTodaysNotTomorrows() {
        ResponseEntity<String> answer = importFile(hodan + ",2026-07-01,AM,/\n");

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat((Integer) JsonPath.read(answer.getBody(), "$.marks")).isEqualTo(1);
    }

    private ResponseEntity<String> importFile(String file) {
        HttpHeaders officer = Staff.at(trust, "attendance-officer", "officer-u", SCHOOL);
        officer.setContentType(MediaType.parseMediaType("text/csv"));
        return http.exchange("/api/engagement/attendance/schools/" + SCHOOL + "/marks", HttpMethod.POST,
                             new HttpEntity<>(file.getBytes(StandardCharsets.UTF_8), officer), String.class);
    }
}
