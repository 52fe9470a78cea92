package org.homelink.engagement.reach.query;

import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.YearGroup;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A family the school is not reaching, and why: the list is a worklist for reaching them differently, not a label.
 *
 * @param lastTwoWayContact when the family last took part, or null if never
 * @param wouldHelp         what the family said would help them come, from their answers to invitations
 * @param reasons           why the family is on the list, at least one
 */
public record UnderservedFamily(String familyId, String familyName, String keyWorker, Set<YearGroup> yearGroups,
                                Set<String> languages, Set<Barrier> openBarriers, Instant lastTwoWayContact,
                                Set<WhatWouldHelp> wouldHelp, List<Reason> reasons) {

    public enum Why {
        NO_TWO_WAY_CONTACT,
        INVITED_BUT_NEVER_CAME,
        OPEN_BARRIER_WITHOUT_FOLLOW_UP
    }

    /** One reason, and in words the figures behind it. */
    public record Reason(Why why, String detail) {
    }

    /** One page of the list. */
    public record Page(String schoolUrn, int weeksWithoutTwoWayContact, int invitationsWithoutAttendance,
                       List<UnderservedFamily> items, int page, int size, long totalItems, int totalPages) {
    }
}
