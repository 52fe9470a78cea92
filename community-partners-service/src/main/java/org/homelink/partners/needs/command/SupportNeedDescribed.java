package org.homelink.partners.needs.command;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

/**
 * The circumstances a support need was raised with. Only this service reads it: the published
 * {@link org.homelink.contracts.partners.SupportNeedRaised} carries what a timeline shows.
 *
 * @param needId        the need
 * @param familyId      the family the need is for, whose key the circumstances are encrypted under; null in events of
 *                      revision 1, stored before it was named here (and before personal data was encrypted)
 * @param circumstances what matching and the partner's view use
 */
@Revision("2")
public record SupportNeedDescribed(String needId, @DataSubject String familyId,
                                   @PersonalData NeedCircumstances circumstances) {
}
