package org.homelink.partners.directory.command;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An organisation's Open Referral record as it now stands (its name goes out in the published events too). Only
 * this service reads it.
 *
 * @param organisationId the organisation
 * @param document       its canonical Open Referral organization document, without services
 * @param owningTrustId  the trust whose staff keep the entry, beside the organisation's own workers; null when
 *                       none does
 * @param describedBy    who
 * @param describedAt    when
 */
@Revision("1")
public record OrganisationDescribed(String organisationId, String document, String owningTrustId, String describedBy,
                                    Instant describedAt) {
}
