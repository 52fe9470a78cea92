package org.homelink.contracts.family;

/**
 * The consent purposes every school knows. A purpose is a code of capital letters, digits and underscores, such as
 * {@code PHOTOGRAPHS}; a school may record consent for purposes of its own beyond these, and readers must accept
 * codes they do not know.
 */
public final class ConsentPurposes {

    /** Sharing the family's details with partner organisations that could support it. */
    public static final String SHARING_WITH_PARTNERS = "SHARING_WITH_PARTNERS";

    /** Photographs of the children in school publications, displays and the school's website. */
    public static final String PHOTOGRAPHS = "PHOTOGRAPHS";

    /** What a purpose code looks like: a capital letter, then capital letters, digits or underscores; 2 to 50. */
    public static final String CODE_PATTERN = "[A-Z][A-Z0-9_]{1,49}";

    private ConsentPurposes() {
    }
}
