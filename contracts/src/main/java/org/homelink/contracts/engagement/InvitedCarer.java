package org.homelink.contracts.engagement;

import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.privacy.PersonalData;

/**
 * A carer an invitation goes to, and how it reaches them: by the channel and in the language they prefer, as
 * family-service knew it when they were invited.
 *
 * @param carerId              the carer
 * @param channel              the channel the invitation goes by
 * @param language             the language (IETF tag) it is given in
 * @param needsInterpreter     whether the carer needs an interpreter to take part
 * @param prefersSpokenContact whether it is to be given in person or by phone rather than in writing
 */
public record InvitedCarer(String carerId, ContactChannel channel, @PersonalData String language,
                           @PersonalData boolean needsInterpreter, @PersonalData boolean prefersSpokenContact) {
}
