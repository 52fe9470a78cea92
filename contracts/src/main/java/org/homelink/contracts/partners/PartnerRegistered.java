package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A partner organisation has joined Homelink's directory, registered by a member of a trust's staff or imported from
 * an Open Referral UK feed. The organisation belongs to no trust: any trust may refer families to it, and
 * engagement activities may be co-hosted with it.
 *
 * @param organisationId the organisation's id: its Open Referral UK organization id, a UUID
 * @param name           its name
 * @param registeredBy   the id of who registered it
 * @param registeredAt   when
 */
@Revision("1")
public record PartnerRegistered(String organisationId, String name, String registeredBy, Instant registeredAt) {
}
