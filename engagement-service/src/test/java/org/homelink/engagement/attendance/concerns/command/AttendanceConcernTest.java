package org.homelink.engagement.attendance.concerns.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.engagement.AttendanceConcernRaised;
import org.homelink.contracts.engagement.ConcernEscalated;
import org.homelink.contracts.engagement.ConcernReason;
import org.homelink.contracts.engagement.EscalationStep;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.AgreeSupportPlan;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.CloseConcern;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.InvolveChampion;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.LogConversation;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.RaiseConcern;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.ReferToLocalAuthority;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.ReviewSupport;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.AlreadyClosed;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.ConcernNotFound;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.HappensLater;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotACarer;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotInRole;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotReferred;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.NotYet;
import org.homelink.engagement.attendance.concerns.command.ConcernRules.ReviewNotAhead;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConcernClosed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConversationLogged;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.Outcome;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportPlanAgreed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportReviewed;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.brokenRule;

/**
 * Each command path of an attendance concern, rejections and tenancy included: given events, when, expect. Its events
 * are the read model's test's history too, so both describe the same concern.
 */
public class AttendanceConcernTest {

    public static final String CONCERN = ConcernCommands.idOf(NORTH, "hodan", 1);
    static final RequestContext OFFICER =
            new RequestContext(TRUST, Set.of(NORTH), Role.ATTENDANCE_OFFICER, "officer-n");
    static final RequestContext SOUTH_OFFICER =
            new RequestContext(TRUST, Set.of(SOUTH), Role.ATTENDANCE_OFFICER, "officer-s");
    static final Instant TALKED = NOW.minusSeconds(3600);
    static final LocalDate IN_FOUR_WEEKS = LocalDate.of(2026, 3, 30);

    public static final AttendanceConcernRaised RAISED = new AttendanceConcernRaised(
            CONCERN, TRUST, NORTH, "hodan", "warsame", ConcernReason.PERSISTENT_ABSENCE, "officer-n", NOW);
    public static final ConversationLogged CONVERSATION = new ConversationLogged(
            CONCERN, NORTH, "warsame", Set.of("amina"), TALKED, "Mornings are hard with the baby", "officer-n", NOW);
    public static final SupportPlanAgreed PLAN = new SupportPlanAgreed(
            CONCERN, NORTH, "warsame", List.of("Breakfast club place"), IN_FOUR_WEEKS, "officer-n", NOW);
    public static final SupportReviewed NOT_HELPED = new SupportReviewed(
            CONCERN, NORTH, "warsame", false, null, "officer-n", NOW);
    public static final ConcernEscalated TO_CHAMPION = new ConcernEscalated(
            CONCERN, TRUST, NORTH, "hodan", "warsame", EscalationStep.SENIOR_ATTENDANCE_CHAMPION, "head-n",
            "officer-n", NOW);
    public static final ConcernEscalated TO_LOCAL_AUTHORITY = new ConcernEscalated(
            CONCERN, TRUST, NORTH, "hodan", "warsame", EscalationStep.LOCAL_AUTHORITY, null, "officer-n", NOW);

