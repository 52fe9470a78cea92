package org.homelink.contracts.family;

/**
 * What stands between a family and its school: the barrier taxonomy of Homelink's engagement frameworks. A barrier
 * describes the school's relationship with the family, never the family: the families the school underserves.
 */
public enum Barrier {
    /** Limited understanding of how schools work. */
    LACK_OF_KNOWLEDGE,
    /** Language barriers, cultural differences, limited or unsuitable channels. */
    COMMUNICATION,
    /** Earlier bad experiences with education; feeling unheard. */
    NEGATIVE_PAST_EXPERIENCE,
    /** Work, caring and other family commitments. */
    TIME_CONSTRAINTS,
    /** Physical access, disability, transport. */
    INACCESSIBLE_ENVIRONMENT,
    /** The parent's own additional needs or mental health. */
    ADDITIONAL_NEEDS,
    /** Feeling overwhelmed or intimidated by school. */
    LOW_CONFIDENCE,
    /** Keep written information to a minimum and talk in person. */
    LOW_LITERACY,
    /** Fear of being judged. */
    ANXIETY_ABOUT_SCHOOL
}
