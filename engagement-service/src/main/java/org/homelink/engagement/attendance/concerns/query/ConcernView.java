package org.homelink.engagement.attendance.concerns.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.engagement.ConcernReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One attendance concern as staff read it: where it has got to, and every step so far in order.
 *
 * @param stage      RAISED, TALKED, PLAN_AGREED, NOT_HELPED, WITH_CHAMPION, WITH_LOCAL_AUTHORITY or CLOSED
 * @param reviewOn   the review date of the support agreed, while a review is awaited; null otherwise
 * @param championId the senior attendance champion involved, once involved
 * @param version    the sequence number of the latest step applied
 */
public record ConcernView(@BsonId String concernId, String trustId, String schoolUrn, String childId,
                          String familyId, ConcernReason reason, String stage, Instant raisedAt, String raisedBy,
                          LocalDate reviewOn, String championId, String outcome, Instant closedAt, long version,
                          List<Step> steps) {

    /**
     * One step; only the fields that step has are set.
     *
     * @param kind RAISED, CONVERSATION, SUPPORT_PLAN, REVIEW, SENIOR_ATTENDANCE_CHAMPION, LOCAL_AUTHORITY or CLOSED
     */
    public record Step(long sequence, String kind, String by, Instant at, Set<String> carerIds, Instant happenedAt,
                       String summary, List<String> actions, LocalDate reviewOn, Boolean helped, String championId,
                       String outcome) {

        static Step of(long sequence, String kind, String by, Instant at) {
            return new Step(sequence, kind, by, at, null, null, null, null, null, null, null, null);
        }
    }

    public boolean open() {
        return closedAt == null;
    }

    /** A review date that has passed with no review recorded. */
    public boolean reviewOverdue(LocalDate today) {
        return reviewOn != null && reviewOn.isBefore(today);
    }

    ConcernView then(long sequence, String stage, LocalDate reviewOn, String championId, String outcome,
                     Instant closedAt, Step step) {
        List<Step> all = new ArrayList<>(steps);
        all.add(step);
        return new ConcernView(concernId, trustId, schoolUrn, childId, familyId, reason, stage, raisedAt, raisedBy,
                               reviewOn, championId, outcome, closedAt, sequence, all);
    }
}
