package org.homelink.partners.geography;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UK postcode, or just its outward code (its first half, the postal district), as a family's area may be given.
 *
 * @param outwardCode the district, such as {@code LS1}
 * @param inwardCode  the rest, such as {@code 4AP}, or null when only the district was given
 */
public record UkPostcode(String outwardCode, String inwardCode) {

    private static final Pattern FULL = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");
    private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");
    /** A postcode or a district, in any case, with or without the space. */
    public static final String PATTERN = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{2})?";

    public static Optional<UkPostcode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replace(" ", "").toUpperCase(Locale.UK);
        var full = FULL.matcher(compact);
        if (full.matches()) {
            return Optional.of(new UkPostcode(full.group(1), full.group(2)));
        }
        return OUTWARD.matcher(compact).matches() ? Optional.of(new UkPostcode(compact, null)) : Optional.empty();
    }

    public boolean isFull() {
        return inwardCode != null;
    }

    /** As written on a letter: {@code LS1 4AP}, or the district alone. */
    @Override
    public String toString() {
        return isFull() ? outwardCode + " " + inwardCode : outwardCode;
    }
}
