package org.homelink.engagement.security;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.Eventually;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.Staff;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records the matrix is run on, made once through the service's own API (and family-service's events, as the
 * service receives them): trust T with schools A, B and D, trust U with school C. Everything is A's: two families,
 * an activity and a parents' evening, a contact with its follow-up, register marks, a concern, an agreement with its
 * personal links, two surveys, three messages (one sent, so a staff task and an app feed exist). B, D and C hold
 * nothing, so whatever an outsider is answered must be empty of A.
 */
final class MatrixWorld {

    static final String A = "978101";
    static final String B = "978102";
    static final String C = "978103";
    static final String D = "978104";

    private static final String ACTIVITIES = "/api/engagement/activities";
    private static final String MESSAGES = "/api/engagement/messages";

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    final String trust = "mx2-t-" + run;
    final String otherTrust = "mx2-u-" + run;
    /** Every caller of the matrix is this member of staff, so that the caseload asked for is, or is not, theirs. */
    final String staffId = "kw-" + run;

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Api api;
    private final HttpHeaders head;

    String familyId;
    String otherFamilyId;
    String appCarer;
    String spokenCarer;
    String smsCarer;
    String childId;
    String otherChildId;
    String questionId;
    Instant eveningStart;

    private MatrixWorld(TestRestTemplate http) {
        this.api = new Api(http);
        this.head = Staff.at(trust, "school-leader", "head-" + run, A);
    }

    static MatrixWorld seed(TestRestTemplate http, EventStore eventStore, FamilyEngagementProjection directory) {
        MatrixWorld world = new MatrixWorld(http);
        world.families(new FamilyServiceEvents(eventStore), directory);
        world.activities();
        world.contact();
        world.attendance(http);
        world.agreement();
        world.surveys();
        world.messages();
        return world;
    }

    String schoolA() {
        return A;
    }

    String schoolD() {
        return D;
    }

    /** The records each path variable and query name means unless a row says otherwise. */
    Map<String, String> values() {
        return values;
    }

    /** What of A's would be a leak in an outsider's answer, by what it is. */
    Map<String, String> secrets() {
        return secrets;
    }

    // --- the seed ---

    private void families(FamilyServiceEvents familyService, FamilyEngagementProjection directory) {
        familyService.registerSchool(trust, A, "Matrix Primary A");
        familyService.registerSchool(trust, B, "Matrix Primary B");
        familyService.registerSchool(trust, D, "Matrix Primary D");
        familyService.registerSchool(otherTrust, C, "Matrix Primary C");
        smsCarer = secret("carer reached by SMS", "sms-" + run);
        spokenCarer = secret("carer reached by staff", "spoken-" + run);
        appCarer = secret("carer reached in the app", "app-" + run);
        childId = secret("child", "pupil1-" + run);
        otherChildId = secret("other child", "pupil2-" + run);
        familyId = familyService.family(trust, A, secret("family name", "Ashworth-" + run))
                .carer(smsCarer, new ContactPreferences(ContactChannel.SMS, "so", true, false, null, null),
                       secret("phone", String.format("+447700%06d", Math.floorMod(run.hashCode(), 1_000_000))),
                       secret("email", smsCarer + "@example.org"))
                .carer(spokenCarer, new ContactPreferences(ContactChannel.PHONE_CALL, "en", false, true, null, null),
                       null, null)
                .child(childId, YearGroup.YEAR_3)
                .barrier(Barrier.TIME_CONSTRAINTS, Instant.now().minus(Duration.ofDays(3)))
                .keyWorker(staffId)
                .seenBy(directory);
        otherFamilyId = familyService.family(trust, A, secret("other family name", "Brindle-" + run))
                .carer(appCarer, new ContactPreferences(ContactChannel.APP, "en", false, false, null, null), null, null)
                .child(otherChildId, YearGroup.YEAR_3)
                .seenBy(directory);
        secret("family", familyId);
        secret("other family", otherFamilyId);
        Eventually.until("the schools are registered", () -> directory.isSchoolOfTrust(D, trust)
                                                             && directory.isSchoolOfTrust(C, otherTrust));
        values.put("schoolUrn", A);
        values.put("familyId", familyId);
        values.put("childId", childId);
        values.put("carerId", appCarer);
        values.put("staffId", staffId);
        values.put("list", "persistent-absence");
        values.put("number", "1");
    }

