package org.homelink.engagement.activities.query;

import org.homelink.contracts.engagement.ActivityCancelled;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.ActivityRescheduled;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.activities.command.ActivityRules.ActivityNotFound;
import org.homelink.engagement.activities.events.Slot;
import org.homelink.engagement.activities.events.SlotBooked;
import org.homelink.engagement.activities.events.SlotBookingCancelled;
import org.homelink.engagement.activities.events.SlotsOffered;
import org.homelink.engagement.activities.query.ActivityDetail.Carer;
import org.homelink.engagement.activities.query.ActivityDetail.InvitedFamily;
import org.homelink.engagement.activities.query.ActivityDetail.Notice;
import org.homelink.engagement.activities.query.ActivityView.Change;
import org.homelink.engagement.activities.query.ActivityView.Meeting;
import org.homelink.engagement.activities.query.ActivityView.SlotView;
import org.homelink.engagement.activities.query.InvitationView.CheckIn;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.answered;
import static org.homelink.engagement.Riverside.attended;
import static org.homelink.engagement.Riverside.carerAdded;
import static org.homelink.engagement.Riverside.invited;
import static org.homelink.engagement.Riverside.occurrence;
import static org.homelink.engagement.Riverside.prefers;
import static org.homelink.engagement.Riverside.registered;
import static org.homelink.engagement.Riverside.scheduled;

/** Activities and invitations as staff read them, fed events on the embedded store, and the figures drawn from them. */
class ActivityProjectionTest {

    static final String COFFEE = "coffee";
    static final Occurrence FIRST = occurrence(1, "2026-03-04T09:00:00Z", 90);
    static final Occurrence SECOND = occurrence(2, "2026-03-11T09:00:00Z", 90);
    static final Occurrence THIRD = occurrence(3, "2026-03-18T09:00:00Z", 90);
    static final Instant LATER = NOW.plus(Duration.ofDays(1));

    static final InvitedCarer AMINA = new InvitedCarer("amina", ContactChannel.SMS, "so", true, false);
    static final InvitedCarer FARAH = new InvitedCarer("farah", ContactChannel.IN_PERSON, "so", false, false);
    static final InvitedCarer CHIDI = new InvitedCarer("chidi", ContactChannel.EMAIL, "en", false, true);
    static final InvitedCarer PIOTR = new InvitedCarer("piotr", ContactChannel.PHONE_CALL, "pl", true, false);
    static final InvitedCarer BOLA = new InvitedCarer("bola", ContactChannel.APP, "yo", true, false);
    static final InvitedCarer IMRAN = new InvitedCarer("imran", ContactChannel.EMAIL, "ur", true, false);

    private EventLogFixture store;
    private ActivityProjection activities;
    private ActivityQueries queries;
    private EventFeed feed;

    @BeforeEach
    void setUp() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        activities = new ActivityProjection(store.database());
        FamilyEngagementProjection families = new FamilyEngagementProjection(store.database());
        queries = new ActivityQueries(activities, families);
        feed = new EventFeed(activities, families);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static ActivityRescheduled rescheduled(Occurrence moved, String reason, Instant at) {
        return new ActivityRescheduled(COFFEE, TRUST, NORTH, moved, reason, "staff-n", at);
    }

    static ActivityCancelled cancelled(Integer occurrence, Instant at) {
        return new ActivityCancelled(COFFEE, TRUST, NORTH, occurrence, "Snow", "staff-n", at);
    }

