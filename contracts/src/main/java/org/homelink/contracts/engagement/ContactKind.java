package org.homelink.contracts.engagement;

/** How school and family were in touch. */
public enum ContactKind {
    HOME_VISIT,
    PHONE_CALL,
    GATE_CONVERSATION,
    MEETING,
    /** A letter, text, email or app message; its direction says whose. */
    MESSAGE
}
