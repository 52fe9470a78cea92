package org.homelink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.auth.AuthServerClient.location;
import static org.homelink.auth.AuthServerClient.query;

/**
 * People signing in through the gateway's client, over real HTTP: the login form, the authorization code with PKCE,
 * the tokens and their claims, refreshing, and what is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "homelink.auth.issuer=" + ClientCredentialsTest.ISSUER,
        "homelink.auth.signing-key="})
class SignInTest {

    private static final String PASSWORD = "homelink-demo";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            key.worker         | demo-kw-meadow            | key-worker         | demo-riverbend | 990101        | -
            attendance.officer | demo-attendance-riverbend | attendance-officer | demo-riverbend | 990101 990102 | -
            trust.leader       | demo-trust-leader         | trust-leader       | demo-riverbend | -             | -
            partner.worker     | demo-partner-foodbank     | partner            | -              | -             | 35132368-9779-430e-83a3-e59a1926a536
            """)
    void aDemoUserSignsInWithTheFormAndGetsTokensWithTheirClaims(String username, String id, String role, String trust,
                                                                 String schools, String organisation) throws Exception {
        AuthServerClient browser = new AuthServerClient(port);
        String nonce = AuthServerClient.random();
        JsonNode tokens = browser.signIn(username, PASSWORD, nonce);

        Jwt access = browser.verified(tokens.path("access_token").asText(), ClientCredentialsTest.ISSUER);
        Jwt idToken = browser.verified(tokens.path("id_token").asText(), ClientCredentialsTest.ISSUER);
        assertThat(idToken.getAudience()).containsExactly(AuthServerClient.GATEWAY);
        assertThat(idToken.getClaimAsString("nonce")).isEqualTo(nonce);
        for (Jwt token : List.of(access, idToken)) {
            assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
            assertThat(token.getSubject()).as("the user's id, not the name typed to sign in").isEqualTo(id);
            assertThat(token.getClaimAsString("homelink_role")).isEqualTo(role);
            assertThat(token.getClaimAsString("homelink_trust")).isEqualTo(trust);
            assertThat(token.getClaimAsStringList("homelink_schools"))
                    .isEqualTo(schools == null ? null : Arrays.asList(schools.split(" ")));
            assertThat(token.getClaimAsString("homelink_organisation")).isEqualTo(organisation);
        }
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void aRefreshGivesANewAccessTokenWithTheSameClaimsAndSpendsTheOldRefreshToken() throws Exception {
        AuthServerClient browser = new AuthServerClient(port);
        JsonNode tokens = browser.signIn("school.leader", PASSWORD, AuthServerClient.random());
        String refreshToken = tokens.path("refresh_token").asText();

        HttpResponse<String> refreshed = browser.refresh(refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = browser.json(refreshed);
        Jwt access = browser.verified(renewed.path("access_token").asText(), ClientCredentialsTest.ISSUER);
        assertThat(access.getSubject()).isEqualTo("demo-head-meadow");
        assertThat(access.getClaimAsString("homelink_role")).isEqualTo("school-leader");
        assertThat(access.getClaimAsStringList("homelink_schools")).containsExactly("990101");
        assertThat(renewed.path("refresh_token").asText()).isNotBlank().isNotEqualTo(refreshToken);

        HttpResponse<String> again = browser.refresh(refreshToken);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(browser.json(again).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongPasswordIsRefusedAndNoCodeIsGiven() throws Exception {
        AuthServerClient browser = new AuthServerClient(port);
        AuthServerClient.Pkce pkce = AuthServerClient.Pkce.create();
        String authorize = browser.authorizeUrl(pkce, "s", "n");
        assertThat(location(browser.get(authorize))).endsWith("/login");

        HttpResponse<String> refused = browser.logIn("key.worker", "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).endsWith("/login?error");

        HttpResponse<String> stillOut = browser.get(authorize);
        assertThat(location(stillOut)).as("still sent to the login form").endsWith("/login");
        assertThat(browser.logIn("no.such.user", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        AuthServerClient browser = new AuthServerClient(port);
        browser.logIn("teacher", PASSWORD);

        HttpResponse<String> answer = browser.get(browser.authorizeUrl(null, "s", "n"));
        assertThat(answer.statusCode()).isEqualTo(302);
        Map<String, String> back = query(URI.create(location(answer)));
        assertThat(back).doesNotContainKey("code").containsEntry("error", "invalid_request");
    }

    @Test
    void aCodeIsWorthNothingWithoutItsVerifier() throws Exception {
        AuthServerClient browser = new AuthServerClient(port);
        browser.logIn("office.staff", PASSWORD);
        AuthServerClient.Pkce pkce = AuthServerClient.Pkce.create();
        HttpResponse<String> back = browser.get(browser.authorizeUrl(pkce, "s", "n"));
        String code = query(URI.create(location(back))).get("code");
        assertThat(code).isNotBlank();

        HttpResponse<String> stolen = browser.exchange(code, AuthServerClient.Pkce.create().verifier());
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(browser.json(stolen).path("error").asText()).isEqualTo("invalid_grant");
    }
}
