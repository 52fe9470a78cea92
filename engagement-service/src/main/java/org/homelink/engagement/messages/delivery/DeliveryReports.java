package org.homelink.engagement.messages.delivery;

import java.time.Instant;

/**
 * Where what a provider reports after the handover is recorded: its delivery receipts (an SMS provider's webhook), a
 * carer reading a message in the app, a member of staff who has told a carer. Each report is recorded as an event.
 */
public interface DeliveryReports {

    /**
     * @param deliveryId the copy reported on
     * @param state      {@link DeliveryState#DELIVERED}, {@link DeliveryState#READ} or {@link DeliveryState#FAILED}
     * @param detail     a provider's reason for a failure, or null; never personal data
     * @param at         when it happened, as the provider says
     * @return false when there is no such copy
     */
    boolean report(String deliveryId, DeliveryState state, String detail, Instant at);
}
