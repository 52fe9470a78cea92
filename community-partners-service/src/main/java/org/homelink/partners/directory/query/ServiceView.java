package org.homelink.partners.directory.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.partners.directory.Schedules;
import org.homelink.partners.directory.SupportTaxonomy;
import org.homelink.partners.geography.UkPostcode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A support service as the directory keeps it: its Open Referral document, and beside it what searches and matching
 * filter on, taken from the document once when it changes. Every filter is an equality on a field or an element of
 * an array, a range, or a pattern, so the same query serves the embedded server and MongoDB.
 *
 * @param serviceId      the service
 * @param organisationId the organisation that provides it
 * @param name           its name
 * @param status         {@code active}, {@code inactive}, {@code defunct} or {@code temporarily closed}
 * @param searchText     its name and description in lower case, for text search
 * @param termIds        the ids of the taxonomy terms it is tagged with
 * @param taxonomyIds    the ids of those terms' taxonomies
 * @param categories     the Homelink support categories those terms stand for
 * @param languages      the languages it is offered in, as BCP 47 tags
 * @param minimumAge     the youngest it serves, or null
 * @param maximumAge     the oldest it serves, or null
 * @param places         where it is offered
 * @param openings       when it is open
 * @param capacity       how many open referrals it takes at once, or null
 * @param lastModified   when its record last changed
 * @param version        the service's version: the sequence number of its latest event
 * @param changeNumber   the directory's count of service changes when this one was applied: what an in-memory
 *                       index reads to catch up
 * @param document       its canonical Open Referral document
 */
public record ServiceView(@BsonId String serviceId, String organisationId, String name, String status,
                          String searchText, List<String> termIds, List<String> taxonomyIds, List<String> categories,
                          List<String> languages, Double minimumAge, Double maximumAge, List<Place> places,
                          List<Opening> openings, Integer capacity, Instant lastModified, long version,
                          long changeNumber, String document) {


    /**
     * A location where the service is offered.
     *
     * @param postcode    its postcode, upper case with one space, or null
     * @param outwardCode the postcode's first half (its district), or null
     */
    public record Place(String serviceAtLocationId, Double latitude, Double longitude, String postcode,
                        String outwardCode) {

        public boolean hasCoordinates() {
            return latitude != null && longitude != null;
        }
    }

    /**
     * Opening hours on some days of the week.
     *
     * @param days     {@code MO} to {@code SU}; empty when the schedule does not say
     * @param opensAt  {@code HH:mm:ss}, or null
     * @param closesAt {@code HH:mm:ss}, or null
     */
    public record Opening(List<String> days, String opensAt, String closesAt) {
    }

    public boolean active() {
        return "active".equals(status);
    }

    static ServiceView of(String serviceId, String organisationId, JsonNode document, Integer capacity,
                          Instant lastModified, long version, long changeNumber, String text) {
        Set<String> termIds = new LinkedHashSet<>();
        Set<String> taxonomyIds = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        for (JsonNode attribute : document.path("attributes")) {
            String termId = termId(attribute);
            if (termId != null) {
                termIds.add(termId);
            }
            taxonomyOf(attribute.path("taxonomy_term")).ifPresent(taxonomyIds::add);
            category(attribute).ifPresent(category -> {
                categories.add(category.code());
                taxonomyIds.add(SupportTaxonomy.ID);
            });
        }
        return new ServiceView(serviceId, organisationId, document.path("name").asText(),
                               document.path("status").asText(),
                               DirectorySearch.textOf(document.path("name").asText(""),
                                                      document.path("description").asText("")),
                               List.copyOf(termIds), List.copyOf(taxonomyIds), List.copyOf(categories),
                               languages(document), number(document.get("minimum_age")),
                               number(document.get("maximum_age")), places(document), openings(document), capacity,
                               lastModified, version, changeNumber, text);
    }

    /** The Homelink support categories a service document's attributes stand for, as the directory keeps them. */
    public static List<String> categoriesOf(JsonNode document) {
        Set<String> categories = new LinkedHashSet<>();
        for (JsonNode attribute : document.path("attributes")) {
            category(attribute).ifPresent(category -> categories.add(category.code()));
        }
        return List.copyOf(categories);
    }

    private static String termId(JsonNode attribute) {
        return attribute.hasNonNull("taxonomy_term_id") ? attribute.get("taxonomy_term_id").asText()
                                                        : attribute.path("taxonomy_term").path("id").asText(null);
    }

    private static Optional<SupportTaxonomy.Category> category(JsonNode attribute) {
        JsonNode term = attribute.path("taxonomy_term");
        return SupportTaxonomy.of(termId(attribute), term.path("term").asText(null), term.path("name").asText(null));
    }

    /** A term's taxonomy: its id, or one derived from its taxonomy's name when only the name is given. */
    static Optional<String> taxonomyOf(JsonNode term) {
        if (term.hasNonNull("taxonomy_id")) {
            return Optional.of(term.get("taxonomy_id").asText());
        }
        if (term.hasNonNull("taxonomy") && !term.get("taxonomy").asText().isBlank()) {
            String name = term.get("taxonomy").asText().strip();
            return Optional.of(name.equals(SupportTaxonomy.NAME) ? SupportTaxonomy.ID
                                                                           : SupportTaxonomy.uuidOf("taxonomy:" + name));
        }
        return Optional.empty();
    }

    /** HSDS 3.0 gives a language's BCP 47 code, or its name: "Somali" reads as {@code so}. */
    private static List<String> languages(JsonNode document) {
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode language : document.path("languages")) {
            if (language.hasNonNull("code")) {
                tags.add(language.get("code").asText());
            } else if (language.hasNonNull("name")) {
                String name = language.get("name").asText().strip();
                for (String code : Locale.getISOLanguages()) {
                    if (Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK).equalsIgnoreCase(name)) {
                        tags.add(code);
                        break;
                    }
                }
            }
        }
        return List.copyOf(tags);
    }

    private static List<Place> places(JsonNode document) {
        List<Place> places = new ArrayList<>();
        for (JsonNode at : document.path("service_at_locations")) {
            JsonNode location = at.path("location");
            UkPostcode postcode = null;
            for (JsonNode address : location.path("addresses")) {
                postcode = UkPostcode.parse(address.path("postal_code").asText(null)).filter(UkPostcode::isFull)
                                     .orElse(null);
                if (postcode != null) {
                    break;
                }
            }
            places.add(new Place(at.path("id").asText(null), number(location.get("latitude")),
                                 number(location.get("longitude")), postcode == null ? null : postcode.toString(),
                                 postcode == null ? null : postcode.outwardCode()));
        }
        return places;
    }

    private static List<Opening> openings(JsonNode document) {
        List<Opening> openings = new ArrayList<>();
        for (JsonNode schedule : document.path("schedules")) {
            openings.add(new Opening(Schedules.days(schedule.path("byday").asText("")), time(schedule.get("opens_at")),
                                     time(schedule.get("closes_at"))));
        }
        return openings;
    }

    private static String time(JsonNode value) {
        return value == null || value.isNull() ? null
                : Schedules.time(value.asText()).map(Schedules::kept).orElse(null);
    }

    private static Double number(JsonNode value) {
        return value != null && value.isNumber() ? value.doubleValue() : null;
    }
}
