package org.homelink.contracts.partners;

/** How a referral ended. */
public enum ReferralOutcome {
    /** The partner gave the family the support it was referred for. */
    SUPPORT_GIVEN,
    /** Some of it. */
    PARTLY_SUPPORTED,
    /** The family did not take the support up. */
    FAMILY_DID_NOT_ENGAGE,
    /** The family no longer needed it. */
    NO_LONGER_NEEDED,
    /** The school withdrew the referral before the partner answered. */
    WITHDRAWN_BY_SCHOOL,
    /** The family withdrew its consent to sharing with partners. */
    CONSENT_WITHDRAWN,
    /** Something else, said in the note. */
    OTHER
}
