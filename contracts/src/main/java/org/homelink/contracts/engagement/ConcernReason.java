package org.homelink.contracts.engagement;

/**
 * Why a school raised an attendance concern, in the terms of the national attendance guidance. A category, never a
 * narrative: what the family said belongs in the conversation the school logs, which is not published.
 */
public enum ConcernReason {
    /** Below the school's own "at risk" threshold, before persistent absence. */
    AT_RISK,
    /** 10% or more of possible sessions missed. */
    PERSISTENT_ABSENCE,
    /** 50% or more of possible sessions missed. */
    SEVERE_ABSENCE,
    /** 10 or more unauthorised sessions in 10 school weeks: support is reviewed before anything else. */
    UNAUTHORISED_ABSENCE,
    /** Repeated lateness. */
    LATENESS,
    /** A pattern staff have noticed (the same day each week, after holidays...). */
    PATTERN,
    OTHER
}
