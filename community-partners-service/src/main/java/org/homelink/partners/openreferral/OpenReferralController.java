package org.homelink.partners.openreferral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.conversions.Bson;
import org.homelink.platform.security.SignInNotNeeded;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.Paged;
import org.homelink.partners.directory.OpenReferralDocuments;
import org.homelink.partners.directory.Schedules;
import org.homelink.partners.directory.SupportTaxonomy;
import org.homelink.partners.directory.query.DirectoryProjection;
import org.homelink.partners.directory.query.DirectorySearch;
import org.homelink.partners.directory.query.OrganisationView;
import org.homelink.partners.directory.query.ServiceView;
import org.homelink.partners.directory.query.TaxonomyTermView;
import org.homelink.partners.geography.Coordinates;
import org.homelink.partners.geography.UkPostcode;
import org.homelink.partners.matching.ServiceIndex;
import org.homelink.platform.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

/**
 * The public directory as the Open Referral UK profile's API describes it (its openapi.json, served here too):
 * services, services at their locations, taxonomies and their terms, rendered as HSDS 3.0 UK-profile documents.
 * Open to anyone, with no request context; the gateway lets any web origin read it.
 * <p>
 * Pages count from 1, as the profile's examples do. Beyond the profile's parameters, {@code /services} also takes
 * {@code postcode} and {@code proximity} (as {@code /service_at_locations} does), {@code modified_after} and
 * {@code organization_id}, and both take {@code lat} and {@code long} in place of a postcode.
 */
@RestController
@RequestMapping("/openreferral")
@Tag(name = "Open Referral UK", description = "The public directory of partner organisations' services")
@SignInNotNeeded("the Open Referral UK directory is public by nature")
class OpenReferralController {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MOST_PER_PAGE = 200;
    private static final List<String> SERVICE_FIELDS = List.of(
            "id", "organization_id", "name", "description", "url", "email", "status", "fees", "accreditations",
            "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert");
    private static final List<String> ORGANISATION_FIELDS = List.of(
            "id", "name", "description", "email", "website", "logo", "uri", "parent_organization_id");
    private static final List<String> LOCATION_FIELDS = List.of(
            "id", "location_type", "name", "description", "latitude", "longitude", "external_identifier",
            "external_identifier_type");

    private final DirectoryProjection directory;
    private final OpenReferralDocuments documents;
    private final ServiceIndex index;
    private final int defaultPerPage;
    private final double defaultProximityMetres;

    OpenReferralController(DirectoryProjection directory, OpenReferralDocuments documents, ServiceIndex index,
                           @Value("${homelink.partners.openreferral.per-page:50}") int defaultPerPage,
                           @Value("${homelink.partners.openreferral.proximity:10000}") double defaultProximityMetres) {
        this.directory = directory;
        this.documents = documents;
        this.index = index;
        this.defaultPerPage = defaultPerPage;
        this.defaultProximityMetres = defaultProximityMetres;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "About this API and its relationship with HSDS")
    ObjectNode about() {
        ObjectNode about = NODES.objectNode();
        about.put("version", "3.0");
        about.put("profile", "https://github.com/openreferral/uk-profile");
        about.put("openapi_url", ServletUriComponentsBuilder.fromCurrentContextPath()
                                                            .path("/openreferral/openapi.json").toUriString());
        return about;
    }

    @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The Open Referral UK profile's OpenAPI description, which this API follows")
    ResponseEntity<byte[]> openApi() throws IOException {
        return ResponseEntity.ok(new ClassPathResource("openreferral/openapi.json").getContentAsByteArray());
    }

    @GetMapping("/services")
    @Operation(summary = "A page of services, with their one-to-one fields")
    ObjectNode services(@RequestParam(required = false) String search,
                        @RequestParam(required = false) String page,
                        @RequestParam(name = "per_page", required = false) String perPage,
                        @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
                        @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
                        @RequestParam(name = "organization_id", required = false) String organisationId,
                        @RequestParam(name = "minimum_age", required = false) String minimumAge,
                        @RequestParam(name = "maximum_age", required = false) String maximumAge,
                        @RequestParam(name = "start_time", required = false) String startTime,
                        @RequestParam(name = "end_time", required = false) String endTime,
                        @RequestParam(required = false) String day,
                        @RequestParam(name = "modified_after", required = false) String modifiedAfter,
                        @RequestParam(required = false) String postcode,
                        @RequestParam(required = false) String proximity,
                        @RequestParam(required = false) String lat,
                        @RequestParam(name = "long", required = false) String longitude) {
        Paging paging = paging(page, perPage);
        Bson filter = filter(search, taxonomyTermId, taxonomyId, organisationId, minimumAge, maximumAge, startTime,
                             endTime, day, modifiedAfter);
        Near near = near(postcode, proximity, lat, longitude);
        Paged<ServiceView> found = near == null ? directory.services(filter, paging.index(), paging.size())
                : Paged.of(directory.allServices(filter).stream()
                                    .filter(service -> service.places().stream().anyMatch(near::includes)).toList(),
                           paging.index(), paging.size());
        Map<String, OrganisationView> organisations = organisationsOf(found.items());
        return page(found.map(service -> listed(service, organisations)));
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "A service with everything about it")
    ObjectNode service(@PathVariable String id) {
        ServiceView service = directory.service(id).orElseThrow(() -> new NotFoundException("No such service"));
        return full(service, organisationsOf(List.of(service)));
    }

