package org.homelink.engagement.voice.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.ContactChannel;

import java.time.Instant;

/**
 * A carer's personal link to a survey, found by the hash of its token (the token itself is never stored); and the
 * worklist entry of who is to be sent it, by which channel and in which language.
 */
public record SurveyLink(@BsonId String tokenHash, String surveyId, String familyId, String carerId,
                         String schoolUrn, ContactChannel channel, String language, boolean byStaff,
                         Instant sentAt) {
}
