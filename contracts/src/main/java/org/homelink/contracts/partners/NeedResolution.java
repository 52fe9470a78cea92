package org.homelink.contracts.partners;

/** How a support need ended. */
public enum NeedResolution {
    /** The family got the support it needed. */
    MET,
    /** Some of it. */
    PARTLY_MET,
    /** The family's circumstances changed and it no longer needs support. */
    NO_LONGER_NEEDED,
    /** The family chose not to take support up. */
    FAMILY_DECLINED,
    /** The family withdrew its consent to sharing with partners. */
    CONSENT_WITHDRAWN
}