    @GetMapping("/service_at_locations")
    @Operation(summary = "A page of services at their locations, with their one-to-one fields")
    ObjectNode servicesAtLocations(@RequestParam(required = false) String search,
                                   @RequestParam(required = false) String page,
                                   @RequestParam(name = "per_page", required = false) String perPage,
                                   @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
                                   @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
                                   @RequestParam(name = "minimum_age", required = false) String minimumAge,
                                   @RequestParam(name = "maximum_age", required = false) String maximumAge,
                                   @RequestParam(name = "start_time", required = false) String startTime,
                                   @RequestParam(name = "end_time", required = false) String endTime,
                                   @RequestParam(required = false) String day,
                                   @RequestParam(required = false) String postcode,
                                   @RequestParam(required = false) String proximity,
                                   @RequestParam(required = false) String lat,
                                   @RequestParam(name = "long", required = false) String longitude) {
        Paging paging = paging(page, perPage);
        Bson filter = filter(search, taxonomyTermId, taxonomyId, null, minimumAge, maximumAge, startTime, endTime,
                             day, null);
        Near near = near(postcode, proximity, lat, longitude);
        // Each service at each of its places, by the place's index: what the directory keeps beside the document
        // finds and counts them, and only the documents of the page are read.
        List<Map.Entry<ServiceView, Integer>> found = new ArrayList<>();
        for (ServiceView service : directory.allServices(filter)) {
            for (int i = 0; i < service.places().size(); i++) {
                if (near == null || near.includes(service.places().get(i))) {
                    found.add(Map.entry(service, i));
                }
            }
        }
        Paged<Map.Entry<ServiceView, Integer>> shown = Paged.of(found, paging.index(), paging.size());
        Map<String, OrganisationView> organisations = organisationsOf(shown.items().stream().map(Map.Entry::getKey)
                                                                           .toList());
        return page(shown.map(entry -> {
            JsonNode place = documents.read(entry.getKey().document()).path("service_at_locations")
                                      .get(entry.getValue());
            ObjectNode item = NODES.objectNode();
            item.put("id", place.path("id").asText());
            item.put("service_id", entry.getKey().serviceId());
            item.put("location_id", place.path("location").path("id").asText());
            item.set("location", only(place.path("location"), LOCATION_FIELDS));
            item.set("service", listed(entry.getKey(), organisations));
            return item;
        }));
    }

    @GetMapping("/service_at_locations/{id}")
    @Operation(summary = "A service at a location, with everything about both",
               description = "The profile's openapi.json gives this path the service schema; what it answers is a "
                             + "service_at_location, as the path's description says, and it validates against the "
                             + "profile's service_at_location schema.")
    ObjectNode serviceAtLocation(@PathVariable String id) {
        ServiceView service = directory.allServices(eq("places.serviceAtLocationId", id)).stream().findFirst()
                                       .orElseThrow(() -> new NotFoundException("No such service at a location"));
        ObjectNode full = full(service, organisationsOf(List.of(service)));
        for (JsonNode place : full.path("service_at_locations")) {
            if (place.path("id").asText().equals(id)) {
                ObjectNode item = NODES.objectNode();
                item.put("id", id);
                item.put("service_id", service.serviceId());
                item.put("location_id", place.path("location").path("id").asText());
                item.set("location", place.path("location"));
                full.remove("service_at_locations");
                item.set("service", full);
                return item;
            }
        }
        throw new NotFoundException("No such service at a location");
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "A page of the taxonomies services are tagged with")
    ObjectNode taxonomies(@RequestParam(required = false) String page,
                          @RequestParam(name = "per_page", required = false) String perPage) {
        Paging paging = paging(page, perPage);
        return page(Paged.of(List.copyOf(taxonomiesById().values()), paging.index(), paging.size()));
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "A taxonomy with its terms")
    ObjectNode taxonomy(@PathVariable String id) {
        ObjectNode taxonomy = (ObjectNode) taxonomiesById().get(id);
        if (taxonomy == null) {
            throw new NotFoundException("No such taxonomy");
        }
        taxonomy = taxonomy.deepCopy();
        var terms = taxonomy.putArray("taxonomy_terms");
        allTerms().stream().filter(term -> id.equals(term.path("taxonomy_id").asText(null))).forEach(terms::add);
        return taxonomy;
    }

