package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * A worker of the partner organisation has opened a new referral: the school knows it has been seen. Happens once.
 *
 * @param referralId     the referral
 * @param familyId       the family
 * @param trustId        its trust
 * @param schoolUrns     its schools when the referral was made
 * @param organisationId the organisation addressed
 * @param openedBy       the id of the partner's worker who opened it
 * @param openedAt       when
 */
@Revision("1")
public record ReferralOpened(String referralId, String familyId, String trustId, Set<String> schoolUrns,
                             String organisationId, String openedBy, Instant openedAt) implements ReferralEvent {
}
