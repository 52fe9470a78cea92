package org.homelink.engagement.reach.query;

import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.ActivitySummary.Meeting;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.engagement.reach.query.ReachReport.Reach;
import org.homelink.engagement.reach.query.ReachReport.Split;
import org.homelink.engagement.reach.query.UnderservedFamily.Reason;
import org.homelink.engagement.reach.query.UnderservedFamily.Why;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.TRUST;

/** The arithmetic of reach per school and term, and of the underserved list, on families and activities as read. */
class ReachCalculatorTest {

    static final Term SPRING = Term.named("spring-2026").orElseThrow();
    static final Instant IN_SPRING = Instant.parse("2026-02-10T10:00:00Z");
    static final Instant IN_AUTUMN = Instant.parse("2025-11-10T10:00:00Z");
    static final SchoolRoll NORTH_ROLL = roll(null, null);

    static SchoolRoll roll(Integer weeks, Integer invitations) {
        return new SchoolRoll(NORTH, TRUST, "North Primary", List.of(), weeks, invitations, 0L);
    }

    static ActivitySummary activity(String activityId, String schoolUrn, Set<InvolvementType> types,
                                    Meeting... meetings) {
        return new ActivitySummary(activityId, TRUST, schoolUrn, ActivityKind.WORKSHOP, activityId, types,
                                   List.of(meetings), 0);
    }

    static Meeting meeting(int number, Instant start) {
        return new Meeting(number, start, start.plus(Duration.ofHours(1)), false);
    }

    static Meeting cancelled(int number, Instant start) {
        return new Meeting(number, start, start.plus(Duration.ofHours(1)), true);
    }

    static Map<String, ActivitySummary> byId(ActivitySummary... activities) {
        return ReachCalculator.byId(List.of(activities), ActivitySummary::activityId);
    }

    static Household household(String familyId) {
        return new Household(familyId);
    }

    /** A family of North as the directory would hold it, built up with what a test needs of it. */
    static final class Household {

        private final String familyId;
        private final List<EngagementFamily.Carer> carers = new ArrayList<>();
        private final List<EngagementFamily.Child> children = new ArrayList<>();
        private final List<EngagementFamily.BarrierNote> barriers = new ArrayList<>();
        private final List<EngagementFamily.Invitation> invitations = new ArrayList<>();
        private final List<EngagementFamily.Contact> contacts = new ArrayList<>();

        private Household(String familyId) {
            this.familyId = familyId;
        }

        Household speaking(String language) {
            carers.add(new EngagementFamily.Carer("carer-" + carers.size(), "A carer", true, ContactChannel.SMS,
                                                  language, false, false));
            return this;
        }

        Household child(YearGroup yearGroup, String schoolUrn, boolean onRoll) {
            children.add(new EngagementFamily.Child("child-" + children.size(), "A child", yearGroup, schoolUrn,
                                                    onRoll));
            return this;
        }

        Household barrier(Barrier barrier, Instant recordedAt, Instant resolvedAt) {
            barriers.add(new EngagementFamily.BarrierNote("barrier-" + barriers.size(), barrier, recordedAt,
                                                          resolvedAt));
            return this;
        }

        Household contact(String schoolUrn, boolean twoWay, Instant at, InvolvementType... types) {
            return contact(schoolUrn, twoWay, at, null, types);
        }

        Household contactWithFollowUp(Instant at) {
            return contact(NORTH, true, at, "Call back");
        }

        private Household contact(String schoolUrn, boolean twoWay, Instant at, String followUp,
                                  InvolvementType... types) {
            contacts.add(new EngagementFamily.Contact(
                    "contact-" + contacts.size(), schoolUrn, ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY,
                    twoWay, ContactTone.ROUTINE, at, "A call", "staff-n", Set.of(types), followUp,
                    followUp == null ? null : LocalDate.of(2026, 3, 9), followUp == null ? null : "staff-n", null));
            return this;
        }

        Household invited(String activityId, Instant invitedAt) {
            return invitation(activityId, invitedAt, null, null);
        }

        Household answered(String activityId, Instant answeredAt) {
            invitations.add(new EngagementFamily.Invitation(activityId, NORTH, answeredAt, Answer.NO, Set.of(), false,
                                                            answeredAt, List.of(), null));
            return this;
        }

