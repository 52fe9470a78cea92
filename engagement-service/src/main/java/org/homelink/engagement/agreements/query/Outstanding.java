package org.homelink.engagement.agreements.query;

import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * "Who has not yet": of a school's families (in some year groups, if asked), those with a carer who has not
 * acknowledged a version of the agreement, a page at a time, with the counts of every carer and family.
 *
 * @param version    the version asked about: the one in force unless another was named
 * @param carers     every carer of the families counted, by where they are with the version
 * @param families   the families counted: all of whose carers acknowledged, and the rest
 * @param items      the families still to acknowledge, this page of them
 * @param totalItems how many families are still to acknowledge
 */
public record Outstanding(String agreementId, String schoolUrn, int version, Set<YearGroup> yearGroups,
                          CarerCounts carers, FamilyCounts families, List<OutstandingFamily> items, int page,
                          int size, long totalItems, int totalPages) {

    /** @param sentNotAcknowledged sent a link for this version, and not acknowledged it yet */
    public record CarerCounts(int total, int acknowledged, int sentNotAcknowledged, int notSent) {
    }

    /** @param withoutCarers families with no carer on record: none of them can acknowledge until one is */
    public record FamilyCounts(int total, int acknowledged, int outstanding, int withoutCarers) {
    }

    public record OutstandingFamily(String familyId, String familyName, Set<YearGroup> yearGroups,
                                    List<CarerStatus> carers) {
    }

    /**
     * A carer of a family still to acknowledge, and how to reach them.
     *
     * @param byStaff        prefers spoken contact, or a call or a visit: a member of staff asks them
     * @param acknowledgedAt when they acknowledged this version, or null if they have not
     * @param linkSentAt     when they were sent a link for this version, or null if they were not
     */
    public record CarerStatus(String carerId, String name, ContactChannel channel, String language,
                              boolean needsInterpreter, boolean byStaff, Instant acknowledgedAt,
                              Instant linkSentAt) {
    }
}
