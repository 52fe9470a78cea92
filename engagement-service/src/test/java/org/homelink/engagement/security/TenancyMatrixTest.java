package org.homelink.engagement.security;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.platform.testing.EndpointMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.security.MatrixRow.delete;
import static org.homelink.engagement.security.MatrixRow.get;
import static org.homelink.engagement.security.MatrixRow.post;
import static org.homelink.engagement.security.MatrixRow.put;
import static org.homelink.platform.web.Role.KEY_WORKER;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Every endpoint of engagement-service, called on school A's records by their own school, by another school of the
 * same trust, by another trust (one of its staff naming A's URN among their schools, and its leader), by a partner,
 * without a token and with an expired one. Only the owner gets anything; nobody else gets a thing of A's, not in an
 * answer, a list, a count or an error, and a refused write stores nothing.
 * <p>
 * One row per endpoint, in the order a school would work: a row's own call may prepare the next (a concern is talked
 * about, then planned, reviewed, escalated and closed), and each row's outsiders are turned away first, while the
 * record is as the owner left it. {@link MatrixRun} says what each caller must get.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyMatrixTest {

    private static final String API = "/api/engagement";
    private static final String ACTIVITY = API + "/activities/{activityId}";
    private static final String AGREEMENT = API + "/agreements/{agreementId}";
    private static final String ATTENDANCE = API + "/attendance/schools/{schoolUrn}";
    private static final String CONCERN = ATTENDANCE + "/concerns/{concernId}";
    private static final String CONTACTS = API + "/families/{familyId}/contacts";
    private static final String MESSAGE = API + "/messages/{messageId}";
    private static final String FEED = API + "/messages/feed/families/{familyId}/carers/{carerId}";
    private static final String TASK = API + "/messages/tasks/{deliveryId}";
    private static final String SURVEY = API + "/surveys/{surveyId}";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    private MatrixRun run;

    @BeforeAll
    void seedOnce() {
        MatrixWorld world = MatrixWorld.seed(http, eventStore, directory);
        run = new MatrixRun(http, world, EndpointMatrix.endpoints(mapping));
    }

    @Test
    void everyEndpointHasItsRow() {
        Set<String> endpoints = EndpointMatrix.endpoints(mapping).stream().map(Object::toString)
                                              .collect(Collectors.toSet());
        Set<String> rows = rows().stream().map(Object::toString).collect(Collectors.toSet());

        assertThat(rows).as("rows of the matrix").hasSameSizeAs(rows());
        assertThat(endpoints).as("endpoints without a row in the matrix").isSubsetOf(rows);
        assertThat(rows).as("rows of endpoints the service does not have").isSubsetOf(endpoints);
    }

    @TestFactory
    Stream<DynamicTest> nothingCrossesSchoolsOrTrusts() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> run.check(row)));
    }

    private static List<MatrixRow> rows() {
        return List.of(
                // The families on a school's roll, as engagement-service knows them.
                get(API + "/families").query("school={schoolUrn}"),
                get(API + "/families/{familyId}"),
                get(API + "/families/{familyId}/timeline"),

                // Activities: one weekly, one a parents' evening.
                post(API + "/activities", 201, world -> MatrixWorld.activity(
                        "WORKSHOP", "Workshop", Instant.now().plus(Duration.ofDays(3)),
                        Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1))))
                        .readBack(API + "/activities?school={schoolUrn}"),
                get(API + "/activities").listed("$"),
                get(ACTIVITY),
                put(ACTIVITY + "/occurrences/{occurrence}", 200, world -> Map.of(
                        "start", Instant.now().plus(Duration.ofDays(8)).toString(),
                        "end", Instant.now().plus(Duration.ofDays(8)).plus(Duration.ofHours(1)).toString(),
                        "reason", "The hall is booked"))
                        .with("occurrence", world -> "2").readBack(ACTIVITY),
                post(ACTIVITY + "/cancellations", 200, world -> Map.of("occurrence", 3, "reason", "Snow"))
                        .readBack(ACTIVITY),
                post(ACTIVITY + "/invitations", 200, world -> Map.of("familyIds", List.of(world.otherFamilyId)))
                        .readBack(ACTIVITY + "/invitations"),
                get(ACTIVITY + "/invitations"),
                put(ACTIVITY + "/invitations/{familyId}/answer", 200,
                    world -> Map.of("carerId", world.smsCarer, "answer", "YES", "wouldHelp", List.of("CHILDCARE")))
                        .readBack(ACTIVITY + "/invitations"),
                post(ACTIVITY + "/occurrences/{occurrence}/check-ins", 201,
                     world -> Map.of("familyId", world.familyId, "carerIds", List.of(world.smsCarer),
                                     "childIds", List.of(world.childId)))
                        .readBack(ACTIVITY + "/invitations"),
                get(ACTIVITY + "/notices"),
                post(ACTIVITY + "/slots", 201, world -> Map.of(
                        "teacherId", "t-b", "teacherName", "Mr B",
                        "from", world.eveningStart.plus(Duration.ofHours(1)).toString(),
                        "to", world.eveningStart.plus(Duration.ofHours(2)).toString(), "minutes", 10))
                        .with("activityId", world -> world.values().get("eveningId"))
                        .readBack(API + "/activities/{activityId}/slots"),
                get(ACTIVITY + "/slots").with("activityId", world -> world.values().get("eveningId")),
                post(ACTIVITY + "/slots/{slotId}/booking", 201,
                     world -> Map.of("familyId", world.familyId, "carerId", world.smsCarer, "childId", world.childId))
                        .with("activityId", world -> world.values().get("eveningId"))
                        .readBack(API + "/activities/{activityId}/slots"),
                delete(ACTIVITY + "/slots/{slotId}/booking", 200)
                        .with("activityId", world -> world.values().get("eveningId"))
                        .readBack(API + "/activities/{activityId}/slots"),

                // The contact log.
                post(CONTACTS, 201, world -> Map.of(
                        "schoolUrn", MatrixWorld.A, "kind", "PHONE_CALL", "direction", "FAMILY_TO_SCHOOL",
                        "tone", "ROUTINE", "happenedAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                        "summary", "Asked about the trip"))
                        .readBack(CONTACTS),
                get(CONTACTS),
                get(CONTACTS + "/{contactId}"),
                post(CONTACTS + "/{contactId}/follow-up/completion", 200, world -> Map.of("note", "Called"))
                        .readBack(CONTACTS + "/{contactId}"),

                // Reach, the underserved list and caseloads.
                get(API + "/reach").query("school={schoolUrn}"),
                get(API + "/reach/trust").trustWide("$[*].schoolUrn"),
                get(API + "/underserved").query("school={schoolUrn}"),
                put(API + "/schools/{schoolUrn}/reach-settings", 200,
                    world -> Map.of("weeksWithoutTwoWayContact", 4, "invitationsWithoutAttendance", 2))
                        .readBack(API + "/underserved?school={schoolUrn}"),
                get(API + "/caseloads/{staffId}").as(KEY_WORKER).listed("$.families", "$.overdue"),

                // Attendance: registers, figures, lists, the threshold, before and after.
                post(ATTENDANCE + "/marks", 201, world -> world.register(2)).csv()
                        .readBack(ATTENDANCE + "/pupils"),
                get(ATTENDANCE + "/pupils"),
                get(ATTENDANCE + "/pupils/{childId}"),
                get(ATTENDANCE + "/lists/{list}"),
                get(ATTENDANCE + "/weeks"),
                put(ATTENDANCE + "/settings", 200, world -> Map.of("atRiskBelowPercent", 92))
                        .readBack(ATTENDANCE + "/pupils"),
                get(ATTENDANCE + "/impact").query("practice=HOME_VISIT"),
                get(API + "/attendance/trust/impact").query("practice=HOME_VISIT").trustWide("$[*].schoolUrn"),

                // Attendance concerns, support first, each step after the one before.
                post(ATTENDANCE + "/concerns", 201,
                     world -> Map.of("childId", world.otherChildId, "reason", "AT_RISK"))
                        .readBack(ATTENDANCE + "/concerns"),
                get(ATTENDANCE + "/concerns"),
                get(CONCERN),
                post(CONCERN + "/conversations", 200, world -> Map.of(
                        "carerIds", List.of(world.smsCarer), "summary", "Mornings are hard",
                        "happenedAt", Instant.now().minus(Duration.ofMinutes(10)).toString()))
                        .readBack(CONCERN),
                post(CONCERN + "/support-plan", 200, world -> Map.of(
                        "actions", List.of("Breakfast club"), "reviewOn", LocalDate.now().plusDays(14).toString()))
                        .readBack(CONCERN),
                post(CONCERN + "/reviews", 200, world -> Map.of("helped", false)).readBack(CONCERN),
                post(CONCERN + "/champion", 200, world -> Map.of("championId", "head-a")).readBack(CONCERN),
                post(CONCERN + "/local-authority-referral", 200, world -> null).readBack(CONCERN),
                post(CONCERN + "/closure", 200, world -> Map.of("outcome", "WITH_LOCAL_AUTHORITY"))
                        .readBack(CONCERN),

                // Home-school agreements. A school has one: the adoption is at D, which has none yet.
                post(API + "/agreements", 201, world -> Map.of(
                        "schoolUrns", List.of(MatrixWorld.D),
                        "firstVersion", MatrixWorld.agreementVersion(null, LocalDate.now())))
                        .at(MatrixWorld::schoolD).readBack(API + "/agreements"),
                get(API + "/agreements").listed("$"),
                get(AGREEMENT),
                post(AGREEMENT + "/versions", 201, world -> MatrixWorld.agreementVersion(
                        "Pick-up times", LocalDate.now().plusDays(30)))
                        .readBack(AGREEMENT),
                get(AGREEMENT + "/versions/{number}"),
                post(AGREEMENT + "/links", 200, world -> Map.of("familyIds", List.of(world.otherFamilyId)))
                        .readBack(AGREEMENT + "/outstanding?schoolUrn={schoolUrn}"),
                post(AGREEMENT + "/acknowledgements", 201, world -> Map.of(
                        "familyId", world.otherFamilyId, "carerId", world.appCarer, "method", "PAPER"))
                        .readBack(AGREEMENT + "/outstanding?schoolUrn={schoolUrn}"),
                get(AGREEMENT + "/outstanding").query("schoolUrn={schoolUrn}"),
                get(API + "/families/{familyId}/agreements"),
                get(API + "/agreement-links/{token}").personalLink(),
                post(API + "/agreement-links/{token}/acknowledgement", 200, world -> Map.of("version", 1))
                        .personalLink().readBack(AGREEMENT + "/outstanding?schoolUrn={schoolUrn}"),

                // Parent voice: an open survey already sent, and a draft.
                get(API + "/surveys/templates/parent-view").theSameForEveryone(),
                post(API + "/surveys", 201, world -> Map.of(
                        "schoolUrns", List.of(MatrixWorld.A), "title", "Another", "template", "PARENT_VIEW"))
                        .readBack(API + "/surveys"),
                get(API + "/surveys").listed("$"),
                get(SURVEY),
                put(SURVEY + "/questions", 200, world -> Map.of(
                        "title", "Reaching the school",
                        "questions", List.of(Map.of("text", "Do you hear from us enough?", "kind", "SCALE"))))
                        .with("surveyId", world -> world.values().get("draftSurveyId")).readBack(SURVEY),
                post(SURVEY + "/opening", 200,
                     world -> Map.of("closesAt", Instant.now().plus(Duration.ofDays(5)).toString()))
                        .with("surveyId", world -> world.values().get("draftSurveyId")).readBack(SURVEY),
                post(SURVEY + "/closing", 200, world -> null)
                        .with("surveyId", world -> world.values().get("draftSurveyId")).readBack(SURVEY),
                post(SURVEY + "/recipients", 200, world -> Map.of("familyIds", List.of(world.otherFamilyId)))
                        .readBack(SURVEY + "/recipients"),
                get(SURVEY + "/recipients"),
                get(SURVEY + "/results"),
                post(SURVEY + "/actions", 201, world -> Map.of(
                        "questionIds", List.of(world.questionId), "youSaid", "Later clubs", "weDid", "Until five"))
                        .readBack(SURVEY),
                put(SURVEY + "/actions/{actionId}/status", 200, world -> Map.of("status", "DONE"))
                        .readBack(SURVEY),
                get(API + "/voice/{token}").with("token", world -> world.values().get("voiceToken"))
                        .personalLink(),
                put(API + "/voice/{token}/answer", 200, world -> Map.of(
                        "answers", List.of(Map.of("questionId", world.questionId, "scale", "AGREE"))))
                        .with("token", world -> world.values().get("voiceToken")).personalLink()
                        .readBack(SURVEY + "/results"),

                // Messages: drafts, one sent; a school's settings; a family's digest; the app feed; staff tasks.
                post(API + "/messages", 201, world -> Map.of(
                        "schoolUrns", List.of(MatrixWorld.A), "kind", "NEWSLETTER",
                        "texts", List.of(Map.of("language", "en", "subject", "News", "body", "This week"))))
                        .readBack(API + "/messages"),
                get(API + "/messages").listed("$.items", "$.totalItems"),
                get(MESSAGE),
                put(MESSAGE + "/texts", 200, world -> Map.of(
                        "kind", "MESSAGE", "texts", List.of(Map.of("language", "en", "subject", "Trip moved",
                                                                   "body", "Now on Friday"))))
                        .readBack(MESSAGE),
                get(MESSAGE + "/preview").query("everyone=true"),
                post(MESSAGE + "/schedule", 200, world -> Map.of(
                        "sendAt", Instant.now().plus(Duration.ofDays(1)).toString(),
                        "audience", Map.of("everyone", true)))
                        .readBack(MESSAGE),
                // To the family with no app carer: a copy arriving in the app feed would change the feed row's
                // read-back while that row checks that refused writes changed nothing.
                post(MESSAGE + "/sending", 200, world -> Map.of("familyIds", List.of(world.familyId)))
                        .readBack(MESSAGE),
                post(MESSAGE + "/cancellation", 200, world -> null)
                        .with("messageId", world -> world.values().get("otherMessageId")).readBack(MESSAGE),
                get(MESSAGE + "/copies").with("messageId", world -> world.values().get("sentMessageId")),
                get(API + "/messages/schools/{schoolUrn}/settings"),
                put(API + "/messages/schools/{schoolUrn}/settings", 200, world -> Map.of(
                        "digestDay", "FRIDAY", "digestTime", "16:00", "weeklyLimit", 4))
                        .readBack(API + "/messages/schools/{schoolUrn}/settings"),
                put(API + "/messages/families/{familyId}/digest", 200, world -> Map.of("digest", true))
                        .readBack(API + "/messages/families/{familyId}/digest"),
                get(API + "/messages/families/{familyId}/digest"),
                get(FEED).with("familyId", world -> world.otherFamilyId),
                post(FEED + "/items/{deliveryId}/read", 200, world -> null)
                        .with("familyId", world -> world.otherFamilyId)
                        .with("deliveryId", world -> world.values().get("feedItemId"))
                        .readBack(FEED),
                get(API + "/messages/tasks").query("school={schoolUrn}"),
                get(TASK),
                post(TASK + "/completion", 200, world -> Map.of("outcome", "TOLD", "note", "Read it out"))
                        .readBack(TASK));
    }
}
