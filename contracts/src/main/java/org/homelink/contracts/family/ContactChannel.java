package org.homelink.contracts.family;

/** How a carer prefers the school to reach them. */
public enum ContactChannel {
    IN_PERSON,
    PHONE_CALL,
    SMS,
    EMAIL,
    /** The school's app or the trust's own front-end. */
    APP
}
