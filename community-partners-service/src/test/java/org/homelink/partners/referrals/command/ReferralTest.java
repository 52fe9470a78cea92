package org.homelink.partners.referrals.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.partners.DeclineReason;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.contracts.partners.ReferralAccepted;
import org.homelink.contracts.partners.ReferralClosed;
import org.homelink.contracts.partners.ReferralDeclined;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.contracts.partners.ReferralOpened;
import org.homelink.contracts.partners.ReferralOutcome;
import org.homelink.contracts.partners.SupportNeedClosed;
import org.homelink.contracts.partners.NeedResolution;
import org.homelink.contracts.partners.SupportNeedRaised;
import org.homelink.contracts.partners.Urgency;
import org.homelink.partners.directory.command.OrganisationRegister;
import org.homelink.partners.directory.command.ServicePublished;
import org.homelink.partners.directory.command.ServiceRegister;
import org.homelink.partners.families.FamilyRecords;
import org.homelink.partners.needs.command.NeedRegister;
import org.homelink.partners.needs.command.NeedRules;
import org.homelink.partners.referrals.command.ReferralCommands.AcceptReferral;
import org.homelink.partners.referrals.command.ReferralCommands.CloseReferral;
import org.homelink.partners.referrals.command.ReferralCommands.DeclineReferral;
import org.homelink.partners.referrals.command.ReferralCommands.MakeReferral;
import org.homelink.partners.referrals.command.ReferralCommands.OpenReferral;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Each command path of a referral, rejections included: given events, when a command, expect events. The family,
 * the need, the organisation and the service are read from a real (in-memory) event store, as in the service.
 */
class ReferralTest {

    static final String TRUST = "riverside";
    static final String SCHOOL = "900001";
    static final String FAMILY = "family-1";
    static final String NEED = "need-1";
    static final String ORGANISATION = "org-a";
    static final String SERVICE = "service-1";
    static final String REFERRAL = "referral-1";
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    static final RequestContext KEY_WORKER = new RequestContext(TRUST, Set.of(SCHOOL), Role.KEY_WORKER, "kw");
    static final RequestContext OTHER_SCHOOL = new RequestContext(TRUST, Set.of("900002"), Role.KEY_WORKER, "kw2");
    static final RequestContext PARTNER_A = new RequestContext(null, Set.of(), Role.PARTNER, "worker-a", ORGANISATION);
    static final RequestContext PARTNER_B = new RequestContext(null, Set.of(), Role.PARTNER, "worker-b", "org-b");

    private FixtureConfiguration<Referral> fixture;
    private EmbeddedEventStore log;

    @BeforeEach
    void setUp() {
        log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(new NeedRegister(log));
        fixture.registerInjectableResource(new ServiceRegister(log, new ObjectMapper()));
        fixture.registerInjectableResource(new OrganisationRegister(log));
        fixture.registerInjectableResource(new FamilyRecords(log));
        append("Family", FAMILY, 0, new FamilyRegistered(FAMILY, TRUST, Set.of(SCHOOL), SCHOOL, "The Okafor family",
                                                         "kw", NOW));
        append("Family", FAMILY, 1, new ConsentGiven(FAMILY, TRUST, Set.of(SCHOOL),
                                                     ConsentPurposes.SHARING_WITH_PARTNERS, "carer-1",
                                                     LocalDate.of(2026, 3, 1), "kw", NOW));
        append("SupportNeed", NEED, 0, raised());
        append("PartnerOrganisation", ORGANISATION, 0, new PartnerRegistered(ORGANISATION, "Family Hub", "kw", NOW));
        append("SupportService", SERVICE, 0, new ServicePublished(SERVICE, ORGANISATION,
                                                                  "{\"name\":\"Drop-in\",\"status\":\"active\"}",
                                                                  null, "kw", NOW));
        append("SupportService", "closed-service", 0, new ServicePublished(
                "closed-service", ORGANISATION, "{\"name\":\"Old\",\"status\":\"inactive\"}", null, "kw", NOW));
    }

