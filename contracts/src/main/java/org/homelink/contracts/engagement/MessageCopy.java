package org.homelink.contracts.engagement;

import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

/**
 * One carer's copy of a message. Kept short on purpose: a message to a trust's families holds tens of thousands.
 *
 * @param deliveryId the copy's id: every later step of its delivery names it
 * @param schoolUrn  the school on whose roll the family is, of the message's schools
 * @param familyId   the carer's family
 * @param carerId    the carer
 * @param route      how it reaches them
 * @param language   the language (BCP 47) of the text the carer gets: theirs when the message has it, otherwise
 *                   the message's fallback
 */
public record MessageCopy(String deliveryId, String schoolUrn, @DataSubject String familyId, String carerId,
                          MessageRoute route, @PersonalData String language) {
}
