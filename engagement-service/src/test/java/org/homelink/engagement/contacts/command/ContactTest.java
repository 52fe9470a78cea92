package org.homelink.engagement.contacts.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactLogged;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.FollowUp;
import org.homelink.contracts.engagement.FollowUpCompleted;
import org.homelink.engagement.contacts.command.ContactCommands.CompleteFollowUp;
import org.homelink.engagement.contacts.command.ContactCommands.LogContact;
import org.homelink.engagement.contacts.command.ContactRules.ContactNotFound;
import org.homelink.engagement.contacts.command.ContactRules.DueBeforeTheContact;
import org.homelink.engagement.contacts.command.ContactRules.FollowUpAlreadyDone;
import org.homelink.engagement.contacts.command.ContactRules.HappensLater;
import org.homelink.engagement.contacts.command.ContactRules.NoFollowUp;
import org.homelink.engagement.contacts.command.ContactRules.NotACarer;
import org.homelink.engagement.contacts.command.ContactRules.NotTheFamilysSchool;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.homelink.engagement.Riverside.COMMUNICATING;
import static org.homelink.engagement.Riverside.LEADER;
import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.brokenRule;

/** Each command path of a contact, rejections included: given events, when a command, expect events. */
class ContactTest {

    static final String CONTACT = "contact-1";
    static final String FAMILY = "warsame";
    static final Instant CALLED = Instant.parse("2026-03-02T09:30:00Z");
    static final FollowUp SEND_LETTER = new FollowUp("Send the letter in Somali", LocalDate.of(2026, 3, 4),
                                                     "staff-n");

    private FixtureConfiguration<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    /** A contact with the Warsame family, who are at North only unless {@code familySchools} says otherwise. */
    static LogContact log(ContactKind kind, ContactDirection direction, Boolean reached, String schoolUrn,
                          List<String> familySchools, Instant happenedAt, FollowUp followUp, RequestContext actor,
                          Instant at) {
        return new LogContact(CONTACT, FAMILY, TRUST, familySchools, Set.of("amina", "farah"), schoolUrn, kind,
                              direction, reached, ContactTone.POSITIVE, Set.of("amina"), happenedAt, "Hodan's reading",
                              COMMUNICATING, followUp, actor, at);
    }

    static LogContact call(Instant happenedAt, FollowUp followUp, Instant at) {
        return log(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, null, NORTH, List.of(NORTH),
                   happenedAt, followUp, NORTH_STAFF, at);
    }

    static ContactLogged logged(ContactKind kind, ContactDirection direction, boolean twoWay, Set<String> schoolUrns,
                                Instant happenedAt, FollowUp followUp, Instant at) {
        return new ContactLogged(CONTACT, FAMILY, TRUST, schoolUrns, NORTH, kind, direction, twoWay,
                                 ContactTone.POSITIVE, Set.of("amina"), happenedAt, "Hodan's reading", COMMUNICATING,
                                 followUp, "staff-n", at);
    }

    static ContactLogged called(Set<String> schoolUrns, FollowUp followUp) {
        return logged(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, true, schoolUrns, CALLED, followUp,
                      NOW);
    }

    static FollowUpCompleted completed(Set<String> schoolUrns, String by) {
        return new FollowUpCompleted(CONTACT, FAMILY, TRUST, schoolUrns, "Letter sent", by, NOW);
    }

    @Nested
    class Log {

        @Test
        void aCallWithItsFollowUpAndTheFamilysSchoolsInOrder() {
            fixture.givenNoPriorActivity()
                   .when(log(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, null, NORTH,
                             List.of(SOUTH, NORTH), CALLED, SEND_LETTER, NORTH_STAFF, NOW))
                   .expectEvents(called(Set.of(NORTH, SOUTH), SEND_LETTER));
        }

        @ParameterizedTest(name = "{1} {0}, reached {2}: two-way {3}")
        @CsvSource(nullValues = "unsaid", value = {
                "MESSAGE,           FAMILY_TO_SCHOOL, false,  true",
                "PHONE_CALL,        FAMILY_TO_SCHOOL, unsaid, true",
                "PHONE_CALL,        SCHOOL_TO_FAMILY, unsaid, true",
                "HOME_VISIT,        SCHOOL_TO_FAMILY, unsaid, true",
                "GATE_CONVERSATION, SCHOOL_TO_FAMILY, unsaid, true",
                "MEETING,           SCHOOL_TO_FAMILY, unsaid, true",
                "MESSAGE,           SCHOOL_TO_FAMILY, unsaid, false",
                "MESSAGE,           SCHOOL_TO_FAMILY, true,   true",
                "HOME_VISIT,        SCHOOL_TO_FAMILY, false,  false",
                "PHONE_CALL,        SCHOOL_TO_FAMILY, false,  false"})
        void isTwoWayWhenTheFamilyBeganItOrWasReached(ContactKind kind, ContactDirection direction, Boolean reached,
                                                      boolean twoWay) {
            fixture.givenNoPriorActivity()
                   .when(log(kind, direction, reached, NORTH, List.of(NORTH), CALLED, null, NORTH_STAFF, NOW))
                   .expectEvents(logged(kind, direction, twoWay, Set.of(NORTH), CALLED, null, NOW));
        }

        @Test
        void onceItHasHappened() {
            fixture.givenNoPriorActivity()
                   .when(call(NOW, null, NOW))
                   .expectEvents(logged(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, true,
                                        Set.of(NORTH), NOW, null, NOW));
            fixture.givenNoPriorActivity()
                   .when(call(NOW.plusSeconds(1), null, NOW))
                   .expectException(brokenRule(HappensLater.class, "happenedAt"))
                   .expectNoEvents();
        }

