package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A referral has been closed with its outcome: the last event of that referral. The partner closes a referral it
 * accepted once its work with the family ends; the school closes one the partner has not yet answered, to withdraw
 * it.
 *
 * @param referralId     the referral
 * @param familyId       the family
 * @param trustId        its trust
 * @param schoolUrns     its schools when the referral was made
 * @param organisationId the organisation addressed
 * @param outcome        how it ended
 * @param note           words for the school or the partner, or {@code null}; never a family's personal details
 * @param closedBy       the id of who closed it: a partner's worker or a member of staff
 * @param closedAt       when
 */
@Revision("1")
public record ReferralClosed(String referralId, @DataSubject String familyId, String trustId, Set<String> schoolUrns,
                             String organisationId, ReferralOutcome outcome, @PersonalData String note, String closedBy,
                             Instant closedAt) implements ReferralEvent {
}