    private void activities() {
        Instant soon = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> weekly = activity("COFFEE_MORNING", secret("activity title", "Coffee " + run), soon,
                                              soon.plus(Duration.ofHours(1)));
        weekly.put("repeat", Map.of("every", "WEEK", "times", 4));
        String activityId = secret("activity", created(ACTIVITIES, weekly, "$.activityId"));
        ok(api.post(ACTIVITIES + "/" + activityId + "/invitations", Map.of("familyIds", List.of(familyId)), head));

        eveningStart = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        String eveningId = secret("parents' evening", created(ACTIVITIES, activity(
                "PARENTS_EVENING", "Evening " + run, eveningStart, eveningStart.plus(Duration.ofHours(3))),
                                                              "$.activityId"));
        ok(api.post(ACTIVITIES + "/" + eveningId + "/invitations", Map.of("everyone", true), head));
        created(ACTIVITIES + "/" + eveningId + "/slots", Map.of(
                "teacherId", "t-a", "teacherName", "Ms A", "from", eveningStart.toString(),
                "to", eveningStart.plus(Duration.ofHours(1)).toString(), "minutes", 10), "$.activityId");
        List<String> slots = JsonPath.read(ok(api.get(ACTIVITIES + "/" + eveningId + "/slots", head)), "$[*].slotId");
        values.put("activityId", activityId);
        values.put("eveningId", eveningId);
        values.put("occurrence", "1");
        values.put("slotId", secret("slot", slots.get(0)));
    }

