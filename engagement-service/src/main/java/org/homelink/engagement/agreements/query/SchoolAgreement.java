package org.homelink.engagement.agreements.query;

import org.bson.codecs.pojo.annotations.BsonId;

/** Which agreement a school's families are asked to acknowledge: a school has one, its own or its trust's. */
public record SchoolAgreement(@BsonId String schoolUrn, String trustId, String agreementId) {
}
