package org.homelink.engagement.attendance.concerns.query;

import org.homelink.contracts.engagement.AttendanceConcernRaised;
import org.homelink.contracts.engagement.ConcernReason;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConcernClosed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.Outcome;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.carerAdded;
import static org.homelink.engagement.Riverside.prefers;
import static org.homelink.engagement.Riverside.registered;
import static org.homelink.engagement.attendance.concerns.command.AttendanceConcernTest.CONVERSATION;
import static org.homelink.engagement.attendance.concerns.command.AttendanceConcernTest.NOT_HELPED;
import static org.homelink.engagement.attendance.concerns.command.AttendanceConcernTest.PLAN;
import static org.homelink.engagement.attendance.concerns.command.AttendanceConcernTest.RAISED;
import static org.homelink.engagement.attendance.concerns.command.AttendanceConcernTest.TO_CHAMPION;
import static org.homelink.engagement.attendance.concerns.command.AttendanceConcernTest.TO_LOCAL_AUTHORITY;

/** The concerns read model: each school's list in order with overdue reviews flagged, and a concern's detail. */
class AttendanceConcernProjectionTest {

    /** A pupil at North whose concern was closed, and another raised since and still awaiting its first step. */
    static final String EARLIER = ConcernCommands.idOf(NORTH, "ada", 1);
    static final String LATER = ConcernCommands.idOf(NORTH, "ada", 2);

    private EventLogFixture store;
    private ConcernProjection projection;
    private FamilyEngagementProjection directory;
    private EventFeed feed;

    @BeforeEach
    void open() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        projection = new ConcernProjection(store.database());
        directory = new FamilyEngagementProjection(store.database());
        feed = new EventFeed(projection, directory);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static void history(EventFeed feed) {
        feed.feed(RAISED, CONVERSATION, PLAN,
                  new AttendanceConcernRaised(EARLIER, TRUST, NORTH, "ada", "okafor", ConcernReason.LATENESS,
                                              "officer-n", NOW.minusSeconds(86_400 * 30)),
                  new ConcernClosed(EARLIER, NORTH, "okafor", Outcome.RESOLVED, null, "officer-n",
                                    NOW.minusSeconds(86_400)),
                  new AttendanceConcernRaised(LATER, TRUST, NORTH, "ada", "okafor", ConcernReason.AT_RISK,
                                              "officer-n", NOW.plusSeconds(60)));
    }

    private ConcernQueries at(Instant now) {
        return new ConcernQueries(projection, directory, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void openConcernsFirstLongestOpenFirstAndAReviewPastItsDateIsOverdue() {
        history(feed);

        assertThat(at(NOW).ofSchool(NORTH)).extracting(ConcernQueries.ConcernSummary::concernId)
                                           .containsExactly(PLAN.concernId(), LATER, EARLIER);
        assertThat(at(NOW).ofSchool(NORTH).get(0).reviewOverdue()).isFalse();

        Instant dayAfterReview = PLAN.reviewOn().plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
        assertThat(at(dayAfterReview).ofSchool(NORTH).get(0).reviewOverdue()).isTrue();
        assertThat(at(PLAN.reviewOn().atTime(9, 0).toInstant(ZoneOffset.UTC)).ofSchool(NORTH).get(0)
                                                                          .reviewOverdue())
                .as("on the day itself the review is due, not overdue").isFalse();
        assertThat(at(NOW).ofSchool(SOUTH)).isEmpty();
    }

    @Test
    void aReviewEndsTheWaitAndEscalationIsRecordedStepByStep() {
        history(feed);
        feed.feed(NOT_HELPED, TO_CHAMPION, TO_LOCAL_AUTHORITY);

        Instant muchLater = LocalDate.of(2026, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        ConcernQueries.ConcernDetail detail = at(muchLater).detail(NORTH, RAISED.concernId()).orElseThrow();
        assertThat(detail.reviewOverdue()).isFalse();
        assertThat(detail.concern().stage()).isEqualTo("WITH_LOCAL_AUTHORITY");
        assertThat(detail.concern().championId()).isEqualTo("head-n");
        assertThat(detail.concern().steps()).extracting(ConcernView.Step::kind)
                                            .containsExactly("RAISED", "CONVERSATION", "SUPPORT_PLAN", "REVIEW",
                                                             "SENIOR_ATTENDANCE_CHAMPION", "LOCAL_AUTHORITY");
        assertThat(at(NOW).detail(SOUTH, RAISED.concernId())).as("only under its own school").isEmpty();
    }

    @Test
    void theDetailShowsHowToReachTheFamilyAsTheDirectoryHasItNow() {
        feed.feed(registered("warsame", "The Warsame family"),
                  carerAdded("warsame", Set.of(NORTH), "amina", "Amina",
                             prefers(ContactChannel.PHONE_CALL, "so", true, true)),
                  new BarrierRecorded("warsame", TRUST, Set.of(NORTH), "b-1", Barrier.TIME_CONSTRAINTS,
                                      null, "staff-n", NOW));
        history(feed);

        ConcernQueries.ConcernDetail detail = at(NOW).detail(NORTH, RAISED.concernId()).orElseThrow();
        assertThat(detail.carers()).singleElement().satisfies(carer -> {
            assertThat(carer.channel()).isEqualTo(ContactChannel.PHONE_CALL);
            assertThat(carer.language()).isEqualTo("so");
            assertThat(carer.needsInterpreter()).isTrue();
        });
        assertThat(detail.openBarriers()).containsExactly(Barrier.TIME_CONSTRAINTS);
    }

    @Nested
    class Replays extends ReplayContract {
        Replays() {
            super(ConcernProjection::new, feed -> {
                history(feed);
                feed.feed(NOT_HELPED, TO_CHAMPION, TO_LOCAL_AUTHORITY);
            }, ConcernProjection.CONCERNS, ConcernProjection.SCHOOLS);
        }
    }
}
