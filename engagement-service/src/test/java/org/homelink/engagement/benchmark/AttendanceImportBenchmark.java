package org.homelink.engagement.benchmark;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.engagement.testing.Staff;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.testing.BenchmarkResults;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The attendance import benchmark (runs only with {@code -Pbenchmarks}): a trust's term of register marks, one file
 * per school, sent through HTTP on the embedded in-memory store; each answer comes once the read model shows the
 * file, so the time is to marks that staff can see. The goal is the whole trust (50 schools, 600 pupils each, 60
 * days, two sessions: 3.6 million marks) in under 5 minutes. Then one school's lists and its attendance before and
 * after a first home visit and a first coffee morning are read. {@code -Dattendance.schools=N} runs a part of it.
 * Results go to the {@code attendance-import} section of docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class AttendanceImportBenchmark {

    private static final int SCHOOLS = Integer.getInteger("attendance.schools", 50);
    private static final int PUPILS_PER_SCHOOL = 600;
    private static final int DAYS = 60;
    /** Codes in about the proportions of an English primary school's registers. */
    private static final String[] CODES = {"/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/",
            "/", "/", "/", "L", "I", "M", "N", "O", "G", "V", "B"};

    @Autowired
    private MongoClient client;
    @Autowired
    private MongoSettings mongo;
    @Autowired
    private TestRestTemplate http;

    @Test
    void measure() {
        // Ten activities every three days, two of them coffee mornings: the second, four weeks in, has weeks before it.
        TrustOfFamilies trust = new TrustOfFamilies("attendance-trust", SCHOOLS, PUPILS_PER_SCHOOL, 10,
                                                    Instant.parse("2026-01-05T08:00:00Z"), 20260105L);
        MongoDatabase database = client.getDatabase(mongo.database());
        database.getCollection(FamilyEngagementProjection.ROLLS, SchoolRoll.class).insertMany(trust.rolls);
        database.getCollection(FamilyEngagementProjection.FAMILIES, EngagementFamily.class)
                .insertMany(trust.families);
        database.getCollection(FamilyEngagementProjection.ACTIVITY_SUMMARIES, ActivitySummary.class)
                .insertMany(trust.activities);
        List<LocalDate> days = schoolDays(LocalDate.of(2026, 1, 5), DAYS);

        Random random = new Random(11);
        long marks = 0;
        long slowest = 0;
        long started = System.nanoTime();
        for (SchoolRoll roll : trust.rolls) {
            List<String> pupils = pupilsOf(trust, roll.schoolUrn());
            StringBuilder file = new StringBuilder(pupils.size() * DAYS * 2 * 30).append("pupil,date,session,code\n");
            for (String pupil : pupils) {
                for (LocalDate day : days) {
                    file.append(pupil).append(',').append(day).append(",AM,")
                        .append(CODES[random.nextInt(CODES.length)]).append('\n');
                    String pm = CODES[random.nextInt(CODES.length)];
                    file.append(pupil).append(',').append(day).append(",PM,").append(pm.equals("/") ? "\\" : pm)
                        .append('\n');
                }
            }
            HttpHeaders officer = Staff.at(trust.trustId, "attendance-officer", "officer", roll.schoolUrn());
            officer.setContentType(MediaType.parseMediaType("text/csv"));
            long t0 = System.nanoTime();
            ResponseEntity<String> answer = http.exchange(
                    "/api/engagement/attendance/schools/" + roll.schoolUrn() + "/marks", HttpMethod.POST,
                    new HttpEntity<>(file.toString().getBytes(StandardCharsets.UTF_8), officer), String.class);
            slowest = Math.max(slowest, System.nanoTime() - t0);
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
            marks += (long) pupils.size() * DAYS * 2;
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long t0 = System.nanoTime();
        SchoolRoll first = trust.rolls.get(0);
        ResponseEntity<String> list = http.exchange(
                "/api/engagement/attendance/schools/" + first.schoolUrn() + "/lists/persistent-absence",
                HttpMethod.GET, new HttpEntity<>(Staff.at(trust.trustId, "attendance-officer", "officer",
                                                          first.schoolUrn())), String.class);
        long listMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        Impact homeVisits = impact(first, "HOME_VISIT", trust.trustId);
        Impact coffeeMornings = impact(first, "COFFEE_MORNING", trust.trustId);

        String markdown = String.format(Locale.ROOT, """
                        Import of a trust's term of register marks through HTTP, one CSV file per school, each answered
                        once the read model shows it (embedded in-memory store, one JVM, %d cores):

                        | schools | pupils each | days | marks | total | marks per second | slowest school |
                        | --- | --- | --- | --- | --- | --- | --- |
                        | %d | %d | %d | %,d | %.1f s | %,.0f | %.1f s |

                        A school's persistent absence list after the import: %d ms. Goal for the full trust (50 schools,
                        3.6 million marks): under 5 minutes.

                        A school's attendance before and after a first home visit, against the comparison (the %d
                        families on its roll and their children's registers read by id, the rest in memory): %d ms,
                        %d pupils in the cohort; after a first coffee morning: %d ms, %d pupils in the cohort.
                        """, Runtime.getRuntime().availableProcessors(), SCHOOLS, PUPILS_PER_SCHOOL, DAYS, marks,
                                        seconds, marks / seconds, slowest / 1e9, listMillis, PUPILS_PER_SCHOOL,
                                        homeVisits.millis(), homeVisits.pupils(), coffeeMornings.millis(),
                                        coffeeMornings.pupils());
        System.out.println(markdown);
        Path docs = Path.of("..", "docs", "benchmarks.md");
        System.out.println(BenchmarkResults.writeSection(docs, "attendance-import", markdown)
                                   ? "Results written to " + docs.normalize()
                                   : "Results not written: run from the repository root with -pl engagement-service");
    }

    private record Impact(long millis, int pupils) {
    }

    /** The school's cohort view for a practice, timed on the second asking: the first warms the code up. */
    private Impact impact(SchoolRoll school, String practice, String trustId) {
        String path = "/api/engagement/attendance/schools/" + school.schoolUrn() + "/impact?practice=" + practice;
        HttpEntity<Void> officer = new HttpEntity<>(Staff.at(trustId, "attendance-officer", "officer",
                                                             school.schoolUrn()));
        http.exchange(path, HttpMethod.GET, officer, String.class);
        long t0 = System.nanoTime();
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, officer, String.class);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(answer.getBody(), "$.cohort.suppressed")).as(answer.getBody()).isFalse();
        return new Impact(millis, JsonPath.read(answer.getBody(), "$.cohort.pupils"));
    }

    /** The first {@code PUPILS_PER_SCHOOL} children on the school's roll. */
    private static List<String> pupilsOf(TrustOfFamilies trust, String schoolUrn) {
        List<String> pupils = new ArrayList<>();
        for (EngagementFamily family : trust.families) {
            for (EngagementFamily.Child child : family.children()) {
                if (child.onRoll() && child.schoolUrn().equals(schoolUrn) && pupils.size() < PUPILS_PER_SCHOOL) {
                    pupils.add(child.childId());
                }
            }
        }
        return pupils;
    }

    private static List<LocalDate> schoolDays(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }
}
