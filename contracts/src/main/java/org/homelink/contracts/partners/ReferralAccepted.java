package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * The partner organisation has accepted a referral: it will support the family, and tell how it ended by a
 * {@link ReferralClosed}.
 *
 * @param referralId     the referral
 * @param familyId       the family
 * @param trustId        its trust
 * @param schoolUrns     its schools when the referral was made
 * @param organisationId the organisation addressed
 * @param acceptedBy     the id of the partner's worker who accepted it
 * @param acceptedAt     when
 */
@Revision("1")
public record ReferralAccepted(String referralId, String familyId, String trustId, Set<String> schoolUrns,
                               String organisationId, String acceptedBy, Instant acceptedAt)
        implements ReferralEvent {
}
