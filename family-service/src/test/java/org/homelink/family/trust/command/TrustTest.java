package org.homelink.family.trust.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.school.Phase;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.contracts.school.TrustRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrustTest {

    private FixtureConfiguration<Trust> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trust.class);
    }

    @Test
    void aTrustIsRegistered() {
        fixture.givenNoPriorActivity()
               .when(new TrustCommands.RegisterTrust("riverside", "Riverside Learning Trust"))
               .expectEvents(new TrustRegistered("riverside", "Riverside Learning Trust"));
    }

    @Test
    void aSchoolJoinsTheTrust() {
        fixture.given(new TrustRegistered("riverside", "Riverside Learning Trust"))
               .when(new TrustCommands.RegisterSchool("riverside", "900001", "North Primary", Phase.PRIMARY,
                                                      "RB1 1AA"))
               .expectEvents(new SchoolRegistered("riverside", "900001", "North Primary", Phase.PRIMARY, "RB1 1AA"));
    }

    @Test
    void aSchoolJoinsOnce() {
        fixture.given(new TrustRegistered("riverside", "Riverside Learning Trust"),
                      new SchoolRegistered("riverside", "900001", "North Primary", Phase.PRIMARY, "RB1 1AA"))
               .when(new TrustCommands.RegisterSchool("riverside", "900001", "North Primary again", Phase.PRIMARY,
                                                      "RB1 1AA"))
               .expectException(SchoolAlreadyRegistered.class)
               .expectNoEvents();
    }
}
