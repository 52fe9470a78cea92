package org.homelink.partners.needs.command;

import java.util.List;

/**
 * What the key worker records about a family's circumstances for matching: kept inside this service.
 *
 * @param languages     the languages the family would like support in, as BCP 47 tags
 * @param postcode      the family's postcode or just its district, for distance; or null
 * @param latitude      the family's area's latitude, when given instead of a postcode; or null
 * @param longitude     its longitude; or null
 * @param availableDays the days the family can attend ({@code MO} to {@code SU}); empty when any day will do
 * @param note          what the key worker wants a partner to know, written for the partner; or null
 */
public record NeedCircumstances(List<String> languages, String postcode, Double latitude, Double longitude,
                                List<String> availableDays, String note) {
}
