package org.homelink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm Docker Compose imports (keycloak/homelink-realm.json), checked without Keycloak: every user and
 * client carries the contract's claims under their exact names and with values the services accept, by the same
 * rules as the auth server's own settings, and the realm holds the same demo users and clients as the auth server,
 * so that neither can drift from the contract or from the other unseen.
 */
class KeycloakRealmTest {

    private static final Path REALM = Path.of("..", "keycloak", "homelink-realm.json");
    private static final List<String> CLAIMS = List.of(HomelinkClaims.ROLE_CLAIM, HomelinkClaims.TRUST_CLAIM,
                                                       HomelinkClaims.SCHOOLS_CLAIM, HomelinkClaims.ORGANISATION_CLAIM);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        realm = JSON.readTree(REALM.toFile());
    }

    @Test
    void theRealmIsHomelinksWithFifteenMinuteAccessTokensAndNoWayInButTheGatewaysAndTheSystemsOwn() {
        assertThat(realm.path("realm").asText()).isEqualTo("homelink");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(15 * 60);
        assertThat(realm.path("registrationAllowed").asBoolean()).as("nobody signs themselves up").isFalse();
        assertThat(realm.path("revokeRefreshToken").asBoolean()).as("a refresh token is spent once used").isTrue();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("publicClient").asBoolean()).as(id).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + ": no passwords given to clients")
                                                                         .isFalse();
            assertThat(client.path("secret").asText()).as(id + ": a secret from the environment, none in the file")
                                                      .matches("\\$\\{[A-Z_]+}");
        }
    }

    @Test
    void theUserProfileDeclaresTheClaimsAttributesWhichOnlyAdministratorsSeeOrChange() throws IOException {
        JsonNode profile = JSON.readTree(realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config")
                                              .path("kc.user.profile.config").get(0).asText());
        assertThat(profile.path("unmanagedAttributePolicy").isMissingNode())
                .as("no attribute beyond those declared").isTrue();
        Map<String, JsonNode> attributes = new HashMap<>();
        profile.path("attributes").forEach(attribute -> attributes.put(attribute.path("name").asText(), attribute));
        for (String claim : CLAIMS) {
            JsonNode attribute = attributes.get(claim);
            assertThat(attribute).as(claim).isNotNull();
            assertThat(texts(attribute.at("/permissions/edit"))).as(claim).containsExactly("admin");
            assertThat(texts(attribute.at("/permissions/view"))).as(claim).containsExactly("admin");
            assertThat(attribute.path("multivalued").asBoolean()).as(claim)
                                                              .isEqualTo(claim.equals(HomelinkClaims.SCHOOLS_CLAIM));
        }
        assertThat(texts(attributes.get(HomelinkClaims.ROLE_CLAIM).at("/validations/options/options")))
                .isEqualTo(HomelinkClaims.ROLES);
        assertThat(attributes.get(HomelinkClaims.SCHOOLS_CLAIM).at("/validations/pattern/pattern").asText())
                .isEqualTo("^[0-9]{6}$");
    }

    @Test
    void theGatewaySignsPeopleInWithPkceAndPutsEachAttributeInBothTokensUnderTheContractsName() {
        JsonNode gateway = client("homelink-gateway");
        assertThat(gateway.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(gateway.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(gateway.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(gateway.path("redirectUris")))
                .containsExactly("http://localhost:8080/login/oauth2/code/homelink");

        Map<String, JsonNode> mappers = new HashMap<>();
        gateway.path("protocolMappers").forEach(mapper -> mappers.put(mapper.at("/config/claim.name").asText(), mapper));
        assertThat(mappers.keySet()).containsExactlyInAnyOrderElementsOf(CLAIMS);
        for (String claim : CLAIMS) {
            JsonNode mapper = mappers.get(claim);
            assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-attribute-mapper");
            assertThat(mapper.at("/config/user.attribute").asText()).as(claim).isEqualTo(claim);
            assertThat(mapper.at("/config/access.token.claim").asText()).as(claim).isEqualTo("true");
            assertThat(mapper.at("/config/id.token.claim").asText()).as(claim).isEqualTo("true");
            assertThat(mapper.at("/config/jsonType.label").asText()).as(claim).isEqualTo("String");
            // Multi-valued, the URNs go into the token as a JSON array even when there is one.
            assertThat(mapper.at("/config/multivalued").asText()).as(claim)
                                                             .isEqualTo(String.valueOf(claim.equals(HomelinkClaims.SCHOOLS_CLAIM)));
        }
    }

    @Test
    void everyPersonHasAnIdThatIsNoNameAPasswordFromTheEnvironmentAndSoundClaims() {
        List<JsonNode> people = people();
        assertThat(people).isNotEmpty();
        for (JsonNode person : people) {
            String username = person.path("username").asText();
            assertThat(person.path("id").asText()).as(username).matches(HomelinkClaims.ID);
            assertThat(person.path("enabled").asBoolean()).as(username).isTrue();
            assertThat(person.at("/credentials/0/type").asText()).as(username).isEqualTo("password");
            assertThat(person.at("/credentials/0/value").asText()).as(username).isEqualTo("${HOMELINK_DEMO_PASSWORD}");
            assertThat(person.path("attributes").properties()).as(username)
                    .allSatisfy(attribute -> assertThat(CLAIMS).contains(attribute.getKey()));
            for (String single : List.of(HomelinkClaims.ROLE_CLAIM, HomelinkClaims.TRUST_CLAIM,
                                         HomelinkClaims.ORGANISATION_CLAIM)) {
                assertThat(person.path("attributes").path(single).size()).as(username + " " + single).isLessThanOrEqualTo(1);
            }
            assertThat(claimsOf(person).problems()).as(username).isEmpty();
        }
    }

    @Test
    void everySystemActsForItselfWithItsClientIdAsSubjectAndSoundHardCodedClaims() {
        List<JsonNode> systems = systems();
        assertThat(systems).isNotEmpty();
        for (JsonNode system : systems) {
            String clientId = system.path("clientId").asText();
            assertThat(system.path("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
            for (JsonNode mapper : system.path("protocolMappers")) {
                assertThat(mapper.path("protocolMapper").asText()).as(clientId).isEqualTo("oidc-hardcoded-claim-mapper");
                assertThat(CLAIMS).as(clientId).contains(mapper.at("/config/claim.name").asText());
                assertThat(mapper.at("/config/access.token.claim").asText()).as(clientId).isEqualTo("true");
            }
            assertThat(hardCodedClaims(system).problems()).as(clientId).isEmpty();
            // Keycloak's sub for a client's own token is its service account's id: that id is the client id here.
            JsonNode account = serviceAccountOf(clientId);
            assertThat(account).as(clientId + "'s service account").isNotNull();
            assertThat(account.path("id").asText()).as(clientId + "'s service account").isEqualTo(clientId);
        }
    }

    @Test
    void theRealmHoldsTheSameDemoUsersAndClientsAsTheAuthServer() {
        AuthSettings shipped = shippedSettings();
        Map<String, String> realmIds = new LinkedHashMap<>();
        Map<String, HomelinkClaims> realmClaims = new LinkedHashMap<>();
        people().forEach(person -> {
            realmIds.put(person.path("username").asText(), person.path("id").asText());
            realmClaims.put(person.path("username").asText(), claimsOf(person));
        });
        Map<String, String> serverIds = new LinkedHashMap<>();
        Map<String, HomelinkClaims> serverClaims = new LinkedHashMap<>();
        shipped.users().forEach(user -> {
            serverIds.put(user.username(), user.id());
            serverClaims.put(user.username(), user.claims());
        });
        assertThat(realmIds).isEqualTo(serverIds);
        assertThat(realmClaims).isEqualTo(serverClaims);

        Map<String, HomelinkClaims> realmSystems = new LinkedHashMap<>();
        systems().forEach(system -> realmSystems.put(system.path("clientId").asText(), hardCodedClaims(system)));
        Map<String, HomelinkClaims> serverSystems = new LinkedHashMap<>();
        shipped.clients().stream().filter(AuthSettings.Client::actsForItself)
               .forEach(client -> serverSystems.put(client.clientId(), client.claims()));
        assertThat(realmSystems).isEqualTo(serverSystems);

        AuthSettings.Client gateway = shipped.clients().stream()
                                             .filter(client -> client.clientId().equals("homelink-gateway"))
                                             .findFirst().orElseThrow();
        assertThat(texts(client("homelink-gateway").path("redirectUris"))).isEqualTo(gateway.redirectUris());
        assertThat(List.of(client("homelink-gateway").at("/attributes/post.logout.redirect.uris").asText().split("##")))
                .isEqualTo(gateway.postLogoutRedirectUris());
    }

    private static HomelinkClaims claimsOf(JsonNode person) {
        JsonNode attributes = person.path("attributes");
        return new HomelinkClaims(first(attributes.path(HomelinkClaims.ROLE_CLAIM)),
                                  first(attributes.path(HomelinkClaims.TRUST_CLAIM)),
                                  texts(attributes.path(HomelinkClaims.SCHOOLS_CLAIM)),
                                  first(attributes.path(HomelinkClaims.ORGANISATION_CLAIM)));
    }

    private static HomelinkClaims hardCodedClaims(JsonNode system) {
        Map<String, JsonNode> byClaim = new HashMap<>();
        system.path("protocolMappers").forEach(mapper -> byClaim.put(mapper.at("/config/claim.name").asText(), mapper));
        List<String> schools = new ArrayList<>();
        JsonNode schoolsMapper = byClaim.get(HomelinkClaims.SCHOOLS_CLAIM);
        if (schoolsMapper != null) {
            assertThat(schoolsMapper.at("/config/jsonType.label").asText()).as("a JSON array").isEqualTo("JSON");
            try {
                schools.addAll(texts(JSON.readTree(schoolsMapper.at("/config/claim.value").asText())));
            } catch (IOException e) {
                throw new AssertionError("homelink_schools is not a JSON array", e);
            }
        }
        return new HomelinkClaims(value(byClaim.get(HomelinkClaims.ROLE_CLAIM)),
                                  value(byClaim.get(HomelinkClaims.TRUST_CLAIM)), schools,
                                  value(byClaim.get(HomelinkClaims.ORGANISATION_CLAIM)));
    }

    private static String value(JsonNode mapper) {
        if (mapper == null) {
            return null;
        }
        assertThat(mapper.at("/config/jsonType.label").asText()).isEqualTo("String");
        return mapper.at("/config/claim.value").asText();
    }

    private static List<JsonNode> people() {
        return StreamSupport.stream(realm.path("users").spliterator(), false)
                            .filter(user -> !user.has("serviceAccountClientId"))
                            .toList();
    }

    private static List<JsonNode> systems() {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                            .filter(client -> client.path("serviceAccountsEnabled").asBoolean())
                            .toList();
    }

    private static JsonNode serviceAccountOf(String clientId) {
        return StreamSupport.stream(realm.path("users").spliterator(), false)
                            .filter(user -> clientId.equals(user.path("serviceAccountClientId").asText()))
                            .findFirst().orElse(null);
    }

    private static JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                            .filter(client -> clientId.equals(client.path("clientId").asText()))
                            .findFirst().orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static String first(JsonNode values) {
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private static List<String> texts(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static AuthSettings shippedSettings() {
        AtomicReference<AuthSettings> settings = new AtomicReference<>();
        new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
                                      .withUserConfiguration(SettingsOnly.class)
                                      .run(context -> settings.set(context.getBean(AuthSettings.class)));
        return settings.get();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthSettings.class)
    static class SettingsOnly {
    }
}
