package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * One carer's copy of a message reached them: the provider said so, it was placed in their app feed, or a member
 * of staff told them. Published once per copy.
 *
 * @param deliveryId  the copy, as in {@link MessageSent}
 * @param messageId   the message
 * @param trustId     its trust
 * @param schoolUrn   the school on whose roll the family is
 * @param familyId    the family
 * @param carerId     the carer
 * @param route       how it reached them
 * @param deliveredAt when
 */
@Revision("1")
public record MessageDelivered(String deliveryId, String messageId, String trustId, String schoolUrn,
                               String familyId, String carerId, MessageRoute route, Instant deliveredAt) {
}
