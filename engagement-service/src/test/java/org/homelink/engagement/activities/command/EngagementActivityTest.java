package org.homelink.engagement.activities.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.homelink.contracts.engagement.ActivityCancelled;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.ActivityRescheduled;
import org.homelink.contracts.engagement.ActivityScheduled;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.contracts.engagement.Venue;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.engagement.activities.command.ActivityCommands.AnswerInvitation;
import org.homelink.engagement.activities.command.ActivityCommands.BookSlot;
import org.homelink.engagement.activities.command.ActivityCommands.CancelActivity;
import org.homelink.engagement.activities.command.ActivityCommands.CancelBooking;
import org.homelink.engagement.activities.command.ActivityCommands.FamiliesInvited;
import org.homelink.engagement.activities.command.ActivityCommands.InviteFamilies;
import org.homelink.engagement.activities.command.ActivityCommands.Invitee;
import org.homelink.engagement.activities.command.ActivityCommands.OfferSlots;
import org.homelink.engagement.activities.command.ActivityCommands.RecordAttendance;
import org.homelink.engagement.activities.command.ActivityCommands.RescheduleOccurrence;
import org.homelink.engagement.activities.command.ActivityCommands.ScheduleActivity;
import org.homelink.engagement.activities.command.ActivityRules.ActivityNotFound;
import org.homelink.engagement.activities.command.ActivityRules.AlreadyCancelled;
import org.homelink.engagement.activities.command.ActivityRules.AlreadyOver;
import org.homelink.engagement.activities.command.ActivityRules.ChildAlreadyBooked;
import org.homelink.engagement.activities.command.ActivityRules.EndsBeforeItStarts;
import org.homelink.engagement.activities.command.ActivityRules.KindNeedsAName;
import org.homelink.engagement.activities.command.ActivityRules.NoSuchOccurrence;
import org.homelink.engagement.activities.command.ActivityRules.NoSuchSlot;
import org.homelink.engagement.activities.command.ActivityRules.NobodyCame;
import org.homelink.engagement.activities.command.ActivityRules.NotAParentsEvening;
import org.homelink.engagement.activities.command.ActivityRules.NotAnInvitedCarer;
import org.homelink.engagement.activities.command.ActivityRules.NotInTheFamily;
import org.homelink.engagement.activities.command.ActivityRules.NotInvited;
import org.homelink.engagement.activities.command.ActivityRules.NotStartedYet;
import org.homelink.engagement.activities.command.ActivityRules.NowhereToMeet;
import org.homelink.engagement.activities.command.ActivityRules.SlotNotBooked;
import org.homelink.engagement.activities.command.ActivityRules.SlotTaken;
import org.homelink.engagement.activities.command.ActivityRules.SlotsOutsideTheEvening;
import org.homelink.engagement.activities.command.ActivityRules.SlotsOverlap;
import org.homelink.engagement.activities.events.Slot;
import org.homelink.engagement.activities.events.SlotBooked;
import org.homelink.engagement.activities.events.SlotBookingCancelled;
import org.homelink.engagement.activities.events.SlotsOffered;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.homelink.engagement.Riverside.COMMUNICATING;
import static org.homelink.engagement.Riverside.HALL;
import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.answered;
import static org.homelink.engagement.Riverside.attended;
import static org.homelink.engagement.Riverside.brokenRule;
import static org.homelink.engagement.Riverside.bySms;
import static org.homelink.engagement.Riverside.conflict;
import static org.homelink.engagement.Riverside.invited;
import static org.homelink.engagement.Riverside.occurrence;
import static org.homelink.engagement.Riverside.scheduled;

/** Each command path of an engagement activity, rejections included: given events, when a command, expect events. */
class EngagementActivityTest {

    static final String COFFEE = "coffee-1";
    static final String EVENING_ID = "evening-1";

    /** Three Wednesday coffee mornings, a week apart. */
    static final Occurrence FIRST = occurrence(1, "2026-03-04T09:00:00Z", 90);
    static final Occurrence SECOND = occurrence(2, "2026-03-11T09:00:00Z", 90);
    static final Occurrence THIRD = occurrence(3, "2026-03-18T09:00:00Z", 90);
    static final Instant AFTER_FIRST = Instant.parse("2026-03-05T12:00:00Z");
    static final Instant AFTER_ALL = Instant.parse("2026-03-19T12:00:00Z");

    /** A parents' evening from four to seven. */
    static final Occurrence EVENING = occurrence(1, "2026-03-05T16:00:00Z", 180);
    static final Instant FOUR = EVENING.start();
    /** The slot ids are the teacher's id and the minute each slot starts, counted from the epoch. */
    static final String SMITH_AT_FOUR = "t-smith-29545440";
    static final String SMITH_AT_TEN_PAST = "t-smith-29545450";
    static final String SMITH_AT_TWENTY_PAST = "t-smith-29545460";

