package org.homelink.contracts.engagement;

/** Who began a contact. */
public enum ContactDirection {
    SCHOOL_TO_FAMILY,
    FAMILY_TO_SCHOOL
}
