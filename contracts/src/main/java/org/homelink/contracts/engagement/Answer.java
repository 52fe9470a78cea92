package org.homelink.contracts.engagement;

/** A family's reply to an invitation. */
public enum Answer {
    YES,
    NO,
    MAYBE
}
