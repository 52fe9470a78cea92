package org.homelink.engagement.families.web;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.Staff;
import org.homelink.platform.audit.AuditEntry;
import org.homelink.platform.audit.AuditTrail;
import org.homelink.platform.audit.AuditTrailReader;
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
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * engagement-service's reads of families go into the audit trail every service shares, filed under the family's
 * schools as this service knows them: the same entries family-service's audit API reads for a school leader.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyReadsAuditTest {

    private static final String NORTH = "940001";
    private static final String SOUTH = "940002";

    private final String trust = "riverside-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private AuditTrail trail;
    @Autowired
    private AuditTrailReader reader;

    private FamilyServiceEvents.Family family;

    @BeforeAll
    void aFamilyAtNorth() {
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        familyService.registerSchool(trust, SOUTH, "South Primary");
        family = familyService.family(trust, NORTH, "The Warsame family")
                              .carer("amina", ContactChannel.SMS, "so", false)
                              .child("hodan", YearGroup.YEAR_3);
        family.seenBy(directory);
    }

    @Test
    void aKeyWorkersReadOfAFamilysContactsIsOnTheFamilysTrailUnderItsSchool() {
        HttpHeaders keyWorker = Staff.at(trust, "key-worker", "kw-7", NORTH, SOUTH);

        assertThat(http.exchange("/api/engagement/families/" + family.id() + "/contacts", HttpMethod.GET,
                                 new HttpEntity<>(keyWorker), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(trail.flush(Duration.ofSeconds(10))).isTrue();

        AuditEntry read = reader.family(family.id(), today(), today()).stream()
                                .filter(entry -> entry.route().equals("GET /api/engagement/families/{familyId}/contacts"))
                                .findFirst().orElseThrow();
        assertThat(read.service()).isEqualTo("engagement-service");
        assertThat(read.by()).isEqualTo(new AuditEntry.Caller("key-worker", "kw-7", trust, null));
        assertThat(read.status()).isEqualTo(200);
        // The family's school, not every school the key worker acts at.
        assertThat(read.schoolUrns()).containsExactly(NORTH);
        assertThat(reader.schoolDay(trust, NORTH, today())).contains(read);
        assertThat(reader.schoolDay(trust, SOUTH, today())).doesNotContain(read);
    }

    @Test
    void aSchoolsRollIsRecordedAsAListReadOfTheSchoolWithItsCount() {
        HttpHeaders leader = Staff.at(trust, "school-leader", "head-n", NORTH);

        assertThat(http.exchange("/api/engagement/families?school=" + NORTH, HttpMethod.GET, new HttpEntity<>(leader),
                                 String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(trail.flush(Duration.ofSeconds(10))).isTrue();

        List<AuditEntry> rolls = reader.schoolDay(trust, NORTH, today()).stream()
                                       .filter(entry -> entry.route().equals("GET /api/engagement/families"))
                                       .toList();
        assertThat(rolls).singleElement().satisfies(roll -> {
            assertThat(roll.parameters()).containsExactly("school");
            assertThat(roll.listed()).isEqualTo(new AuditEntry.Listed(1, null));
            assertThat(roll.familyIds()).isEmpty();
        });
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }
}
