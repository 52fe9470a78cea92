package org.homelink.engagement;

import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.ActivityScheduled;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.AttendanceRecorded;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactLogged;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.FamilyInvited;
import org.homelink.contracts.engagement.FollowUp;
import org.homelink.contracts.engagement.InvitationAnswered;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.contracts.engagement.Venue;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.YearGroup;
import org.homelink.platform.web.ConflictException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.homelink.platform.web.RuleBrokenException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The trust every engagement test is set in: Riverside, with North and South schools, their staff, a leader, and a
 * stranger from another trust; the moments its tests happen at; and the events its families and activities give,
 * so that a command test's given events and a projection test's fed events describe the same world.
 */
public final class Riverside {

    public static final String TRUST = "riverside";
    public static final String NORTH = "900001";
    public static final String SOUTH = "900002";

    /** A Monday in term, before British Summer Time. */
    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    public static final RequestContext NORTH_STAFF =
            new RequestContext(TRUST, Set.of(NORTH), Role.KEY_WORKER, "staff-n");
    public static final RequestContext SOUTH_STAFF =
            new RequestContext(TRUST, Set.of(SOUTH), Role.TEACHER, "staff-s");
    public static final RequestContext LEADER = new RequestContext(TRUST, Set.of(), Role.TRUST_LEADER, "leader");
    /** A leader of another trust who happens to name North among their schools: still a stranger here. */
    public static final RequestContext OTHER_TRUST =
            new RequestContext("hilltop", Set.of(NORTH), Role.TRUST_LEADER, "stranger");

    public static final Venue HALL = new Venue("School hall", null);
    public static final Set<InvolvementType> COMMUNICATING = Set.of(InvolvementType.COMMUNICATING);

    private Riverside() {
    }

    public static Matcher<?> brokenRule(Class<? extends RuleBrokenException> rule, String field) {
        return Matchers.predicate(e -> rule.isInstance(e) && field.equals(((RuleBrokenException) e).field()));
    }

    public static Matcher<?> conflict(Class<? extends ConflictException> conflict, String field) {
        return Matchers.predicate(e -> conflict.isInstance(e) && field.equals(((ConflictException) e).field()));
    }

    public static Occurrence occurrence(int number, String start, int minutes) {
        Instant from = Instant.parse(start);
        return new Occurrence(number, from, from.plus(Duration.ofMinutes(minutes)));
    }

    /** An activity at North, scheduled by North's key worker, with an interpreter booked for Somali. */
    public static ActivityScheduled scheduled(String activityId, ActivityKind kind, Integer capacity,
                                              Occurrence... occurrences) {
        return new ActivityScheduled(activityId, TRUST, NORTH, kind, null, kind.name(), null, List.of(occurrences),
                                     HALL, capacity, Set.of("so"), false, COMMUNICATING, null, "staff-n", NOW);
    }

    public static InvitedCarer bySms(String carerId, String language, boolean needsInterpreter) {
        return new InvitedCarer(carerId, ContactChannel.SMS, language, needsInterpreter, false);
    }

    public static FamilyInvited invited(String activityId, String familyId, Instant at, InvitedCarer... carers) {
        return new FamilyInvited(activityId, TRUST, NORTH, familyId, List.of(carers), "by name", "staff-n", at);
    }

    public static InvitationAnswered answered(String activityId, String familyId, String carerId, Answer answer,
                                              boolean waitlisted, Instant at, WhatWouldHelp... wouldHelp) {
        return new InvitationAnswered(activityId, TRUST, NORTH, familyId, carerId, answer, Set.of(wouldHelp),
                                      waitlisted, "staff-n", at);
    }

    public static AttendanceRecorded attended(String activityId, int occurrence, String familyId,
                                              Set<String> carerIds, Set<String> childIds, boolean invited,
                                              Instant at) {
        return new AttendanceRecorded(activityId, TRUST, NORTH, occurrence, familyId, carerIds, childIds, invited,
                                      "staff-n", at);
    }

    public static FamilyRegistered registered(String familyId, String name) {
        return new FamilyRegistered(familyId, TRUST, Set.of(NORTH), NORTH, name, "staff-n", NOW);
    }

    public static CarerAdded carerAdded(String familyId, Set<String> familySchools, String carerId, String name,
                                        ContactPreferences preferences) {
        return new CarerAdded(familyId, TRUST, familySchools, carerId, name, "parent", true, "07700 900001", null,
                              null, preferences, "staff-n", NOW);
    }

    public static ContactPreferences prefers(ContactChannel channel, String language, boolean needsInterpreter,
                                             boolean prefersSpokenContact) {
        return new ContactPreferences(channel, language, needsInterpreter, prefersSpokenContact, null, null);
    }

    public static ChildEnrolled enrolled(String familyId, Set<String> familySchools, String childId,
                                         String schoolUrn, YearGroup yearGroup) {
        return new ChildEnrolled(familyId, TRUST, familySchools, childId, schoolUrn, childId,
                                 LocalDate.of(2018, 4, 1), yearGroup, false, LocalDate.of(2025, 9, 3), "staff-n",
                                 NOW);
    }

    /** A two-way phone call North's key worker made, with a follow-up if one is given. */
    public static ContactLogged called(String contactId, String familyId, Set<String> familySchools,
                                       Instant happenedAt, FollowUp followUp) {
        return new ContactLogged(contactId, familyId, TRUST, familySchools, NORTH, ContactKind.PHONE_CALL,
                                 ContactDirection.SCHOOL_TO_FAMILY, true, ContactTone.ROUTINE, Set.of(), happenedAt,
                                 "Talked about the coffee morning", COMMUNICATING, followUp, "staff-n", happenedAt);
    }
}
