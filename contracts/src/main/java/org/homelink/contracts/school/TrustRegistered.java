package org.homelink.contracts.school;

import org.axonframework.serialization.Revision;

/**
 * A trust has been registered with Homelink. Published once per trust by family-service, before any of its schools.
 * A trust is its own tenancy, so this event names the trust only: it has no school yet.
 *
 * @param trustId the trust's id, chosen when it was registered and never reused; every other event of the trust
 *                and of its schools and families carries it
 * @param name    the trust's name, as it calls itself
 */
@Revision("1")
public record TrustRegistered(String trustId, String name) {
}
