package org.homelink.engagement.messages.query;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * A message in a carer's app feed. Its text is read from the message when the feed is read, so that a trust's
 * message is written once rather than once for each carer.
 */
public record FeedItem(@BsonId String deliveryId, String messageId, String trustId, String schoolUrn,
                       String familyId, String carerId, String language, Instant placedAt, Instant readAt) {
}
