package org.homelink.contracts.engagement;

/** Who an attendance concern is taken to once the support agreed with the family has not helped, in this order. */
public enum EscalationStep {
    /** The member of the school's senior leadership named as its attendance champion. */
    SENIOR_ATTENDANCE_CHAMPION,
    /** The local authority's attendance (education welfare) service. */
    LOCAL_AUTHORITY
}
