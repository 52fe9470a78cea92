package org.homelink.engagement.voice.web;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Parent voice over HTTP on the embedded store, the whole loop: a survey from Parent View's template, sent to the
 * families of a school, answered through personal links with no sign-in, results with small groups suppressed, and
 * "you said, we did" read back through a link.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceApiTest {

    private static final String NORTH = "940001";

    private final String trust = "riverside-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;

    private final List<String> families = new ArrayList<>();
    private Api api;

    @BeforeAll
    void elevenFamiliesInYearThreeAndOneInYearFive() {
        api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, NORTH, "North Primary");
        for (int i = 1; i <= 12; i++) {
            FamilyServiceEvents.Family family = familyService.family(trust, NORTH, "Family " + i)
                    .carer("carer-" + i, i % 3 == 0 ? ContactChannel.PHONE_CALL : ContactChannel.SMS,
                           i % 2 == 0 ? "so" : "en", false)
                    .child("child-" + i, i == 12 ? YearGroup.YEAR_5 : YearGroup.YEAR_3);
            families.add(family.id());
            awaitFamily(family.id(), family.version());
        }
    }

    @Test
    void fromTemplateToResultsAndYouSaidWeDid() {
        ResponseEntity<String> template = api.get("/api/engagement/surveys/templates/parent-view", leader());
        assertThat((List<String>) JsonPath.read(template.getBody(), "$[*].questionId")).hasSize(12)
                                                                                        .startsWith("pv-1");

        ResponseEntity<String> created = api.post("/api/engagement/surveys", Map.of(
                "schoolUrns", List.of(NORTH), "title", "Spring survey", "template", "PARENT_VIEW",
                "questions", List.of(Map.of("text", "What could we do better?", "kind", "FREE_TEXT"))),
                                              leader());
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String surveyId = JsonPath.read(created.getBody(), "$.surveyId");
        String survey = "/api/engagement/surveys/" + surveyId;
        assertThat((List<String>) JsonPath.read(api.get(survey, leader()).getBody(), "$.questions[*].questionId"))
                .hasSize(13).endsWith("q-13");

        assertThat(api.post(survey + "/recipients", Map.of("everyone", true), leader()).getStatusCode())
                .as("not sent before it opens").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(api.post(survey + "/opening", Map.of("closesAt", Instant.now().plus(Duration.ofDays(14)).toString()),
                        leader()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.put(survey + "/questions", Map.of("title", "Changed", "questions", List.of(
                Map.of("text", "Another", "kind", "SCALE"))), leader()).getStatusCode())
                .as("questions are fixed once open").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ResponseEntity<String> sent = api.post(survey + "/recipients", Map.of("everyone", true), leader());
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
        List<String> links = JsonPath.read(sent.getBody(), "$.sent[*].link");
        assertThat(links).hasSize(12).allMatch(link -> link.startsWith("/api/engagement/voice/"));
        assertThat((List<Boolean>) JsonPath.read(sent.getBody(), "$.sent[*].byStaff"))
                .as("carers who prefer a call are told by staff, listed last").endsWith(true);
        assertThat((Integer) JsonPath.read(api.post(survey + "/recipients", Map.of("everyone", true), leader())
                                                   .getBody(), "$.sent.length()"))
                .as("a carer gets one link per survey").isZero();
        assertThat(api.get(survey + "/recipients", leader()).getBody()).doesNotContain("/api/engagement/voice/");

        // Each family answers through its link, with no request context at all.
        for (int i = 0; i < links.size(); i++) {
            ResponseEntity<String> answered = api.put(links.get(i) + "/answer", Map.of("answers", List.of(
                    Map.of("questionId", "pv-1", "scale", i < 8 ? "STRONGLY_AGREE" : "DISAGREE"),
                    Map.of("questionId", "q-13", "text", "Answer " + i))), new HttpHeaders());
            assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.OK);
        }
        // One changes their mind: the answer replaces theirs, it does not add another.
        assertThat(api.put(links.get(0) + "/answer", Map.of("answers", List.of(
                Map.of("questionId", "pv-1", "scale", "AGREE"))), new HttpHeaders()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/engagement/voice/not-a-link", new HttpHeaders()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(survey + "/results", new HttpHeaders()).getStatusCode())
                .as("staff views still need the context").isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> results = api.get(survey + "/results", leader());
        assertThat(results.getStatusCode()).as(results.getBody()).isEqualTo(HttpStatus.OK);
        String body = results.getBody();
        assertThat((Integer) JsonPath.read(body, "$.questions[0].overall.answers")).isEqualTo(12);
        assertThat((Integer) JsonPath.read(body, "$.questions[0].overall.counts.STRONGLY_AGREE")).isEqualTo(7);
        assertThat((Integer) JsonPath.read(body, "$.questions[0].overall.counts.AGREE")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(body, "$.questions[0].overall.counts.DISAGREE")).isEqualTo(4);
        assertThat((List<Boolean>) JsonPath.read(body, "$.questions[0].byYearGroup[*].suppressed"))
                .as("Year 5's one answer, and Year 3 beside it, which would give it away by subtraction")
                .containsExactly(true, true);
        assertThat(body).doesNotContain("carer-").doesNotContain(families.get(0));
        assertThat((List<String>) JsonPath.read(body, "$.questions[12].freeText")).hasSize(11).isSorted();
        assertThat(api.get(survey + "/results", staff("teacher")).getBody()).doesNotContain("freeText");

        ResponseEntity<String> action = api.post(survey + "/actions", Map.of(
                "questionIds", List.of("pv-1"), "youSaid", "Mornings feel rushed",
                "weDid", "A breakfast club from May"), leader());
        assertThat(action.getStatusCode()).as(action.getBody()).isEqualTo(HttpStatus.CREATED);
        String actionPath = action.getHeaders().getLocation().getPath();
        assertThat(api.put(actionPath + "/status", Map.of("status", "IN_PROGRESS"), leader()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ResponseEntity<String> forFamilies = api.get(links.get(3), new HttpHeaders());
        assertThat(forFamilies.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(forFamilies.getBody(), "$.youSaidWeDid[*].weDid"))
                .containsExactly("A breakfast club from May");
        assertThat((List<String>) JsonPath.read(forFamilies.getBody(), "$.youSaidWeDid[*].status"))
                .containsExactly("IN_PROGRESS");

        assertThat(api.post(survey + "/closing", Map.of(), leader()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.put(links.get(1) + "/answer", Map.of("answers", List.of(
                Map.of("questionId", "pv-1", "scale", "AGREE"))), new HttpHeaders()).getStatusCode())
                .as("no answers once closed").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void anotherTrustsStaffFindNoSurvey() {
        String surveyId = JsonPath.read(api.post("/api/engagement/surveys", Map.of(
                "schoolUrns", List.of(NORTH), "title", "Ours", "template", "PARENT_VIEW"), leader())
                                                .getBody(), "$.surveyId");
        HttpHeaders stranger = Staff.at("hilltop", "trust-leader", "stranger");
        assertThat(api.get("/api/engagement/surveys/" + surveyId + "/results", stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void awaitFamily(String familyId, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (directory.familyVersionOf(familyId) < version) {
            assertThat(System.nanoTime()).as("family reached engagement-service in time").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private HttpHeaders staff(String role) {
        return Staff.at(trust, role, "staff-1", NORTH);
    }

    private HttpHeaders leader() {
        return staff("school-leader");
    }
}
