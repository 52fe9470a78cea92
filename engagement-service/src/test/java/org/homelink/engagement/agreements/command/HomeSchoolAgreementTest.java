package org.homelink.engagement.agreements.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.engagement.AcknowledgementMethod;
import org.homelink.contracts.engagement.AgreementAcknowledged;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.agreements.command.AgreementCommands.AcknowledgeByLink;
import org.homelink.engagement.agreements.command.AgreementCommands.Acknowledged;
import org.homelink.engagement.agreements.command.AgreementCommands.AdoptAgreement;
import org.homelink.engagement.agreements.command.AgreementCommands.LinksSent;
import org.homelink.engagement.agreements.command.AgreementCommands.PublishVersion;
import org.homelink.engagement.agreements.command.AgreementCommands.Published;
import org.homelink.engagement.agreements.command.AgreementCommands.RecordAcknowledgement;
import org.homelink.engagement.agreements.command.AgreementCommands.SendLinks;
import org.homelink.engagement.agreements.command.AgreementCommands.Wording;
import org.homelink.engagement.agreements.command.AgreementRules.AgreementNotFound;
import org.homelink.engagement.agreements.command.AgreementRules.ChangesNotSaid;
import org.homelink.engagement.agreements.command.AgreementRules.FallbackWithoutText;
import org.homelink.engagement.agreements.command.AgreementRules.NoSuchVersion;
import org.homelink.engagement.agreements.command.AgreementRules.NotASchoolOfTheAgreement;
import org.homelink.engagement.agreements.command.AgreementRules.NotAStaffMethod;
import org.homelink.engagement.agreements.command.AgreementRules.NotTheVersionInForce;
import org.homelink.engagement.agreements.command.AgreementRules.NothingInForce;
import org.homelink.engagement.agreements.command.AgreementRules.TextsNotSound;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementAdopted;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementLinksSent;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementText;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementVersionPublished;
import org.homelink.engagement.agreements.events.AgreementEvents.Recipient;
import org.homelink.engagement.voice.command.SurveyRules.UnknownLink;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.brokenRule;

/** Each command path of a home-school agreement, rejections included: given events, when a command, expect events. */
class HomeSchoolAgreementTest {

