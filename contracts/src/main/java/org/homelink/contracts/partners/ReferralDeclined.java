package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * The partner organisation has declined a referral: the last event of that referral. The school may refer the
 * family elsewhere for the same need.
 *
 * @param referralId     the referral
 * @param familyId       the family
 * @param trustId        its trust
 * @param schoolUrns     its schools when the referral was made
 * @param organisationId the organisation addressed
 * @param reason         why
 * @param note           the partner's words for the school, or {@code null}; never a family's personal details
 * @param declinedBy     the id of the partner's worker who declined it
 * @param declinedAt     when
 */
@Revision("1")
public record ReferralDeclined(String referralId, @DataSubject String familyId, String trustId, Set<String> schoolUrns,
                               String organisationId, DeclineReason reason, @PersonalData String note,
                               String declinedBy, Instant declinedAt) implements ReferralEvent {
}
