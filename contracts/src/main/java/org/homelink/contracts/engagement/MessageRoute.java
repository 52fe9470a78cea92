package org.homelink.contracts.engagement;

/** How one carer's copy of a message reaches them. */
public enum MessageRoute {
    EMAIL,
    SMS,
    /** The in-app feed that school front-ends read. */
    APP,
    /**
     * A member of staff tells the carer: they prefer to be spoken to, or the school has no address for their
     * channel.
     */
    STAFF
}