        /** Came to these occurrences, invited or not ({@code invitedAt} null), checked in at {@code recordedAt}. */
        Household came(String activityId, Instant invitedAt, Instant recordedAt, Integer... occurrences) {
            return invitation(activityId, invitedAt, recordedAt, occurrences);
        }

        private Household invitation(String activityId, Instant invitedAt, Instant recordedAt,
                                     Integer[] occurrences) {
            List<Integer> attended = occurrences == null ? List.of() : Arrays.asList(occurrences);
            invitations.add(new EngagementFamily.Invitation(activityId, NORTH, invitedAt, null, Set.of(), false, null,
                                                            attended, recordedAt));
            return this;
        }

        EngagementFamily build() {
            return new EngagementFamily(familyId, TRUST, List.of(NORTH), familyId, NOW, 0, carers, children,
                                        barriers, null, invitations, contacts);
        }
    }

    static ReachReport spring(List<EngagementFamily> families, Map<String, ActivitySummary> activities) {
        return ReachCalculator.report(NORTH_ROLL, SPRING, families, activities);
    }

    static Reach reach(int families, int twoWay, double twoWayShare, int attended, double attendedShare,
                       int attendances) {
        return new Reach(families, twoWay, twoWayShare, attended, attendedShare, attendances);
    }

    static Reach none(int families) {
        return reach(families, 0, 0, 0, 0, 0);
    }

    @Nested
    class ReachInATerm {

        @Test
        void countsOnlyTwoWayContactsOfTheSchoolWithinTheTerm() {
            List<EngagementFamily> families = List.of(
                    household("called").contact(NORTH, true, IN_SPRING).build(),
                    household("called-by-south").contact(SOUTH, true, IN_SPRING).build(),
                    household("called-last-term").contact(NORTH, true, IN_AUTUMN).build(),
                    household("written-to").contact(NORTH, false, IN_SPRING).build(),
                    household("nothing").build());

            ReachReport report = spring(families, Map.of());

            assertThat(report.overall()).isEqualTo(reach(5, 1, 0.2, 0, 0, 0));
            assertThat(report.schoolUrn()).isEqualTo(NORTH);
            assertThat(report.schoolName()).isEqualTo("North Primary");
            assertThat(report.term()).isEqualTo(SPRING);
        }

