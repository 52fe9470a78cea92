package org.homelink.engagement.voice.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.ContactChannel;

import java.time.Instant;

/**
 * A carer's personal link to a survey, found by the hash of its token (the token itself is never stored); and the
 * worklist entry of who is to be sent it, by which channel and in which language.
 *
 * @param responseId the id the carer's answers are kept under in results: read only to forget them when the family
 *                   is erased, never to say whose answers are whose
 */
public record SurveyLink(@BsonId String tokenHash, String surveyId, String familyId, String carerId,
                         String schoolUrn, String responseId, ContactChannel channel, String language,
                         boolean byStaff, Instant sentAt) {
}