        @Test
        void aFollowUpIsDueNoEarlierThanTheContactsDayInLondon() {
            // Half past eleven on the 10th of June by the clock on the wall is half past midnight on the 11th.
            Instant lateInJune = Instant.parse("2026-06-10T23:30:00Z");
            Instant nextMorning = Instant.parse("2026-06-11T08:00:00Z");
            FollowUp dueOnTheTenth = new FollowUp("Call back", LocalDate.of(2026, 6, 10), "staff-n");
            FollowUp dueOnTheEleventh = new FollowUp("Call back", LocalDate.of(2026, 6, 11), "staff-n");
            fixture.givenNoPriorActivity()
                   .when(call(lateInJune, dueOnTheTenth, nextMorning))
                   .expectException(brokenRule(DueBeforeTheContact.class, "followUp.dueOn"))
                   .expectNoEvents();
            fixture.givenNoPriorActivity()
                   .when(call(lateInJune, dueOnTheEleventh, nextMorning))
                   .expectEvents(logged(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, true,
                                        Set.of(NORTH), lateInJune, dueOnTheEleventh, nextMorning));
        }

        @Test
        void aFollowUpMayBeDueOnTheContactsOwnDay() {
            // In winter London keeps UTC: half past eleven on the 10th of January is still the 10th.
            Instant lateInJanuary = Instant.parse("2026-01-10T23:30:00Z");
            FollowUp sameDay = new FollowUp("Call back", LocalDate.of(2026, 1, 10), "staff-n");
            fixture.givenNoPriorActivity()
                   .when(call(lateInJanuary, sameDay, NOW))
                   .expectEvents(logged(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, true,
                                        Set.of(NORTH), lateInJanuary, sameDay, NOW));
        }

        @Test
        void onlyWithCarersOfTheFamily() {
            LogContact withAStranger = new LogContact(CONTACT, FAMILY, TRUST, List.of(NORTH), Set.of("amina"),
                                                      NORTH, ContactKind.MEETING, ContactDirection.SCHOOL_TO_FAMILY,
                                                      null, ContactTone.ROUTINE, Set.of("amina", "chidi"), CALLED,
                                                      "Meeting", Set.of(), null, NORTH_STAFF, NOW);
            fixture.givenNoPriorActivity()
                   .when(withAStranger)
                   .expectException(brokenRule(NotACarer.class, "carerIds"))
                   .expectNoEvents();
        }

        @Test
        void onlyForASchoolOfTheFamily() {
            fixture.givenNoPriorActivity()
                   .when(log(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, null, SOUTH, List.of(NORTH),
                             CALLED, null, SOUTH_STAFF, NOW))
                   .expectException(brokenRule(NotTheFamilysSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void onlyForASchoolTheCallerActsFor() {
            fixture.givenNoPriorActivity()
                   .when(log(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, null, SOUTH,
                             List.of(NORTH, SOUTH), CALLED, null, NORTH_STAFF, NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }

        @Test
        void notByAnotherTrustEvenByItsLeaders() {
            fixture.givenNoPriorActivity()
                   .when(log(ContactKind.PHONE_CALL, ContactDirection.SCHOOL_TO_FAMILY, null, NORTH, List.of(NORTH),
                             CALLED, null, OTHER_TRUST, NOW))
                   .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
                   .expectNoEvents();
        }
    }

    @Nested
    class CompleteTheFollowUp {

        @Test
        void onceAndAnswersTheNewVersion() {
            fixture.given(called(Set.of(NORTH), SEND_LETTER))
                   .when(new CompleteFollowUp(CONTACT, "Letter sent", NORTH_STAFF, NOW))
                   .expectEvents(completed(Set.of(NORTH), "staff-n"))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void notOfAContactWithoutOne() {
            fixture.given(called(Set.of(NORTH), null))
                   .when(new CompleteFollowUp(CONTACT, "Letter sent", NORTH_STAFF, NOW))
                   .expectException(brokenRule(NoFollowUp.class, "contactId"))
                   .expectNoEvents();
        }

        @Test
        void notTwice() {
            fixture.given(called(Set.of(NORTH), SEND_LETTER), completed(Set.of(NORTH), "staff-n"))
                   .when(new CompleteFollowUp(CONTACT, "Letter sent", NORTH_STAFF, NOW))
                   .expectException(brokenRule(FollowUpAlreadyDone.class, "contactId"))
                   .expectNoEvents();
        }

        @Test
        void staffOfASchoolTheFamilyIsNotAtAreToldThereIsNoSuchContact() {
            fixture.given(called(Set.of(NORTH), SEND_LETTER))
                   .when(new CompleteFollowUp(CONTACT, "Letter sent", SOUTH_STAFF, NOW))
                   .expectException(ContactNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void anotherTrustIsToldThereIsNoSuchContactEvenByItsLeaders() {
            fixture.given(called(Set.of(NORTH), SEND_LETTER))
                   .when(new CompleteFollowUp(CONTACT, "Letter sent", OTHER_TRUST, NOW))
                   .expectException(ContactNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void byStaffOfAnyOfTheFamilysSchoolsOrTheTrustsLeaders() {
            fixture.given(called(Set.of(NORTH, SOUTH), SEND_LETTER))
                   .when(new CompleteFollowUp(CONTACT, "Letter sent", SOUTH_STAFF, NOW))
                   .expectEvents(completed(Set.of(NORTH, SOUTH), "staff-s"));
            fixture.given(called(Set.of(NORTH), SEND_LETTER))
                   .when(new CompleteFollowUp(CONTACT, "Letter sent", LEADER, NOW))
                   .expectEvents(completed(Set.of(NORTH), "leader"));
        }
    }
}
