package org.homelink.engagement.messages.query;

import org.homelink.engagement.messages.delivery.DeliveryState;

/**
 * Which way a copy's state may move: only forward, so that a receipt that comes late (delivered after read, sent
 * after a staff member has told the carer) changes nothing.
 */
public final class DeliveryProgress {

    private DeliveryProgress() {
    }

    /**
     * QUEUED, then SENT, DELIVERED, READ. FAILED ends a copy's hand-overs, from QUEUED or SENT; a failed copy may
     * still be DELIVERED, when a member of staff reaches the carer another way or a provider's receipt comes after
     * all.
     */
    public static boolean moves(DeliveryState from, DeliveryState to) {
        return switch (to) {
            case QUEUED -> false;
            case SENT -> from == DeliveryState.QUEUED;
            case FAILED -> from == DeliveryState.QUEUED || from == DeliveryState.SENT;
            case DELIVERED -> from == DeliveryState.QUEUED || from == DeliveryState.SENT
                              || from == DeliveryState.FAILED;
            case READ -> from == DeliveryState.SENT || from == DeliveryState.DELIVERED;
        };
    }

    /** Finished with hand-overs: nothing left for the dispatcher. */
    public static boolean handedOver(DeliveryState state) {
        return state != DeliveryState.QUEUED;
    }
}
