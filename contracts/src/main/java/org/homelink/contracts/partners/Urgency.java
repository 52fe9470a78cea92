package org.homelink.contracts.partners;

/** How soon a family needs support, as the key worker judges it. */
public enum Urgency {
    /** Within a few weeks. */
    ROUTINE,
    /** Within a week. */
    SOON,
    /** Within a day or two: a family without food, facing eviction, or unsafe at home. */
    URGENT
}
