package org.homelink.family.families.command;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ChildLeftSchool;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ContactPreferencesChanged;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.FamilyVoiceRecorded;
import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.school.Phase;
import org.homelink.family.families.command.FamilyCommands.AddCarer;
import org.homelink.family.families.command.FamilyCommands.AssignKeyWorker;
import org.homelink.family.families.command.FamilyCommands.CarerDetails;
import org.homelink.family.families.command.FamilyCommands.ChangeContactPreferences;
import org.homelink.family.families.command.FamilyCommands.EnrolChild;
import org.homelink.family.families.command.FamilyCommands.EraseFamily;
import org.homelink.family.families.command.FamilyCommands.GiveConsent;
import org.homelink.family.families.command.FamilyCommands.ReEnrolChild;
import org.homelink.family.families.command.FamilyCommands.RecordBarrier;
import org.homelink.family.families.command.FamilyCommands.RecordChildLeaving;
import org.homelink.family.families.command.FamilyCommands.RecordFamilyVoice;
import org.homelink.family.families.command.FamilyCommands.RegisterFamily;
import org.homelink.family.families.command.FamilyCommands.ResolveBarrier;
import org.homelink.family.families.command.FamilyCommands.UpdateCarer;
import org.homelink.family.families.command.FamilyCommands.WithdrawConsent;
import org.homelink.family.trust.query.RegisteredTrust;
import org.homelink.family.trust.query.SchoolRegister;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.homelink.platform.web.RuleBrokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Each command path of a family, rejections included: given events, when a command, expect events. */
class FamilyTest {

    static final String TRUST = "riverside-trust";
    static final String NORTH = "900001";
    static final String SOUTH = "900002";
    static final String ELSEWHERE = "900099";
    static final String FAMILY = "family-1";
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static final RequestContext NORTH_STAFF = new RequestContext(TRUST, Set.of(NORTH), Role.KEY_WORKER, "staff-n");
    static final RequestContext SOUTH_STAFF = new RequestContext(TRUST, Set.of(SOUTH), Role.TEACHER, "staff-s");
    static final RequestContext TRUST_LEADER = new RequestContext(TRUST, Set.of(), Role.TRUST_LEADER, "leader");
    static final RequestContext OTHER_TRUST = new RequestContext("other-trust", Set.of(NORTH), Role.TRUST_LEADER,
                                                                 "stranger");

    static final ContactPreferences BY_SMS_IN_SOMALI =
            new ContactPreferences(ContactChannel.SMS, "so", true, true, null, "Works nights; after 2pm");
    static final Address ADDRESS = new Address("1 Mill Lane", null, "Riverbend", "RB1 2CD");
    static final CarerDetails MOTHER =
            new CarerDetails("Amina", "mother", true, "07700 900001", null, ADDRESS);

