package org.homelink.partners.referrals.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.partners.DeclineReason;
import org.homelink.contracts.partners.ReferralOutcome;
import org.homelink.partners.referrals.command.Referral.Status;

import java.time.Instant;
import java.util.List;

/**
 * A referral as lists show it, to staff of the family's schools and to the organisation addressed.
 *
 * @param shared     whether the family's consent to sharing with partners stands, as this read model has it
 * @param answeredAt when the partner accepted or declined it, or null
 * @param note       the partner's note when declining or closing, or the school's when withdrawing; or null
 * @param version    the referral's version: the sequence number of its latest event
 */
public record ReferralView(@BsonId String referralId, String needId, String familyId, String trustId,
                           List<String> schoolUrns, String organisationId, String organisationName, String serviceId,
                           String serviceName, String category, Status status, String madeBy, Instant madeAt,
                           String noteForPartner, Instant openedAt, Instant answeredAt, DeclineReason declineReason,
                           ReferralOutcome outcome, String note, Instant closedAt, boolean shared, long version) {

    ReferralView with(Status status, Instant openedAt, Instant answeredAt, DeclineReason declineReason,
                      ReferralOutcome outcome, String note, Instant closedAt, long version) {
        return new ReferralView(referralId, needId, familyId, trustId, schoolUrns, organisationId, organisationName,
                                serviceId, serviceName, category, status, madeBy, madeAt, noteForPartner, openedAt,
                                answeredAt, declineReason, outcome, note, closedAt, shared, version);
    }

    ReferralView withNoteForPartner(String noteForPartner, long version) {
        return new ReferralView(referralId, needId, familyId, trustId, schoolUrns, organisationId, organisationName,
                                serviceId, serviceName, category, status, madeBy, madeAt, noteForPartner, openedAt,
                                answeredAt, declineReason, outcome, note, closedAt, shared, version);
    }
}