    static SupportNeedRaised raised() {
        return new SupportNeedRaised(NEED, FAMILY, TRUST, Set.of(SCHOOL), "food", Urgency.URGENT, "kw", NOW);
    }

    static ReferralMade made() {
        return new ReferralMade(REFERRAL, NEED, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION, "Family Hub", SERVICE,
                                "Drop-in", "food", "kw", NOW);
    }

    private void append(String type, String id, long sequence, Object event) {
        log.publish(new GenericDomainEventMessage<>(type, id, sequence, event));
    }

    static Matcher<?> rule(Class<? extends RuntimeException> type) {
        return Matchers.predicate(type::isInstance);
    }

    @Test
    void staffOfTheFamilysSchoolReferToAnActiveService() {
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL, NEED, SERVICE, "Afternoons", KEY_WORKER, NOW))
               .expectEvents(made(), new ReferralDescribed(REFERRAL, FAMILY, "Afternoons"));
    }

    @Test
    void notForANeedOutsideTheCallersSchools() {
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL, NEED, SERVICE, null, OTHER_SCHOOL, NOW))
               .expectException(rule(NeedRules.NoSuchRecord.class)).expectNoEvents();
    }

    @Test
    void notOnceTheFamilyHasWithdrawnItsConsent() {
        append("Family", FAMILY, 2, new ConsentWithdrawn(FAMILY, TRUST, Set.of(SCHOOL),
                                                         ConsentPurposes.SHARING_WITH_PARTNERS, "carer-1",
                                                         LocalDate.of(2026, 3, 2), "kw", NOW));
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL, NEED, SERVICE, null, KEY_WORKER, NOW))
               .expectException(rule(NeedRules.NoConsentToShare.class)).expectNoEvents();
    }

    @Test
    void notForAClosedNeedNorToAServiceThatIsNotActiveOrDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL, NEED, "closed-service", null, KEY_WORKER, NOW))
               .expectException(rule(ReferralRules.ServiceNotActive.class));
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL, NEED, "no-such-service", null, KEY_WORKER, NOW))
               .expectException(rule(ReferralRules.UnknownService.class));
        append("SupportNeed", NEED, 1, new SupportNeedClosed(NEED, FAMILY, TRUST, Set.of(SCHOOL), NeedResolution.MET,
                                                             "kw", NOW));
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL, NEED, SERVICE, null, KEY_WORKER, NOW))
               .expectException(rule(NeedRules.NeedAlreadyClosed.class));
    }

    @Test
    void theOrganisationAddressedOpensItOnce() {
        fixture.given(made()).when(new OpenReferral(REFERRAL, PARTNER_A, NOW))
               .expectEvents(new ReferralOpened(REFERRAL, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION, "worker-a",
                                                NOW));
        fixture.given(made(), new ReferralOpened(REFERRAL, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION, "worker-a",
                                                 NOW))
               .when(new OpenReferral(REFERRAL, PARTNER_A, NOW)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anotherOrganisationAndStaffOfAnotherSchoolAreToldThereIsNoSuchReferral() {
        fixture.given(made()).when(new AcceptReferral(REFERRAL, PARTNER_B, NOW))
               .expectException(rule(ReferralRules.ReferralNotFound.class)).expectNoEvents();
        fixture.given(made()).when(new CloseReferral(REFERRAL, ReferralOutcome.WITHDRAWN_BY_SCHOOL, null,
                                                     OTHER_SCHOOL, NOW))
               .expectException(rule(ReferralRules.ReferralNotFound.class)).expectNoEvents();
    }

    @Test
    void theOrganisationLosesItOnceConsentIsWithdrawn() {
        append("Family", FAMILY, 2, new ConsentWithdrawn(FAMILY, TRUST, Set.of(SCHOOL),
                                                         ConsentPurposes.SHARING_WITH_PARTNERS, "carer-1",
                                                         LocalDate.of(2026, 3, 2), "kw", NOW));
        fixture.given(made()).when(new AcceptReferral(REFERRAL, PARTNER_A, NOW))
               .expectException(rule(ReferralRules.ReferralNotFound.class)).expectNoEvents();
    }

    @Test
    void acceptedThenClosedWithItsOutcome() {
        fixture.given(made()).when(new AcceptReferral(REFERRAL, PARTNER_A, NOW))
               .expectEvents(new ReferralAccepted(REFERRAL, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION, "worker-a",
                                                  NOW));
        fixture.given(made(), new ReferralAccepted(REFERRAL, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION,
                                                   "worker-a", NOW))
               .when(new CloseReferral(REFERRAL, ReferralOutcome.SUPPORT_GIVEN, "Three sessions", PARTNER_A, NOW))
               .expectEvents(new ReferralClosed(REFERRAL, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION,
                                                ReferralOutcome.SUPPORT_GIVEN, "Three sessions", "worker-a", NOW));
    }

    @Test
    void declinedWithAReasonAndThenNoLongerAnswered() {
        ReferralDeclined declined = new ReferralDeclined(REFERRAL, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION,
                                                         DeclineReason.NO_CAPACITY, null, "worker-a", NOW);
        fixture.given(made()).when(new DeclineReferral(REFERRAL, DeclineReason.NO_CAPACITY, null, PARTNER_A, NOW))
               .expectEvents(declined);
        fixture.given(made(), declined).when(new AcceptReferral(REFERRAL, PARTNER_A, NOW))
               .expectException(rule(ReferralRules.NotAwaitingAnswer.class)).expectNoEvents();
        fixture.given(made(), declined)
               .when(new CloseReferral(REFERRAL, ReferralOutcome.WITHDRAWN_BY_SCHOOL, null, KEY_WORKER, NOW))
               .expectException(rule(ReferralRules.CannotClose.class)).expectNoEvents();
    }

    @Test
    void aPartnerClosesOnlyWhatItAcceptedAndTheSchoolWithdrawsWhatIsUnanswered() {
        fixture.given(made())
               .when(new CloseReferral(REFERRAL, ReferralOutcome.SUPPORT_GIVEN, null, PARTNER_A, NOW))
               .expectException(rule(ReferralRules.CannotClose.class)).expectNoEvents();
        fixture.given(made())
               .when(new CloseReferral(REFERRAL, ReferralOutcome.WITHDRAWN_BY_SCHOOL, null, KEY_WORKER, NOW))
               .expectEvents(new ReferralClosed(REFERRAL, FAMILY, TRUST, Set.of(SCHOOL), ORGANISATION,
                                                ReferralOutcome.WITHDRAWN_BY_SCHOOL, null, "kw", NOW));
    }

    @Test
    void onceTheFamilyIsErasedItsReferralsAreNoOnesAndNoneIsMade() {
        append("Family", FAMILY, 2, new FamilyErased(FAMILY, TRUST, Set.of(SCHOOL), Set.of("carer-1"), Set.of(),
                                                     ErasureReason.SUBJECT_REQUEST, "head", NOW));
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL, NEED, SERVICE, null, KEY_WORKER, NOW))
               .expectException(rule(NeedRules.NoSuchRecord.class)).expectNoEvents();
        fixture.given(made())
               .when(new OpenReferral(REFERRAL, PARTNER_A, NOW))
               .expectException(rule(ReferralRules.ReferralNotFound.class)).expectNoEvents();
        fixture.given(made())
               .when(new CloseReferral(REFERRAL, ReferralOutcome.WITHDRAWN_BY_SCHOOL, null, KEY_WORKER, NOW))
               .expectException(rule(ReferralRules.ReferralNotFound.class)).expectNoEvents();
    }
}
