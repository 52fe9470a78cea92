package org.homelink.partners.needs.command;

import org.axonframework.serialization.Revision;

/**
 * The circumstances a support need was raised with. Only this service reads it: the published
 * {@link org.homelink.contracts.partners.SupportNeedRaised} carries what a timeline shows.
 *
 * @param needId        the need
 * @param circumstances what matching and the partner's view use
 */
@Revision("1")
public record SupportNeedDescribed(String needId, NeedCircumstances circumstances) {
}
