package org.homelink.partners.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Referral UK profile's schemas, as its openapi.json names them for each answer, with formats asserted:
 * each paged answer is its Page envelope (every field present) around items of the item schema.
 */
final class OpenReferralSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
                                                                               .formatAssertionsEnabled(true).build();
    static final String SERVICE = "compiled/service.json";
    static final String SERVICE_LIST = "compiled/service_list.json";
    static final String SERVICE_AT_LOCATION = "compiled/service_at_location.json";
    static final String SERVICE_AT_LOCATION_LIST = "compiled/service_at_location_list.json";
    static final String TAXONOMY = "taxonomy.json";
    static final String TAXONOMY_TERM = "taxonomy_term.json";

    private final JsonSchema page;
    private final JsonSchema about;

    OpenReferralSchemas() throws IOException {
        try (InputStream openApi = getClass().getResourceAsStream("/openreferral/openapi.json")) {
            JsonNode spec = new ObjectMapper().readTree(openApi);
            page = FACTORY.getSchema(spec.at("/components/schemas/Page"), CONFIG);
            about = FACTORY.getSchema(spec.at("/paths/~1/get/responses/200/content/application~1json/schema"), CONFIG);
        }
    }

    void assertAbout(JsonNode answer) {
        assertValid(about, answer, "/");
        assertThat(answer.fieldNames()).toIterable().contains("version", "profile", "openapi_url");
    }

    void assertDocument(JsonNode answer, String schema) {
        assertValid(schema(schema), answer, schema);
    }

    void assertPage(JsonNode answer, String itemSchema) {
        assertValid(page, answer, "Page");
        assertThat(answer.fieldNames()).toIterable().contains("total_items", "total_pages", "page_number", "size",
                                                              "first_page", "last_page", "empty", "contents");
        JsonSchema items = schema(itemSchema);
        answer.get("contents").forEach(item -> assertValid(items, item, itemSchema));
    }

    private static JsonSchema schema(String name) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:openreferral/" + name), CONFIG);
    }

    private static void assertValid(JsonSchema schema, JsonNode answer, String name) {
        Set<ValidationMessage> errors = schema.validate(answer);
        assertThat(errors).as("%s against %s", answer, name).isEmpty();
    }
}
