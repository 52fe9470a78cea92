package org.homelink.partners.directory.command;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A support service has joined the directory. Only this service reads it.
 *
 * @param serviceId      the service
 * @param organisationId the organisation that provides it
 * @param document       its canonical Open Referral service document, without the organisation
 * @param capacity       how many open referrals it takes at once, or null when it does not say
 * @param publishedBy    who
 * @param publishedAt    when
 */
@Revision("1")
public record ServicePublished(String serviceId, String organisationId, String document, Integer capacity,
                               String publishedBy, Instant publishedAt) {
}
