package org.homelink.family;

import java.util.Locale;

/** UK postcodes as written and as kept. */
public final class Postcodes {

    /** A UK postcode in any case, with or without its space, such as {@code ls1 4ap} or {@code SW1A1AA}. */
    public static final String PATTERN = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}";

    private Postcodes() {
    }

    /** As kept: upper case, one space before the inward code ({@code LS1 4AP}). */
    public static String normalise(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.replace(" ", "").toUpperCase(Locale.UK);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
