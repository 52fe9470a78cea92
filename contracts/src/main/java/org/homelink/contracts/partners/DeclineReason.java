package org.homelink.contracts.partners;

/** Why a partner organisation declined a referral. */
public enum DeclineReason {
    /** No places or no staff to take the family on now. */
    NO_CAPACITY,
    /** The family does not meet the service's eligibility (age, residence, circumstances). */
    NOT_ELIGIBLE,
    /** The family lives outside the area the service covers. */
    OUTSIDE_AREA,
    /** Another service would suit the family better. */
    NOT_THE_RIGHT_SERVICE,
    /** The partner could not reach the family. */
    COULD_NOT_CONTACT,
    /** Something else, said in the note. */
    OTHER
}