    @GetMapping("/taxonomy_terms")
    @Operation(summary = "A page of the taxonomy terms services are tagged with, Homelink's support categories first")
    ObjectNode taxonomyTerms(@RequestParam(required = false) String page,
                             @RequestParam(name = "per_page", required = false) String perPage) {
        Paging paging = paging(page, perPage);
        return page(Paged.of(allTerms(), paging.index(), paging.size()));
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "A taxonomy term")
    JsonNode taxonomyTerm(@PathVariable String id) {
        return allTerms().stream().filter(term -> term.path("id").asText().equals(id)).findFirst()
                         .orElseThrow(() -> new NotFoundException("No such taxonomy term"));
    }

    private List<JsonNode> allTerms() {
        List<JsonNode> terms = new ArrayList<>();
        SupportTaxonomy.CATEGORIES.forEach(category -> terms.add(OpenReferralDocuments.term(category)));
        for (TaxonomyTermView term : directory.taxonomyTerms()) {
            ObjectNode document = documents.read(term.document());
            if (term.taxonomyId() != null) {
                document.put("taxonomy_id", term.taxonomyId());
            }
            terms.add(document);
        }
        return terms;
    }

    private Map<String, JsonNode> taxonomiesById() {
        Map<String, JsonNode> taxonomies = new LinkedHashMap<>();
        ObjectNode homelink = NODES.objectNode();
        homelink.put("id", SupportTaxonomy.ID);
        homelink.put("name", SupportTaxonomy.NAME);
        homelink.put("description", "The kinds of support Homelink's key workers raise needs for and refer families "
                                    + "to partners for");
        homelink.put("uri", SupportTaxonomy.URI);
        homelink.put("version", SupportTaxonomy.VERSION);
        taxonomies.put(SupportTaxonomy.ID, homelink);
        for (TaxonomyTermView term : directory.taxonomyTerms()) {
            if (term.taxonomyId() != null && !taxonomies.containsKey(term.taxonomyId())) {
                ObjectNode taxonomy = NODES.objectNode();
                String name = Objects.requireNonNullElse(term.taxonomyName(), "Taxonomy " + term.taxonomyId());
                taxonomy.put("id", term.taxonomyId());
                taxonomy.put("name", name);
                taxonomy.put("description", "Terms of " + name + " that services in this directory are tagged with, "
                                            + "as the feeds that brought them gave them");
                taxonomies.put(term.taxonomyId(), taxonomy);
            }
        }
        return taxonomies;
    }

    private ObjectNode full(ServiceView service, Map<String, OrganisationView> organisations) {
        ObjectNode document = documents.read(service.document());
        document.put("last_modified", lastModified(service));
        OrganisationView organisation = organisations.get(service.organisationId());
        if (organisation != null && organisation.document() != null) {
            document.set("organization", organisation(organisation));
        }
        return document;
    }

    private ObjectNode listed(ServiceView service, Map<String, OrganisationView> organisations) {
        ObjectNode item = only(documents.read(service.document()), SERVICE_FIELDS);
        item.put("last_modified", lastModified(service));
        OrganisationView organisation = organisations.get(service.organisationId());
        if (organisation != null && organisation.document() != null) {
            item.set("organization", only(organisation(organisation), ORGANISATION_FIELDS));
        }
        return item;
    }

    private ObjectNode organisation(OrganisationView organisation) {
        ObjectNode document = documents.read(organisation.document());
        document.put("name", organisation.name());
        return document;
    }

    private static String lastModified(ServiceView service) {
        return DateTimeFormatter.ISO_INSTANT.format(service.lastModified());
    }

    private static ObjectNode only(JsonNode document, List<String> fields) {
        ObjectNode copy = NODES.objectNode();
        fields.stream().filter(document::hasNonNull).forEach(field -> copy.set(field, document.get(field)));
        return copy;
    }

    private Map<String, OrganisationView> organisationsOf(Collection<ServiceView> services) {
        return directory.organisations(services.stream().map(ServiceView::organisationId).distinct().toList());
    }

