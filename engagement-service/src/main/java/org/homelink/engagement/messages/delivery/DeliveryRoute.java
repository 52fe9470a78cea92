package org.homelink.engagement.messages.delivery;

/** How one carer receives one message. */
public enum DeliveryRoute {
    EMAIL,
    SMS,
    /** The in-app feed that school front-ends read. */
    APP,
    /** A carer who prefers to be spoken to: a task for a member of staff, not a text nobody reads. */
    STAFF
}
