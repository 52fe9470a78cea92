package org.homelink.engagement.messages.delivery;

/**
 * One way a message leaves the school: email, SMS or the app's feed. A channel only hands a message over and says
 * what came of handing it; when to try, how often to retry and what is recorded are the dispatcher's to decide, so
 * every channel gets the same back-off and nothing is dropped by one that forgets.
 */
public interface Channel {

    /** The route this channel serves; the dispatcher keeps one channel per route. */
    DeliveryRoute route();

    /**
     * Hands one message to the channel's provider. Never throws for a provider's failure: every outcome is a
     * {@link Handover}, so a failure cannot escape as a lost delivery.
     */
    Handover hand(Outgoing outgoing);
}
