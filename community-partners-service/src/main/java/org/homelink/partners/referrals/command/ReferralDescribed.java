package org.homelink.partners.referrals.command;

import org.axonframework.serialization.Revision;

/**
 * What the key worker wrote for the partner when making a referral. Only this service reads it, and shows it only
 * to the organisation addressed, while the family's consent stands.
 *
 * @param referralId     the referral
 * @param noteForPartner the note, or null
 */
@Revision("1")
public record ReferralDescribed(String referralId, String noteForPartner) {
}
