package org.homelink.engagement.agreements.query;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * A carer's personal link to an agreement, found by the hash of its token (the token itself is never stored).
 *
 * @param version the version in force when it was sent; the link opens whichever is in force when used
 */
public record AgreementLink(@BsonId String tokenHash, String agreementId, String familyId, String carerId,
                            String schoolUrn, int version, Instant sentAt) {
}
