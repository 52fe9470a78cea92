package org.homelink.engagement.reach.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.brokenRule;

/** Each command path of a school's reach settings: given events, when a command, expect events. */
class SchoolReachSettingsTest {

    static final RequestContext NORTH_HEAD = new RequestContext(TRUST, Set.of(NORTH), Role.SCHOOL_LEADER, "head-n");
    static final String SETTINGS = ChangeReachSettings.idOf(NORTH);

    private FixtureConfiguration<SchoolReachSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SchoolReachSettings.class);
    }

    static ChangeReachSettings change(String schoolUrn, int weeks, int invitations, RequestContext actor) {
        return new ChangeReachSettings(ChangeReachSettings.idOf(schoolUrn), schoolUrn, weeks, invitations, actor, NOW);
    }

    static ReachSettingsChanged changed(int weeks, int invitations, String by) {
        return new ReachSettingsChanged(NORTH, TRUST, weeks, invitations, by, NOW);
    }

    @Test
    void theFirstChangeCreatesTheSchoolsSettings() {
        fixture.givenNoPriorActivity()
               .when(change(NORTH, 4, 2, NORTH_HEAD))
               .expectEvents(changed(4, 2, "head-n"))
               .expectResultMessagePayload(0L);
    }

    @Test
    void aChangeOfEitherThresholdIsRecorded() {
        fixture.given(changed(4, 2, "head-n"))
               .when(change(NORTH, 4, 3, NORTH_HEAD))
               .expectEvents(changed(4, 3, "head-n"))
               .expectResultMessagePayload(1L);
        fixture.given(changed(4, 2, "head-n"))
               .when(change(NORTH, 8, 2, LEADER))
               .expectEvents(changed(8, 2, "leader"));
    }

    @Test
    void theSameValuesChangeNothing() {
        fixture.given(changed(4, 2, "head-n"))
               .when(change(NORTH, 4, 2, NORTH_HEAD))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(0L);
    }

    @Test
    void notForASchoolTheCallerDoesNotActFor() {
        fixture.givenNoPriorActivity()
               .when(change(SOUTH, 4, 2, NORTH_HEAD))
               .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
               .expectNoEvents();
        fixture.given(new ReachSettingsChanged(SOUTH, TRUST, 6, 3, "leader", NOW))
               .when(change(SOUTH, 4, 2, NORTH_HEAD))
               .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
               .expectNoEvents();
    }

    @Test
    void notByAnotherTrustOnceTheSchoolsTrustHasSetThem() {
        fixture.given(changed(4, 2, "head-n"))
               .when(change(NORTH, 12, 9, OTHER_TRUST))
               .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
               .expectNoEvents();
    }
}
