package org.homelink.partners.directory.command;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.partners.directory.command.DirectoryCommands.PublishService;
import org.homelink.partners.directory.command.DirectoryCommands.ReviseService;
import org.homelink.platform.testing.BrokenRule;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

/**
 * Each command path of a support service, rejections included: given events, when a command, expect events. The
 * organisation that provides it is read from a real (in-memory) event store, as in the service, and whoever keeps
 * the organisation keeps its services.
 */
class SupportServiceTest {

    static final String TRUST = "riverside";
    static final String ORGANISATION = "org-a";
    static final String SERVICE = "service-1";
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final String DOCUMENT = "{\"id\":\"service-1\",\"name\":\"Community larder\",\"status\":\"active\"}";
    static final String REVISED = "{\"id\":\"service-1\",\"name\":\"Community larder\",\"status\":\"inactive\"}";

    static final RequestContext KEY_WORKER = new RequestContext(TRUST, Set.of("900001"), Role.KEY_WORKER, "kw");
    static final RequestContext TEACHER = new RequestContext(TRUST, Set.of("900001"), Role.TEACHER, "t");
    static final RequestContext STRANGER = new RequestContext("hilltop", Set.of("900009"), Role.KEY_WORKER, "x");
    static final RequestContext OWN_WORKER = new RequestContext(null, Set.of(), Role.PARTNER, "worker-a",
                                                                ORGANISATION);
    static final RequestContext OTHER_WORKER = new RequestContext(null, Set.of(), Role.PARTNER, "worker-b", "org-b");

    private FixtureConfiguration<SupportService> fixture;

    @BeforeEach
    void setUp() {
        EmbeddedEventStore log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        log.publish(new GenericDomainEventMessage<>("PartnerOrganisation", ORGANISATION, 0,
                                                    new PartnerRegistered(ORGANISATION, "Family Hub", "kw", NOW)),
                    new GenericDomainEventMessage<>("PartnerOrganisation", ORGANISATION, 1,
                                                    new OrganisationDescribed(ORGANISATION, "{}", TRUST, "kw", NOW)));
        fixture = new AggregateTestFixture<>(SupportService.class);
        fixture.registerInjectableResource(new OrganisationRegister(log));
    }

    static ServicePublished published() {
        return new ServicePublished(SERVICE, ORGANISATION, DOCUMENT, 10, "kw", NOW);
    }

    @Nested
    class Publish {

        @Test
        void staffOfTheTrustThatKeepsTheOrganisationPublishAService() {
            fixture.givenNoPriorActivity()
                   .when(new PublishService(SERVICE, ORGANISATION, DOCUMENT, 10, KEY_WORKER, NOW))
                   .expectEvents(published());
        }

        @Test
        void soDoTheOrganisationsOwnWorkers() {
            fixture.givenNoPriorActivity()
                   .when(new PublishService(SERVICE, ORGANISATION, DOCUMENT, null, OWN_WORKER, NOW))
                   .expectEvents(new ServicePublished(SERVICE, ORGANISATION, DOCUMENT, null, "worker-a", NOW));
        }

        @Test
        void notForAnOrganisationTheDirectoryDoesNotHave() {
            fixture.givenNoPriorActivity()
                   .when(new PublishService(SERVICE, "no-such-organisation", DOCUMENT, null, KEY_WORKER, NOW))
                   .expectException(BrokenRule.of(DirectoryRules.UnknownOrganisation.class, "organization_id"))
                   .expectNoEvents();
        }

        @Test
        void notByAnotherTrustsStaff() {
            fixture.givenNoPriorActivity()
                   .when(new PublishService(SERVICE, ORGANISATION, DOCUMENT, null, STRANGER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }

        @Test
        void notByATeacherOfTheTrustThatKeepsTheOrganisation() {
            fixture.givenNoPriorActivity()
                   .when(new PublishService(SERVICE, ORGANISATION, DOCUMENT, null, TEACHER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }

        @Test
        void notByAnotherOrganisationsWorker() {
            fixture.givenNoPriorActivity()
                   .when(new PublishService(SERVICE, ORGANISATION, DOCUMENT, null, OTHER_WORKER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Revise {

        @Test
        void aChangedDocumentIsRevisedAndAnswersTheNewVersion() {
            fixture.given(published())
                   .when(new ReviseService(SERVICE, 0L, ORGANISATION, REVISED, 10, OWN_WORKER, NOW))
                   .expectEvents(new ServiceRevised(SERVICE, ORGANISATION, REVISED, 10, "worker-a", NOW))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void aChangedCapacityAloneIsARevision() {
            fixture.given(published())
                   .when(new ReviseService(SERVICE, null, ORGANISATION, DOCUMENT, null, KEY_WORKER, NOW))
                   .expectEvents(new ServiceRevised(SERVICE, ORGANISATION, DOCUMENT, null, "kw", NOW));
        }

        @Test
        void theSameDocumentAndCapacityRecordNothing() {
            // What makes importing the same feed twice leave the directory as it was.
            fixture.given(published())
                   .when(new ReviseService(SERVICE, null, ORGANISATION, DOCUMENT, 10, KEY_WORKER, NOW))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(0L);
        }

        @Test
        void aServiceStaysWithItsOrganisation() {
            fixture.given(published())
                   .when(new ReviseService(SERVICE, null, "org-b", DOCUMENT, 10, KEY_WORKER, NOW))
                   .expectException(BrokenRule.of(DirectoryRules.ServiceStaysWithItsOrganisation.class,
                                                  "organization_id"))
                   .expectNoEvents();
        }

        @Test
        void notByAnotherTrustsStaff() {
            fixture.given(published())
                   .when(new ReviseService(SERVICE, null, ORGANISATION, REVISED, 10, STRANGER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }

        @Test
        void notByAnotherOrganisationsWorker() {
            fixture.given(published())
                   .when(new ReviseService(SERVICE, null, ORGANISATION, REVISED, 10, OTHER_WORKER, NOW))
                   .expectException(DirectoryRules.NotTheKeeper.class)
                   .expectNoEvents();
        }

        @Test
        void aStaleVersionIsAConflict() {
            fixture.given(published(), new ServiceRevised(SERVICE, ORGANISATION, REVISED, 10, "kw", NOW))
                   .when(new ReviseService(SERVICE, 0L, ORGANISATION, DOCUMENT, 10, KEY_WORKER, NOW))
                   .expectException(ConflictingAggregateVersionException.class)
                   .expectNoEvents();
        }
    }
}
