package org.homelink.engagement.partners;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * A family's referrals to partner organisations, as community-partners-service published them: for the family's
 * engagement timeline. What the need was about stays with community-partners-service; here only the category.
 *
 * @param familyId  the family
 * @param referrals each referral with every step it has taken
 */
public record FamilyReferrals(@BsonId String familyId, String trustId, List<Referral> referrals) {

    /**
     * @param steps what happened to it, in order: {@code MADE}, {@code OPENED}, {@code ACCEPTED}, {@code DECLINED},
     *              {@code CLOSED}
     */
    public record Referral(String referralId, String organisationId, String organisationName, String serviceName,
                           String category, List<Step> steps) {
    }

    /** One step of a referral: what, when, by whom, and the reason or outcome given. */
    public record Step(String what, Instant at, String by, String detail) {
    }
}
