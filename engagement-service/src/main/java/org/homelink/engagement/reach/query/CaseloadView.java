package org.homelink.engagement.reach.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member of staff's caseload: the families they are key worker for, and those where they owe a follow-up.
 *
 * @param overdue how many of the follow-ups listed are past their due day
 */
public record CaseloadView(String staffId, List<CaseloadFamily> families, int overdue) {

    /**
     * @param keyWorker         whether the member of staff is the family's key worker
     * @param followUps         the family's follow-ups still to do, whoever owns them, soonest due first
     * @param underserved       why the family is on the underserved list, if it is
     */
    public record CaseloadFamily(String familyId, String familyName, boolean keyWorker, Instant lastTwoWayContact,
                                 List<OpenFollowUp> followUps, List<UnderservedFamily.Reason> underserved) {
    }

    public record OpenFollowUp(String contactId, String action, LocalDate dueOn, String ownerId, boolean overdue) {
    }
}
