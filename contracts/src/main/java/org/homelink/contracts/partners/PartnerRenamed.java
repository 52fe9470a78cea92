package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A partner organisation has a new name. Events already published keep the name as it was.
 *
 * @param organisationId the organisation
 * @param name           its name from now on
 * @param renamedBy      the id of who renamed it: a member of staff, the organisation's own worker, or an import
 * @param renamedAt      when
 */
@Revision("1")
public record PartnerRenamed(String organisationId, String name, String renamedBy, Instant renamedAt) {
}
