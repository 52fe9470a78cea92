package org.homelink.engagement.messages.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.engagement.MessageCopy;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.contracts.engagement.MessageSent;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.messages.command.MessageCommands.CancelMessage;
import org.homelink.engagement.messages.command.MessageCommands.ChangeMessageSettings;
import org.homelink.engagement.messages.command.MessageCommands.ChooseDigest;
import org.homelink.engagement.messages.command.MessageCommands.DraftMessage;
import org.homelink.engagement.messages.command.MessageCommands.ReviseMessage;
import org.homelink.engagement.messages.command.MessageCommands.ScheduleMessage;
import org.homelink.engagement.messages.command.MessageCommands.SendMessage;
import org.homelink.engagement.messages.command.MessageRules.FallbackWithoutText;
import org.homelink.engagement.messages.command.MessageRules.MessageNotFound;
import org.homelink.engagement.messages.command.MessageRules.NoLongerADraft;
import org.homelink.engagement.messages.command.MessageRules.NoRecipients;
import org.homelink.engagement.messages.command.MessageRules.NoText;
import org.homelink.engagement.messages.command.MessageRules.NotDueYet;
import org.homelink.engagement.messages.command.MessageRules.ScheduledInThePast;
import org.homelink.engagement.messages.command.MessageRules.TextNotSound;
import org.homelink.engagement.messages.command.MessageRules.WeeklyLimitNotSound;
import org.homelink.engagement.messages.events.MessageEvents.DigestChosen;
import org.homelink.engagement.messages.events.MessageEvents.FamilyWeek;
import org.homelink.engagement.messages.events.MessageEvents.Held;
import org.homelink.engagement.messages.events.MessageEvents.HeldFor;
import org.homelink.engagement.messages.events.MessageEvents.MessageCancelled;
import org.homelink.engagement.messages.events.MessageEvents.MessageDrafted;
import org.homelink.engagement.messages.events.MessageEvents.MessageRevised;
import org.homelink.engagement.messages.events.MessageEvents.MessageRouted;
import org.homelink.engagement.messages.events.MessageEvents.MessageScheduled;
import org.homelink.engagement.messages.events.MessageEvents.MessageSettingsChanged;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.NotYourSchool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.brokenRule;

/** Each command path of a message and of the settings messages go by, rejections included. */
class MessageTest {

    static final String MESSAGE = "message-1";
    static final MessageText EN = new MessageText("en", "School trip", "We go to the museum on Friday.");
    static final MessageText SO = new MessageText("so", "Socod dugsiga", "Waxaan aadaynaa matxafka Jimcaha.");
    static final Instant LATER = NOW.plus(Duration.ofHours(2));
    static final Audience.Criteria EVERYONE = new Audience.Criteria(null, null, null, null, null, null, true);
    static final MessageCopy AMINA = new MessageCopy("d-1", NORTH, "warsame", "amina", MessageRoute.SMS, "so");
    static final MessageRouted ROUTED = new MessageRouted(MESSAGE, List.of(), LocalDate.of(2026, 3, 2),
                                                          List.of(new FamilyWeek(NORTH, "warsame")));

