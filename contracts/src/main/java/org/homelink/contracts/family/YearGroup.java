package org.homelink.contracts.family;

/** A child's year group in an English school, from Reception to Year 13. */
public enum YearGroup {
    RECEPTION,
    YEAR_1,
    YEAR_2,
    YEAR_3,
    YEAR_4,
    YEAR_5,
    YEAR_6,
    YEAR_7,
    YEAR_8,
    YEAR_9,
    YEAR_10,
    YEAR_11,
    YEAR_12,
    YEAR_13
}