    static final String AGREEMENT = "agreement-1";
    static final RequestContext NORTH_HEAD = new RequestContext(TRUST, Set.of(NORTH), Role.SCHOOL_LEADER, "head-n");
    static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 1);
    /** After {@code NOW}: a version taking effect then is not in force yet. */
    static final LocalDate AFTER_EASTER = LocalDate.of(2026, 4, 20);
    static final LocalDate LAST_WEEK = LocalDate.of(2026, 2, 23);
    static final Instant LATER = NOW.plus(Duration.ofHours(2));
    static final List<AgreementText> TEXTS = List.of(new AgreementText("en", "We will tell you how your child is."),
                                                     new AgreementText("so", "Waxaan kuu sheegi doonnaa."));
    static final Recipient AMINA = new Recipient("warsame", "amina", NORTH, "hash-amina", ContactChannel.SMS, "so",
                                                 false);
    static final Recipient CHIDI = new Recipient("okafor", "chidi", NORTH, "hash-chidi", ContactChannel.EMAIL, "en",
                                                 false);
    static final Recipient SOUTH_CARER = new Recipient("jones", "dai", SOUTH, "hash-dai", ContactChannel.EMAIL, "cy",
                                                       false);

    private FixtureConfiguration<HomeSchoolAgreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HomeSchoolAgreement.class);
    }

    static Wording wording(String changes, LocalDate takesEffect) {
        return new Wording("Our home-school agreement", TEXTS, "en", changes, takesEffect);
    }

    static AgreementAdopted adopted(String... schools) {
        return new AgreementAdopted(AGREEMENT, TRUST, List.of(schools), "head-n", NOW);
    }

    static AgreementVersionPublished version(int number, LocalDate takesEffect) {
        return new AgreementVersionPublished(AGREEMENT, number, "Our home-school agreement", TEXTS, "en",
                                             number == 1 ? null : "Homework on Fridays", takesEffect, "head-n", NOW);
    }

    static AgreementLinksSent sent(int version, Recipient... recipients) {
        return new AgreementLinksSent(AGREEMENT, version, List.of(recipients), "everyone on the roll", "staff-n",
                                      NOW);
    }

    static AgreementAcknowledged acknowledged(Recipient carer, int version, AcknowledgementMethod method,
                                              String recordedBy, Instant at) {
        return new AgreementAcknowledged(AGREEMENT, TRUST, carer.schoolUrn(), carer.familyId(), carer.carerId(),
                                         version, method, recordedBy, at);
    }

    @Nested
    class Adopt {

        @Test
        void withItsFirstVersionByALeaderOfItsSchool() {
            fixture.givenNoPriorActivity()
                   .when(new AdoptAgreement(AGREEMENT, List.of(NORTH), wording(null, SEPTEMBER), NORTH_HEAD, NOW))
                   .expectEvents(adopted(NORTH), version(1, SEPTEMBER));
        }

        @Test
        void forSeveralSchoolsOnlyByWhoeverActsForEachOfThem() {
            fixture.givenNoPriorActivity()
                   .when(new AdoptAgreement(AGREEMENT, List.of(NORTH, SOUTH), wording(null, SEPTEMBER), LEADER, NOW))
                   .expectEvents(new AgreementAdopted(AGREEMENT, TRUST, List.of(NORTH, SOUTH), "leader", NOW),
                                 new AgreementVersionPublished(AGREEMENT, 1, "Our home-school agreement", TEXTS, "en",
                                                               null, SEPTEMBER, "leader", NOW));
            fixture.givenNoPriorActivity()
                   .when(new AdoptAgreement(AGREEMENT, List.of(NORTH, SOUTH), wording(null, SEPTEMBER), NORTH_HEAD,
                                            NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void needsATextInEachLanguageAndTheFallbackAmongThem() {
            fixture.givenNoPriorActivity()
                   .when(new AdoptAgreement(AGREEMENT, List.of(NORTH), new Wording("Ours", List.of(), "en", null,
                                                                                  SEPTEMBER), NORTH_HEAD, NOW))
                   .expectException(brokenRule(TextsNotSound.class, "texts"));
            fixture.givenNoPriorActivity()
                   .when(new AdoptAgreement(AGREEMENT, List.of(NORTH), new Wording(
                           "Ours", List.of(new AgreementText("en", "One"), new AgreementText("en", "Two")), "en", null,
                           SEPTEMBER), NORTH_HEAD, NOW))
                   .expectException(brokenRule(TextsNotSound.class, "texts"));
            fixture.givenNoPriorActivity()
                   .when(new AdoptAgreement(AGREEMENT, List.of(NORTH), new Wording(
                           "Ours", List.of(new AgreementText("en", " ")), "en", null, SEPTEMBER), NORTH_HEAD, NOW))
                   .expectException(brokenRule(TextsNotSound.class, "texts"));
            fixture.givenNoPriorActivity()
                   .when(new AdoptAgreement(AGREEMENT, List.of(NORTH), new Wording("Ours", TEXTS, "pl", null,
                                                                                  SEPTEMBER), NORTH_HEAD, NOW))
                   .expectException(brokenRule(FallbackWithoutText.class, "fallbackLanguage"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Publish {

        @Test
        void theNextVersionSayingWhatChanged() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new PublishVersion(AGREEMENT, wording("Homework on Fridays", AFTER_EASTER), NORTH_HEAD,
                                            NOW))
                   .expectEvents(version(2, AFTER_EASTER))
                   .expectResultMessagePayload(new Published(2, 2));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new PublishVersion(AGREEMENT, wording(" ", AFTER_EASTER), NORTH_HEAD, NOW))
                   .expectException(brokenRule(ChangesNotSaid.class, "changes"))
                   .expectNoEvents();
        }

        @Test
        void aTrustsAgreementOnlyByALeaderOfEachOfItsSchools() {
            fixture.given(adopted(NORTH, SOUTH), version(1, SEPTEMBER))
                   .when(new PublishVersion(AGREEMENT, wording("Homework on Fridays", AFTER_EASTER), NORTH_HEAD,
                                            NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void isNoneOfAnotherSchoolsOrTrustsBusiness() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new PublishVersion(AGREEMENT, wording("Changed", AFTER_EASTER), SOUTH_STAFF, NOW))
                   .expectException(AgreementNotFound.class);
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new PublishVersion(AGREEMENT, wording("Changed", AFTER_EASTER), OTHER_TRUST, NOW))
                   .expectException(AgreementNotFound.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class SendLinksToCarers {

        @Test
        void eachCarerOncePerVersionInForce() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA))
                   .when(new SendLinks(AGREEMENT, List.of(AMINA, CHIDI), "everyone on the roll", NORTH_STAFF, NOW))
                   .expectEvents(sent(1, CHIDI))
                   .expectResultMessagePayload(new LinksSent(1, List.of(CHIDI), 3));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA))
                   .when(new SendLinks(AGREEMENT, List.of(AMINA), "everyone on the roll", NORTH_STAFF, NOW))
                   .expectNoEvents()
                   .expectResultMessagePayload(new LinksSent(1, List.of(), 2));
        }

        @Test
        void againForANewVersionOnceItIsInForce() {
            Recipient again = new Recipient("warsame", "amina", NORTH, "hash-amina-2", ContactChannel.SMS, "so",
                                            false);
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA), version(2, LAST_WEEK))
                   .when(new SendLinks(AGREEMENT, List.of(again), "everyone on the roll", NORTH_STAFF, NOW))
                   .expectEvents(sent(2, again));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA), version(2, AFTER_EASTER))
                   .when(new SendLinks(AGREEMENT, List.of(again), "everyone on the roll", NORTH_STAFF, NOW))
                   .expectNoEvents();
        }

        @Test
        void onlyOnceAVersionIsInForce() {
            fixture.given(adopted(NORTH), version(1, AFTER_EASTER))
                   .when(new SendLinks(AGREEMENT, List.of(AMINA), "by name", NORTH_STAFF, NOW))
                   .expectException(brokenRule(NothingInForce.class, "agreementId"))
                   .expectNoEvents();
        }

        @Test
        void onlyToFamiliesOfTheAgreementsSchoolsTheCallerActsFor() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new SendLinks(AGREEMENT, List.of(SOUTH_CARER), "by name", LEADER, NOW))
                   .expectException(brokenRule(NotASchoolOfTheAgreement.class, "schoolUrn"));
            fixture.given(adopted(NORTH, SOUTH), version(1, SEPTEMBER))
                   .when(new SendLinks(AGREEMENT, List.of(AMINA, SOUTH_CARER), "by name", NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new SendLinks(AGREEMENT, List.of(AMINA), "by name", SOUTH_STAFF, NOW))
                   .expectException(AgreementNotFound.class);
        }
    }

    @Nested
    class AcknowledgeThroughTheLink {

        @Test
        void theVersionInForceOnceAndAgainHarmlessly() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA))
                   .when(new AcknowledgeByLink(AGREEMENT, "hash-amina", null, LATER))
                   .expectEvents(acknowledged(AMINA, 1, AcknowledgementMethod.PERSONAL_LINK, null, LATER))
                   .expectResultMessagePayload(new Acknowledged(1, false, 3));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA),
                          acknowledged(AMINA, 1, AcknowledgementMethod.PERSONAL_LINK, null, NOW))
                   .when(new AcknowledgeByLink(AGREEMENT, "hash-amina", 1, LATER))
                   .expectNoEvents()
                   .expectResultMessagePayload(new Acknowledged(1, true, 3));
        }

        @Test
        void aNewVersionInForceIsAcknowledgedAfreshThroughTheSameLink() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA),
                          acknowledged(AMINA, 1, AcknowledgementMethod.PERSONAL_LINK, null, NOW),
                          version(2, LAST_WEEK))
                   .when(new AcknowledgeByLink(AGREEMENT, "hash-amina", null, LATER))
                   .expectEvents(acknowledged(AMINA, 2, AcknowledgementMethod.PERSONAL_LINK, null, LATER));
        }

        @Test
        void notAVersionThatIsNotInForce() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA), version(2, AFTER_EASTER))
                   .when(new AcknowledgeByLink(AGREEMENT, "hash-amina", 2, LATER))
                   .expectException(brokenRule(NotTheVersionInForce.class, "version"));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA), version(2, LAST_WEEK))
                   .when(new AcknowledgeByLink(AGREEMENT, "hash-amina", 1, LATER))
                   .expectException(brokenRule(NotTheVersionInForce.class, "version"))
                   .expectNoEvents();
        }

        @Test
        void aVersionPublishedLaterThatTakesEffectSoonerSupersedesOneNotYetInForce() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA), version(2, AFTER_EASTER),
                          version(3, LAST_WEEK))
                   .when(new AcknowledgeByLink(AGREEMENT, "hash-amina", null, LATER.plus(Duration.ofDays(60))))
                   .expectEvents(acknowledged(AMINA, 3, AcknowledgementMethod.PERSONAL_LINK, null,
                                              LATER.plus(Duration.ofDays(60))));
        }

        @Test
        void anUnknownLinkIsNoLinkAtAll() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), sent(1, AMINA))
                   .when(new AcknowledgeByLink(AGREEMENT, "hash-guessed", null, LATER))
                   .expectException(UnknownLink.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class RecordByStaff {

        @Test
        void aPaperFormOrAConversationOncePerVersion() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null,
                                                   AcknowledgementMethod.PAPER, NORTH_STAFF, LATER))
                   .expectEvents(acknowledged(CHIDI, 1, AcknowledgementMethod.PAPER, "staff-n", LATER))
                   .expectResultMessagePayload(new Acknowledged(1, false, 2));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER),
                          acknowledged(CHIDI, 1, AcknowledgementMethod.PERSONAL_LINK, null, NOW))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null,
                                                   AcknowledgementMethod.IN_PERSON, NORTH_STAFF, LATER))
                   .expectNoEvents()
                   .expectResultMessagePayload(new Acknowledged(1, true, 2));
        }

        @Test
        void aSupersededVersionTheCarerSignedButNoneNotYetInEffect() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), version(2, LAST_WEEK))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, 1,
                                                   AcknowledgementMethod.PAPER, NORTH_STAFF, LATER))
                   .expectEvents(acknowledged(CHIDI, 1, AcknowledgementMethod.PAPER, "staff-n", LATER));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER), version(2, AFTER_EASTER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, 2,
                                                   AcknowledgementMethod.PAPER, NORTH_STAFF, LATER))
                   .expectException(brokenRule(NoSuchVersion.class, "version"));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, 7,
                                                   AcknowledgementMethod.PAPER, NORTH_STAFF, LATER))
                   .expectException(brokenRule(NoSuchVersion.class, "version"));
            fixture.given(adopted(NORTH), version(1, AFTER_EASTER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null,
                                                   AcknowledgementMethod.PAPER, NORTH_STAFF, LATER))
                   .expectException(brokenRule(NothingInForce.class, "version"))
                   .expectNoEvents();
        }

        @Test
        void neverAsIfThroughTheCarersLink() {
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null,
                                                   AcknowledgementMethod.PERSONAL_LINK, NORTH_STAFF, LATER))
                   .expectException(brokenRule(NotAStaffMethod.class, "method"));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null, null, NORTH_STAFF,
                                                   LATER))
                   .expectException(brokenRule(NotAStaffMethod.class, "method"))
                   .expectNoEvents();
        }

        @Test
        void onlyByStaffOfTheFamilysSchool() {
            fixture.given(adopted(NORTH, SOUTH), version(1, SEPTEMBER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null,
                                                   AcknowledgementMethod.PAPER, SOUTH_STAFF, LATER))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"));
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null,
                                                   AcknowledgementMethod.PAPER, SOUTH_STAFF, LATER))
                   .expectException(AgreementNotFound.class);
            fixture.given(adopted(NORTH), version(1, SEPTEMBER))
                   .when(new RecordAcknowledgement(AGREEMENT, "okafor", "chidi", NORTH, null,
                                                   AcknowledgementMethod.PAPER, OTHER_TRUST, LATER))
                   .expectException(AgreementNotFound.class)
                   .expectNoEvents();
        }
    }
}