    static final InvitedCarer AMINA = bySms("amina", "so", true);
    static final InvitedCarer FARAH = bySms("farah", "so", false);
    static final InvitedCarer CHIDI = bySms("chidi", "en", false);
    /** Each family's carers and children, as the directory has them. */
    static final Map<String, Set<String>> CARERS = Map.of("warsame", Set.of("amina", "farah"),
                                                          "okafor", Set.of("chidi"));
    static final Map<String, Set<String>> CHILDREN = Map.of("warsame", Set.of("hodan", "yusuf"),
                                                            "okafor", Set.of("ada"));

    private FixtureConfiguration<EngagementActivity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EngagementActivity.class);
    }

    static ActivityScheduled coffeeMornings(Integer capacity) {
        return scheduled(COFFEE, ActivityKind.COFFEE_MORNING, capacity, FIRST, SECOND, THIRD);
    }

    static ActivityScheduled coffeeMornings() {
        return coffeeMornings(null);
    }

    static ActivityScheduled evening() {
        return scheduled(EVENING_ID, ActivityKind.PARENTS_EVENING, null, EVENING);
    }

    static ScheduleActivity schedule(ActivityKind kind, String kindName, Venue venue, RequestContext actor,
                                     Occurrence... occurrences) {
        return new ScheduleActivity(COFFEE, NORTH, kind, kindName, "Coffee and chat", "Meet other parents",
                                    List.of(occurrences), venue, 20, Set.of("so", "pl"), true, COMMUNICATING, null,
                                    actor, NOW);
    }

    static ActivityScheduled scheduledBySchedule(ActivityKind kind, String kindName, Occurrence... occurrences) {
        return new ActivityScheduled(COFFEE, TRUST, NORTH, kind, kindName, "Coffee and chat", "Meet other parents",
                                     List.of(occurrences), HALL, 20, Set.of("so", "pl"), true, COMMUNICATING, null,
                                     "staff-n", NOW);
    }

    static RescheduleOccurrence reschedule(int occurrence, Instant start, Instant end, Instant at) {
        return new RescheduleOccurrence(COFFEE, null, occurrence, start, end, "Hall booked", NORTH_STAFF, at);
    }

    static ActivityRescheduled rescheduled(Occurrence moved, Instant at) {
        return new ActivityRescheduled(COFFEE, TRUST, NORTH, moved, "Hall booked", "staff-n", at);
    }

    static CancelActivity cancel(Integer occurrence, Instant at) {
        return new CancelActivity(COFFEE, null, occurrence, "Snow", NORTH_STAFF, at);
    }

    static ActivityCancelled cancelled(String activityId, Integer occurrence, Instant at) {
        return new ActivityCancelled(activityId, TRUST, NORTH, occurrence, "Snow", "staff-n", at);
    }

    static InviteFamilies invite(Instant at, Invitee... invitees) {
        return new InviteFamilies(COFFEE, List.of(invitees), "by name", NORTH_STAFF, at);
    }

    static AnswerInvitation answer(String familyId, String carerId, Answer answer, Instant at) {
        return new AnswerInvitation(COFFEE, familyId, carerId, answer, Set.of(WhatWouldHelp.CHILDCARE), NORTH_STAFF,
                                    at);
    }

    static RecordAttendance checkIn(int occurrence, String familyId, Set<String> carerIds, Set<String> childIds,
                                    Instant at) {
        return new RecordAttendance(COFFEE, occurrence, familyId, carerIds, childIds, CARERS.get(familyId),
                                    CHILDREN.get(familyId), NORTH_STAFF, at);
    }

    static OfferSlots offer(String teacherId, Instant from, Instant to, int minutes) {
        return new OfferSlots(EVENING_ID, 1, teacherId, "Mr Smith", from, to, minutes, NORTH_STAFF, NOW);
    }

    static SlotsOffered smithsSlots() {
        return new SlotsOffered(EVENING_ID, TRUST, NORTH, 1, "t-smith", "Mr Smith", List.of(
                new Slot(SMITH_AT_FOUR, "t-smith", FOUR, minutesPastFour(10)),
                new Slot(SMITH_AT_TEN_PAST, "t-smith", minutesPastFour(10), minutesPastFour(20)),
                new Slot(SMITH_AT_TWENTY_PAST, "t-smith", minutesPastFour(20), minutesPastFour(30))),
                                "staff-n", NOW);
    }

    static Instant minutesPastFour(int minutes) {
        return FOUR.plus(Duration.ofMinutes(minutes));
    }

    static BookSlot book(String slotId, String familyId, String carerId, String childId, Instant at) {
        return new BookSlot(EVENING_ID, slotId, familyId, carerId, childId, CHILDREN.get(familyId), NORTH_STAFF, at);
    }

    static SlotBooked booked(String slotId, String familyId, String carerId, String childId) {
        return new SlotBooked(EVENING_ID, TRUST, NORTH, slotId, familyId, carerId, childId, "staff-n", NOW);
    }

    @Nested
    class Schedule {

        @Test
        void onceAtOneOfTheCallersSchools() {
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.COFFEE_MORNING, null, HALL, NORTH_STAFF, FIRST))
                   .expectEvents(scheduledBySchedule(ActivityKind.COFFEE_MORNING, null, FIRST));
        }

        @Test
        void withEveryOccurrenceListed() {
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.COFFEE_MORNING, null, HALL, NORTH_STAFF, FIRST, SECOND, THIRD))
                   .expectEvents(scheduledBySchedule(ActivityKind.COFFEE_MORNING, null, FIRST, SECOND, THIRD));
        }

        @Test
        void aKindOfTheSchoolsOwnNamingKeepsItsNameAndOtherKindsDropIt() {
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.OTHER, "  Somali mothers' group ", HALL, NORTH_STAFF, FIRST))
                   .expectEvents(scheduledBySchedule(ActivityKind.OTHER, "Somali mothers' group", FIRST));
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.WORKSHOP, "Maths", HALL, NORTH_STAFF, FIRST))
                   .expectEvents(scheduledBySchedule(ActivityKind.WORKSHOP, null, FIRST));
        }

        @Test
        void aKindOfTheSchoolsOwnNamingNeedsAName() {
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.OTHER, " ", HALL, NORTH_STAFF, FIRST))
                   .expectException(brokenRule(KindNeedsAName.class, "kindName"))
                   .expectNoEvents();
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.OTHER, null, HALL, NORTH_STAFF, FIRST))
                   .expectException(brokenRule(KindNeedsAName.class, "kindName"));
        }

        @Test
        void aVideoLinkAloneIsSomewhereToMeet() {
            Venue online = new Venue(null, "https://meet.example.org/coffee");
            ActivityScheduled expected = scheduledBySchedule(ActivityKind.COFFEE_MORNING, null, FIRST);
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.COFFEE_MORNING, null, online, NORTH_STAFF, FIRST))
                   .expectEvents(new ActivityScheduled(
                           COFFEE, TRUST, NORTH, expected.kind(), null, expected.title(), expected.description(),
                           expected.occurrences(), online, expected.capacity(), expected.interpreterLanguages(),
                           true, COMMUNICATING, null, "staff-n", NOW));
        }

        @Test
        void needsSomewhereToMeet() {
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.COFFEE_MORNING, null, new Venue(null, null), NORTH_STAFF, FIRST))
                   .expectException(brokenRule(NowhereToMeet.class, "venue"))
                   .expectNoEvents();
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.COFFEE_MORNING, null, null, NORTH_STAFF, FIRST))
                   .expectException(brokenRule(NowhereToMeet.class, "venue"));
        }

        @Test
        void everyOccurrenceEndsAfterItStarts() {
            Occurrence backwards = new Occurrence(2, SECOND.end(), SECOND.start());
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.COFFEE_MORNING, null, HALL, NORTH_STAFF, FIRST, backwards))
                   .expectException(brokenRule(EndsBeforeItStarts.class, "end"))
                   .expectNoEvents();
            Occurrence instant = new Occurrence(1, FIRST.start(), FIRST.start());
            fixture.givenNoPriorActivity()
                   .when(schedule(ActivityKind.COFFEE_MORNING, null, HALL, NORTH_STAFF, instant))
                   .expectException(brokenRule(EndsBeforeItStarts.class, "end"));
        }

        @Test
        void notAtASchoolTheCallerDoesNotActFor() {
            fixture.givenNoPriorActivity()
                   .when(new ScheduleActivity(COFFEE, SOUTH, ActivityKind.COFFEE_MORNING, null, "Coffee", null,
                                              List.of(FIRST), HALL, null, Set.of(), false, COMMUNICATING, null,
                                              NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Reschedule {

        @Test
        void movesOneOccurrenceAndAnswersTheNewVersion() {
            Occurrence later = new Occurrence(2, SECOND.start().plus(Duration.ofHours(1)),
                                              SECOND.end().plus(Duration.ofHours(1)));
            fixture.given(coffeeMornings())
                   .when(reschedule(2, later.start(), later.end(), NOW))
                   .expectEvents(rescheduled(later, NOW))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void toTheSameTimeChangesNothing() {
            fixture.given(coffeeMornings())
                   .when(reschedule(2, SECOND.start(), SECOND.end(), NOW))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(0L);
        }

        @Test
        void anOccurrenceTheActivityDoesNotHave() {
            fixture.given(coffeeMornings())
                   .when(reschedule(4, SECOND.start(), SECOND.end(), NOW))
                   .expectException(brokenRule(NoSuchOccurrence.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void notACancelledOccurrence() {
            fixture.given(coffeeMornings(), cancelled(COFFEE, 2, NOW))
                   .when(reschedule(2, SECOND.start().plusSeconds(3600), SECOND.end().plusSeconds(3600), NOW))
                   .expectException(brokenRule(AlreadyCancelled.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void notAnOccurrenceThatIsOver() {
            fixture.given(coffeeMornings())
                   .when(reschedule(1, FIRST.start().plus(Duration.ofDays(1)), FIRST.end().plus(Duration.ofDays(1)),
                                    AFTER_FIRST))
                   .expectException(brokenRule(AlreadyOver.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void anOccurrenceIsOverByItsMovedTimeNotItsFirst() {
            // The second coffee morning was brought forward to the day after the first: by the 6th it is over.
            Occurrence broughtForward = occurrence(2, "2026-03-05T09:00:00Z", 90);
            fixture.given(coffeeMornings(), rescheduled(broughtForward, NOW))
                   .when(reschedule(2, SECOND.start(), SECOND.end(), Instant.parse("2026-03-06T09:00:00Z")))
                   .expectException(brokenRule(AlreadyOver.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void toATimeThatEndsBeforeItStarts() {
            fixture.given(coffeeMornings())
                   .when(reschedule(2, SECOND.end(), SECOND.start(), NOW))
                   .expectException(brokenRule(EndsBeforeItStarts.class, "end"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Cancel {

        @Test
        void oneOccurrence() {
            fixture.given(coffeeMornings())
                   .when(cancel(2, NOW))
                   .expectEvents(cancelled(COFFEE, 2, NOW))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void theWholeActivity() {
            fixture.given(coffeeMornings())
                   .when(cancel(null, AFTER_FIRST))
                   .expectEvents(cancelled(COFFEE, null, AFTER_FIRST));
        }

        @Test
        void theWholeActivityCancelsOnlyTheOccurrencesStillToCome() {
            // The first met before the cancellation: families who came can still be checked in to it.
            fixture.given(coffeeMornings(), cancelled(COFFEE, null, AFTER_FIRST))
                   .when(checkIn(1, "okafor", Set.of("chidi"), Set.of(), AFTER_FIRST))
                   .expectEvents(attended(COFFEE, 1, "okafor", Set.of("chidi"), Set.of(), false, AFTER_FIRST));
            fixture.given(coffeeMornings(), cancelled(COFFEE, null, AFTER_FIRST))
                   .when(checkIn(2, "okafor", Set.of("chidi"), Set.of(), SECOND.start()))
                   .expectException(brokenRule(AlreadyCancelled.class, "occurrence"));
        }

        @Test
        void anOccurrenceOnlyOnce() {
            fixture.given(coffeeMornings(), cancelled(COFFEE, 2, NOW))
                   .when(cancel(2, NOW))
                   .expectException(brokenRule(AlreadyCancelled.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void theWholeActivityOnlyOnce() {
            fixture.given(coffeeMornings(), cancelled(COFFEE, null, NOW))
                   .when(cancel(null, NOW))
                   .expectException(brokenRule(AlreadyCancelled.class, "activityId"))
                   .expectNoEvents();
        }

        @Test
        void notAnOccurrenceThatIsOver() {
            fixture.given(coffeeMornings())
                   .when(cancel(1, AFTER_FIRST))
                   .expectException(brokenRule(AlreadyOver.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void notAnActivityThatIsAllOver() {
            fixture.given(coffeeMornings())
                   .when(cancel(null, AFTER_ALL))
                   .expectException(brokenRule(AlreadyOver.class, "activityId"))
                   .expectNoEvents();
        }

        @Test
        void anOccurrenceTheActivityDoesNotHave() {
            fixture.given(coffeeMornings())
                   .when(cancel(7, NOW))
                   .expectException(brokenRule(NoSuchOccurrence.class, "occurrence"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Invite {

        @Test
        void onlyFamiliesNotYetInvitedAndAnswersWhichAndTheVersion() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(invite(NOW, new Invitee("warsame", List.of(AMINA, FARAH)),
                                new Invitee("okafor", List.of(CHIDI))))
                   .expectEvents(invited(COFFEE, "okafor", NOW, CHIDI))
                   .expectResultMessagePayload(new FamiliesInvited(List.of("okafor"), 2));
        }

        @Test
        void aFamilyListedTwiceIsInvitedOnce() {
            fixture.given(coffeeMornings())
                   .when(invite(NOW, new Invitee("okafor", List.of(CHIDI)), new Invitee("okafor", List.of(CHIDI))))
                   .expectEvents(invited(COFFEE, "okafor", NOW, CHIDI))
                   .expectResultMessagePayload(new FamiliesInvited(List.of("okafor"), 1));
        }

        @Test
        void passesOverFamiliesWithoutCarers() {
            fixture.given(coffeeMornings())
                   .when(invite(NOW, new Invitee("nowak", List.of()), new Invitee("warsame", List.of(AMINA, FARAH))))
                   .expectEvents(invited(COFFEE, "warsame", NOW, AMINA, FARAH))
                   .expectResultMessagePayload(new FamiliesInvited(List.of("warsame"), 1));
        }

        @Test
        void nobodyNewAnswersNoneAndTheVersionAsItWas() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(invite(NOW, new Invitee("warsame", List.of(AMINA))))
                   .expectNoEvents()
                   .expectResultMessagePayload(new FamiliesInvited(List.of(), 1));
        }

        @Test
        void stillWhileAnOccurrenceIsToCome() {
            fixture.given(coffeeMornings())
                   .when(invite(AFTER_FIRST, new Invitee("okafor", List.of(CHIDI))))
                   .expectEvents(invited(COFFEE, "okafor", AFTER_FIRST, CHIDI));
        }

        @Test
        void notOnceItIsAllOver() {
            fixture.given(coffeeMornings())
                   .when(invite(AFTER_ALL, new Invitee("okafor", List.of(CHIDI))))
                   .expectException(brokenRule(AlreadyOver.class, "activityId"))
                   .expectNoEvents();
        }
    }

    @Nested
    class AnswerAnInvitation {

        @Test
        void aYesWithAPlaceLeft() {
            fixture.given(coffeeMornings(1), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(answer("warsame", "amina", Answer.YES, NOW))
                   .expectEvents(answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW,
                                          WhatWouldHelp.CHILDCARE))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void aYesBeyondCapacityIsWaitlisted() {
            fixture.given(coffeeMornings(1), invited(COFFEE, "warsame", NOW, AMINA),
                          invited(COFFEE, "okafor", NOW, CHIDI),
                          answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW))
                   .when(answer("okafor", "chidi", Answer.YES, NOW))
                   .expectEvents(answered(COFFEE, "okafor", "chidi", Answer.YES, true, NOW, WhatWouldHelp.CHILDCARE));
        }

        @Test
        void aMaybeIsNeverWaitlisted() {
            fixture.given(coffeeMornings(1), invited(COFFEE, "warsame", NOW, AMINA),
                          invited(COFFEE, "okafor", NOW, CHIDI),
                          answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW))
                   .when(answer("okafor", "chidi", Answer.MAYBE, NOW))
                   .expectEvents(answered(COFFEE, "okafor", "chidi", Answer.MAYBE, false, NOW,
                                          WhatWouldHelp.CHILDCARE));
        }

        @Test
        void withoutCapacityNobodyIsWaitlisted() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA),
                          invited(COFFEE, "okafor", NOW, CHIDI),
                          answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW))
                   .when(answer("okafor", "chidi", Answer.YES, NOW))
                   .expectEvents(answered(COFFEE, "okafor", "chidi", Answer.YES, false, NOW,
                                          WhatWouldHelp.CHILDCARE));
        }

        @Test
        void aFamilyAlreadyComingKeepsItsPlaceWhenAnotherCarerSaysYes() {
            fixture.given(coffeeMornings(1), invited(COFFEE, "warsame", NOW, AMINA, FARAH),
                          answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW))
                   .when(answer("warsame", "farah", Answer.YES, NOW))
                   .expectEvents(answered(COFFEE, "warsame", "farah", Answer.YES, false, NOW,
                                          WhatWouldHelp.CHILDCARE));
        }

        @Test
        void aFamilyThatNoLongerComesFreesItsPlace() {
            fixture.given(coffeeMornings(1), invited(COFFEE, "warsame", NOW, AMINA),
                          invited(COFFEE, "okafor", NOW, CHIDI),
                          answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW),
                          answered(COFFEE, "warsame", "amina", Answer.NO, false, NOW))
                   .when(answer("okafor", "chidi", Answer.YES, NOW))
                   .expectEvents(answered(COFFEE, "okafor", "chidi", Answer.YES, false, NOW,
                                          WhatWouldHelp.CHILDCARE));
        }

        @Test
        void aWaitlistedFamilyTakesNoPlace() {
            // Okafor waits for a place; when Warsame changes its mind, Warsame's yes takes the place again.
            fixture.given(coffeeMornings(1), invited(COFFEE, "warsame", NOW, AMINA),
                          invited(COFFEE, "okafor", NOW, CHIDI),
                          answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW),
                          answered(COFFEE, "okafor", "chidi", Answer.YES, true, NOW),
                          answered(COFFEE, "warsame", "amina", Answer.MAYBE, false, NOW))
                   .when(answer("warsame", "amina", Answer.YES, NOW))
                   .expectEvents(answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW,
                                          WhatWouldHelp.CHILDCARE));
        }

        @Test
        void notByAFamilyNotInvited() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(answer("okafor", "chidi", Answer.YES, NOW))
                   .expectException(brokenRule(NotInvited.class, "familyId"))
                   .expectNoEvents();
        }

        @Test
        void notByACarerTheInvitationDidNotGoTo() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(answer("warsame", "farah", Answer.YES, NOW))
                   .expectException(brokenRule(NotAnInvitedCarer.class, "carerId"))
                   .expectNoEvents();
        }

        @Test
        void notOnceItIsAllOver() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(answer("warsame", "amina", Answer.YES, AFTER_ALL))
                   .expectException(brokenRule(AlreadyOver.class, "activityId"))
                   .expectNoEvents();
        }
    }

    @Nested
    class CheckIn {

        static final Instant CHECK_IN_OPENS = FIRST.start().minus(Duration.ofHours(1));

        @Test
        void notBeforeCheckInOpensAnHourAhead() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(checkIn(1, "warsame", Set.of("amina"), Set.of(), CHECK_IN_OPENS.minusSeconds(1)))
                   .expectException(brokenRule(NotStartedYet.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void anInvitedFamilyFromTheMomentCheckInOpens() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(checkIn(1, "warsame", Set.of("amina", "farah"), Set.of("hodan"), CHECK_IN_OPENS))
                   .expectEvents(attended(COFFEE, 1, "warsame", Set.of("amina", "farah"), Set.of("hodan"), true,
                                          CHECK_IN_OPENS))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void aFamilyThatCameWithoutAnInvitation() {
            fixture.given(coffeeMornings(), invited(COFFEE, "warsame", NOW, AMINA))
                   .when(checkIn(2, "okafor", Set.of("chidi"), Set.of(), SECOND.start()))
                   .expectEvents(attended(COFFEE, 2, "okafor", Set.of("chidi"), Set.of(), false, SECOND.start()));
        }

        @Test
        void atLeastOneCarerCame() {
            fixture.given(coffeeMornings())
                   .when(checkIn(1, "warsame", Set.of(), Set.of("hodan"), FIRST.start()))
                   .expectException(brokenRule(NobodyCame.class, "carerIds"))
                   .expectNoEvents();
        }

        @Test
        void onlyCarersOfTheFamily() {
            fixture.given(coffeeMornings())
                   .when(checkIn(1, "warsame", Set.of("amina", "chidi"), Set.of(), FIRST.start()))
                   .expectException(brokenRule(NotInTheFamily.class, "carerIds"))
                   .expectNoEvents();
        }

        @Test
        void onlyChildrenOfTheFamily() {
            fixture.given(coffeeMornings())
                   .when(checkIn(1, "warsame", Set.of("amina"), Set.of("ada"), FIRST.start()))
                   .expectException(brokenRule(NotInTheFamily.class, "childIds"))
                   .expectNoEvents();
        }

        @Test
        void notAtACancelledOccurrence() {
            fixture.given(coffeeMornings(), cancelled(COFFEE, 1, NOW))
                   .when(checkIn(1, "warsame", Set.of("amina"), Set.of(), FIRST.start()))
                   .expectException(brokenRule(AlreadyCancelled.class, "occurrence"))
                   .expectNoEvents();
        }

        @Test
        void notAtAnOccurrenceTheActivityDoesNotHave() {
            fixture.given(coffeeMornings())
                   .when(checkIn(9, "warsame", Set.of("amina"), Set.of(), FIRST.start()))
                   .expectException(brokenRule(NoSuchOccurrence.class, "occurrence"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Offer {

        @Test
        void slotsWhoseIdsAreTheTeacherAndTheirMinute() {
            fixture.given(evening())
                   .when(offer("t-smith", FOUR, minutesPastFour(30), 10))
                   .expectEvents(smithsSlots())
                   .expectResultMessagePayload(1L);
        }

        @Test
        void onlyWholeSlotsThatFitBeforeTheEnd() {
            fixture.given(evening())
                   .when(offer("t-smith", FOUR, minutesPastFour(25), 10))
                   .expectEvents(new SlotsOffered(EVENING_ID, TRUST, NORTH, 1, "t-smith", "Mr Smith",
                                                  smithsSlots().slots().subList(0, 2), "staff-n", NOW));
        }

        @Test
        void onlyAtAParentsEvening() {
            fixture.given(coffeeMornings())
                   .when(new OfferSlots(COFFEE, 1, "t-smith", "Mr Smith", FIRST.start(), FIRST.end(), 10,
                                        NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotAParentsEvening.class, "activityId"))
                   .expectNoEvents();
        }

        @Test
        void onlyWithinTheEvening() {
            fixture.given(evening())
                   .when(offer("t-smith", FOUR.minus(Duration.ofMinutes(10)), minutesPastFour(30), 10))
                   .expectException(brokenRule(SlotsOutsideTheEvening.class, "from"))
                   .expectNoEvents();
            fixture.given(evening())
                   .when(offer("t-smith", minutesPastFour(170), minutesPastFour(190), 10))
                   .expectException(brokenRule(SlotsOutsideTheEvening.class, "from"));
        }

        @Test
        void notOverlappingSlotsTheTeacherAlreadyOffers() {
            fixture.given(evening(), smithsSlots())
                   .when(offer("t-smith", minutesPastFour(20), minutesPastFour(50), 10))
                   .expectException(brokenRule(SlotsOverlap.class, "from"))
                   .expectNoEvents();
        }

        @Test
        void rightAfterTheTeachersOtherSlots() {
            fixture.given(evening(), smithsSlots())
                   .when(offer("t-smith", minutesPastFour(30), minutesPastFour(40), 10))
                   .expectEvents(new SlotsOffered(EVENING_ID, TRUST, NORTH, 1, "t-smith", "Mr Smith", List.of(
                           new Slot("t-smith-29545470", "t-smith", minutesPastFour(30), minutesPastFour(40))),
                                                  "staff-n", NOW));
        }

        @Test
        void anotherTeacherAtTheSameTimes() {
            fixture.given(evening(), smithsSlots())
                   .when(new OfferSlots(EVENING_ID, 1, "t-jones", "Ms Jones", FOUR, minutesPastFour(10), 10,
                                        NORTH_STAFF, NOW))
                   .expectEvents(new SlotsOffered(EVENING_ID, TRUST, NORTH, 1, "t-jones", "Ms Jones", List.of(
                           new Slot("t-jones-29545440", "t-jones", FOUR, minutesPastFour(10))), "staff-n", NOW));
        }

        @Test
        void endingAfterTheyStart() {
            fixture.given(evening())
                   .when(offer("t-smith", minutesPastFour(30), FOUR, 10))
                   .expectException(brokenRule(EndsBeforeItStarts.class, "to"))
                   .expectNoEvents();
        }

        @Test
        void atLeastOneSlotLong() {
            fixture.given(evening())
                   .when(offer("t-smith", FOUR, minutesPastFour(5), 10))
                   .expectException(brokenRule(EndsBeforeItStarts.class, "minutes"))
                   .expectNoEvents();
        }

        @Test
        @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void slotsOfNoLengthAreRefusedRatherThanCountedForever() {
            fixture.given(evening())
                   .when(offer("t-smith", FOUR, minutesPastFour(30), 0))
                   .expectException(brokenRule(EndsBeforeItStarts.class, "minutes"))
                   .expectNoEvents();
            fixture.given(evening())
                   .when(offer("t-smith", FOUR, minutesPastFour(30), -10))
                   .expectException(brokenRule(EndsBeforeItStarts.class, "minutes"));
        }

        @Test
        void notAtACancelledEvening() {
            fixture.given(evening(), cancelled(EVENING_ID, 1, NOW))
                   .when(offer("t-smith", FOUR, minutesPastFour(30), 10))
                   .expectException(brokenRule(AlreadyCancelled.class, "occurrence"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Book {

        @Test
        void aFreeSlotForAnInvitedCarersChild() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots())
                   .when(book(SMITH_AT_FOUR, "warsame", "amina", "hodan", NOW))
                   .expectEvents(booked(SMITH_AT_FOUR, "warsame", "amina", "hodan"))
                   .expectResultMessagePayload(3L);
        }

        @Test
        void aSlotTakenIsAConflict() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA),
                          invited(EVENING_ID, "okafor", NOW, CHIDI), smithsSlots(),
                          booked(SMITH_AT_FOUR, "okafor", "chidi", "ada"))
                   .when(book(SMITH_AT_FOUR, "warsame", "amina", "hodan", NOW))
                   .expectException(conflict(SlotTaken.class, "slotId"))
                   .expectNoEvents();
        }

        @Test
        void aSlotGivenUpIsFreeAgain() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA),
                          invited(EVENING_ID, "okafor", NOW, CHIDI), smithsSlots(),
                          booked(SMITH_AT_FOUR, "okafor", "chidi", "ada"),
                          new SlotBookingCancelled(EVENING_ID, TRUST, NORTH, SMITH_AT_FOUR, "okafor", "staff-n", NOW))
                   .when(book(SMITH_AT_FOUR, "warsame", "amina", "hodan", NOW))
                   .expectEvents(booked(SMITH_AT_FOUR, "warsame", "amina", "hodan"));
        }

        @Test
        void oneAppointmentPerChildWithEachTeacher() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots(),
                          booked(SMITH_AT_FOUR, "warsame", "amina", "hodan"))
                   .when(book(SMITH_AT_TEN_PAST, "warsame", "amina", "hodan", NOW))
                   .expectException(brokenRule(ChildAlreadyBooked.class, "childId"))
                   .expectNoEvents();
        }

        @Test
        void aSecondChildWithTheSameTeacher() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots(),
                          booked(SMITH_AT_FOUR, "warsame", "amina", "hodan"))
                   .when(book(SMITH_AT_TEN_PAST, "warsame", "amina", "yusuf", NOW))
                   .expectEvents(booked(SMITH_AT_TEN_PAST, "warsame", "amina", "yusuf"));
        }

        @Test
        void theSameChildWithAnotherTeacher() {
            SlotsOffered jones = new SlotsOffered(EVENING_ID, TRUST, NORTH, 1, "t-jones", "Ms Jones", List.of(
                    new Slot("t-jones-29545450", "t-jones", minutesPastFour(10), minutesPastFour(20))),
                                                  "staff-n", NOW);
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots(), jones,
                          booked(SMITH_AT_FOUR, "warsame", "amina", "hodan"))
                   .when(book("t-jones-29545450", "warsame", "amina", "hodan", NOW))
                   .expectEvents(booked("t-jones-29545450", "warsame", "amina", "hodan"));
        }

        @Test
        void onlyByAnInvitedFamily() {
            fixture.given(evening(), smithsSlots())
                   .when(book(SMITH_AT_FOUR, "warsame", "amina", "hodan", NOW))
                   .expectException(brokenRule(NotInvited.class, "familyId"))
                   .expectNoEvents();
        }

        @Test
        void onlyByACarerTheInvitationWentTo() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots())
                   .when(book(SMITH_AT_FOUR, "warsame", "farah", "hodan", NOW))
                   .expectException(brokenRule(NotAnInvitedCarer.class, "carerId"))
                   .expectNoEvents();
        }

        @Test
        void onlyAboutAChildOfTheFamily() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots())
                   .when(book(SMITH_AT_FOUR, "warsame", "amina", "ada", NOW))
                   .expectException(brokenRule(NotInTheFamily.class, "childId"))
                   .expectNoEvents();
        }

        @Test
        void notASlotThatIsOver() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots())
                   .when(book(SMITH_AT_FOUR, "warsame", "amina", "hodan", minutesPastFour(10)))
                   .expectException(brokenRule(AlreadyOver.class, "slotId"))
                   .expectNoEvents();
        }

        @Test
        void notASlotOfACancelledEvening() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots(),
                          cancelled(EVENING_ID, 1, NOW))
                   .when(book(SMITH_AT_FOUR, "warsame", "amina", "hodan", NOW))
                   .expectException(brokenRule(AlreadyCancelled.class, "slotId"))
                   .expectNoEvents();
        }

        @Test
        void notASlotTheEveningDoesNotHave() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots())
                   .when(book("t-smith-1", "warsame", "amina", "hodan", NOW))
                   .expectException(NoSuchSlot.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class CancelABooking {

        @Test
        void freesTheSlotAndNamesTheFamilyThatHadIt() {
            fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots(),
                          booked(SMITH_AT_FOUR, "warsame", "amina", "hodan"))
                   .when(new CancelBooking(EVENING_ID, SMITH_AT_FOUR, NORTH_STAFF, NOW))
                   .expectEvents(new SlotBookingCancelled(EVENING_ID, TRUST, NORTH, SMITH_AT_FOUR, "warsame",
                                                          "staff-n", NOW))
                   .expectResultMessagePayload(4L);
        }

        @Test
        void notOfASlotNobodyBooked() {
            fixture.given(evening(), smithsSlots())
                   .when(new CancelBooking(EVENING_ID, SMITH_AT_FOUR, NORTH_STAFF, NOW))
                   .expectException(brokenRule(SlotNotBooked.class, "slotId"))
                   .expectNoEvents();
        }

        @Test
        void notOfASlotTheEveningDoesNotHave() {
            fixture.given(evening(), smithsSlots())
                   .when(new CancelBooking(EVENING_ID, "t-smith-1", NORTH_STAFF, NOW))
                   .expectException(NoSuchSlot.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Tenancy {

        /** A parents' evening where every command below is one North's staff could give. */
        private TestExecutor<EngagementActivity> anEveningWithABooking() {
            return fixture.given(evening(), invited(EVENING_ID, "warsame", NOW, AMINA), smithsSlots(),
                          booked(SMITH_AT_FOUR, "warsame", "amina", "hodan"));
        }

        static Stream<Arguments> everyCommandOnAnActivity() {
            Instant later = minutesPastFour(60);
            Map<String, Function<RequestContext, Object>> commands = Map.of(
                    "reschedule", actor -> new RescheduleOccurrence(EVENING_ID, null, 1, later, later.plusSeconds(60),
                                                                    null, actor, NOW),
                    "cancel", actor -> new CancelActivity(EVENING_ID, null, 1, "Snow", actor, NOW),
                    "invite", actor -> new InviteFamilies(EVENING_ID, List.of(new Invitee("okafor", List.of(CHIDI))),
                                                          "by name", actor, NOW),
                    "answer", actor -> new AnswerInvitation(EVENING_ID, "warsame", "amina", Answer.YES, Set.of(),
                                                            actor, NOW),
                    "check in", actor -> new RecordAttendance(EVENING_ID, 1, "warsame", Set.of("amina"), Set.of(),
                                                              CARERS.get("warsame"), CHILDREN.get("warsame"), actor,
                                                              FOUR),
                    "offer slots", actor -> new OfferSlots(EVENING_ID, 1, "t-jones", "Ms Jones", FOUR,
                                                           minutesPastFour(10), 10, actor, NOW),
                    "book", actor -> new BookSlot(EVENING_ID, SMITH_AT_TEN_PAST, "warsame", "amina", "yusuf",
                                                  CHILDREN.get("warsame"), actor, NOW),
                    "cancel booking", actor -> new CancelBooking(EVENING_ID, SMITH_AT_FOUR, actor, NOW));
            return commands.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyCommandOnAnActivity")
        void staffOfAnotherSchoolOfTheTrustAreToldThereIsNoSuchActivity(String name,
                                                                        Function<RequestContext, Object> command) {
            anEveningWithABooking().when(command.apply(SOUTH_STAFF))
                   .expectException(ActivityNotFound.class)
                   .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyCommandOnAnActivity")
        void anotherTrustIsToldThereIsNoSuchActivityEvenByItsLeaders(String name,
                                                                     Function<RequestContext, Object> command) {
            anEveningWithABooking().when(command.apply(OTHER_TRUST))
                   .expectException(ActivityNotFound.class)
                   .expectNoEvents();
        }

        /** Shows the two tests above refuse the callers, not the commands. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("everyCommandOnAnActivity")
        void theHostSchoolsStaffAndTheTrustsLeadersMayGiveEachOfThem(String name,
                                                                      Function<RequestContext, Object> command) {
            for (RequestContext actor : List.of(NORTH_STAFF, LEADER)) {
                anEveningWithABooking().when(command.apply(actor)).expectSuccessfulHandlerExecution();
            }
        }
    }
}
