package org.homelink.engagement.messages.delivery;

/** What came of handing one copy of a message to a channel's provider. */
public sealed interface Handover {

    /**
     * The provider took it.
     *
     * @param providerReference the provider's own id for it, if it gives one (kept for support, never needed)
     * @param delivered         true when taking it is delivering it (the app feed); otherwise a receipt says later
     */
    record Accepted(String providerReference, boolean delivered) implements Handover {
    }

    /** Not now (the provider is down, slow, or limits the rate): try again after the back-off. */
    record TryLater(String reason) implements Handover {
    }

    /** Never (no such address, a number that cannot take texts): fails at once, shown to staff. */
    record Undeliverable(String reason) implements Handover {
    }
}