    /** A page in the profile's envelope, numbered from 1. */
    private static ObjectNode page(Paged<? extends JsonNode> found) {
        ObjectNode page = NODES.objectNode();
        page.put("total_items", found.totalItems());
        page.put("total_pages", found.totalPages());
        page.put("page_number", found.page() + 1);
        page.put("size", found.items().size());
        page.put("first_page", found.page() == 0);
        page.put("last_page", found.page() + 1 >= found.totalPages());
        page.put("empty", found.items().isEmpty());
        page.putArray("contents").addAll(found.items());
        return page;
    }

    /** A page of a list: {@code index} counts from 0 here, from 1 in the API. */
    private record Paging(int index, int size) {
    }

    private Paging paging(String page, String perPage) {
        int number = page == null ? 1 : whole(page, "page", 1, Integer.MAX_VALUE);
        int size = perPage == null ? defaultPerPage : whole(perPage, "per_page", 1, MOST_PER_PAGE);
        return new Paging(number - 1, size);
    }

    private static Bson filter(String search, String taxonomyTermId, String taxonomyId, String organisationId,
                               String minimumAge, String maximumAge, String startTime, String endTime, String day,
                               String modifiedAfter) {
        List<Bson> filters = new ArrayList<>();
        filters.add(new org.bson.Document());
        filters.addAll(DirectorySearch.everyWord(search));
        if (taxonomyTermId != null) {
            filters.add(eq("termIds", taxonomyTermId));
        }
        if (taxonomyId != null) {
            filters.add(eq("taxonomyIds", taxonomyId));
        }
        if (organisationId != null) {
            filters.add(eq("organisationId", organisationId));
        }
        // The profile's wording: a minimum age of at least the one given, a maximum age at or below it.
        if (minimumAge != null) {
            filters.add(gte("minimumAge", number(minimumAge, "minimum_age", 0, 150)));
        }
        if (maximumAge != null) {
            filters.add(lte("maximumAge", number(maximumAge, "maximum_age", 0, 150)));
        }
        if (startTime != null) {
            filters.add(gte("openings.opensAt", time(startTime, "start_time")));
        }
        if (endTime != null) {
            filters.add(lte("openings.closesAt", time(endTime, "end_time")));
        }
        if (day != null) {
            String code = day.strip().toUpperCase(Locale.ROOT);
            if (!Schedules.isDay(code)) {
                throw invalid("day", Schedules.DAY_MESSAGE);
            }
            filters.add(eq("openings.days", code));
        }
        if (modifiedAfter != null) {
            filters.add(gte("lastModified", instant(modifiedAfter)));
        }
        return and(filters);
    }

    /** Where to look near, and how far: from a postcode's or a district's coordinates, or from lat and long. */
    private record Near(Coordinates centre, double metres) {

        boolean includes(ServiceView.Place place) {
            return place.hasCoordinates()
                   && centre.kilometresTo(new Coordinates(place.latitude(), place.longitude())) * 1000 <= metres;
        }
    }

    private Near near(String postcode, String proximity, String lat, String longitude) {
        double metres = proximity == null ? defaultProximityMetres : number(proximity, "proximity", 1, 1_000_000);
        if (lat != null || longitude != null) {
            if (lat == null || longitude == null) {
                throw invalid(lat == null ? "lat" : "long", "is needed with the other coordinate");
            }
            return new Near(new Coordinates(number(lat, "lat", -90, 90), number(longitude, "long", -180, 180)),
                            metres);
        }
        if (postcode == null) {
            if (proximity != null) {
                throw invalid("postcode", "is needed with proximity, or give lat and long");
            }
            return null;
        }
        UkPostcode code = UkPostcode.parse(postcode)
                                    .orElseThrow(() -> invalid("postcode", "must be a UK postcode or district"));
        Coordinates centre = index.current().locate(code).orElseThrow(() -> invalid(
                "postcode", "is in a district where this directory knows no location: give lat and long instead"));
        return new Near(centre, metres);
    }

    private static int whole(String value, String parameter, int least, int most) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid(parameter, "must be a whole number from " + least + (most == Integer.MAX_VALUE ? " up"
                                                                                                      : " to " + most));
    }

    private static double number(String value, String parameter, double least, double most) {
        try {
            double number = Double.parseDouble(value.strip());
            // NaN fails both comparisons, so it is refused with the rest
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid(parameter, "must be a number from " + (long) least + " to " + (long) most);
    }

    private static String time(String value, String parameter) {
        return Schedules.time(value.strip()).map(Schedules::kept)
                        .orElseThrow(() -> invalid(parameter, Schedules.TIME_MESSAGE));
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw invalid("modified_after", "must be a date-time such as 2025-09-01T00:00:00Z, or a date");
            }
        }
    }

    private static InvalidFieldsException invalid(String parameter, String detail) {
        return new InvalidFieldsException(List.of(new FieldProblem(parameter, detail)));
    }

}
