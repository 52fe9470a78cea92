package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A carer acknowledged a version of their school's home-school agreement: that they have read what the school and
 * families undertake to each other. Published once per carer per version: acknowledging a version again records
 * nothing. A new version of the agreement asks every carer again.
 * <p>
 * Acknowledged through the personal link ({@link AcknowledgementMethod#PERSONAL_LINK}) it is the carer's own act, a
 * two-way contact of sorts; recorded by staff from a paper form or a conversation, the contact itself is what staff
 * log in the contact log.
 *
 * @param agreementId    the agreement
 * @param trustId        its trust
 * @param schoolUrn      the school on whose roll the carer's family is, of the agreement's schools
 * @param familyId       the carer's family
 * @param carerId        the carer
 * @param version        the version acknowledged: 1 for the first, one more for each version published since
 * @param method         how
 * @param recordedBy     the staff id of who recorded it, or null when the carer acknowledged through their link
 * @param acknowledgedAt when
 */
@Revision("1")
public record AgreementAcknowledged(String agreementId, String trustId, String schoolUrn, String familyId,
                                    String carerId, int version, AcknowledgementMethod method, String recordedBy,
                                    Instant acknowledgedAt) {
}
