package org.homelink.partners.directory.command;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A support service's record as it now stands. Only this service reads it.
 *
 * @param serviceId      the service
 * @param organisationId the organisation that provides it, which never changes
 * @param document       its canonical Open Referral service document
 * @param capacity       how many open referrals it takes at once, or null
 * @param revisedBy      who
 * @param revisedAt      when
 */
@Revision("1")
public record ServiceRevised(String serviceId, String organisationId, String document, Integer capacity,
                             String revisedBy, Instant revisedAt) {
}
