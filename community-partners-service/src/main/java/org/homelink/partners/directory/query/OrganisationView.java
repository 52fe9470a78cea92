package org.homelink.partners.directory.query;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A partner organisation as the directory keeps it.
 *
 * @param organisationId the organisation
 * @param name           its name
 * @param document       its canonical Open Referral document, or null until it has been described
 * @param owningTrustId  the trust whose staff keep its entry, or null
 * @param searchText     its name and description in lower case, for text search
 * @param version        the organisation's version: the sequence number of its latest event
 */
public record OrganisationView(@BsonId String organisationId, String name, String document, String owningTrustId,
                               String searchText, long version) {
}