    static Map<String, Object> activity(String kind, String title, Instant start, Instant end) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolUrn", A);
        body.put("kind", kind);
        body.put("title", title);
        body.put("start", start.toString());
        body.put("end", end.toString());
        body.put("place", "The family room");
        body.put("involvementTypes", List.of("COMMUNICATING"));
        return body;
    }

    private void contact() {
        String contactId = created("/api/engagement/families/" + familyId + "/contacts", Map.of(
                "schoolUrn", A, "kind", "HOME_VISIT", "direction", "SCHOOL_TO_FAMILY", "tone", "POSITIVE",
                "carerIds", List.of(smsCarer), "happenedAt", Instant.now().minus(Duration.ofDays(3)).toString(),
                "summary", secret("contact summary", "Talked about mornings " + run),
                "followUp", Map.of("action", "Call back " + run, "ownerId", staffId,
                                   "dueOn", LocalDate.now().plusDays(2).toString())), "$.contactId");
        values.put("contactId", secret("contact", contactId));
    }

    private void attendance(TestRestTemplate http) {
        HttpHeaders headers = Staff.at(trust, "school-leader", "head-" + run, A);
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> imported = http.exchange(
                "/api/engagement/attendance/schools/" + A + "/marks", HttpMethod.POST,
                new HttpEntity<>(register(1).getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
        String concernId = created("/api/engagement/attendance/schools/" + A + "/concerns",
                                   Map.of("childId", childId, "reason", "PERSISTENT_ABSENCE"), "$.concern.concernId");
        values.put("concernId", secret("concern", concernId));
    }

    /**
     * A register of the two pupils over five school days before today, the {@code week}th such week back: one pupil
     * away every afternoon without leave, so that the lists have someone on them.
     */
    String register(int week) {
        StringBuilder file = new StringBuilder("pupil,date,session,code\n");
        LocalDate day = LocalDate.now(SchoolTime.ZONE).minusDays(1);
        List<LocalDate> days = new ArrayList<>();
        while (days.size() < 5 * week) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
            day = day.minusDays(1);
        }
        for (LocalDate date : days.subList(5 * (week - 1), 5 * week)) {
            file.append(childId).append(',').append(date).append(",AM,/\n");
            file.append(childId).append(',').append(date).append(",PM,N\n");
            file.append(otherChildId).append(',').append(date).append(",AM,/\n");
            file.append(otherChildId).append(',').append(date).append(",PM,\\\n");
        }
        return file.toString();
    }

    private void agreement() {
        String agreementId = created("/api/engagement/agreements", Map.of(
                "schoolUrns", List.of(A), "firstVersion", agreementVersion(null, LocalDate.now().minusDays(7))),
                                     "$.agreementId");
        String sent = ok(api.post("/api/engagement/agreements/" + agreementId + "/links",
                                  Map.of("familyIds", List.of(familyId)), head));
        List<String> links = JsonPath.read(sent, "$.sent[?(@.carerId == '" + smsCarer + "')].link");
        values.put("agreementId", secret("agreement", agreementId));
        values.put("token", secret("agreement link", links.get(0).substring(links.get(0).lastIndexOf('/') + 1)));
    }

    static Map<String, Object> agreementVersion(String changes, LocalDate takesEffect) {
        Map<String, Object> version = new HashMap<>(Map.of(
                "title", "Our home-school agreement",
                "texts", List.of(Map.of("language", "en", "text", "We will tell you how your child is.")),
                "fallbackLanguage", "en", "takesEffect", takesEffect.toString()));
        if (changes != null) {
            version.put("changes", changes);
        }
        return version;
    }

    private void surveys() {
        String surveyId = created("/api/engagement/surveys", Map.of(
                "schoolUrns", List.of(A), "title", secret("survey title", "Voice " + run), "template", "PARENT_VIEW"),
                                  "$.surveyId");
        String survey = "/api/engagement/surveys/" + surveyId;
        ok(api.post(survey + "/opening", Map.of("closesAt", Instant.now().plus(Duration.ofDays(7)).toString()),
                    head));
        String sent = ok(api.post(survey + "/recipients", Map.of("familyIds", List.of(familyId)), head));
        List<String> links = JsonPath.read(sent, "$.sent[?(@.carerId == '" + smsCarer + "')].link");
        questionId = JsonPath.read(ok(api.get(survey, head)), "$.questions[0].questionId");
        ResponseEntity<String> action = api.post(survey + "/actions", Map.of(
                "questionIds", List.of(questionId), "youSaid", "More notice", "weDid", "Letters a week ahead"), head);
        assertThat(action.getStatusCode().value()).as(action.getBody()).isEqualTo(201);
        String actionPath = action.getHeaders().getLocation().getPath();
        String draft = created("/api/engagement/surveys", Map.of(
                "schoolUrns", List.of(A), "title", "Draft " + run,
                "questions", List.of(Map.of("text", "Is the school easy to reach?", "kind", "SCALE"))), "$.surveyId");
        values.put("surveyId", secret("survey", surveyId));
        values.put("draftSurveyId", secret("draft survey", draft));
        values.put("actionId", secret("action", actionPath.substring(actionPath.lastIndexOf('/') + 1)));
        values.put("voiceToken", secret("survey link", links.get(0).substring(links.get(0).lastIndexOf('/') + 1)));
    }

    private void messages() {
        String sentId = draft(secret("message subject", "Trip " + run));
        ok(api.post(MESSAGES + "/" + sentId + "/sending", Map.of("everyone", true), head));
        String[] task = new String[1];
        Eventually.until("the staff task for the carer who prefers a call", () -> {
            List<String> ids = JsonPath.read(ok(api.get(MESSAGES + "/tasks?school=" + A, head)),
                                             "$.items[?(@.carerId == '" + spokenCarer + "')].deliveryId");
            task[0] = ids.isEmpty() ? null : ids.get(0);
            return task[0] != null;
        });
        String feed = MESSAGES + "/feed/families/" + otherFamilyId + "/carers/" + appCarer;
        String[] item = new String[1];
        Eventually.until("the message in the app feed", () -> {
            List<String> ids = JsonPath.read(ok(api.get(feed, head)), "$.items[*].deliveryId");
            item[0] = ids.isEmpty() ? null : ids.get(0);
            return item[0] != null;
        });
        values.put("sentMessageId", secret("sent message", sentId));
        values.put("messageId", secret("draft message", draft("Draft " + run)));
        values.put("otherMessageId", secret("other draft message", draft("Other draft " + run)));
        values.put("deliveryId", secret("staff task", task[0]));
        values.put("feedItemId", secret("feed item", item[0]));
    }

    private String draft(String subject) {
        return created(MESSAGES, Map.of("schoolUrns", List.of(A), "kind", "MESSAGE", "texts", List.of(Map.of(
                "language", "en", "subject", subject, "body", "Please read " + run))), "$.messageId");
    }

    private String created(String path, Object body, String idPath) {
        ResponseEntity<String> answer = api.post(path, body, head);
        assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isEqualTo(201);
        return JsonPath.read(answer.getBody(), idPath);
    }

    private static String ok(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private String secret(String what, String value) {
        secrets.put(what, value);
        return value;
    }
}
