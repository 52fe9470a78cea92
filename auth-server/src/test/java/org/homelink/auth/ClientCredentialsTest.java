package org.homelink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Systems that act for themselves: the tokens the demo's clients get by client credentials, their claims, their
 * signature against the published keys, and what the server says about itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "homelink.auth.issuer=" + ClientCredentialsTest.ISSUER,
        "homelink.auth.signing-key="})
class ClientCredentialsTest {

    /** Not this server's address: tokens must name the configured issuer, not whatever a request came to. */
    static final String ISSUER = "https://sign-in.homelink.test";

    @LocalServerPort
    int port;

    @Test
    void theDemoLoaderGetsASignedTokenOfATrustLeaderOfTheDemoTrustWithItsClientIdAsSubject() throws Exception {
        AuthServerClient server = new AuthServerClient(port);
        HttpResponse<String> answer = server.clientCredentials("homelink-demo-loader", "homelink-demo");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = server.json(answer);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(890L, 900L);

        Jwt token = server.verified(body.path("access_token").asText(), ISSUER);
        assertThat(token.getHeaders()).containsEntry("alg", "RS256");
        assertThat(token.getSubject()).isEqualTo("homelink-demo-loader");
        assertThat(token.getClaimAsString("homelink_role")).isEqualTo("trust-leader");
        assertThat(token.getClaimAsString("homelink_trust")).isEqualTo("demo-riverbend");
        assertThat(token.hasClaim("homelink_schools")).as("a trust leader acts at every school").isFalse();
        assertThat(token.hasClaim("homelink_organisation")).isFalse();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aPartnersSystemActsForItsOrganisationAndNoTrust() throws Exception {
        AuthServerClient server = new AuthServerClient(port);
        HttpResponse<String> answer = server.clientCredentials("demo-partner-system", "homelink-demo");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        Jwt token = server.verified(server.json(answer).path("access_token").asText(), ISSUER);
        assertThat(token.getSubject()).isEqualTo("demo-partner-system");
        assertThat(token.getClaimAsString("homelink_role")).isEqualTo("partner");
        assertThat(token.getClaimAsString("homelink_organisation")).isEqualTo("35132368-9779-430e-83a3-e59a1926a536");
        assertThat(token.hasClaim("homelink_trust")).isFalse();
        assertThat(token.hasClaim("homelink_schools")).isFalse();
    }

    @Test
    void aWrongSecretIsRefusedWith401AndNoToken() throws Exception {
        AuthServerClient server = new AuthServerClient(port);
        HttpResponse<String> answer = server.clientCredentials("homelink-demo-loader", "not-the-secret");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(server.json(answer).path("error").asText()).isEqualTo("invalid_client");
        assertThat(answer.body()).doesNotContain("access_token");

        assertThat(server.clientCredentials("no-such-client", "homelink-demo").statusCode()).isEqualTo(401);
    }

    @Test
    void theGatewayCannotGetATokenForItselfOnlyForThePeopleItSignsIn() throws Exception {
        AuthServerClient server = new AuthServerClient(port);
        HttpResponse<String> answer = server.clientCredentials(AuthServerClient.GATEWAY, AuthServerClient.GATEWAY_SECRET);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(server.json(answer).path("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void theDiscoveryDocumentNamesTheConfiguredIssuerAndItsKeys() throws Exception {
        AuthServerClient server = new AuthServerClient(port);
        JsonNode discovery = server.json(server.getJson("/.well-known/openid-configuration"));
        assertThat(discovery.path("issuer").asText()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(discovery.path("id_token_signing_alg_values_supported").toString()).contains("RS256");
    }

    @Test
    void thePublishedKeysHoldThePublicKeyOnly() throws Exception {
        AuthServerClient server = new AuthServerClient(port);
        JsonNode keys = server.json(server.getJson("/oauth2/jwks")).path("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.has("n")).isTrue();
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertThat(key.has(privatePart)).as(privatePart).isFalse();
        }
    }

    @Test
    void healthIsOpenAndEverythingElseIsNot() throws Exception {
        AuthServerClient server = new AuthServerClient(port);
        HttpResponse<String> health = server.getJson("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(server.json(health).path("status").asText()).isEqualTo("UP");
        for (String closed : List.of("/actuator/env", "/actuator/beans", "/userinfo")) {
            HttpResponse<String> answer = server.getJson(closed);
            assertThat(answer.statusCode() == 401
                    || answer.statusCode() == 302 && AuthServerClient.location(answer).endsWith("/login"))
                    .as("%s answered %d", closed, answer.statusCode()).isTrue();
        }
    }
}
