package org.homelink.engagement.messages.events;

import org.homelink.engagement.messages.delivery.DeliveryState;

import java.time.Instant;
import java.util.List;

/**
 * The steps of copies' delivery after sending: handed over, retried, failed, delivered, read, told by staff. They
 * are facts the dispatcher, the providers' receipts and staff record, published without an aggregate: a message's
 * stream would otherwise grow by one event per copy and step, and every receipt would load all of it.
 */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    /**
     * One step of one copy.
     *
     * @param state         where the copy now is; QUEUED with a {@code nextAttemptAt} for a try that will be repeated
     * @param attempt       the number of hand-overs tried so far, 0 for a step that is no hand-over (a receipt)
     * @param reason        a provider's reason for a failure or a retry, a staff member's note; never personal data
     * @param nextAttemptAt when the copy is tried again, or null
     * @param by            the staff id for a step a member of staff recorded, otherwise null
     * @param reference     for a copy handed over in a digest, the copy whose id the provider was given: a receipt
     *                      for that one is a receipt for every copy of the digest; otherwise null
     */
    public record DeliveryStep(String deliveryId, String messageId, DeliveryState state, int attempt, String reason,
                               Instant nextAttemptAt, String by, String reference, Instant at) {
    }

    /**
     * Steps recorded together: one batch of the dispatcher, or one receipt. One event for a batch, so that a
     * message to a trust's families is a few hundred events in the log rather than tens of thousands.
     */
    public record DeliveryStepsRecorded(List<DeliveryStep> steps) {
    }
}
