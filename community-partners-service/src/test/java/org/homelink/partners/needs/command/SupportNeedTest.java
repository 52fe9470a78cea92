package org.homelink.partners.needs.command;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.CoreMatchers;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.partners.NeedResolution;
import org.homelink.contracts.partners.SupportNeedClosed;
import org.homelink.contracts.partners.SupportNeedRaised;
import org.homelink.contracts.partners.Urgency;
import org.homelink.partners.families.FamilyRecords;
import org.homelink.partners.needs.command.NeedCommands.CloseSupportNeed;
import org.homelink.partners.needs.command.NeedCommands.RaiseSupportNeed;
import org.homelink.platform.testing.BrokenRule;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each command path of a support need, rejections included: given events, when a command, expect events. The family
 * and its consent are read from a real (in-memory) event store, as family-service's events in the shared log.
 */
class SupportNeedTest {

    static final String TRUST = "riverside";
    static final String NORTH = "900001";
    static final String SOUTH = "900002";
    static final String FAMILY = "family-1";
    static final String NEED = "need-1";
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    /** As family-service might list them: not in order. */
    static final Set<String> BOTH = new LinkedHashSet<>(List.of(SOUTH, NORTH));
    static final NeedCircumstances CIRCUMSTANCES = new NeedCircumstances(List.of("so"), "RB1 2CD", null, null,
                                                                         List.of("MO", "WE"), "After 2pm");

    static final RequestContext NORTH_KEY_WORKER = new RequestContext(TRUST, Set.of(NORTH), Role.KEY_WORKER, "kw");
    static final RequestContext ELSEWHERE = new RequestContext(TRUST, Set.of("900003"), Role.KEY_WORKER, "kw3");
    static final RequestContext LEADER = new RequestContext(TRUST, Set.of(), Role.TRUST_LEADER, "lead");
    static final RequestContext OTHER_TRUST = new RequestContext("hilltop", Set.of(NORTH), Role.TRUST_LEADER, "x");
    static final RequestContext PARTNER = new RequestContext(TRUST, Set.of(NORTH), Role.PARTNER, "worker", "org-a");

    private FixtureConfiguration<SupportNeed> fixture;
    private EmbeddedEventStore log;
    private final AtomicLong familySequence = new AtomicLong();

    @BeforeEach
    void setUp() {
        log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        fixture = new AggregateTestFixture<>(SupportNeed.class);
        fixture.registerInjectableResource(new FamilyRecords(log));
        family(new FamilyRegistered(FAMILY, TRUST, Set.of(SOUTH), SOUTH, "The Warsame family", "kw", NOW));
        family(consent(true));
    }

    private void family(FamilyEvent event) {
        log.publish(new GenericDomainEventMessage<>("Family", FAMILY, familySequence.getAndIncrement(), event));
    }

    static FamilyEvent consent(boolean given) {
        return given
                ? new ConsentGiven(FAMILY, TRUST, BOTH, ConsentPurposes.SHARING_WITH_PARTNERS, "carer-1",
                                   LocalDate.of(2026, 3, 1), "kw", NOW)
                : new ConsentWithdrawn(FAMILY, TRUST, BOTH, ConsentPurposes.SHARING_WITH_PARTNERS, "carer-1",
                                       LocalDate.of(2026, 3, 2), "kw", NOW);
    }

    static SupportNeedRaised raised(String by) {
        return new SupportNeedRaised(NEED, FAMILY, TRUST, BOTH, "food", Urgency.URGENT, by, NOW);
    }

    static RaiseSupportNeed raise(String category, RequestContext actor) {
        return new RaiseSupportNeed(NEED, FAMILY, category, Urgency.URGENT, CIRCUMSTANCES, actor, NOW);
    }

    @Nested
    class Raise {

        @Test
        void staffOfTheFamilysSchoolRaiseANeedForAFamilyThatConsents() {
            fixture.givenNoPriorActivity()
                   .when(raise("food", NORTH_KEY_WORKER))
                   .expectEvents(raised("kw"), new SupportNeedDescribed(NEED, FAMILY, CIRCUMSTANCES));
        }

