package org.homelink.engagement.families.query;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.homelink.contracts.engagement.ActivityCancelled;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.ActivityRescheduled;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.FollowUp;
import org.homelink.contracts.engagement.FollowUpCompleted;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.ChildLeftSchool;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferencesChanged;
import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.school.Phase;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.families.query.ActivitySummary.Meeting;
import org.homelink.engagement.families.query.EngagementFamily.Invitation;
import org.homelink.engagement.reach.command.ReachSettingsChanged;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.answered;
import static org.homelink.engagement.Riverside.attended;
import static org.homelink.engagement.Riverside.bySms;
import static org.homelink.engagement.Riverside.called;
import static org.homelink.engagement.Riverside.carerAdded;
import static org.homelink.engagement.Riverside.enrolled;
import static org.homelink.engagement.Riverside.invited;
import static org.homelink.engagement.Riverside.occurrence;
import static org.homelink.engagement.Riverside.prefers;
import static org.homelink.engagement.Riverside.registered;
import static org.homelink.engagement.Riverside.scheduled;

/** The service's directory of families, rolls, caseloads and activity summaries, fed events on the embedded store. */
class FamilyEngagementProjectionTest {

    static final String[] COLLECTIONS = {"engagementFamilies", "schoolRolls", "caseloads", "activitySummaries"};
    static final Set<String> NORTH_ONLY = Set.of(NORTH);
    static final Set<String> BOTH = Set.of(NORTH, SOUTH);
    static final Occurrence FIRST = occurrence(1, "2026-03-04T09:00:00Z", 90);
    static final Occurrence SECOND = occurrence(2, "2026-03-11T09:00:00Z", 90);
    static final Occurrence THIRD = occurrence(3, "2026-03-18T09:00:00Z", 90);
    static final Instant LATER = NOW.plus(Duration.ofDays(1));

    private EventLogFixture store;
    private FamilyEngagementProjection projection;
    private EventFeed feed;

    @BeforeEach
    void setUp() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        projection = new FamilyEngagementProjection(store.database());
        feed = new EventFeed(projection);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static KeyWorkerAssigned keyWorker(String familyId, String staffId) {
        return new KeyWorkerAssigned(familyId, TRUST, NORTH_ONLY, staffId, "leader", NOW);
    }

    static FollowUp followUp(String ownerId) {
        return new FollowUp("Call back", LocalDate.of(2026, 3, 9), ownerId);
    }

    static FollowUpCompleted followUpDone(String contactId, String familyId, Instant at) {
        return new FollowUpCompleted(contactId, familyId, TRUST, NORTH_ONLY, "Done", "kw-1", at);
    }

    @Test
    void aSchoolsRollFollowsTheSchoolsOfItsFamilies() {
        feed.feed(registered("warsame", "The Warsame family"));
        assertThat(familiesOnRoll(NORTH)).containsExactly("warsame");
        assertThat(projection.roll(SOUTH)).isEmpty();

        feed.feed(enrolled("warsame", BOTH, "yusuf", SOUTH, YearGroup.YEAR_7));
        assertThat(familiesOnRoll(NORTH)).containsExactly("warsame");
        assertThat(familiesOnRoll(SOUTH)).containsExactly("warsame");
        assertThat(projection.roll(SOUTH).orElseThrow().trustId()).isEqualTo(TRUST);
        assertThat(projection.family("warsame").orElseThrow().schoolUrns()).containsExactly(NORTH, SOUTH);

        feed.feed(new ChildLeftSchool("warsame", TRUST, NORTH_ONLY, "yusuf", SOUTH, LocalDate.of(2026, 2, 13),
                                      "staff-s", NOW));
        assertThat(familiesOnRoll(SOUTH)).isEmpty();
        assertThat(familiesOnRoll(NORTH)).containsExactly("warsame");
        EngagementFamily family = projection.family("warsame").orElseThrow();
        assertThat(family.schoolUrns()).containsExactly(NORTH);
        assertThat(family.children()).extracting(EngagementFamily.Child::childId, EngagementFamily.Child::onRoll)
                                     .containsExactly(tuple("yusuf", false));
        assertThat(family.yearGroupsAt(SOUTH)).isEmpty();
    }

