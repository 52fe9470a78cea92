package org.homelink.contracts.school;

/** A school's phase of education, as the DfE's register of schools (Get Information about Schools) names it. */
public enum Phase {
    NURSERY,
    PRIMARY,
    MIDDLE_DEEMED_PRIMARY,
    MIDDLE_DEEMED_SECONDARY,
    SECONDARY,
    SIXTEEN_PLUS,
    ALL_THROUGH,
    /** For example a special school or an alternative provision that teaches across phases. */
    NOT_APPLICABLE
}
