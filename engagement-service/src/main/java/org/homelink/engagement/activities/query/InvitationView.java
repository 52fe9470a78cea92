package org.homelink.engagement.activities.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.WhatWouldHelp;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A family at an activity: invited (with each carer's channel and language) or come without an invitation, its
 * answer and what would help, and who of the family checked in at which occurrence.
 *
 * @param id         the activity and the family, as {@code activity/family}
 * @param invitedAt  when invited, or null for a family that came without an invitation
 * @param answeredBy the carer whose answer stands
 */
public record InvitationView(@BsonId String id, String activityId, String familyId, List<InvitedCarer> carers,
                             String audience, Instant invitedAt, Answer answer, String answeredBy,
                             Set<WhatWouldHelp> wouldHelp, boolean waitlisted, Instant answeredAt,
                             List<CheckIn> checkIns) {

    static String idOf(String activityId, String familyId) {
        return activityId + "/" + familyId;
    }

    /** Who of the family came to an occurrence. */
    public record CheckIn(int occurrence, Set<String> carerIds, Set<String> childIds, String recordedBy,
                          Instant recordedAt) {
    }
}
