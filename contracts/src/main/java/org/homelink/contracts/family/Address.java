package org.homelink.contracts.family;

/**
 * A postal address in the UK.
 *
 * @param line1    the first line: house number or name and street
 * @param line2    a second line, or {@code null}
 * @param town     the town or city
 * @param postcode the postcode, in upper case with one space
 */
public record Address(String line1, String line2, String town, String postcode) {
}
