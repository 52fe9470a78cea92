package org.homelink.contracts.engagement;

/** Whether a contact was good news or about a concern: schools aim for the positive to outnumber the rest. */
public enum ContactTone {
    POSITIVE,
    ROUTINE,
    CONCERN
}
