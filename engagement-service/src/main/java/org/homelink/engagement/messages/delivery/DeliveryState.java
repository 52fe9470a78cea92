package org.homelink.engagement.messages.delivery;

/**
 * Where one carer's copy of a message has got to. Only forward: a receipt that arrives late (delivered after read)
 * does not move it back.
 */
public enum DeliveryState {
    /** Waiting to be handed over: due now, later (scheduled, a digest, a retry after back-off). */
    QUEUED,
    /** Accepted by the channel's provider. */
    SENT,
    /** The provider reports it reached the carer (for the app feed and staff tasks: placed, or told). */
    DELIVERED,
    /** Opened in the app, or confirmed by staff in conversation. */
    READ,
    /** Given up after the last retry, or refused outright; shown to staff, never dropped silently. */
    FAILED
}
