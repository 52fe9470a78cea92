package org.homelink.engagement.messages.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.events.MessageEvents.HeldFor;

import java.time.Instant;

/**
 * A copy still to be handed over: the dispatcher's work queue, which holds nothing finished.
 *
 * @param dueAt        when it may go: at once, at its digest, or after its back-off
 * @param attempts     hand-overs tried so far
 * @param claim        the batch of the dispatcher that has claimed it, or null
 * @param claimedUntil when that claim lapses, so that a crashed instance's copies go with another
 */
public record QueuedCopy(@BsonId String deliveryId, String messageId, String schoolUrn, String familyId,
                         String carerId, DeliveryRoute route, String language, HeldFor heldFor, Instant dueAt,
                         int attempts, String claim, Instant claimedUntil) {
}