    @Test
    void anActivityShowsEveryChangeFamiliesAreToBeToldOf() {
        Occurrence moved = occurrence(2, "2026-03-12T15:00:00Z", 60);
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, 12, FIRST, SECOND, THIRD),
                  rescheduled(moved, "Hall booked", NOW),
                  cancelled(3, NOW),
                  cancelled(null, FIRST.end()));

        ActivityView view = activities.activity(COFFEE).orElseThrow();
        assertThat(view.occurrences()).containsExactly(new Meeting(1, FIRST.start(), FIRST.end(), false),
                                                       new Meeting(2, moved.start(), moved.end(), true),
                                                       new Meeting(3, THIRD.start(), THIRD.end(), true));
        assertThat(view.changes()).containsExactly(
                new Change("RESCHEDULED", 2, moved.start(), moved.end(), "Hall booked", "staff-n", NOW),
                new Change("CANCELLED", 3, null, null, "Snow", "staff-n", NOW),
                new Change("CANCELLED", null, null, null, "Snow", "staff-n", FIRST.end()));
        assertThat(view.capacity()).isEqualTo(12);
        assertThat(view.version()).isEqualTo(3);
        assertThat(activities.versionOf(COFFEE)).isEqualTo(3);
        assertThat(activities.versionOf("nothing")).isEqualTo(-1);
    }

    @Test
    void aFamilysInvitationCarriesItsLatestAnswerAndWhoCameToEachOccurrence() {
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, null, FIRST, SECOND),
                  invited(COFFEE, "warsame", NOW, AMINA, FARAH),
                  answered(COFFEE, "warsame", "farah", Answer.MAYBE, false, NOW, WhatWouldHelp.TRANSPORT),
                  answered(COFFEE, "warsame", "amina", Answer.YES, true, LATER),
                  attended(COFFEE, 1, "warsame", Set.of("amina"), Set.of("hodan"), true, FIRST.start()),
                  attended(COFFEE, 1, "warsame", Set.of("farah"), Set.of(), true, FIRST.end()),
                  attended(COFFEE, 2, "warsame", Set.of("farah"), Set.of(), true, SECOND.start()));

        InvitationView invitation = activities.invitation(COFFEE, "warsame").orElseThrow();
        assertThat(invitation.carers()).containsExactly(AMINA, FARAH);
        assertThat(invitation.invitedAt()).isEqualTo(NOW);
        assertThat(invitation.answer()).isEqualTo(Answer.YES);
        assertThat(invitation.answeredBy()).isEqualTo("amina");
        assertThat(invitation.answeredAt()).isEqualTo(LATER);
        assertThat(invitation.waitlisted()).isTrue();
        assertThat(invitation.wouldHelp()).isEmpty();
        // Checking in more of the family at the same occurrence adds them to it.
        assertThat(invitation.checkIns()).extracting(CheckIn::occurrence, CheckIn::carerIds, CheckIn::childIds)
                                         .containsExactlyInAnyOrder(tuple(1, Set.of("amina", "farah"), Set.of("hodan")),
                                                                    tuple(2, Set.of("farah"), Set.of()));
        assertThat(activities.activity(COFFEE).orElseThrow().familyIds()).containsExactly("warsame");
    }

    @Test
    void aFamilyThatCameWithoutAnInvitationIsListedAndNotCountedAsInvited() {
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, null, FIRST, SECOND),
                  attended(COFFEE, 1, "okafor", Set.of("chidi"), Set.of(), false, FIRST.start()));

        InvitationView walkIn = activities.invitation(COFFEE, "okafor").orElseThrow();
        assertThat(walkIn.invitedAt()).isNull();
        assertThat(walkIn.carers()).isEmpty();
        ActivityDetail detail = queries.detail(NORTH_STAFF, COFFEE);
        assertThat(detail.invited()).isZero();
        assertThat(detail.noAnswer()).isZero();
        assertThat(detail.attendedByOccurrence()).isEqualTo(Map.of(1, 1));
        assertThat(queries.notices(NORTH_STAFF, COFFEE)).isEmpty();
    }

    @Test
    void aFamilyInvitedAfterComingWithoutAnInvitationIsInvitedAndKeepsItsCheckIns() {
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, null, FIRST, SECOND),
                  attended(COFFEE, 1, "okafor", Set.of("chidi"), Set.of(), false, FIRST.start()),
                  invited(COFFEE, "okafor", LATER, CHIDI));

        InvitationView invitation = activities.invitation(COFFEE, "okafor").orElseThrow();
        assertThat(invitation.invitedAt()).isEqualTo(LATER);
        assertThat(invitation.carers()).containsExactly(CHIDI);
        assertThat(invitation.audience()).isEqualTo("by name");
        assertThat(invitation.checkIns()).extracting(CheckIn::occurrence).containsExactly(1);
        ActivityDetail detail = queries.detail(NORTH_STAFF, COFFEE);
        assertThat(detail.invited()).isEqualTo(1);
        assertThat(detail.noAnswer()).isEqualTo(1);
        assertThat(queries.notices(NORTH_STAFF, COFFEE)).extracting(Notice::carerId, Notice::about)
                                                        .containsExactly(tuple("chidi", "INVITATION"));
    }

    @Test
    void aParentsEveningsSlotsAreOfferedBookedAndFreedAgain() {
        Occurrence evening = occurrence(1, "2026-03-05T16:00:00Z", 180);
        Slot four = new Slot("t-smith-1", "t-smith", evening.start(), evening.start().plusSeconds(600));
        Slot tenPast = new Slot("t-smith-2", "t-smith", four.end(), four.end().plusSeconds(600));
        feed.feed(scheduled(COFFEE, ActivityKind.PARENTS_EVENING, null, evening),
                  new SlotsOffered(COFFEE, TRUST, NORTH, 1, "t-smith", "Mr Smith", List.of(four, tenPast), "staff-n",
                                   NOW),
                  new SlotBooked(COFFEE, TRUST, NORTH, "t-smith-1", "warsame", "amina", "hodan", "staff-n", NOW),
                  new SlotBooked(COFFEE, TRUST, NORTH, "t-smith-2", "okafor", "chidi", "ada", "staff-n", NOW),
                  new SlotBookingCancelled(COFFEE, TRUST, NORTH, "t-smith-2", "okafor", "staff-n", LATER));

        assertThat(activities.activity(COFFEE).orElseThrow().slots()).containsExactly(
                new SlotView("t-smith-1", 1, "t-smith", "Mr Smith", four.start(), four.end(), "warsame", "amina",
                             "hodan"),
                new SlotView("t-smith-2", 1, "t-smith", "Mr Smith", tenPast.start(), tenPast.end(), null, null,
                             null));
    }

    @Test
    void anErasedFamilyLeavesTheActivityAndAnAppointmentItBookedStaysTakenByNoOneNamed() {
        Occurrence evening = occurrence(1, "2026-03-05T16:00:00Z", 180);
        Slot four = new Slot("t-smith-1", "t-smith", evening.start(), evening.start().plusSeconds(600));
        Slot tenPast = new Slot("t-smith-2", "t-smith", four.end(), four.end().plusSeconds(600));
        feed.feed(scheduled(COFFEE, ActivityKind.PARENTS_EVENING, null, evening),
                  invited(COFFEE, "warsame", NOW, AMINA),
                  invited(COFFEE, "okafor", NOW, CHIDI),
                  answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW),
                  attended(COFFEE, 1, "warsame", Set.of("amina"), Set.of("hodan"), true, FIRST.start()),
                  new SlotsOffered(COFFEE, TRUST, NORTH, 1, "t-smith", "Mr Smith", List.of(four, tenPast), "staff-n",
                                   NOW),
                  new SlotBooked(COFFEE, TRUST, NORTH, "t-smith-1", "warsame", "amina", "hodan", "staff-n", NOW),
                  new SlotBooked(COFFEE, TRUST, NORTH, "t-smith-2", "okafor", "chidi", "ada", "staff-n", NOW),
                  new FamilyErased("warsame", TRUST, Set.of(NORTH), Set.of("amina"), Set.of("hodan"),
                                   ErasureReason.SUBJECT_REQUEST, "head-n", LATER));

        ActivityView activity = activities.activity(COFFEE).orElseThrow();
        assertThat(activity.familyIds()).containsExactly("okafor");
        assertThat(activities.invitation(COFFEE, "warsame")).isEmpty();
        assertThat(activities.invitation(COFFEE, "okafor")).isPresent();
        assertThat(activity.slots()).containsExactly(
                new SlotView("t-smith-1", 1, "t-smith", "Mr Smith", four.start(), four.end(), SlotView.ERASED_FAMILY,
                             null, null),
                new SlotView("t-smith-2", 1, "t-smith", "Mr Smith", tenPast.start(), tenPast.end(), "okafor", "chidi",
                             "ada"));
        assertThat(activity.slots().get(0).booked()).isTrue();
        assertThat(queries.detail(NORTH_STAFF, COFFEE).invited()).isEqualTo(1);
    }

    @Test
    void theDetailCountsAnswersPlacesWhatWouldHelpAndInterpretersStillToBook() {
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, 2, FIRST, SECOND),
                  invited(COFFEE, "warsame", NOW, AMINA, FARAH),
                  invited(COFFEE, "okafor", NOW, CHIDI),
                  invited(COFFEE, "nowak", NOW, PIOTR),
                  invited(COFFEE, "adeyemi", NOW, BOLA),
                  invited(COFFEE, "khan", NOW, IMRAN),
                  answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW, WhatWouldHelp.CHILDCARE),
                  answered(COFFEE, "okafor", "chidi", Answer.NO, false, NOW, WhatWouldHelp.ANOTHER_TIME),
                  answered(COFFEE, "nowak", "piotr", Answer.MAYBE, false, NOW, WhatWouldHelp.INTERPRETER,
                           WhatWouldHelp.CHILDCARE),
                  answered(COFFEE, "khan", "imran", Answer.YES, true, NOW),
                  attended(COFFEE, 1, "warsame", Set.of("amina"), Set.of(), true, FIRST.start()),
                  attended(COFFEE, 2, "warsame", Set.of("amina"), Set.of(), true, SECOND.start()),
                  attended(COFFEE, 1, "jones", Set.of("gwen"), Set.of(), false, FIRST.start()));

        ActivityDetail detail = queries.detail(NORTH_STAFF, COFFEE);

        assertThat(detail.invited()).isEqualTo(5);
        assertThat(detail.yes()).isEqualTo(1);
        assertThat(detail.no()).isEqualTo(1);
        assertThat(detail.maybe()).isEqualTo(1);
        assertThat(detail.waitlisted()).isEqualTo(1);
        assertThat(detail.noAnswer()).isEqualTo(1);
        assertThat(detail.placesLeft()).isEqualTo(1);
        assertThat(detail.attendedByOccurrence()).isEqualTo(Map.of(1, 2, 2, 1));
        assertThat(detail.wouldHelp()).isEqualTo(Map.of("CHILDCARE", 2, "ANOTHER_TIME", 1, "INTERPRETER", 1));
        // An interpreter is booked for Somali: Amina is not counted, nor Farah, who needs none.
        assertThat(detail.interpreterNeeded()).isEqualTo(Map.of("pl", 1, "yo", 1, "ur", 1));
    }

    @Test
    void withoutCapacityThereIsNoCountOfPlaces() {
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, null, FIRST));

        assertThat(queries.detail(NORTH_STAFF, COFFEE).placesLeft()).isNull();
    }

    @Test
    void theInvitationListNamesFamiliesAndCarersAndWhoStaffAreToTell() {
        feed.feed(registered("warsame", "The Warsame family"),
                  carerAdded("warsame", Set.of(NORTH), "amina", "Amina", prefers(ContactChannel.SMS, "so", true,
                                                                                 false)),
                  carerAdded("warsame", Set.of(NORTH), "farah", "Farah", prefers(ContactChannel.IN_PERSON, "so", false,
                                                                                 false)),
                  registered("okafor", "The Okafor family"),
                  carerAdded("okafor", Set.of(NORTH), "chidi", "Chidi", prefers(ContactChannel.EMAIL, "en", false,
                                                                                true)),
                  scheduled(COFFEE, ActivityKind.COFFEE_MORNING, null, FIRST),
                  invited(COFFEE, "warsame", NOW, AMINA, FARAH),
                  invited(COFFEE, "okafor", NOW, CHIDI),
                  attended(COFFEE, 1, "unknown", Set.of("x"), Set.of(), false, FIRST.start()));

        List<InvitedFamily> list = queries.invitations(NORTH_STAFF, COFFEE);

        assertThat(list).extracting(InvitedFamily::familyId, InvitedFamily::familyName)
                        .containsExactly(tuple("okafor", "The Okafor family"),
                                         tuple("warsame", "The Warsame family"),
                                         tuple("unknown", null));
        assertThat(list.get(0).carers()).containsExactly(new Carer("chidi", "Chidi", "EMAIL", "en", false, false,
                                                                   true));
        assertThat(list.get(1).carers()).containsExactly(
                new Carer("amina", "Amina", "SMS", "so", true, true, false),
                new Carer("farah", "Farah", "IN_PERSON", "so", false, true, true));
        assertThat(list.get(2).carers()).isEmpty();
    }

    @Test
    void noticesTellEveryInvitedCarerOfTheInvitationAndOfLaterChangesUnlessTheFamilySaidNo() {
        Occurrence moved = occurrence(2, "2026-03-12T09:00:00Z", 90);
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, null, FIRST, SECOND, THIRD),
                  invited(COFFEE, "warsame", NOW, AMINA, FARAH),
                  invited(COFFEE, "okafor", NOW, CHIDI),
                  answered(COFFEE, "okafor", "chidi", Answer.NO, false, NOW),
                  rescheduled(moved, "Hall booked", LATER),
                  invited(COFFEE, "nowak", LATER.plusSeconds(3600), PIOTR),
                  cancelled(3, LATER.plusSeconds(7200)),
                  attended(COFFEE, 1, "jones", Set.of("gwen"), Set.of(), false, FIRST.start()));

        List<Notice> notices = queries.notices(NORTH_STAFF, COFFEE);

        assertThat(notices).extracting(Notice::familyId, Notice::carerId, Notice::about, Notice::occurrence,
                                       Notice::byStaff)
                           .containsExactly(tuple("okafor", "chidi", "INVITATION", null, true),
                                            tuple("warsame", "amina", "INVITATION", null, false),
                                            tuple("warsame", "farah", "INVITATION", null, true),
                                            tuple("warsame", "amina", "RESCHEDULED", 2, false),
                                            tuple("warsame", "farah", "RESCHEDULED", 2, true),
                                            tuple("nowak", "piotr", "INVITATION", null, true),
                                            tuple("nowak", "piotr", "CANCELLED", 3, true),
                                            tuple("warsame", "amina", "CANCELLED", 3, false),
                                            tuple("warsame", "farah", "CANCELLED", 3, true));
        assertThat(notices.get(3)).isEqualTo(new Notice("warsame", "amina", "SMS", "so", false, "RESCHEDULED", 2,
                                                        LATER, "Hall booked"));
    }

    @Test
    void anActivityIsForItsOwnSchoolsStaffAndItsTrustsLeadersOnly() {
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, null, FIRST));

        assertThat(queries.activity(NORTH_STAFF, COFFEE).activityId()).isEqualTo(COFFEE);
        assertThat(queries.activity(LEADER, COFFEE).activityId()).isEqualTo(COFFEE);
        assertThatThrownBy(() -> queries.detail(SOUTH_STAFF, COFFEE)).isInstanceOf(ActivityNotFound.class);
        assertThatThrownBy(() -> queries.notices(OTHER_TRUST, COFFEE)).isInstanceOf(ActivityNotFound.class);
        assertThat(queries.activities(NORTH_STAFF, null)).extracting(ActivityView::activityId).containsExactly(COFFEE);
        assertThat(queries.activities(LEADER, null)).extracting(ActivityView::activityId).containsExactly(COFFEE);
        assertThat(queries.activities(SOUTH_STAFF, null)).isEmpty();
        assertThat(queries.activities(SOUTH_STAFF, NORTH)).isEmpty();
        assertThat(queries.activities(OTHER_TRUST, null)).isEmpty();
    }

    /** Delivered twice, again, or replayed, a term of every event the read model reads builds the same documents. */
    @Nested
    class Replays extends ReplayContract {
        Replays() {
            super(ActivityProjection::new, ActivityProjectionTest::aTermOfCoffeeMornings, "activities", "invitations");
        }
    }

    /** Every kind of event the activity read model reads. */
    private static void aTermOfCoffeeMornings(EventFeed feed) {
        Occurrence evening = occurrence(1, "2026-03-05T16:00:00Z", 180);
        Slot four = new Slot("t-smith-1", "t-smith", evening.start(), evening.start().plusSeconds(600));
        feed.feed(scheduled(COFFEE, ActivityKind.COFFEE_MORNING, 2, FIRST, SECOND, THIRD),
                  invited(COFFEE, "warsame", NOW, AMINA, FARAH),
                  attended(COFFEE, 1, "okafor", Set.of("chidi"), Set.of(), false, FIRST.start()),
                  invited(COFFEE, "okafor", LATER, CHIDI),
                  answered(COFFEE, "warsame", "amina", Answer.YES, false, NOW, WhatWouldHelp.CHILDCARE),
                  answered(COFFEE, "okafor", "chidi", Answer.NO, false, LATER),
                  attended(COFFEE, 1, "warsame", Set.of("amina"), Set.of("hodan"), true, FIRST.start()),
                  attended(COFFEE, 1, "warsame", Set.of("farah"), Set.of(), true, FIRST.end()),
                  rescheduled(occurrence(2, "2026-03-12T09:00:00Z", 90), null, NOW),
                  cancelled(3, NOW),
                  cancelled(null, FIRST.end()),
                  scheduled("evening", ActivityKind.PARENTS_EVENING, null, evening),
                  new SlotsOffered("evening", TRUST, NORTH, 1, "t-smith", "Mr Smith", List.of(four), "staff-n", NOW),
                  new SlotBooked("evening", TRUST, NORTH, "t-smith-1", "warsame", "amina", "hodan", "staff-n", NOW),
                  new SlotBookingCancelled("evening", TRUST, NORTH, "t-smith-1", "warsame", "staff-n", NOW),
                  new SlotBooked("evening", TRUST, NORTH, "t-smith-1", "okafor", "chidi", "ada", "staff-n", NOW));
    }
}