    @Test
    void aStopBeforeTheRollsChangedIsMendedWhenTheEventComesAgain() {
        AtomicBoolean rollsDown = new AtomicBoolean(true);
        projection = new FamilyEngagementProjection(rollsFailingWhile(rollsDown, store.database()));
        feed = new EventFeed(projection);

        assertThatThrownBy(() -> feed.feed(registered("warsame", "The Warsame family")));
        rollsDown.set(false);
        feed.deliverAllAgain();
        assertThat(familiesOnRoll(NORTH)).containsExactly("warsame");

        rollsDown.set(true);
        assertThatThrownBy(() -> feed.feed(enrolled("warsame", BOTH, "yusuf", SOUTH, YearGroup.YEAR_7)));
        rollsDown.set(false);
        feed.deliverAllAgain();
        assertThat(familiesOnRoll(SOUTH)).containsExactly("warsame");
        assertThat(projection.family("warsame").orElseThrow().schoolUrns()).containsExactly(NORTH, SOUTH);
    }

    /** The store, but every update of the rolls fails while {@code down} is set, as if the service stopped there. */
    private static MongoDatabase rollsFailingWhile(AtomicBoolean down, MongoDatabase database) {
        return forwarding(MongoDatabase.class, (method, args) -> {
            Object found = method.invoke(database, args);
            if (!method.getName().equals("getCollection") || !FamilyEngagementProjection.ROLLS.equals(args[0])) {
                return found;
            }
            return forwarding(MongoCollection.class, (call, callArgs) -> {
                if (down.get() && call.getName().startsWith("update")) {
                    throw new MongoException("The service stopped here");
                }
                return call.invoke(found, callArgs);
            });
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static <T> T forwarding(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Test
    void aSchoolRegisteredAfterItsFamiliesKeepsThemAndTakesItsName() {
        feed.feed(registered("warsame", "The Warsame family"),
                  new SchoolRegistered(TRUST, NORTH, "North Primary", Phase.PRIMARY, "RB1 1AA"));

        SchoolRoll roll = projection.roll(NORTH).orElseThrow();
        assertThat(roll.name()).isEqualTo("North Primary");
        assertThat(roll.familyIds()).containsExactly("warsame");
        assertThat(projection.rollsOfTrust(TRUST)).extracting(SchoolRoll::schoolUrn).containsExactly(NORTH);
    }

    @Test
    void aSchoolsThresholdsLandOnItsRoll() {
        feed.feed(new SchoolRegistered(TRUST, NORTH, "North Primary", Phase.PRIMARY, "RB1 1AA"));
        assertThat(projection.roll(NORTH).orElseThrow().weeksWithoutContact())
                .isEqualTo(SchoolRoll.DEFAULT_WEEKS_WITHOUT_TWO_WAY_CONTACT);
        assertThat(projection.settingsVersionOf(NORTH)).isEqualTo(-1);

        feed.feed(new ReachSettingsChanged(NORTH, TRUST, 4, 2, "head-n", NOW),
                  new ReachSettingsChanged(NORTH, TRUST, 5, 2, "head-n", NOW));

        SchoolRoll roll = projection.roll(NORTH).orElseThrow();
        assertThat(roll.weeksWithoutContact()).isEqualTo(5);
        assertThat(roll.invitationsWithoutComing()).isEqualTo(2);
        assertThat(projection.settingsVersionOf(NORTH)).isEqualTo(1);
    }

    @Test
    void aNewKeyWorkerTakesTheFamilyFromTheOldOnesCaseload() {
        feed.feed(registered("warsame", "The Warsame family"), keyWorker("warsame", "kw-1"));
        assertThat(projection.caseload(TRUST, "kw-1").orElseThrow().keyWorkerOf()).containsExactly("warsame");

        feed.feed(keyWorker("warsame", "kw-2"));

        assertThat(projection.caseload(TRUST, "kw-1").orElseThrow().keyWorkerOf()).isEmpty();
        assertThat(projection.caseload(TRUST, "kw-2").orElseThrow().keyWorkerOf()).containsExactly("warsame");
        assertThat(projection.family("warsame").orElseThrow().keyWorker()).isEqualTo("kw-2");
    }

    @Test
    void anEarlierKeyWorkerDeliveredAgainDoesNotTakeTheFamilyBack() {
        feed.feed(registered("warsame", "The Warsame family"), keyWorker("warsame", "kw-1"),
                  keyWorker("warsame", "kw-2"));

        feed.deliverAllAgain();

        assertThat(projection.caseload(TRUST, "kw-1").orElseThrow().keyWorkerOf()).isEmpty();
        assertThat(projection.caseload(TRUST, "kw-2").orElseThrow().keyWorkerOf()).containsExactly("warsame");
    }

    @Test
    void aFollowUpOwnerKeepsTheFamilyUntilTheirLastOpenFollowUpIsDone() {
        feed.feed(registered("warsame", "The Warsame family"), registered("okafor", "The Okafor family"),
                  called("c1", "warsame", NORTH_ONLY, NOW, followUp("kw-1")),
                  called("c2", "warsame", NORTH_ONLY, NOW, followUp("kw-1")),
                  called("c3", "okafor", NORTH_ONLY, NOW, followUp("kw-1")),
                  called("c4", "warsame", NORTH_ONLY, NOW, followUp("kw-2")));
        assertThat(followingUp("kw-1")).containsExactly("warsame", "okafor");

        feed.feed(followUpDone("c1", "warsame", LATER));
        assertThat(followingUp("kw-1")).containsExactly("warsame", "okafor");

        feed.feed(followUpDone("c2", "warsame", LATER));
        assertThat(followingUp("kw-1")).containsExactly("okafor");
        assertThat(followingUp("kw-2")).containsExactly("warsame");
        assertThat(projection.family("warsame").orElseThrow().contact("c2").orElseThrow())
                .satisfies(contact -> {
                    assertThat(contact.hasOpenFollowUp()).isFalse();
                    assertThat(contact.followUpDoneAt()).isEqualTo(LATER);
                    assertThat(contact.followUpOwner()).isEqualTo("kw-1");
                });
    }

    @Test
    void invitationsAnswersAttendanceAndContactsLandOnTheFamily() {
        Instant answeredAt = NOW.plus(Duration.ofHours(2));
        feed.feed(registered("warsame", "The Warsame family"),
                  scheduled("coffee", ActivityKind.COFFEE_MORNING, 1, FIRST, SECOND),
                  scheduled("workshop", ActivityKind.WORKSHOP, null, FIRST),
                  invited("coffee", "warsame", NOW, bySms("amina", "so", true)),
                  answered("coffee", "warsame", "amina", Answer.YES, true, NOW),
                  answered("coffee", "warsame", "amina", Answer.MAYBE, false, answeredAt, WhatWouldHelp.CHILDCARE),
                  attended("coffee", 1, "warsame", Set.of("amina"), Set.of(), true, FIRST.start()),
                  attended("coffee", 2, "warsame", Set.of("amina"), Set.of(), true, SECOND.start()),
                  attended("workshop", 1, "warsame", Set.of("amina"), Set.of(), false, FIRST.end()),
                  called("c1", "warsame", NORTH_ONLY, NOW.minus(Duration.ofDays(3)), null));

        EngagementFamily family = projection.family("warsame").orElseThrow();
        assertThat(family.invitation("coffee").orElseThrow())
                .isEqualTo(new Invitation("coffee", NORTH, NOW, Answer.MAYBE, Set.of(WhatWouldHelp.CHILDCARE), false,
                                          answeredAt, List.of(1, 2), SECOND.start()));
        assertThat(family.invitation("workshop").orElseThrow())
                .as("a family that came without an invitation")
                .isEqualTo(new Invitation("workshop", NORTH, null, null, Set.of(), false, null, List.of(1),
                                          FIRST.end()));
        assertThat(family.contacts()).extracting(EngagementFamily.Contact::contactId, EngagementFamily.Contact::twoWay)
                                     .containsExactly(tuple("c1", true));
        assertThat(family.lastTwoWayContact()).contains(SECOND.start());
    }

    @Test
    void aFamilyInvitedAfterComingWithoutAnInvitationKeepsWhatItCameTo() {
        feed.feed(registered("okafor", "The Okafor family"),
                  scheduled("coffee", ActivityKind.COFFEE_MORNING, null, FIRST, SECOND),
                  attended("coffee", 1, "okafor", Set.of("chidi"), Set.of(), false, FIRST.start()),
                  invited("coffee", "okafor", LATER, bySms("chidi", "en", false)));

        assertThat(projection.family("okafor").orElseThrow().invitation("coffee").orElseThrow())
                .isEqualTo(new Invitation("coffee", NORTH, LATER, null, Set.of(), false, null, List.of(1),
                                          FIRST.start()));
    }

    @Test
    void anActivitysSummaryFollowsItsReschedulesAndCancellations() {
        Occurrence moved = occurrence(2, "2026-03-12T15:00:00Z", 60);
        feed.feed(scheduled("coffee", ActivityKind.COFFEE_MORNING, null, FIRST, SECOND, THIRD));
        assertThat(summary("coffee").occurrences())
                .containsExactly(new Meeting(1, FIRST.start(), FIRST.end(), false),
                                 new Meeting(2, SECOND.start(), SECOND.end(), false),
                                 new Meeting(3, THIRD.start(), THIRD.end(), false));

        feed.feed(new ActivityRescheduled("coffee", TRUST, NORTH, moved, null, "staff-n", NOW),
                  new ActivityCancelled("coffee", TRUST, NORTH, 3, "Trip", "staff-n", NOW));
        assertThat(summary("coffee").occurrences())
                .containsExactly(new Meeting(1, FIRST.start(), FIRST.end(), false),
                                 new Meeting(2, moved.start(), moved.end(), false),
                                 new Meeting(3, THIRD.start(), THIRD.end(), true));

        // Cancelled after the first met: only what is still to come is cancelled.
        feed.feed(new ActivityCancelled("coffee", TRUST, NORTH, null, "Snow", "staff-n", FIRST.end()));
        ActivitySummary summary = summary("coffee");
        assertThat(summary.occurrences()).extracting(Meeting::number, Meeting::cancelled)
                                         .containsExactly(tuple(1, false), tuple(2, true), tuple(3, true));
        assertThat(summary.version()).isEqualTo(3);
        assertThat(summary.hasMetBy(FIRST.start())).isTrue();
        assertThat(summary.hasMetBy(FIRST.start().minusSeconds(1))).isFalse();
    }

    @Test
    void carersAndBarriersAreAsFamilyServiceLastSaid() {
        feed.feed(registered("warsame", "The Warsame family"),
                  carerAdded("warsame", NORTH_ONLY, "amina", "Amina", prefers(ContactChannel.SMS, "so", true, false)),
                  new ContactPreferencesChanged("warsame", TRUST, NORTH_ONLY, "amina",
                                                prefers(ContactChannel.IN_PERSON, "so", true, true), "staff-n", NOW),
                  new CarerDetailsChanged("warsame", TRUST, NORTH_ONLY, "amina", "Amina Warsame", "mother", true,
                                          null, null, null, "staff-n", NOW),
                  new BarrierRecorded("warsame", TRUST, NORTH_ONLY, "b1", Barrier.COMMUNICATION, "Letters unread",
                                      "staff-n", NOW),
                  new BarrierResolved("warsame", TRUST, NORTH_ONLY, "b1", Barrier.COMMUNICATION, null, "staff-n",
                                      LATER),
                  new BarrierRecorded("warsame", TRUST, NORTH_ONLY, "b2", Barrier.TIME_CONSTRAINTS, "Works nights",
                                      "staff-n", LATER));

        EngagementFamily family = projection.family("warsame").orElseThrow();
        assertThat(family.carers()).containsExactly(new EngagementFamily.Carer(
                "amina", "Amina Warsame", true, ContactChannel.IN_PERSON, "so", true, true));
        assertThat(family.openBarriers()).containsExactly(Barrier.TIME_CONSTRAINTS);
        assertThat(family.barriers()).extracting(EngagementFamily.BarrierNote::resolvedAt).containsExactly(LATER, null);
        assertThat(family.familyVersion()).isEqualTo(6);
        assertThat(projection.familyVersionOf("warsame")).isEqualTo(6);
    }

    @Test
    void engagementWithAFamilyNotKnownHereIsPassedOver() {
        feed.feed(scheduled("coffee", ActivityKind.COFFEE_MORNING, null, FIRST),
                  invited("coffee", "stranger", NOW, bySms("x", "en", false)),
                  called("c1", "stranger", NORTH_ONLY, NOW, null));

        assertThat(projection.family("stranger")).isEmpty();
        assertThat(projection.familyVersionOf("stranger")).isEqualTo(-1);
    }

    @Test
    void aFamilyIsForItsOwnTrustAndSchoolsOnly() {
        feed.feed(registered("warsame", "The Warsame family"));

        assertThat(projection.familyFor(NORTH_STAFF, "warsame")).isPresent();
        assertThat(projection.familyFor(SOUTH_STAFF, "warsame")).isEmpty();
        assertThat(projection.familyFor(OTHER_TRUST, "warsame")).isEmpty();
    }

    /** A term of every event the directory reads: delivered twice, again, or replayed, it builds the same documents. */
    @Nested
    class Replays extends ReplayContract {
        Replays() {
            super(FamilyEngagementProjection::new, FamilyEngagementProjectionTest::aTermAtRiverside, COLLECTIONS);
        }
    }

    /** Every kind of event the directory reads, about two families of North, one with a child at South for a while. */
    private static void aTermAtRiverside(EventFeed feed) {
        feed.feed(new SchoolRegistered(TRUST, NORTH, "North Primary", Phase.PRIMARY, "RB1 1AA"),
                  new ReachSettingsChanged(NORTH, TRUST, 4, 2, "head-n", NOW),
                  registered("warsame", "The Warsame family"),
                  carerAdded("warsame", NORTH_ONLY, "amina", "Amina", prefers(ContactChannel.SMS, "so", true, false)),
                  new ContactPreferencesChanged("warsame", TRUST, NORTH_ONLY, "amina",
                                                prefers(ContactChannel.PHONE_CALL, "so", true, true), "staff-n", NOW),
                  new CarerDetailsChanged("warsame", TRUST, NORTH_ONLY, "amina", "Amina Warsame", "mother", true,
                                          null, null, null, "staff-n", NOW),
                  enrolled("warsame", NORTH_ONLY, "hodan", NORTH, YearGroup.YEAR_3),
                  enrolled("warsame", BOTH, "yusuf", SOUTH, YearGroup.YEAR_7),
                  new SchoolRegistered(TRUST, SOUTH, "South Academy", Phase.SECONDARY, "RB2 2BB"),
                  new ChildLeftSchool("warsame", TRUST, NORTH_ONLY, "yusuf", SOUTH, LocalDate.of(2026, 2, 13),
                                      "staff-s", NOW),
                  new BarrierRecorded("warsame", TRUST, NORTH_ONLY, "b1", Barrier.COMMUNICATION, "Letters unread",
                                      "staff-n", NOW),
                  new BarrierResolved("warsame", TRUST, NORTH_ONLY, "b1", Barrier.COMMUNICATION, null, "staff-n",
                                      LATER),
                  keyWorker("warsame", "kw-1"),
                  keyWorker("warsame", "kw-2"),
                  registered("okafor", "The Okafor family"),
                  carerAdded("okafor", NORTH_ONLY, "chidi", "Chidi", prefers(ContactChannel.EMAIL, "en", false, false)),
                  keyWorker("okafor", "kw-1"),
                  scheduled("coffee", ActivityKind.COFFEE_MORNING, 1, FIRST, SECOND, THIRD),
                  invited("coffee", "warsame", NOW, bySms("amina", "so", true)),
                  answered("coffee", "warsame", "amina", Answer.YES, false, NOW),
                  answered("coffee", "warsame", "amina", Answer.NO, false, LATER, WhatWouldHelp.ANOTHER_TIME),
                  attended("coffee", 1, "okafor", Set.of("chidi"), Set.of(), false, FIRST.start()),
                  invited("coffee", "okafor", LATER, bySms("chidi", "en", false)),
                  new ActivityRescheduled("coffee", TRUST, NORTH, occurrence(2, "2026-03-12T09:00:00Z", 90), null,
                                          "staff-n", NOW),
                  new ActivityCancelled("coffee", TRUST, NORTH, 3, "Trip", "staff-n", NOW),
                  new ActivityCancelled("coffee", TRUST, NORTH, null, "Snow", "staff-n", FIRST.end()),
                  called("c1", "warsame", NORTH_ONLY, NOW, followUp("kw-1")),
                  called("c2", "warsame", NORTH_ONLY, NOW, followUp("kw-1")),
                  called("c3", "okafor", NORTH_ONLY, NOW, followUp("kw-3")),
                  followUpDone("c1", "warsame", LATER),
                  followUpDone("c2", "warsame", LATER));
    }

    private List<String> familiesOnRoll(String schoolUrn) {
        return projection.roll(schoolUrn).orElseThrow().familyIds();
    }

    private List<String> followingUp(String staffId) {
        return projection.caseload(TRUST, staffId).orElseThrow().followingUp();
    }

    private ActivitySummary summary(String activityId) {
        return projection.activities(List.of(activityId)).get(0);
    }
}
