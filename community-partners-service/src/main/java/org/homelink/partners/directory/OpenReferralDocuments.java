package org.homelink.partners.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.Languages;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Open Referral UK documents as the service accepts them, from its own API or from a feed: checked against the
 * profile's own JSON Schemas (draft 2020-12, formats asserted, so ids are UUIDs and emails emails), then against
 * what the schemas cannot say (an age range the right way round, a latitude on Earth, opening times that are
 * times), and put in one canonical form: every nested record with an id, keys in order. Nested ids left out are
 * derived from the parent's id and the record's place, so the same document always reads the same and importing
 * it again changes nothing.
 * <p>
 * Two Homelink additions are accepted on a service and taken out of the document: {@code capacity}, how many open
 * referrals the service takes at once, and {@code categories}, Homelink support category codes, which become
 * attributes tagged with the {@link SupportTaxonomy}'s terms.
 */
@Component
public class OpenReferralDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Nested records that carry an id of their own, by the array that holds them. */
    private static final List<String> SERVICE_ARRAYS = List.of("schedules", "service_areas", "service_at_locations",
                                                              "languages", "funding", "cost_options", "contacts",
                                                              "attributes");

    private final ObjectMapper json;
    /** Keys in order at every level, so that two documents that say the same are the same text. */
    private final ObjectWriter canonical;
    private final JsonSchema serviceSchema;
    private final JsonSchema organisationSchema;

    public OpenReferralDocuments(ObjectMapper json) {
        this.json = json;
        this.canonical = json.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.serviceSchema = factory.getSchema(SchemaLocation.of("classpath:openreferral/compiled/service.json"),
                                               config);
        this.organisationSchema = factory.getSchema(
                SchemaLocation.of("classpath:openreferral/compiled/organization.json"), config);
    }

    /**
     * A service as kept.
     *
     * @param serviceId      its id
     * @param organisationId the organisation that provides it
     * @param document       the canonical Open Referral document, without its organisation
     * @param capacity       how many open referrals it takes at once, or null when it does not say
     */
    public record ValidService(String serviceId, String organisationId, String document, Integer capacity) {
    }

    /**
     * An organisation as kept.
     *
     * @param organisationId its id
     * @param name           its name
     * @param document       the canonical Open Referral document, without its services
     */
    public record ValidOrganisation(String organisationId, String name, String document) {
    }

    /** Checks a service; throws {@link InvalidFieldsException} naming every field at fault. */
    public ValidService service(JsonNode body, String serviceId, String organisationId) {
        List<FieldProblem> errors = new ArrayList<>();
        ValidService service = service(body, serviceId, organisationId, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return service;
    }

    /** Checks an organisation; throws {@link InvalidFieldsException} naming every field at fault. */
    public ValidOrganisation organisation(JsonNode body, String organisationId) {
        List<FieldProblem> errors = new ArrayList<>();
        ValidOrganisation organisation = organisation(body, organisationId, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return organisation;
    }

    /**
     * Checks a service found at {@code at} in a larger document, adding what is wrong to {@code errors}.
     *
     * @param serviceId      the id to give it when it has none, or null to require one
     * @param organisationId its organisation when it names none, or null
     */
    public ValidService service(JsonNode body, String serviceId, String organisationId, String at,
                         List<FieldProblem> errors) {
        if (!(body instanceof ObjectNode given)) {
            errors.add(new FieldProblem(at.isEmpty() ? "$" : at, "must be an Open Referral service object"));
            return null;
        }
        int before = errors.size();
        ObjectNode document = given.deepCopy();
        document.remove("last_modified");
        JsonNode nested = document.remove("organization");
        if (!document.hasNonNull("id") && serviceId != null) {
            document.put("id", serviceId);
        }
        if (!document.hasNonNull("organization_id")) {
            String organisation = nested != null && nested.hasNonNull("id") ? nested.get("id").asText() : organisationId;
            if (organisation != null) {
                document.put("organization_id", organisation);
            }
        }
        if (!document.hasNonNull("organization_id")) {
            errors.add(new FieldProblem(path(at, "organization_id"), "must name the organisation that provides it"));
        }
        Integer capacity = capacity(document.remove("capacity"), at, errors);
        categories(document, document.remove("categories"), at, errors);
        String id = document.path("id").asText(null);
        if (id != null) {
            giveIds(document, id);
        }
        normaliseLanguages(document);
        check(serviceSchema, document, at, errors);
        checkAges(document, at, errors);
        checkLocations(document, at, errors);
        checkSchedules(document, at, errors);
        if (errors.size() > before) {
            return null;
        }
        return new ValidService(id, document.get("organization_id").asText(), canonical(document), capacity);
    }

    public ValidOrganisation organisation(JsonNode body, String organisationId, String at,
                                          List<FieldProblem> errors) {
        if (!(body instanceof ObjectNode given)) {
            errors.add(new FieldProblem(at.isEmpty() ? "$" : at, "must be an Open Referral organization object"));
            return null;
        }
        int before = errors.size();
        ObjectNode document = given.deepCopy();
        document.remove("services");
        if (!document.hasNonNull("id") && organisationId != null) {
            document.put("id", organisationId);
        }
        String id = document.path("id").asText(null);
        if (id != null) {
            identify(document.path("organization_identifiers"), id + "/organization_identifiers");
            identify(document.path("attributes"), id + "/attributes");
        }
        check(organisationSchema, document, at, errors);
        if (document.path("name").asText("").isBlank() && document.has("name")) {
            errors.add(new FieldProblem(path(at, "name"), "must not be blank"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ValidOrganisation(id, document.get("name").asText().strip(), canonical(document));
    }

    /** The document as an object again, to render it. */
    public ObjectNode read(String document) {
        try {
            return (ObjectNode) json.readTree(document);
        } catch (Exception e) {
            throw new IllegalStateException("A stored document is not JSON", e);
        }
    }

    private void check(JsonSchema schema, ObjectNode document, String at, List<FieldProblem> errors) {
        for (ValidationMessage message : schema.validate(document)) {
            String field = field(message.getInstanceLocation().toString());
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                field = path(field, message.getProperty());
            }
            String text = message.getMessage();
            int colon = text.indexOf(": ");
            errors.add(new FieldProblem(path(at, field.isEmpty() ? "$" : field),
                                      colon >= 0 ? text.substring(colon + 2) : text));
        }
    }

    /** A validator's location, {@code $.a[0].b} or {@code /a/0/b}, as this API names fields: {@code a[0].b}. */
    private static String field(String location) {
        if (location.startsWith("$")) {
            return location.length() > 2 ? location.substring(2) : "";
        }
        StringBuilder field = new StringBuilder();
        for (String segment : location.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    private static Integer capacity(JsonNode capacity, String at, List<FieldProblem> errors) {
        if (capacity == null || capacity.isNull()) {
            return null;
        }
        if (!capacity.canConvertToInt() || !capacity.isIntegralNumber() || capacity.intValue() < 0) {
            errors.add(new FieldProblem(path(at, "capacity"), "must be a whole number of referrals, 0 or more"));
            return null;
        }
        return capacity.intValue();
    }

    /** Homelink category codes, as attributes tagged with the support taxonomy's terms. */
    private static void categories(ObjectNode document, JsonNode categories, String at, List<FieldProblem> errors) {
        if (categories == null || categories.isNull()) {
            return;
        }
        if (!categories.isArray()) {
            errors.add(new FieldProblem(path(at, "categories"), "must be a list of support category codes"));
            return;
        }
        ArrayNode attributes = document.has("attributes") && document.get("attributes").isArray()
                ? (ArrayNode) document.get("attributes") : document.putArray("attributes");
        for (int i = 0; i < categories.size(); i++) {
            int index = i;
            String code = categories.get(i).asText();
            SupportTaxonomy.byCode(code).ifPresentOrElse(category -> {
                boolean tagged = false;
                for (JsonNode attribute : attributes) {
                    tagged |= category.termId().equals(attribute.path("taxonomy_term_id").asText(null))
                              || category.termId().equals(attribute.path("taxonomy_term").path("id").asText(null));
                }
                if (!tagged) {
                    ObjectNode attribute = attributes.addObject();
                    attribute.put("taxonomy_term_id", category.termId());
                    attribute.put("link_type", "service");
                    attribute.set("taxonomy_term", term(category));
                }
            }, () -> errors.add(new FieldProblem(path(at, "categories[" + index + "]"),
                                                "is not a Homelink support category")));
        }
    }

    /** A category as an Open Referral taxonomy term. */
    public static ObjectNode term(SupportTaxonomy.Category category) {
        ObjectNode term = NODES.objectNode();
        term.put("id", category.termId());
        term.put("name", category.name());
        term.put("description", category.description());
        term.put("taxonomy", SupportTaxonomy.NAME);
        term.put("taxonomy_id", SupportTaxonomy.ID);
        term.put("term", category.code());
        return term;
    }

    private static void giveIds(ObjectNode document, String serviceId) {
        for (String array : SERVICE_ARRAYS) {
            identify(document.path(array), serviceId + "/" + array);
        }
        JsonNode places = document.path("service_at_locations");
        for (int i = 0; i < places.size(); i++) {
            JsonNode location = places.get(i).path("location");
            if (location instanceof ObjectNode place) {
                String base = serviceId + "/service_at_locations/" + i + "/location";
                if (!place.hasNonNull("id")) {
                    place.put("id", SupportTaxonomy.uuidOf(base));
                }
                identify(place.path("addresses"), base + "/addresses");
                identify(place.path("accessibility"), base + "/accessibility");
            }
        }
        JsonNode contacts = document.path("contacts");
        for (int i = 0; i < contacts.size(); i++) {
            identify(contacts.get(i).path("phones"), serviceId + "/contacts/" + i + "/phones");
        }
    }

    private static void identify(JsonNode array, String base) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof ObjectNode item && !item.hasNonNull("id")) {
                item.put("id", SupportTaxonomy.uuidOf(base + "/" + i));
            }
        }
    }

    /** HSDS 3.0's language code, a BCP 47 tag, in its usual case: "SO" and "so" are one language. */
    private static void normaliseLanguages(ObjectNode document) {
        for (JsonNode language : document.path("languages")) {
            if (language instanceof ObjectNode item && item.hasNonNull("code")) {
                item.put("code", Languages.normalise(item.get("code").asText().strip()));
            }
        }
    }

    private static void checkAges(ObjectNode document, String at, List<FieldProblem> errors) {
        JsonNode minimum = document.get("minimum_age");
        JsonNode maximum = document.get("maximum_age");
        for (Map.Entry<String, JsonNode> age : Map.of("minimum_age", nullToMissing(minimum),
                                                      "maximum_age", nullToMissing(maximum)).entrySet()) {
            if (age.getValue().isNumber() && (age.getValue().doubleValue() < 0 || age.getValue().doubleValue() > 130)) {
                errors.add(new FieldProblem(path(at, age.getKey()), "must be an age from 0 to 130"));
            }
        }
        if (minimum != null && maximum != null && minimum.isNumber() && maximum.isNumber()
            && minimum.doubleValue() > maximum.doubleValue()) {
            errors.add(new FieldProblem(path(at, "maximum_age"), "must not be below minimum_age"));
        }
    }

    private static void checkLocations(ObjectNode document, String at, List<FieldProblem> errors) {
        JsonNode places = document.path("service_at_locations");
        for (int i = 0; i < places.size(); i++) {
            JsonNode location = places.get(i).path("location");
            String base = path(at, "service_at_locations[" + i + "].location");
            JsonNode latitude = location.get("latitude");
            JsonNode longitude = location.get("longitude");
            if ((latitude == null) != (longitude == null)) {
                errors.add(new FieldProblem(path(base, latitude == null ? "latitude" : "longitude"),
                                          "is needed with the other coordinate"));
            }
            if (latitude != null && latitude.isNumber() && Math.abs(latitude.doubleValue()) > 90) {
                errors.add(new FieldProblem(path(base, "latitude"), "must be from -90 to 90 degrees"));
            }
            if (longitude != null && longitude.isNumber() && Math.abs(longitude.doubleValue()) > 180) {
                errors.add(new FieldProblem(path(base, "longitude"), "must be from -180 to 180 degrees"));
            }
        }
    }

    private static void checkSchedules(ObjectNode document, String at, List<FieldProblem> errors) {
        JsonNode schedules = document.path("schedules");
        for (int i = 0; i < schedules.size(); i++) {
            JsonNode schedule = schedules.get(i);
            String base = path(at, "schedules[" + i + "]");
            LocalTime opens = time(schedule, "opens_at", base, errors);
            LocalTime closes = time(schedule, "closes_at", base, errors);
            if (opens != null && closes != null && !closes.isAfter(opens)) {
                errors.add(new FieldProblem(path(base, "closes_at"), "must be later than opens_at"));
            }
            for (String day : Schedules.days(schedule.path("byday").asText(""))) {
                if (!Schedules.isDay(day)) {
                    errors.add(new FieldProblem(path(base, "byday"), "must be days such as MO,TU,WE,TH,FR,SA,SU"));
                    break;
                }
            }
        }
    }

    private static LocalTime time(JsonNode schedule, String field, String base, List<FieldProblem> errors) {
        JsonNode value = schedule.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return Schedules.time(value.asText()).orElseGet(() -> {
            errors.add(new FieldProblem(path(base, field), Schedules.TIME_MESSAGE));
            return null;
        });
    }

    private static JsonNode nullToMissing(JsonNode node) {
        return node == null ? NODES.missingNode() : node;
    }

    /** Where {@code field} is within what is at {@code at}, as answers name fields: {@code contents[3].name}. */
    public static String path(String at, String field) {
        if (at.isEmpty()) {
            return field;
        }
        return field.isEmpty() || field.equals("$") ? at : field.startsWith("[") ? at + field : at + "." + field;
    }

    private String canonical(JsonNode node) {
        try {
            return canonical.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException("A document cannot be written as JSON", e);
        }
    }
}
