package org.homelink.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-command local run, as the homelink script starts it, on ports of its own and a data folder of its own:
 * every application healthy on the one store, the gateway routing to the services, each application blind to the
 * others' libraries, the auth server issuing tokens as the launcher set it up, nothing left listening once it is
 * stopped, and data written to the store, and tokens signed before, still good after a restart.
 * <p>
 * An integration test (failsafe, {@code verify}): it needs the jars {@code package} puts in target/.
 */
class LocalRunIT {

    @TempDir
    Path data;

    private RunningHomelink homelink;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        homelink.kill();
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void startsHealthyOnOneStoreStopsCleanlyAndKeepsItsData() throws Exception {
        homelink = new RunningHomelink(data);
        homelink.start(Map.of(), null);

        JsonNode gateway = health(homelink.port("GATEWAY_PORT"));
        assertThat(gateway.path("status").asText()).isEqualTo("UP");
        assertThat(gateway.path("components").has("mongo")).as("the gateway has no store").isFalse();
        for (String service : List.of("FAMILY_SERVICE_PORT", "ENGAGEMENT_SERVICE_PORT", "PARTNERS_SERVICE_PORT")) {
            JsonNode health = health(homelink.port(service));
            assertThat(health.path("status").asText()).as(service).isEqualTo("UP");
            assertThat(health.at("/components/mongo/status").asText()).as(service).isEqualTo("UP");
            // The store is the launcher's, reached by connection string, not one the service started itself.
            assertThat(health.at("/components/mongo/details/store").asText()).as(service).isEqualTo("mongodb");
            assertThat(health.path("components").has("refreshScope"))
                    .as(service + " sees none of the gateway's Spring Cloud").isFalse();
        }
        // Routed to family-service, which answers for itself: not the gateway's 503 for a service it cannot reach.
        assertThat(get(homelink.port("GATEWAY_PORT"), "/api/families/no-such-family").statusCode())
                .isNotIn(502, 503, 504);
        assertThat(homelink.output()).contains(homelink.gateway());

        JsonNode authServer = health(homelink.port("AUTH_SERVER_PORT"));
        assertThat(authServer.path("status").asText()).isEqualTo("UP");
        assertThat(authServer.path("components").has("mongo")).as("the auth server has no store").isFalse();
        assertThat(json.readTree(get(homelink.port("AUTH_SERVER_PORT"), "/.well-known/openid-configuration").body())
                       .path("issuer").asText())
                .as("the issuer the launcher gives every application").isEqualTo(homelink.authServer());
        assertThat(gatewayMaySignPeopleIn(homelink.port("GATEWAY_PORT")))
                .as("people come back to this run's gateway").isTrue();
        assertThat(gatewayMaySignPeopleIn(homelink.port("GATEWAY_PORT") + 1)).as("and to no other").isFalse();
        String tokenBeforeRestart = trustFrontendToken();
        // The run's own tokens are good at the services: one issuer, its keys fetched from the auth server, its
        // claims read as the demo trust's trust leader, who may register the trust.
        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + homelink.port("FAMILY_SERVICE_PORT")
                                                  + "/api/families/trusts"))
                           .header("Authorization", "Bearer " + tokenBeforeRestart)
                           .header("Content-Type", "application/json")
                           .POST(HttpRequest.BodyPublishers.ofString(
                                   "{\"trustId\": \"demo-riverbend\", \"name\": \"Riverbend Learning Trust\"}"))
                           .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        try (MongoClient store = MongoClients.create("mongodb://127.0.0.1:" + homelink.port("STORE"))) {
            checks(store).insertOne(new Document("_id", "survives-a-restart").append("written", "before"));
        }

        assertThat(homelink.stop()).as("stopped within a minute").isTrue();
        assertThat(homelink.output()).contains("Homelink stopped");
        for (int port : homelink.ports().values()) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("port %d", port)
                                                                            .isInstanceOf(ConnectException.class);
        }

        homelink.start(Map.of(), null);
        try (MongoClient store = MongoClients.create("mongodb://127.0.0.1:" + homelink.port("STORE"))) {
            assertThat(checks(store).find(new Document("_id", "survives-a-restart")).first())
                    .isNotNull().containsEntry("written", "before");
        }
        // The signing key is kept in the data folder: nobody is signed out by a restart.
        NimbusJwtDecoder keysAfterRestart = NimbusJwtDecoder.withJwkSetUri(homelink.authServer() + "/oauth2/jwks").build();
        keysAfterRestart.setJwtValidator(JwtValidators.createDefaultWithIssuer(homelink.authServer()));
        assertThat(keysAfterRestart.decode(tokenBeforeRestart).getClaimAsString("homelink_role")).isEqualTo("trust-leader");
        assertThat(homelink.stop()).isTrue();
    }

    /** A token by client credentials for the demo trust's own front-end, a trust leader, with the demo secret. */
    private String trustFrontendToken() throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString("demo-trust-frontend:homelink-demo".getBytes(UTF_8));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(homelink.authServer() + "/oauth2/token"))
                           .header("Authorization", "Basic " + credentials)
                           .header("Content-Type", "application/x-www-form-urlencoded")
                           .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                           .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("access_token").asText();
    }

    /**
     * Whether the auth server takes an authorization request of the gateway's client coming back to a gateway on
     * this port: it sends a valid one to its login form, and refuses one with an address it does not know (400).
     */
    private boolean gatewayMaySignPeopleIn(int gatewayPort) throws IOException, InterruptedException {
        String redirect = URLEncoder.encode("http://localhost:" + gatewayPort + "/login/oauth2/code/homelink", UTF_8);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(homelink.authServer() + "/oauth2/authorize?response_type=code"
                        + "&client_id=homelink-gateway&scope=openid&state=s&redirect_uri=" + redirect
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
                           .header("Accept", "text/html")
                           .build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/login");
    }

    private JsonNode health(int port) throws IOException, InterruptedException {
        return json.readTree(get(port, "/actuator/health").body());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private static MongoCollection<Document> checks(MongoClient store) {
        return store.getDatabase("local-run-check").getCollection("checks");
    }
}
