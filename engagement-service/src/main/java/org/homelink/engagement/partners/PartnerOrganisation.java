package org.homelink.engagement.partners;

import org.bson.codecs.pojo.annotations.BsonId;

/** A partner organisation an activity can be co-hosted with, as community-partners-service registered it. */
public record PartnerOrganisation(@BsonId String organisationId, String name) {
}
