package org.homelink.contracts.engagement;

/** The practices schools run to meet families, as the school names them; {@link #OTHER} with a name of its own. */
public enum ActivityKind {
    COFFEE_MORNING,
    FAMILY_AFTERNOON,
    WORKSHOP,
    MEET_THE_TEACHER,
    CURRICULUM_MEETING,
    TERMLY_PARENT_MEETING,
    /** Bookable appointments with teachers; see the activity's slots. */
    PARENTS_EVENING,
    /** The daily meet-and-greet at the gate. */
    MEET_AND_GREET,
    /** A kind the school names itself, such as "Somali mothers' group". */
    OTHER
}