        @Test
        void theNeedListsTheFamilysSchoolsInOrder() {
            fixture.givenNoPriorActivity()
                   .when(raise("food", NORTH_KEY_WORKER))
                   .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                           Matchers.predicate(event -> event instanceof SupportNeedRaised need
                                                       && List.copyOf(need.schoolUrns()).equals(List.of(NORTH, SOUTH))),
                           CoreMatchers.anything(), Matchers.andNoMore())));
        }

        @Test
        void aTrustLeaderForAnyFamilyOfTheTrust() {
            fixture.givenNoPriorActivity()
                   .when(raise("food", LEADER))
                   .expectEvents(raised("lead"), new SupportNeedDescribed(NEED, FAMILY, CIRCUMSTANCES));
        }

        @Test
        void notForAFamilyOutsideTheCallersSchools() {
            fixture.givenNoPriorActivity()
                   .when(raise("food", ELSEWHERE))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
        }

        @Test
        void notForAnotherTrustsFamilyNorOneThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                   .when(raise("food", OTHER_TRUST))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
            fixture.givenNoPriorActivity()
                   .when(new RaiseSupportNeed(NEED, "no-such-family", "food", Urgency.SOON, CIRCUMSTANCES, LEADER,
                                              NOW))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
        }

        @Test
        void notOnceTheFamilyHasWithdrawnItsConsent() {
            family(consent(false));
            fixture.givenNoPriorActivity()
                   .when(raise("food", NORTH_KEY_WORKER))
                   .expectException(BrokenRule.of(NeedRules.NoConsentToShare.class, "familyId"))
                   .expectNoEvents();
        }

        @Test
        void notForAFamilyThatNeverConsented() {
            family(new ConsentGiven(FAMILY, TRUST, BOTH, ConsentPurposes.PHOTOGRAPHS, "carer-1",
                                    LocalDate.of(2026, 3, 2), "kw", NOW));
            family(consent(false));
            fixture.givenNoPriorActivity()
                   .when(raise("food", NORTH_KEY_WORKER))
                   .expectException(BrokenRule.of(NeedRules.NoConsentToShare.class, "familyId"))
                   .expectNoEvents();
        }

        @Test
        void onlyForACategoryOfTheSupportTaxonomy() {
            fixture.givenNoPriorActivity()
                   .when(raise("astrology", NORTH_KEY_WORKER))
                   .expectException(BrokenRule.of(NeedRules.UnknownCategory.class, "category"))
                   .expectNoEvents();
        }

        @Test
        void notByAPartnerWhateverTrustAndSchoolsItNames() {
            // Which roles raise needs at all is the permission table's; a partner's token naming the family's trust
            // and school still reaches no family's record.
            fixture.givenNoPriorActivity()
                   .when(raise("food", PARTNER))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Close {

        static SupportNeedClosed closed(NeedResolution resolution, String by) {
            return new SupportNeedClosed(NEED, FAMILY, TRUST, BOTH, resolution, by, NOW);
        }

        @Test
        void staffOfTheNeedsSchoolsCloseItWithHowItEndedAndGetItsNewVersion() {
            fixture.given(raised("kw"), new SupportNeedDescribed(NEED, FAMILY, CIRCUMSTANCES))
                   .when(new CloseSupportNeed(NEED, NeedResolution.MET, NORTH_KEY_WORKER, NOW))
                   .expectEvents(closed(NeedResolution.MET, "kw"))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void aTrustLeaderClosesAnyOfTheTrusts() {
            fixture.given(raised("kw"))
                   .when(new CloseSupportNeed(NEED, NeedResolution.NO_LONGER_NEEDED, LEADER, NOW))
                   .expectEvents(closed(NeedResolution.NO_LONGER_NEEDED, "lead"));
        }

        @Test
        void evenAfterTheFamilyHasWithdrawnItsConsent() {
            family(consent(false));
            fixture.given(raised("kw"))
                   .when(new CloseSupportNeed(NEED, NeedResolution.CONSENT_WITHDRAWN, NORTH_KEY_WORKER, NOW))
                   .expectEvents(closed(NeedResolution.CONSENT_WITHDRAWN, "kw"));
        }

        @Test
        void onlyOnce() {
            fixture.given(raised("kw"), closed(NeedResolution.MET, "kw"))
                   .when(new CloseSupportNeed(NEED, NeedResolution.PARTLY_MET, NORTH_KEY_WORKER, NOW))
                   .expectException(BrokenRule.of(NeedRules.NeedAlreadyClosed.class, "needId"))
                   .expectNoEvents();
        }

        @Test
        void staffOfAnotherSchoolOrTrustAreToldThereIsNoSuchNeed() {
            fixture.given(raised("kw"))
                   .when(new CloseSupportNeed(NEED, NeedResolution.MET, ELSEWHERE, NOW))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
            fixture.given(raised("kw"))
                   .when(new CloseSupportNeed(NEED, NeedResolution.MET, OTHER_TRUST, NOW))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
        }

        @Test
        void notByAPartnerWhateverTrustAndSchoolsItNames() {
            fixture.given(raised("kw"))
                   .when(new CloseSupportNeed(NEED, NeedResolution.MET, PARTNER, NOW))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
        }

        @Test
        void notOnceTheFamilyIsErased() {
            family(new FamilyErased(FAMILY, TRUST, BOTH, Set.of("carer-1"), Set.of(), ErasureReason.RETENTION,
                                    "lead", NOW));
            fixture.given(raised("kw"))
                   .when(new CloseSupportNeed(NEED, NeedResolution.MET, LEADER, NOW))
                   .expectException(NeedRules.NoSuchRecord.class)
                   .expectNoEvents();
        }
    }
}
