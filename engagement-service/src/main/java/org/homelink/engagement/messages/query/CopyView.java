package org.homelink.engagement.messages.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.events.MessageEvents.HeldFor;

import java.time.Instant;
import java.util.List;

/**
 * One carer's copy of a message and where its delivery has got to.
 *
 * @param heldFor   why it waited for a digest, or null
 * @param dueAt     when it is (or was) first to be handed over
 * @param attempts  hand-overs tried
 * @param reason    the last reason a provider or a member of staff gave, never personal data
 * @param reference for a copy that went in a digest, the copy whose id the provider knows the digest by
 * @param bundled   for that copy, the others that went with it
 * @param taskOpen  a member of staff is to reach the carer: routed to staff, or failed
 * @param updatedAt when its state last moved
 */
public record CopyView(@BsonId String deliveryId, String messageId, String trustId, String schoolUrn,
                       String familyId, String carerId, DeliveryRoute route, String language, DeliveryState state,
                       HeldFor heldFor, Instant dueAt, int attempts, String reason, Instant nextAttemptAt,
                       String reference, List<String> bundled, boolean taskOpen, String taskClosedBy,
                       Instant updatedAt) {
}