    private FixtureConfiguration<AttendanceConcern> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AttendanceConcern.class);
    }

    static RaiseConcern raise(RequestContext actor) {
        return new RaiseConcern(CONCERN, TRUST, NORTH, "hodan", "warsame", ConcernReason.PERSISTENT_ABSENCE, actor,
                                NOW);
    }

    static LogConversation talk(Set<String> carers, Instant happenedAt, RequestContext actor) {
        return new LogConversation(CONCERN, Set.of("amina", "farah"), carers, happenedAt,
                                   "Mornings are hard with the baby", actor, NOW);
    }

    static AgreeSupportPlan plan(LocalDate reviewOn) {
        return new AgreeSupportPlan(CONCERN, List.of("Breakfast club place"), reviewOn, OFFICER, NOW);
    }

    @Nested
    class Raise {

        @Test
        void byAnAttendanceOfficerKeyWorkerOrLeaderOfTheSchool() {
            fixture.givenNoPriorActivity().when(raise(OFFICER)).expectEvents(RAISED);
            fixture.givenNoPriorActivity().when(raise(NORTH_STAFF))
                   .expectEvents(new AttendanceConcernRaised(CONCERN, TRUST, NORTH, "hodan", "warsame",
                                                             ConcernReason.PERSISTENT_ABSENCE, "staff-n", NOW));
        }

        @Test
        void notForAnotherSchoolOrTrust() {
            fixture.givenNoPriorActivity().when(raise(SOUTH_OFFICER))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn")).expectNoEvents();
            fixture.givenNoPriorActivity().when(raise(OTHER_TRUST))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn")).expectNoEvents();
        }
    }

    @Nested
    class Conversation {

        @Test
        void withCarersOfTheFamilyOnceItHasHappened() {
            fixture.given(RAISED).when(talk(Set.of("amina"), TALKED, OFFICER)).expectEvents(CONVERSATION)
                   .expectResultMessagePayload(1L);
        }

        @Test
        void notInTheFutureNorWithSomeoneElse() {
            fixture.given(RAISED).when(talk(Set.of("amina"), NOW.plusSeconds(60), OFFICER))
                   .expectException(brokenRule(HappensLater.class, "happenedAt")).expectNoEvents();
            fixture.given(RAISED).when(talk(Set.of("amina", "chidi"), TALKED, OFFICER))
                   .expectException(brokenRule(NotACarer.class, "carerIds")).expectNoEvents();
        }

        @Test
        void anotherSchoolOrTrustIsToldThereIsNoSuchConcern() {
            fixture.given(RAISED).when(talk(Set.of("amina"), TALKED, SOUTH_OFFICER))
                   .expectException(ConcernNotFound.class).expectNoEvents();
            fixture.given(RAISED).when(talk(Set.of("amina"), TALKED, OTHER_TRUST))
                   .expectException(ConcernNotFound.class).expectNoEvents();
        }
    }

    @Nested
    class SupportPlan {

        @Test
        void afterTheConversationWithAReviewDateAfterToday() {
            fixture.given(RAISED, CONVERSATION).when(plan(IN_FOUR_WEEKS)).expectEvents(PLAN);
        }

        @Test
        void notBeforeTalkingWithTheFamily() {
            fixture.given(RAISED).when(plan(IN_FOUR_WEEKS))
                   .expectException(brokenRule(NotYet.class, "concernId")).expectNoEvents();
        }

        @Test
        void notReviewedTodayOrEarlier() {
            fixture.given(RAISED, CONVERSATION).when(plan(LocalDate.of(2026, 3, 2)))
                   .expectException(brokenRule(ReviewNotAhead.class, "reviewOn")).expectNoEvents();
        }

        @Test
        void notTwice() {
            fixture.given(RAISED, CONVERSATION, PLAN).when(plan(IN_FOUR_WEEKS))
                   .expectException(brokenRule(NotYet.class, "concernId")).expectNoEvents();
        }
    }

    @Nested
    class Review {

        @Test
        void supportThatHelpedClosesTheConcernAsResolved() {
            fixture.given(RAISED, CONVERSATION, PLAN)
                   .when(new ReviewSupport(CONCERN, true, "Every morning this week", NORTH_STAFF, NOW))
                   .expectEvents(new SupportReviewed(CONCERN, NORTH, "warsame", true, "Every morning this week",
                                                     "staff-n", NOW),
                                 new ConcernClosed(CONCERN, NORTH, "warsame", Outcome.RESOLVED,
                                                   "Every morning this week",
                                                   "staff-n", NOW));
        }

        @Test
        void supportThatDidNotHelpLeavesItOpen() {
            fixture.given(RAISED, CONVERSATION, PLAN).when(new ReviewSupport(CONCERN, false, null, OFFICER, NOW))
                   .expectEvents(NOT_HELPED);
        }

        @Test
        void onlyOfAgreedSupport() {
            fixture.given(RAISED, CONVERSATION).when(new ReviewSupport(CONCERN, false, null, OFFICER, NOW))
                   .expectException(brokenRule(NotYet.class, "concernId")).expectNoEvents();
        }
    }

    @Nested
    class Escalate {

        @Test
        void toTheChampionOnceSupportHasNotHelpedThenToTheLocalAuthority() {
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED)
                   .when(new InvolveChampion(CONCERN, "head-n", OFFICER, NOW)).expectEvents(TO_CHAMPION);
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED, TO_CHAMPION)
                   .when(new ReferToLocalAuthority(CONCERN, OFFICER, NOW)).expectEvents(TO_LOCAL_AUTHORITY);
        }

        @Test
        void neverBeforeSupportHasBeenTried() {
            fixture.given(RAISED, CONVERSATION, PLAN).when(new InvolveChampion(CONCERN, "head-n", OFFICER, NOW))
                   .expectException(brokenRule(NotYet.class, "concernId")).expectNoEvents();
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED)
                   .when(new ReferToLocalAuthority(CONCERN, OFFICER, NOW))
                   .expectException(brokenRule(NotYet.class, "concernId")).expectNoEvents();
        }

        @Test
        void byAttendanceOfficersAndLeadersNotTheKeyWorkerAlone() {
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED)
                   .when(new InvolveChampion(CONCERN, "head-n", NORTH_STAFF, NOW))
                   .expectException(NotInRole.class).expectNoEvents();
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED)
                   .when(new InvolveChampion(CONCERN, "head-n", LEADER, NOW))
                   .expectEvents(new ConcernEscalated(CONCERN, TRUST, NORTH, "hodan", "warsame",
                                                      EscalationStep.SENIOR_ATTENDANCE_CHAMPION, "head-n", "leader",
                                                      NOW));
        }

        @Test
        void notByAnotherTrustsLeaders() {
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED)
                   .when(new InvolveChampion(CONCERN, "head-n", OTHER_TRUST, NOW))
                   .expectException(ConcernNotFound.class).expectNoEvents();
        }
    }

    @Nested
    class Close {

        @Test
        void withTheLocalAuthorityOnlyOnceReferred() {
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED, TO_CHAMPION, TO_LOCAL_AUTHORITY)
                   .when(new CloseConcern(CONCERN, Outcome.WITH_LOCAL_AUTHORITY, null, OFFICER, NOW))
                   .expectEvents(new ConcernClosed(CONCERN, NORTH, "warsame", Outcome.WITH_LOCAL_AUTHORITY, null,
                                                   "officer-n",
                                                   NOW));
            fixture.given(RAISED, CONVERSATION, PLAN, NOT_HELPED, TO_CHAMPION)
                   .when(new CloseConcern(CONCERN, Outcome.WITH_LOCAL_AUTHORITY, null, OFFICER, NOW))
                   .expectException(brokenRule(NotReferred.class, "outcome")).expectNoEvents();
        }

        @Test
        void atAnyStepWhenThePupilLeaves() {
            fixture.given(RAISED).when(new CloseConcern(CONCERN, Outcome.PUPIL_LEFT, null, OFFICER, NOW))
                   .expectEvents(new ConcernClosed(CONCERN, NORTH, "warsame", Outcome.PUPIL_LEFT, null, "officer-n",
                                                   NOW));
        }

        @Test
        void nothingHappensToAClosedConcern() {
            ConcernClosed closed = new ConcernClosed(CONCERN, NORTH, "warsame", Outcome.PUPIL_LEFT, null, "officer-n",
                                                     NOW);
            fixture.given(RAISED, closed).when(talk(Set.of("amina"), TALKED, OFFICER))
                   .expectException(brokenRule(AlreadyClosed.class, "concernId")).expectNoEvents();
            fixture.given(RAISED, closed).when(new CloseConcern(CONCERN, Outcome.OTHER, null, OFFICER, NOW))
                   .expectException(brokenRule(AlreadyClosed.class, "concernId")).expectNoEvents();
        }
    }
}