    private FixtureConfiguration<Family> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Family.class);
        RegisteredTrust riverside = new RegisteredTrust(TRUST, "Riverside", List.of(
                new RegisteredTrust.School(NORTH, "North Primary", Phase.PRIMARY, "RB1 1AA"),
                new RegisteredTrust.School(SOUTH, "South Academy", Phase.SECONDARY, "RB2 2BB")));
        SchoolRegister register = trustId -> TRUST.equals(trustId) ? Optional.of(riverside) : Optional.empty();
        fixture.registerInjectableResource(register);
    }

    static FamilyRegistered registered() {
        return new FamilyRegistered(FAMILY, TRUST, Set.of(NORTH), NORTH, "The Warsame family", "staff-n", NOW);
    }

    static CarerAdded carerAdded(String carerId, boolean parentalResponsibility) {
        return new CarerAdded(FAMILY, TRUST, Set.of(NORTH), carerId, MOTHER.name(), MOTHER.relationship(),
                              parentalResponsibility, MOTHER.phone(), null, ADDRESS, BY_SMS_IN_SOMALI, "staff-n", NOW);
    }

    static ChildEnrolled enrolled(String childId, String school, Set<String> familySchools) {
        return new ChildEnrolled(FAMILY, TRUST, familySchools, childId, school, "Hodan", LocalDate.of(2015, 5, 1),
                                 YearGroup.YEAR_5, false, LocalDate.of(2025, 9, 3), "leader", NOW);
    }

    static BarrierRecorded barrierRecorded(String barrierId) {
        return new BarrierRecorded(FAMILY, TRUST, Set.of(NORTH), barrierId, Barrier.COMMUNICATION,
                                   "Letters home go unread", "staff-n", NOW);
    }

    static ConsentGiven consentGiven() {
        return new ConsentGiven(FAMILY, TRUST, Set.of(NORTH), ConsentPurposes.PHOTOGRAPHS, "carer-1", TODAY,
                                "staff-n", NOW);
    }

    static Matcher<?> brokenRule(Class<? extends RuleBrokenException> rule, String field) {
        return Matchers.predicate(e -> rule.isInstance(e) && field.equals(((RuleBrokenException) e).field()));
    }

    @Nested
    class Register {

        @Test
        void atOneOfTheCallersSchools() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterFamily(FAMILY, NORTH, "The Warsame family", NORTH_STAFF, NOW))
                   .expectEvents(registered());
        }

        @Test
        void notAtASchoolOutsideTheTrust() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterFamily(FAMILY, ELSEWHERE, "The Warsame family", TRUST_LEADER, NOW))
                   .expectException(brokenRule(FamilyRules.SchoolNotInTrust.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void notAtASchoolTheCallerDoesNotActFor() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterFamily(FAMILY, SOUTH, "The Warsame family", NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Tenancy {

        @Test
        void staffOfAnotherSchoolOfTheTrustAreToldThereIsNoSuchFamily() {
            fixture.given(registered())
                   .when(new AddCarer(FAMILY, null, "carer-1", MOTHER, BY_SMS_IN_SOMALI, SOUTH_STAFF, NOW))
                   .expectException(FamilyRules.FamilyNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void anotherTrustIsToldThereIsNoSuchFamilyEvenByItsLeaders() {
            fixture.given(registered())
                   .when(new AssignKeyWorker(FAMILY, null, "staff-x", OTHER_TRUST, NOW))
                   .expectException(FamilyRules.FamilyNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void staffOfAChildsSchoolSeeTheFamilyOnceTheChildAttendsIt() {
            fixture.given(registered(), enrolled("child-1", SOUTH, Set.of(NORTH, SOUTH)))
                   .when(new AssignKeyWorker(FAMILY, null, "staff-s", SOUTH_STAFF, NOW))
                   .expectEvents(new KeyWorkerAssigned(FAMILY, TRUST, Set.of(NORTH, SOUTH), "staff-s", "staff-s",
                                                       NOW));
        }

        @Test
        void aStaleVersionIsAConflict() {
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new AssignKeyWorker(FAMILY, 0L, "staff-n", NORTH_STAFF, NOW))
                   .expectException(ConflictingAggregateVersionException.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Carers {

        @Test
        void addingACarerAnswersTheFamilysNewVersion() {
            fixture.given(registered())
                   .when(new AddCarer(FAMILY, 0L, "carer-1", MOTHER, BY_SMS_IN_SOMALI, NORTH_STAFF, NOW))
                   .expectEvents(carerAdded("carer-1", true))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void aCarerWhoPrefersSmsNeedsAPhone() {
            CarerDetails noPhone = new CarerDetails("Amina", "mother", true, null, "amina@example.org", null);
            fixture.given(registered())
                   .when(new AddCarer(FAMILY, null, "carer-1", noPhone, BY_SMS_IN_SOMALI, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.ChannelNeedsContactDetail.class,
                                               "preferences.preferredChannel"))
                   .expectNoEvents();
        }

        @Test
        void aCarerIsAddedOnce() {
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new AddCarer(FAMILY, null, "carer-1", MOTHER, BY_SMS_IN_SOMALI, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.AlreadyInFamily.class, "carerId"))
                   .expectNoEvents();
        }

        @Test
        void updatingACarerRecordsOnlyWhatChanged() {
            CarerDetails newPhone = new CarerDetails("Amina", "mother", true, "07700 900002", null, ADDRESS);
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new UpdateCarer(FAMILY, 1L, "carer-1", newPhone, BY_SMS_IN_SOMALI, NORTH_STAFF, NOW))
                   .expectEvents(new CarerDetailsChanged(FAMILY, TRUST, Set.of(NORTH), "carer-1", "Amina", "mother",
                                                         true, "07700 900002", null, ADDRESS, "staff-n", NOW))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void updatingACarerWithTheirPreferencesChangedRecordsThose() {
            ContactPreferences byPhone = new ContactPreferences(ContactChannel.PHONE_CALL, "so", true, true, null,
                                                                null);
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new UpdateCarer(FAMILY, null, "carer-1", MOTHER, byPhone, NORTH_STAFF, NOW))
                   .expectEvents(new ContactPreferencesChanged(FAMILY, TRUST, Set.of(NORTH), "carer-1", byPhone,
                                                               "staff-n", NOW));
        }

        @Test
        void updatingACarerAsTheyAreChangesNothing() {
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new UpdateCarer(FAMILY, null, "carer-1", MOTHER, BY_SMS_IN_SOMALI, NORTH_STAFF, NOW))
                   .expectNoEvents()
                   .expectResultMessagePayload(1L);
        }

        @Test
        void thePhoneStaysWhileTheCarerPrefersSms() {
            CarerDetails noPhone = new CarerDetails("Amina", "mother", true, null, null, null);
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new UpdateCarer(FAMILY, null, "carer-1", noPhone, BY_SMS_IN_SOMALI, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.ChannelNeedsContactDetail.class,
                                               "preferences.preferredChannel"))
                   .expectNoEvents();
        }

        @Test
        void aCarerNotInTheFamilyIsNotFound() {
            fixture.given(registered())
                   .when(new UpdateCarer(FAMILY, null, "carer-9", MOTHER, BY_SMS_IN_SOMALI, NORTH_STAFF, NOW))
                   .expectException(FamilyRules.NotInThisFamily.class)
                   .expectNoEvents();
        }

        @Test
        void contactPreferencesChange() {
            ContactPreferences inPerson =
                    new ContactPreferences(ContactChannel.IN_PERSON, "so", true, true, "Step-free access", null);
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new ChangeContactPreferences(FAMILY, null, "carer-1", inPerson, NORTH_STAFF, NOW))
                   .expectEvents(new ContactPreferencesChanged(FAMILY, TRUST, Set.of(NORTH), "carer-1", inPerson,
                                                               "staff-n", NOW));
        }

        @Test
        void emailIsPreferredOnlyByACarerWithAnEmailAddress() {
            ContactPreferences byEmail = new ContactPreferences(ContactChannel.EMAIL, "en", false, false, null, null);
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new ChangeContactPreferences(FAMILY, null, "carer-1", byEmail, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.ChannelNeedsContactDetail.class, "preferredChannel"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Children {

        static EnrolChild enrol(String school, LocalDate dateOfBirth, RequestContext actor) {
            return new EnrolChild(FAMILY, null, "child-1", "Hodan", dateOfBirth, YearGroup.YEAR_5, false, school,
                                  LocalDate.of(2025, 9, 3), actor, NOW);
        }

        @Test
        void aChildAtAnotherSchoolOfTheTrustMakesItOneOfTheFamilysSchools() {
            fixture.given(registered())
                   .when(enrol(SOUTH, LocalDate.of(2015, 5, 1), TRUST_LEADER))
                   .expectEvents(enrolled("child-1", SOUTH, Set.of(NORTH, SOUTH)));
        }

        @Test
        void notAtASchoolOfAnotherTrust() {
            fixture.given(registered())
                   .when(enrol(ELSEWHERE, LocalDate.of(2015, 5, 1), TRUST_LEADER))
                   .expectException(brokenRule(FamilyRules.SchoolNotInTrust.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void notAtASchoolTheCallerDoesNotActFor() {
            fixture.given(registered())
                   .when(enrol(SOUTH, LocalDate.of(2015, 5, 1), NORTH_STAFF))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void notBornTomorrow() {
            fixture.given(registered())
                   .when(enrol(NORTH, TODAY.plusDays(1), NORTH_STAFF))
                   .expectException(brokenRule(FamilyRules.DateInTheFuture.class, "dateOfBirth"))
                   .expectNoEvents();
        }

        @Test
        void leavingTheOnlySchoolOfTheFamilyThatIsNotItsOwnRemovesIt() {
            fixture.given(registered(), enrolled("child-1", SOUTH, Set.of(NORTH, SOUTH)))
                   .when(new RecordChildLeaving(FAMILY, null, "child-1", LocalDate.of(2026, 2, 13), TRUST_LEADER,
                                                NOW))
                   .expectEvents(new ChildLeftSchool(FAMILY, TRUST, Set.of(NORTH), "child-1", SOUTH,
                                                     LocalDate.of(2026, 2, 13), "leader", NOW));
        }

        @Test
        void aChildLeavesOnce() {
            fixture.given(registered(), enrolled("child-1", NORTH, Set.of(NORTH)),
                          new ChildLeftSchool(FAMILY, TRUST, Set.of(NORTH), "child-1", NORTH, TODAY, "staff-n", NOW))
                   .when(new RecordChildLeaving(FAMILY, null, "child-1", TODAY, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.ChildNotAtSchool.class, "childId"))
                   .expectNoEvents();
        }

        @Test
        void withoutADateTheyLeaveToday() {
            fixture.given(registered(), enrolled("child-1", NORTH, Set.of(NORTH)))
                   .when(new RecordChildLeaving(FAMILY, null, "child-1", null, NORTH_STAFF, NOW))
                   .expectEvents(new ChildLeftSchool(FAMILY, TRUST, Set.of(NORTH), "child-1", NORTH, TODAY, "staff-n",
                                                     NOW));
        }

        @Test
        void notBeforeTheyJoined() {
            fixture.given(registered(), enrolled("child-1", NORTH, Set.of(NORTH)))
                   .when(new RecordChildLeaving(FAMILY, null, "child-1", LocalDate.of(2025, 9, 2), NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.LeftBeforeEnrolled.class, "leftOn"))
                   .expectNoEvents();
        }

        @Test
        void aChildWhoLeftJoinsAnotherSchoolAsTheSameChild() {
            fixture.given(registered(), enrolled("child-1", NORTH, Set.of(NORTH)),
                          new ChildLeftSchool(FAMILY, TRUST, Set.of(NORTH), "child-1", NORTH, TODAY, "staff-n", NOW))
                   .when(new ReEnrolChild(FAMILY, null, "child-1", SOUTH, YearGroup.YEAR_5,
                                          LocalDate.of(2025, 9, 3), TRUST_LEADER, NOW))
                   .expectEvents(enrolled("child-1", SOUTH, Set.of(NORTH, SOUTH)));
        }

        @Test
        void aChildAtASchoolMustLeaveItBeforeJoiningAnother() {
            fixture.given(registered(), enrolled("child-1", NORTH, Set.of(NORTH)))
                   .when(new ReEnrolChild(FAMILY, null, "child-1", SOUTH, YearGroup.YEAR_5, TODAY, TRUST_LEADER, NOW))
                   .expectException(brokenRule(FamilyRules.ChildAlreadyAtSchool.class, "childId"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Barriers {

        @Test
        void recorded() {
            fixture.given(registered())
                   .when(new RecordBarrier(FAMILY, null, "barrier-1", Barrier.COMMUNICATION, "Letters home go unread",
                                           NORTH_STAFF, NOW))
                   .expectEvents(barrierRecorded("barrier-1"));
        }

        @Test
        void oneOpenRecordOfEachBarrier() {
            fixture.given(registered(), barrierRecorded("barrier-1"))
                   .when(new RecordBarrier(FAMILY, null, "barrier-2", Barrier.COMMUNICATION, "Again", NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.BarrierAlreadyOpen.class, "barrier"))
                   .expectNoEvents();
        }

        @Test
        void resolved() {
            fixture.given(registered(), barrierRecorded("barrier-1"))
                   .when(new ResolveBarrier(FAMILY, null, "barrier-1", "Texts in Somali now", NORTH_STAFF, NOW))
                   .expectEvents(new BarrierResolved(FAMILY, TRUST, Set.of(NORTH), "barrier-1", Barrier.COMMUNICATION,
                                                     "Texts in Somali now", "staff-n", NOW));
        }

        @Test
        void resolvedOnce() {
            fixture.given(registered(), barrierRecorded("barrier-1"),
                          new BarrierResolved(FAMILY, TRUST, Set.of(NORTH), "barrier-1", Barrier.COMMUNICATION, null,
                                              "staff-n", NOW))
                   .when(new ResolveBarrier(FAMILY, null, "barrier-1", null, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.BarrierAlreadyResolved.class, "barrierId"))
                   .expectNoEvents();
        }

        @Test
        void aResolvedBarrierCanBeRecordedAgain() {
            fixture.given(registered(), barrierRecorded("barrier-1"),
                          new BarrierResolved(FAMILY, TRUST, Set.of(NORTH), "barrier-1", Barrier.COMMUNICATION, null,
                                              "staff-n", NOW))
                   .when(new RecordBarrier(FAMILY, null, "barrier-2", Barrier.COMMUNICATION, "Letters home go unread",
                                           NORTH_STAFF, NOW))
                   .expectEvents(barrierRecorded("barrier-2"));
        }

        @Test
        void anUnknownBarrierIsNotFound() {
            fixture.given(registered())
                   .when(new ResolveBarrier(FAMILY, null, "barrier-9", null, NORTH_STAFF, NOW))
                   .expectException(FamilyRules.NotInThisFamily.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Consents {

        @Test
        void givenByACarerWithParentalResponsibility() {
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new GiveConsent(FAMILY, null, ConsentPurposes.PHOTOGRAPHS, "carer-1", TODAY, NORTH_STAFF, NOW))
                   .expectEvents(consentGiven());
        }

        @Test
        void notByACarerWithoutParentalResponsibility() {
            fixture.given(registered(), carerAdded("carer-1", false))
                   .when(new GiveConsent(FAMILY, null, ConsentPurposes.PHOTOGRAPHS, "carer-1", TODAY, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.NoParentalResponsibility.class, "carerId"))
                   .expectNoEvents();
        }

        @Test
        void notBySomeoneWhoIsNotACarerOfTheFamily() {
            fixture.given(registered())
                   .when(new GiveConsent(FAMILY, null, ConsentPurposes.PHOTOGRAPHS, "carer-9", TODAY, NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.UnknownCarer.class, "carerId"))
                   .expectNoEvents();
        }

        @Test
        void notGivenTomorrow() {
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new GiveConsent(FAMILY, null, "SCHOOL_TRIPS", "carer-1", TODAY.plusDays(1), NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.DateInTheFuture.class, "givenOn"))
                   .expectNoEvents();
        }

        @Test
        void withdrawn() {
            fixture.given(registered(), carerAdded("carer-1", true), consentGiven())
                   .when(new WithdrawConsent(FAMILY, null, ConsentPurposes.PHOTOGRAPHS, "carer-1", TODAY, NORTH_STAFF,
                                             NOW))
                   .expectEvents(new ConsentWithdrawn(FAMILY, TRUST, Set.of(NORTH), ConsentPurposes.PHOTOGRAPHS,
                                                      "carer-1", TODAY, "staff-n", NOW));
        }

        @Test
        void onlyWhenGiven() {
            fixture.given(registered(), carerAdded("carer-1", true), consentGiven(),
                          new ConsentWithdrawn(FAMILY, TRUST, Set.of(NORTH), ConsentPurposes.PHOTOGRAPHS, "carer-1",
                                               TODAY, "staff-n", NOW))
                   .when(new WithdrawConsent(FAMILY, null, ConsentPurposes.PHOTOGRAPHS, "carer-1", TODAY, NORTH_STAFF,
                                             NOW))
                   .expectException(brokenRule(FamilyRules.ConsentNotGiven.class, "purpose"))
                   .expectNoEvents();
        }
    }

    @Nested
    class KeyWorkerAndVoice {

        @Test
        void aKeyWorkerIsAssigned() {
            fixture.given(registered())
                   .when(new AssignKeyWorker(FAMILY, null, "staff-k", NORTH_STAFF, NOW))
                   .expectEvents(new KeyWorkerAssigned(FAMILY, TRUST, Set.of(NORTH), "staff-k", "staff-n", NOW));
        }

        @Test
        void assigningTheSameKeyWorkerAgainChangesNothing() {
            fixture.given(registered(), new KeyWorkerAssigned(FAMILY, TRUST, Set.of(NORTH), "staff-k", "staff-n", NOW))
                   .when(new AssignKeyWorker(FAMILY, null, "staff-k", NORTH_STAFF, NOW))
                   .expectNoEvents()
                   .expectResultMessagePayload(1L);
        }

        @Test
        void theFamilysVoiceIsRecordedInTheirWords() {
            fixture.given(registered(), carerAdded("carer-1", true))
                   .when(new RecordFamilyVoice(FAMILY, null, "voice-1", "carer-1", "Please call, don't write",
                                               NORTH_STAFF, NOW))
                   .expectEvents(new FamilyVoiceRecorded(FAMILY, TRUST, Set.of(NORTH), "voice-1", "carer-1",
                                                         "Please call, don't write", "staff-n", NOW));
        }

        @Test
        void onlyACarerOfTheFamilySpeaksForIt() {
            fixture.given(registered())
                   .when(new RecordFamilyVoice(FAMILY, null, "voice-1", "carer-9", "Hello", NORTH_STAFF, NOW))
                   .expectException(brokenRule(FamilyRules.UnknownCarer.class, "carerId"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Erasure {

        private final FamilyErased erased = new FamilyErased(
                FAMILY, TRUST, Set.of(NORTH, SOUTH), Set.of("carer-1", "carer-2"), Set.of("child-1"),
                ErasureReason.SUBJECT_REQUEST, "leader", NOW);

        @Test
        void erasingTheFamilyNamesEveryCarerAndChildItHad() {
            fixture.given(registered(), carerAdded("carer-1", true), carerAdded("carer-2", false),
                          enrolled("child-1", SOUTH, Set.of(NORTH, SOUTH)))
                   .when(new EraseFamily(FAMILY, 3L, ErasureReason.SUBJECT_REQUEST, TRUST_LEADER, NOW))
                   .expectEvents(erased)
                   .expectResultMessagePayload(4L);
        }

        @Test
        void staffOutsideTheFamilysSchoolsAreToldThereIsNoSuchFamily() {
            fixture.given(registered())
                   .when(new EraseFamily(FAMILY, null, ErasureReason.RETENTION, SOUTH_STAFF, NOW))
                   .expectException(FamilyRules.FamilyNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void anErasedFamilyTakesNoFurtherCommandAsIfItHadNeverBeen() {
            fixture.given(registered(), carerAdded("carer-1", true), erased)
                   .when(new AssignKeyWorker(FAMILY, null, "staff-k", TRUST_LEADER, NOW))
                   .expectException(FamilyRules.FamilyNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void anErasedFamilyIsNotErasedAgain() {
            fixture.given(registered(), erased)
                   .when(new EraseFamily(FAMILY, null, ErasureReason.OTHER, TRUST_LEADER, NOW))
                   .expectException(FamilyRules.FamilyNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void aFamilyWhosePersonalDetailsReadAsNullOnceErasedStillLoads() {
            // How its events read once its key is gone: the family must still load, to answer that it is erased.
            fixture.given(new FamilyRegistered(FAMILY, TRUST, Set.of(NORTH), NORTH, null, "staff-n", NOW),
                          new CarerAdded(FAMILY, TRUST, Set.of(NORTH), "carer-1", null, null, false, null, null,
                                         null, null, "staff-n", NOW),
                          new BarrierRecorded(FAMILY, TRUST, Set.of(NORTH), "barrier-1", null, null, "staff-n", NOW),
                          erased)
                   .when(new RecordBarrier(FAMILY, null, "barrier-2", Barrier.LOW_CONFIDENCE, "note", NORTH_STAFF,
                                           NOW))
                   .expectException(FamilyRules.FamilyNotFound.class)
                   .expectNoEvents();
        }
    }
}
