package org.homelink.partners.referrals.command;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

/**
 * What the key worker wrote for the partner when making a referral. Only this service reads it, and shows it only
 * to the organisation addressed, while the family's consent stands.
 *
 * @param referralId     the referral
 * @param familyId       the family referred, whose key the note is encrypted under; null in events of revision 1,
 *                       stored before it was named here (and before personal data was encrypted)
 * @param noteForPartner the note, or null
 */
@Revision("2")
public record ReferralDescribed(String referralId, @DataSubject String familyId, @PersonalData String noteForPartner) {
}
