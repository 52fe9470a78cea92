package org.homelink.contracts.school;

import org.axonframework.serialization.Revision;

/**
 * A school has joined the register of a trust. Published by family-service, after the trust's
 * {@link TrustRegistered}. A URN is registered once within a trust.
 *
 * @param trustId   the trust that runs the school
 * @param schoolUrn the school's unique reference number in the DfE register: six digits
 * @param name      the school's name
 * @param phase     its phase of education
 * @param postcode  the postcode of its main site, in upper case with one space, for example {@code "LS1 4AP"}
 */
@Revision("1")
public record SchoolRegistered(String trustId, String schoolUrn, String name, Phase phase, String postcode) {
}