    private FixtureConfiguration<Message> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Message.class);
    }

    static MessageDrafted drafted() {
        return new MessageDrafted(MESSAGE, TRUST, List.of(NORTH), MessageKind.MESSAGE, List.of(EN, SO), "en",
                                  "staff-n", NOW);
    }

    static MessageScheduled scheduled() {
        return new MessageScheduled(MESSAGE, LATER, EVERYONE, NORTH_STAFF, NOW);
    }

    static MessageSent sent(Instant at) {
        return new MessageSent(MESSAGE, TRUST, List.of(NORTH), MessageKind.MESSAGE, "staff-n", at, List.of(AMINA));
    }

    @Nested
    class Draft {

        @Test
        void withItsTextsAtTheCallersSchool() {
            fixture.givenNoPriorActivity()
                   .when(new DraftMessage(MESSAGE, List.of(NORTH), MessageKind.MESSAGE, List.of(EN, SO), "en",
                                          NORTH_STAFF, NOW))
                   .expectEvents(drafted());
        }

        @Test
        void forSeveralSchoolsOnlyByWhoeverActsForEachOfThem() {
            fixture.givenNoPriorActivity()
                   .when(new DraftMessage(MESSAGE, List.of(NORTH, SOUTH), MessageKind.NEWSLETTER, List.of(EN), "en",
                                          LEADER, NOW))
                   .expectEvents(new MessageDrafted(MESSAGE, TRUST, List.of(NORTH, SOUTH), MessageKind.NEWSLETTER,
                                                    List.of(EN), "en", "leader", NOW));
            fixture.givenNoPriorActivity()
                   .when(new DraftMessage(MESSAGE, List.of(NORTH, SOUTH), MessageKind.MESSAGE, List.of(EN), "en",
                                          NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn")).expectNoEvents();
        }

        @Test
        void needsATextInEachLanguageOnceAndOneForTheFallback() {
            fixture.givenNoPriorActivity()
                   .when(new DraftMessage(MESSAGE, List.of(NORTH), MessageKind.MESSAGE, List.of(), "en",
                                          NORTH_STAFF, NOW))
                   .expectException(brokenRule(NoText.class, "texts"));
            fixture.givenNoPriorActivity()
                   .when(new DraftMessage(MESSAGE, List.of(NORTH), MessageKind.MESSAGE, List.of(EN, EN), "en",
                                          NORTH_STAFF, NOW))
                   .expectException(brokenRule(TextNotSound.class, "texts"));
            fixture.givenNoPriorActivity()
                   .when(new DraftMessage(MESSAGE, List.of(NORTH), MessageKind.MESSAGE,
                                          List.of(new MessageText("en", "Hi", " ")), "en", NORTH_STAFF, NOW))
                   .expectException(brokenRule(TextNotSound.class, "texts"));
            fixture.givenNoPriorActivity()
                   .when(new DraftMessage(MESSAGE, List.of(NORTH), MessageKind.MESSAGE, List.of(SO), "en",
                                          NORTH_STAFF, NOW))
                   .expectException(brokenRule(FallbackWithoutText.class, "fallbackLanguage"));
        }
    }

    @Nested
    class Revise {

        @Test
        void whileADraftOrScheduled() {
            MessageRevised revised = new MessageRevised(MESSAGE, MessageKind.NEWSLETTER, List.of(SO), "so",
                                                        "staff-n", NOW);
            fixture.given(drafted())
                   .when(new ReviseMessage(MESSAGE, null, MessageKind.NEWSLETTER, List.of(SO), "so", NORTH_STAFF,
                                           NOW))
                   .expectEvents(revised);
            fixture.given(drafted(), scheduled())
                   .when(new ReviseMessage(MESSAGE, null, MessageKind.NEWSLETTER, List.of(SO), "so", NORTH_STAFF,
                                           NOW))
                   .expectEvents(revised);
        }

        @Test
        void notOnceSentNorByAnotherSchoolOrTrust() {
            fixture.given(drafted(), sent(NOW), ROUTED)
                   .when(new ReviseMessage(MESSAGE, null, MessageKind.MESSAGE, List.of(EN), "en", NORTH_STAFF, NOW))
                   .expectException(brokenRule(NoLongerADraft.class, "texts"));
            fixture.given(drafted())
                   .when(new ReviseMessage(MESSAGE, null, MessageKind.MESSAGE, List.of(EN), "en", SOUTH_STAFF, NOW))
                   .expectException(MessageNotFound.class);
            fixture.given(drafted())
                   .when(new ReviseMessage(MESSAGE, null, MessageKind.MESSAGE, List.of(EN), "en", OTHER_TRUST, NOW))
                   .expectException(MessageNotFound.class);
        }
    }

    @Nested
    class Schedule {

        @Test
        void forATimeToCome() {
            fixture.given(drafted())
                   .when(new ScheduleMessage(MESSAGE, LATER, EVERYONE, NORTH_STAFF, NOW))
                   .expectEvents(scheduled());
            fixture.given(drafted())
                   .when(new ScheduleMessage(MESSAGE, NOW, EVERYONE, NORTH_STAFF, NOW))
                   .expectException(brokenRule(ScheduledInThePast.class, "sendAt"));
        }

        @Test
        void notOnceCancelledNorByAnotherSchool() {
            fixture.given(drafted(), new MessageCancelled(MESSAGE, "staff-n", NOW))
                   .when(new ScheduleMessage(MESSAGE, LATER, EVERYONE, NORTH_STAFF, NOW))
                   .expectException(brokenRule(NoLongerADraft.class, "sendAt"));
            fixture.given(drafted())
                   .when(new ScheduleMessage(MESSAGE, LATER, EVERYONE, SOUTH_STAFF, NOW))
                   .expectException(MessageNotFound.class);
        }
    }

    @Nested
    class Cancel {

        @Test
        void aDraftOrAScheduledMessageButNotOneSent() {
            fixture.given(drafted(), scheduled())
                   .when(new CancelMessage(MESSAGE, NORTH_STAFF, NOW))
                   .expectEvents(new MessageCancelled(MESSAGE, "staff-n", NOW));
            fixture.given(drafted(), sent(NOW), ROUTED)
                   .when(new CancelMessage(MESSAGE, NORTH_STAFF, NOW))
                   .expectException(brokenRule(NoLongerADraft.class, "messageId"));
            fixture.given(drafted())
                   .when(new CancelMessage(MESSAGE, OTHER_TRUST, NOW))
                   .expectException(MessageNotFound.class);
        }
    }

    @Nested
    class Send {

        @Test
        void nowWithItsCopiesAndWhatWasDecidedBesideThem() {
            MessageRouted held = new MessageRouted(MESSAGE, List.of(new Held("d-1", HeldFor.DIGEST, LATER)),
                                                   LocalDate.of(2026, 3, 2), List.of());
            fixture.given(drafted())
                   .when(new SendMessage(MESSAGE, List.of(AMINA), held, NORTH_STAFF, false, NOW))
                   .expectEvents(sent(NOW), held);
            fixture.given(drafted(), scheduled())
                   .when(new SendMessage(MESSAGE, List.of(AMINA), ROUTED, NORTH_STAFF, false, NOW))
                   .expectEvents(sent(NOW), ROUTED);
        }

        @Test
        void whenItsScheduleFallsDueAndNotBefore() {
            fixture.given(drafted(), scheduled())
                   .when(new SendMessage(MESSAGE, List.of(AMINA), ROUTED, NORTH_STAFF, true, LATER))
                   .expectEvents(sent(LATER), ROUTED);
            fixture.given(drafted(), scheduled())
                   .when(new SendMessage(MESSAGE, List.of(AMINA), ROUTED, NORTH_STAFF, true, NOW))
                   .expectException(brokenRule(NotDueYet.class, "sendAt"));
            fixture.given(drafted())
                   .when(new SendMessage(MESSAGE, List.of(AMINA), ROUTED, NORTH_STAFF, true, LATER))
                   .expectException(brokenRule(NotDueYet.class, "sendAt"));
        }

        @Test
        void onceToSomeoneAndOnlyByItsSchools() {
            fixture.given(drafted())
                   .when(new SendMessage(MESSAGE, List.of(), ROUTED, NORTH_STAFF, false, NOW))
                   .expectException(brokenRule(NoRecipients.class, "audience"));
            fixture.given(drafted(), sent(NOW), ROUTED)
                   .when(new SendMessage(MESSAGE, List.of(AMINA), ROUTED, NORTH_STAFF, false, NOW))
                   .expectException(brokenRule(NoLongerADraft.class, "messageId"));
            fixture.given(drafted(), scheduled(), new MessageCancelled(MESSAGE, "staff-n", NOW))
                   .when(new SendMessage(MESSAGE, List.of(AMINA), ROUTED, NORTH_STAFF, true, LATER))
                   .expectException(brokenRule(NoLongerADraft.class, "messageId"));
            fixture.given(drafted())
                   .when(new SendMessage(MESSAGE, List.of(AMINA), ROUTED, SOUTH_STAFF, false, NOW))
                   .expectException(MessageNotFound.class).expectNoEvents();
        }
    }

    @Nested
    class Settings {

        private final FixtureConfiguration<SchoolMessageSettings> settings =
                new AggregateTestFixture<>(SchoolMessageSettings.class);
        private final FixtureConfiguration<DigestChoice> digests = new AggregateTestFixture<>(DigestChoice.class);
        private final String settingsId = ChangeMessageSettings.idOf(NORTH);
        private final MessageSettingsChanged friday = new MessageSettingsChanged(
                NORTH, TRUST, DayOfWeek.FRIDAY, LocalTime.of(15, 30), 3, "leader", NOW);

        @Test
        void aSchoolsDigestTimeAndWeeklyLimitOnceEachTimeTheyChange() {
            settings.givenNoPriorActivity()
                    .when(new ChangeMessageSettings(settingsId, NORTH, DayOfWeek.FRIDAY, LocalTime.of(15, 30), 3,
                                                    LEADER, NOW))
                    .expectEvents(friday);
            settings.given(friday)
                    .when(new ChangeMessageSettings(settingsId, NORTH, DayOfWeek.FRIDAY, LocalTime.of(15, 30), 3,
                                                    LEADER, NOW))
                    .expectNoEvents();
            settings.given(friday)
                    .when(new ChangeMessageSettings(settingsId, NORTH, DayOfWeek.FRIDAY, LocalTime.of(15, 30), 0,
                                                    LEADER, NOW))
                    .expectException(brokenRule(WeeklyLimitNotSound.class, "weeklyLimit"));
            settings.given(friday)
                    .when(new ChangeMessageSettings(settingsId, NORTH, DayOfWeek.MONDAY, LocalTime.of(9, 0), 3,
                                                    OTHER_TRUST, NOW))
                    .expectException(brokenRule(NotYourSchool.class, "schoolUrn"));
        }

        @Test
        void aFamilysOrACarersDigestByStaffOfTheFamilysSchools() {
            String choiceId = ChooseDigest.idOf("warsame");
            DigestChosen chosen = new DigestChosen("warsame", TRUST, "amina", true, "staff-n", NOW);
            digests.givenNoPriorActivity()
                   .when(new ChooseDigest(choiceId, "warsame", TRUST, List.of(NORTH), "amina", true, NORTH_STAFF,
                                          NOW))
                   .expectEvents(chosen);
            digests.given(chosen)
                   .when(new ChooseDigest(choiceId, "warsame", TRUST, List.of(NORTH), "amina", true, NORTH_STAFF,
                                          NOW))
                   .expectNoEvents();
            digests.givenNoPriorActivity()
                   .when(new ChooseDigest(choiceId, "warsame", TRUST, List.of(NORTH), null, true, SOUTH_STAFF, NOW))
                   .expectException(NotFoundException.class);
            digests.givenNoPriorActivity()
                   .when(new ChooseDigest(choiceId, "warsame", TRUST, List.of(NORTH), null, true, OTHER_TRUST, NOW))
                   .expectException(NotFoundException.class);
        }
    }
}