        @Test
        void answersAndAttendanceAtTheSchoolsOwnActivitiesInTheTermAreTwoWay() {
            Map<String, ActivitySummary> activities = byId(
                    activity("north-workshop", NORTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("south-workshop", SOUTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("north-autumn", NORTH, Set.of(), meeting(1, IN_AUTUMN)));
            List<EngagementFamily> families = List.of(
                    household("answered").answered("north-workshop", IN_SPRING).build(),
                    household("at-south").answered("south-workshop", IN_SPRING)
                                         .came("south-workshop", IN_SPRING, IN_SPRING, 1).build(),
                    household("last-term").answered("north-autumn", IN_AUTUMN)
                                          .came("north-autumn", IN_AUTUMN, IN_AUTUMN, 1).build(),
                    household("walked-in").came("north-workshop", null, IN_SPRING, 1).build());

            assertThat(spring(families, activities).overall()).isEqualTo(reach(4, 2, 0.5, 1, 0.25, 1));
        }

        @Test
        void countsAttendanceByWhenTheOccurrenceMetNotWhenItWasRecorded() {
            Instant lastDayOfSpring = Instant.parse("2026-03-31T17:00:00Z");
            Instant lastDayOfAutumn = Instant.parse("2025-12-17T17:00:00Z");
            Map<String, ActivitySummary> activities = byId(
                    activity("club", NORTH, Set.of(), meeting(1, lastDayOfAutumn), meeting(2, IN_SPRING),
                             meeting(3, lastDayOfSpring)));
            List<EngagementFamily> families = List.of(
                    // Checked in the morning after the last spring meeting: still spring's.
                    household("came-twice").came("club", IN_AUTUMN, lastDayOfSpring.plus(Duration.ofHours(16)), 2, 3)
                                           .build(),
                    // Checked in after the holidays for a meeting before them: autumn's.
                    household("came-in-autumn").came("club", IN_AUTUMN, IN_SPRING, 1).build());

            assertThat(spring(families, activities).overall()).isEqualTo(reach(2, 1, 0.5, 1, 0.5, 2));
        }

        @Test
        void splitsByYearGroupAtTheSchoolOpenBarrierAndLanguage() {
            List<EngagementFamily> families = List.of(
                    household("reached").child(YearGroup.YEAR_3, NORTH, true).child(YearGroup.YEAR_7, SOUTH, true)
                                        .speaking("so").speaking("en")
                                        .barrier(Barrier.COMMUNICATION, IN_AUTUMN, null)
                                        .barrier(Barrier.TIME_CONSTRAINTS, IN_AUTUMN, IN_SPRING)
                                        .contact(NORTH, true, IN_SPRING).build(),
                    household("not-reached").child(YearGroup.YEAR_3, NORTH, true)
                                            .child(YearGroup.YEAR_5, NORTH, false)
                                            .speaking("pl").build());

            ReachReport report = spring(families, Map.of());

            assertThat(report.byYearGroup()).containsExactly(new Split("YEAR_3", reach(2, 1, 0.5, 0, 0, 0)));
            assertThat(report.byBarrier()).containsExactly(new Split("COMMUNICATION", reach(1, 1, 1, 0, 0, 0)));
            assertThat(report.byLanguage()).containsExactly(new Split("en", reach(1, 1, 1, 0, 0, 0)),
                                                            new Split("pl", none(1)),
                                                            new Split("so", reach(1, 1, 1, 0, 0, 0)));
        }

        @Test
        void splitsByEpsteinTypeCountingEachTypesOwnContactsAndActivities() {
            Map<String, ActivitySummary> activities = byId(
                    activity("workshop", NORTH, Set.of(InvolvementType.PARENTING, InvolvementType.LEARNING_AT_HOME),
                             meeting(1, IN_SPRING), meeting(2, IN_SPRING.plus(Duration.ofDays(7)))));
            List<EngagementFamily> families = List.of(
                    household("called-and-came").contact(NORTH, true, IN_SPRING, InvolvementType.COMMUNICATING)
                                                .came("workshop", IN_SPRING, IN_SPRING, 1, 2).build(),
                    household("written-to").contact(NORTH, false, IN_SPRING, InvolvementType.VOLUNTEERING)
                                           .contact(SOUTH, true, IN_SPRING, InvolvementType.DECISION_MAKING).build(),
                    household("nothing").build());

            ReachReport report = spring(families, activities);

            // Every family is in each type's count; the call reached by phone, and the workshop by coming.
            assertThat(report.byInvolvement()).containsExactly(
                    new Split("COLLABORATING_WITH_COMMUNITY", none(3)),
                    new Split("COMMUNICATING", reach(3, 1, 0.333, 0, 0, 0)),
                    new Split("DECISION_MAKING", none(3)),
                    new Split("LEARNING_AT_HOME", reach(3, 1, 0.333, 1, 0.333, 2)),
                    new Split("PARENTING", reach(3, 1, 0.333, 1, 0.333, 2)),
                    new Split("VOLUNTEERING", none(3)));
        }

        @Test
        void sharesAreToThreePlacesAndAnEmptyRollReachesNobody() {
            List<EngagementFamily> families = List.of(household("a").contact(NORTH, true, IN_SPRING).build(),
                                                      household("b").contact(NORTH, true, IN_SPRING).build(),
                                                      household("c").build());

            assertThat(spring(families, Map.of()).overall()).isEqualTo(reach(3, 2, 0.667, 0, 0, 0));
            ReachReport empty = spring(List.of(), Map.of());
            assertThat(empty.overall()).isEqualTo(none(0));
            assertThat(empty.byYearGroup()).isEmpty();
            assertThat(empty.byInvolvement()).hasSize(InvolvementType.values().length)
                                             .allSatisfy(split -> assertThat(split.reach()).isEqualTo(none(0)));
        }
    }

    @Nested
    class Underserved {

        static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
        static final Instant SIX_WEEKS_AGO = NOW.minus(Duration.ofDays(42));

        List<Reason> underserved(EngagementFamily family, SchoolRoll roll, Map<String, ActivitySummary> activities) {
            return ReachCalculator.underserved(family, roll, activities, NOW);
        }

        List<Why> whys(EngagementFamily family, SchoolRoll roll, Map<String, ActivitySummary> activities) {
            return underserved(family, roll, activities).stream().map(Reason::why).toList();
        }

        @Test
        void aFamilyNeverInTwoWayContact() {
            EngagementFamily family = household("written-to").contact(NORTH, false, YESTERDAY).build();

            assertThat(underserved(family, NORTH_ROLL, Map.of()))
                    .containsExactly(new Reason(Why.NO_TWO_WAY_CONTACT, "No two-way contact recorded yet"));
        }

        @Test
        void aFamilyWithoutTwoWayContactForMoreThanTheDefaultSixWeeks() {
            EngagementFamily longAgo = household("long-ago").contact(NORTH, true, SIX_WEEKS_AGO.minusSeconds(60))
                                                            .build();
            EngagementFamily justInTime = household("just-in-time").contact(NORTH, true, SIX_WEEKS_AGO).build();

            assertThat(underserved(longAgo, NORTH_ROLL, Map.of())).containsExactly(new Reason(
                    Why.NO_TWO_WAY_CONTACT, "No two-way contact for 6 weeks (since 2026-01-19)"));
            assertThat(underserved(justInTime, NORTH_ROLL, Map.of())).isEmpty();
        }

        @Test
        void aFamilyWithoutTwoWayContactForMoreThanTheSchoolsOwnWeeks() {
            SchoolRoll twoWeeks = roll(2, null);
            EngagementFamily fifteenDays = household("a").contact(NORTH, true, NOW.minus(Duration.ofDays(15))).build();
            EngagementFamily thirteenDays = household("b").contact(NORTH, true, NOW.minus(Duration.ofDays(13)))
                                                          .build();

            assertThat(underserved(fifteenDays, twoWeeks, Map.of())).containsExactly(new Reason(
                    Why.NO_TWO_WAY_CONTACT, "No two-way contact for 2 weeks (since 2026-02-15)"));
            assertThat(underserved(thirteenDays, twoWeeks, Map.of())).isEmpty();
        }

        @Test
        void answeringAnInvitationAndComingAreTwoWayContact() {
            Map<String, ActivitySummary> activities = byId(activity("coffee", NORTH, Set.of(),
                                                                    meeting(1, YESTERDAY)));

            assertThat(underserved(household("answered").answered("coffee", YESTERDAY).build(), NORTH_ROLL,
                                   activities)).isEmpty();
            assertThat(underserved(household("came").came("coffee", null, YESTERDAY, 1).build(), NORTH_ROLL,
                                   activities)).isEmpty();
        }

        @Test
        void aFamilyInvitedToThreeActivitiesThatMetWhoCameToNone() {
            Map<String, ActivitySummary> activities = byId(
                    activity("first", NORTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("second", NORTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("third", NORTH, Set.of(), cancelled(1, IN_SPRING), meeting(2, YESTERDAY)),
                    activity("to-come", NORTH, Set.of(), meeting(1, NOW.plus(Duration.ofDays(2)))),
                    activity("called-off", NORTH, Set.of(), cancelled(1, IN_SPRING)));
            EngagementFamily invitedToThree = household("three").contact(NORTH, true, YESTERDAY)
                                                                .invited("first", IN_SPRING)
                                                                .invited("second", IN_SPRING)
                                                                .invited("third", IN_SPRING).build();
            EngagementFamily twoThatMet = household("two").contact(NORTH, true, YESTERDAY)
                                                          .invited("first", IN_SPRING)
                                                          .invited("second", IN_SPRING)
                                                          .invited("to-come", IN_SPRING)
                                                          .invited("called-off", IN_SPRING).build();
            EngagementFamily cameToOne = household("came").contact(NORTH, true, YESTERDAY)
                                                          .invited("first", IN_SPRING)
                                                          .invited("second", IN_SPRING)
                                                          .came("third", IN_SPRING, YESTERDAY, 2).build();

            assertThat(underserved(invitedToThree, NORTH_ROLL, activities)).containsExactly(new Reason(
                    Why.INVITED_BUT_NEVER_CAME, "Invited to 3 activities that have taken place, and came to none"));
            assertThat(underserved(twoThatMet, NORTH_ROLL, activities)).isEmpty();
            assertThat(underserved(cameToOne, NORTH_ROLL, activities)).isEmpty();
            assertThat(underserved(twoThatMet, roll(null, 2), activities)).containsExactly(new Reason(
                    Why.INVITED_BUT_NEVER_CAME, "Invited to 2 activities that have taken place, and came to none"));
        }

        @Test
        void onlyInvitationsTheFamilyHadTheChanceToTakeUpCount() {
            Map<String, ActivitySummary> activities = byId(
                    activity("first", NORTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("second", NORTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("weekly", NORTH, Set.of(), meeting(1, IN_SPRING), meeting(2, NOW.plus(Duration.ofDays(7)))));
            // Invited yesterday to three activities that met in the spring: none has met since.
            EngagementFamily late = household("late").contact(NORTH, true, YESTERDAY)
                                                     .invited("first", YESTERDAY)
                                                     .invited("second", YESTERDAY)
                                                     .invited("weekly", YESTERDAY).build();

            assertThat(underserved(late, NORTH_ROLL, activities)).isEmpty();
        }

        @Test
        void aFamilyWithAnOpenBarrierAndNoFollowUpLoggedSinceItWasRecorded() {
            Instant recorded = Instant.parse("2026-02-02T10:00:00Z");
            EngagementFamily nothingSince = household("nothing-since").contact(NORTH, true, YESTERDAY)
                                                                      .barrier(Barrier.COMMUNICATION, recorded, null)
                                                                      .build();
            EngagementFamily followedUp = household("followed-up").contact(NORTH, true, YESTERDAY)
                                                                  .barrier(Barrier.COMMUNICATION, recorded, null)
                                                                  .contactWithFollowUp(recorded.plusSeconds(3600))
                                                                  .build();
            EngagementFamily followedUpBefore = household("before").contact(NORTH, true, YESTERDAY)
                                                                   .contactWithFollowUp(recorded.minusSeconds(3600))
                                                                   .barrier(Barrier.COMMUNICATION, recorded, null)
                                                                   .build();
            EngagementFamily resolved = household("resolved").contact(NORTH, true, YESTERDAY)
                                                             .barrier(Barrier.COMMUNICATION, recorded, YESTERDAY)
                                                             .build();

            Reason communication = new Reason(Why.OPEN_BARRIER_WITHOUT_FOLLOW_UP,
                                              "Barrier COMMUNICATION recorded on 2026-02-02 with no follow-up since");
            assertThat(underserved(nothingSince, NORTH_ROLL, Map.of())).containsExactly(communication);
            assertThat(underserved(followedUp, NORTH_ROLL, Map.of())).isEmpty();
            assertThat(underserved(followedUpBefore, NORTH_ROLL, Map.of())).containsExactly(communication);
            assertThat(underserved(resolved, NORTH_ROLL, Map.of())).isEmpty();
        }

        @Test
        void namesTheDaysInLondon() {
            // Half past eleven at night on the 30th of June by the clock is the 1st of July in London.
            Instant lateInJune = Instant.parse("2025-06-30T23:30:00Z");
            EngagementFamily family = household("summer").contact(NORTH, true, lateInJune)
                                                         .barrier(Barrier.LOW_CONFIDENCE, lateInJune, null).build();

            assertThat(underserved(family, NORTH_ROLL, Map.of())).extracting(Reason::detail).containsExactly(
                    "No two-way contact for 34 weeks (since 2025-07-01)",
                    "Barrier LOW_CONFIDENCE recorded on 2025-07-01 with no follow-up since");
        }

        @Test
        void everyReasonThatHoldsInTheOrderTheyAreListed() {
            Map<String, ActivitySummary> activities = byId(
                    activity("first", NORTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("second", NORTH, Set.of(), meeting(1, IN_SPRING)),
                    activity("third", NORTH, Set.of(), meeting(1, IN_SPRING)));
            EngagementFamily family = household("all").barrier(Barrier.ANXIETY_ABOUT_SCHOOL, IN_AUTUMN, null)
                                                      .invited("first", IN_SPRING).invited("second", IN_SPRING)
                                                      .invited("third", IN_SPRING).build();

            assertThat(whys(family, NORTH_ROLL, activities)).containsExactly(
                    Why.NO_TWO_WAY_CONTACT, Why.INVITED_BUT_NEVER_CAME, Why.OPEN_BARRIER_WITHOUT_FOLLOW_UP);
        }
    }
}
