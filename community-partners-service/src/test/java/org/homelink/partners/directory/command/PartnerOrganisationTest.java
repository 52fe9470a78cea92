package org.homelink.partners.directory.command;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.contracts.partners.PartnerRenamed;
import org.homelink.partners.directory.command.DirectoryCommands.RegisterOrganisation;
import org.homelink.partners.directory.command.DirectoryCommands.ReviseOrganisation;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

/**
 * Each command path of a partner organisation's entry, rejections included: given events, when a command, expect
 * events. Who keeps an entry is the point of most of them: the trust that added it and the organisation's own
 * workers, nobody else.
 */
class PartnerOrganisationTest {

    static final String TRUST = "riverside";
    static final String OTHER_TRUST = "hilltop";
    static final String ORGANISATION = "3f0c6a0e-1111-4c6b-9a52-6f3c1d0e2a01";
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final String DOCUMENT = "{\"id\":\"" + ORGANISATION + "\",\"name\":\"Riverbend Food Bank\"}";
    static final String NEW_DOCUMENT = "{\"description\":\"Food parcels\",\"id\":\"" + ORGANISATION
                                       + "\",\"name\":\"Riverbend Food Bank\"}";

    static final RequestContext KEY_WORKER = new RequestContext(TRUST, Set.of("900001"), Role.KEY_WORKER, "kw");
    static final RequestContext LEADER = new RequestContext(TRUST, Set.of(), Role.TRUST_LEADER, "lead");
    static final RequestContext TEACHER = new RequestContext(TRUST, Set.of("900001"), Role.TEACHER, "t");
    static final RequestContext STRANGER = new RequestContext(OTHER_TRUST, Set.of("900009"), Role.TRUST_LEADER, "x");
    static final RequestContext OWN_WORKER = new RequestContext(null, Set.of(), Role.PARTNER, "worker-a",
                                                                ORGANISATION);
    static final RequestContext OTHER_WORKER = new RequestContext(null, Set.of(), Role.PARTNER, "worker-b",
                                                                  "another-organisation");

    private FixtureConfiguration<PartnerOrganisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartnerOrganisation.class);
    }

    static PartnerRegistered registered() {
        return new PartnerRegistered(ORGANISATION, "Riverbend Food Bank", "kw", NOW);
    }

    static OrganisationDescribed described() {
        return new OrganisationDescribed(ORGANISATION, DOCUMENT, TRUST, "kw", NOW);
    }

    @Nested
    class Register {

        @Test
        void aKeyWorkerAddsAnOrganisationThatTheirTrustThenKeeps() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterOrganisation(ORGANISATION, "Riverbend Food Bank", DOCUMENT, KEY_WORKER, NOW))
                   .expectEvents(registered(), described());
        }

        @Test
        void aTrustLeaderToo() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterOrganisation(ORGANISATION, "Riverbend Food Bank", DOCUMENT, LEADER, NOW))
                   .expectEvents(new PartnerRegistered(ORGANISATION, "Riverbend Food Bank", "lead", NOW),
                                 new OrganisationDescribed(ORGANISATION, DOCUMENT, TRUST, "lead", NOW));
        }

        @Test
        void notByAPartnersWorkerEvenForTheirOwnOrganisation() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterOrganisation(ORGANISATION, "Riverbend Food Bank", DOCUMENT, OWN_WORKER, NOW))
                   .expectException(DirectoryRules.PartnersKeepTheirOwn.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Revise {

        @Test
        void aNewNameAloneIsARenamingAndAnswersTheNewVersion() {
            fixture.given(registered(), described())
                   .when(new ReviseOrganisation(ORGANISATION, 1L, "Riverbend Community Larder", DOCUMENT, KEY_WORKER,
                                                NOW))
                   .expectEvents(new PartnerRenamed(ORGANISATION, "Riverbend Community Larder", "kw", NOW))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void aNewDescriptionByTheOrganisationsOwnWorkerLeavesTheEntryWithTheTrustThatKeepsIt() {
            fixture.given(registered(), described())
                   .when(new ReviseOrganisation(ORGANISATION, null, "Riverbend Food Bank", NEW_DOCUMENT, OWN_WORKER,
                                                NOW))
                   .expectEvents(new OrganisationDescribed(ORGANISATION, NEW_DOCUMENT, TRUST, "worker-a", NOW))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void aNewNameAndDescriptionAreBothRecorded() {
            fixture.given(registered(), described())
                   .when(new ReviseOrganisation(ORGANISATION, null, "Riverbend Larder", NEW_DOCUMENT, LEADER, NOW))
                   .expectEvents(new PartnerRenamed(ORGANISATION, "Riverbend Larder", "lead", NOW),
                                 new OrganisationDescribed(ORGANISATION, NEW_DOCUMENT, TRUST, "lead", NOW))
                   .expectResultMessagePayload(3L);
        }

        @Test
        void sayingNothingNewRecordsNothing() {
            fixture.given(registered(), described())
                   .when(new ReviseOrganisation(ORGANISATION, null, "Riverbend Food Bank", DOCUMENT, KEY_WORKER, NOW))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(1L);
        }

        @Test
        void notByAnotherTrustsStaff() {
            fixture.given(registered(), described())
                   .when(new ReviseOrganisation(ORGANISATION, null, "Taken Over", DOCUMENT, STRANGER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }

        @Test
        void notByATeacherOfTheTrustThatKeepsIt() {
            fixture.given(registered(), described())
                   .when(new ReviseOrganisation(ORGANISATION, null, "Renamed", DOCUMENT, TEACHER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }

        @Test
        void notByAnotherOrganisationsWorker() {
            fixture.given(registered(), described())
                   .when(new ReviseOrganisation(ORGANISATION, null, "Renamed", DOCUMENT, OTHER_WORKER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }

        @Test
        void aStaleVersionIsAConflict() {
            fixture.given(registered(), described(), new PartnerRenamed(ORGANISATION, "Larder", "kw", NOW))
                   .when(new ReviseOrganisation(ORGANISATION, 1L, "Riverbend Food Bank", DOCUMENT, KEY_WORKER, NOW))
                   .expectException(ConflictingAggregateVersionException.class)
                   .expectNoEvents();
        }
    }
}
