package org.homelink.gateway;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Signing in at the gateway, against a stand-in OpenID Connect provider over real HTTP: a person in a browser
 * (authorization code with PKCE, their access token relayed to the service and refreshed when it has expired, CSRF
 * on what they change, signing out), a system with a bearer token, and what is refused without either.
 */
@Import(PatientWebTestClient.class)
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewaySignInTest {

    private static final StandInIssuer issuer = StandInIssuer.shared();
    private static StandInService familyService;
    private static StandInService engagementService;

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startServices() {
        familyService = StandInService.start("family-service");
        engagementService = StandInService.start("engagement-service");
    }

    @AfterAll
    static void stopServices() {
        Stream.of(familyService, engagementService).forEach(StandInService::stop);
    }

    @DynamicPropertySource
    static void pointRoutesAtStandIns(DynamicPropertyRegistry registry) {
        GatewayRoutingTest.trustTheStandInIssuer(registry);
        registry.add("FAMILY_SERVICE_URI", familyService::uri);
        registry.add("ENGAGEMENT_SERVICE_URI", engagementService::uri);
    }

    @BeforeEach
    void forgetEarlierArrivals() {
        Stream.of(familyService, engagementService).forEach(StandInService::answerInTurn);
    }

    @AfterEach
    void issueAsUsual() {
        issuer.issuesAccessTokensFor(Duration.ofMinutes(15)).refusesRefresh(false).signsIn("staff-42");
    }

    @Test
    void signsAPersonInWithPkceAndRelaysTheirAccessTokenToTheService() {
        issuer.signsIn("staff-7");
        Browser browser = new Browser(port);

        HttpResponse<String> signedIn = browser.signIn();

        assertThat(Browser.location(signedIn)).endsWith("/swagger-ui.html");
        HttpResponse<String> answer = browser.get("/api/families/17");
        assertThat(answer.statusCode()).isEqualTo(200);
        String relayed = bearerTokenOf(familyService.lastArrival());
        assertThat(relayed).isEqualTo(lastIssued());
        assertThat(subjectOf(relayed)).isEqualTo("staff-7");
    }

    @Test
    void refreshesAnExpiredAccessTokenBeforeRelayingIt() {
        // Within the minute of clock skew the gateway allows for: it counts as expired at once.
        issuer.issuesAccessTokensFor(Duration.ofSeconds(30));
        Browser browser = new Browser(port);
        browser.signIn();
        String atSignIn = lastIssued();
        issuer.issuesAccessTokensFor(Duration.ofMinutes(15));

        assertThat(browser.get("/api/families/17").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/families/18").statusCode()).isEqualTo(200);

        String refreshed = lastIssued();
        assertThat(refreshed).isNotEqualTo(atSignIn);
        assertThat(familyService.arrivals()).extracting(GatewaySignInTest::bearerTokenOf)
                                            .as("refreshed once, then kept").containsExactly(refreshed, refreshed);
    }

    @Test
    void asksAPersonToSignInAgainWhenTheirTokenCannotBeRefreshed(CapturedOutput output) {
        issuer.issuesAccessTokensFor(Duration.ofSeconds(30));
        Browser browser = new Browser(port);
        browser.signIn();
        issuer.refusesRefresh(true);

        HttpResponse<String> answer = browser.get("/api/families/17", RequestIdFilter.HEADER, "sign-in-ended");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body()).contains("\"field\":\"session\"");
        assertThat(familyService.arrivals()).as("nothing forwarded").isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .as("logged with the status it was answered with").containsPattern("GET /api/families/17 401 \\d+ ms id=sign-in-ended"));
    }

    @Test
    void neverRedirectsAnApiCallWithoutASignInToTheSignInPage() {
        client.get().uri("/api/families/17?name=Ada")
              .accept(MediaType.TEXT_HTML)
              .exchange()
              .expectStatus().isUnauthorized()
              .expectHeader().doesNotExist(HttpHeaders.LOCATION)
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .expectHeader().exists(RequestIdFilter.HEADER)
              .expectBody()
              .jsonPath("$.type").isEqualTo("urn:homelink:problem:unauthenticated")
              .jsonPath("$.status").isEqualTo(401)
              .jsonPath("$.instance").isEqualTo("/api/families/17")
              .jsonPath("$.field").isEqualTo("Authorization");

        assertThat(familyService.arrivals()).as("nothing forwarded").isEmpty();
    }

    @Test
    void sendsABrowserToSignInFromAPageOutsideTheApi() {
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
              .expectStatus().isFound()
              .expectHeader().valueEquals(HttpHeaders.LOCATION, "/oauth2/authorization/homelink");
    }

    /** Each is refused the same way, and none is repeated back. */
    static List<String> badTokens() {
        return List.of(issuer.expiredToken("staff-42"), issuer.tokenSignedByAStranger("staff-42"),
                       issuer.tokenFromAnotherIssuer("staff-42"), "not-a-token");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void refusesAnExpiredOrBadlySignedOrForeignTokenAndNamesAuthorization(int which) {
        String token = badTokens().get(which);

        String body = client.get().uri("/api/families/17").headers(headers -> headers.setBearerAuth(token))
                            .exchange()
                            .expectStatus().isUnauthorized()
                            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                                                        "Bearer error=\"invalid_token\"")
                            .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"field\":\"Authorization\"").doesNotContain(token);
        assertThat(familyService.arrivals()).as("nothing forwarded").isEmpty();
    }

    @Test
    void asksASignedInBrowserForItsCsrfTokenBeforeItChangesAnything() {
        Browser browser = new Browser(port);
        browser.signIn();
        browser.get("/api/families/17");

        HttpResponse<String> withoutToken = browser.post("/api/families", "{\"name\":\"Ada\"}");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("\"field\":\"X-XSRF-TOKEN\"").doesNotContain("Ada");
        assertThat(familyService.arrivals()).extracting(StandInService.Arrival::method).containsExactly("GET");

        String csrf = browser.cookie("XSRF-TOKEN").orElseThrow();
        HttpResponse<String> withToken = browser.post("/api/families", "{\"name\":\"Ada\"}", "X-XSRF-TOKEN", csrf);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(familyService.lastArrival().method()).isEqualTo("POST");
        assertThat(bearerTokenOf(familyService.lastArrival())).isEqualTo(lastIssued());
    }

    @Test
    void asksNoCsrfTokenOfABearerTokenEvenFromABrowserWithASession() {
        Browser browser = new Browser(port);
        browser.signIn();
        String systemToken = issuer.keyWorkerToken();

        HttpResponse<String> answer = browser.post("/api/families", "{}", "Authorization", "Bearer " + systemToken);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(bearerTokenOf(familyService.lastArrival())).as("the token sent, not the session's")
                                                               .isEqualTo(systemToken);
    }

    @Test
    void asksNoCsrfTokenOnAPersonalLinkWhoseLinkIsTheCredential() {
        Browser browser = new Browser(port);
        browser.signIn();

        HttpResponse<String> answer = browser.post("/api/engagement/voice/Zm9yIGEgY2FyZXI/answer", "{}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(engagementService.lastArrival().method()).isEqualTo("POST");
    }

    @Test
    void signsOutAtTheGatewayAndAtTheProvider() {
        Browser browser = new Browser(port);
        browser.signIn();
        browser.get("/api/families/17");

        HttpResponse<String> signedOut = browser.post("/logout", null, "X-XSRF-TOKEN",
                                                      browser.cookie("XSRF-TOKEN").orElseThrow());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedOut)).startsWith(issuer.issuer() + "/connect/logout?")
                                               .contains("id_token_hint=", "post_logout_redirect_uri=");
        assertThat(browser.get("/api/families/17").statusCode()).isEqualTo(401);
    }

    /** Personal data a request may carry anywhere; the log may hold none of it. */
    private static final List<String> PERSONAL = List.of("Zebedee", "Quartermaine", "zebedee.q@example.org",
                                                         "07700900987", "Kingfisher Row");

    @Test
    void logsNoPersonalDataNorTokensWhereverARequestCarriesThem(CapturedOutput output) {
        Map<String, Object> personalClaims = Map.of("homelink_role", "key-worker", "homelink_trust", "trust-7",
                                                    "name", "Zebedee Quartermaine",
                                                    "email", "zebedee.q@example.org");
        String token = issuer.token("staff-42", personalClaims);
        String expired = issuer.expiredToken("staff-42");
        String stranger = issuer.tokenSignedByAStranger("staff-42");
        String query = "?name=Zebedee+Quartermaine&email=zebedee.q%40example.org&phone=07700900987";
        String body = "{\"name\":\"Zebedee Quartermaine\",\"phone\":\"07700900987\","
                + "\"address\":\"17 Kingfisher Row\"}";
        String note = "Zebedee Quartermaine, 17 Kingfisher Row, 07700900987";

        client.get().uri("/api/families/17/carers" + query).headers(headers -> headers.setBearerAuth(token))
              .header("X-Carer-Note", note).header(RequestIdFilter.HEADER, "privacy-1")
              .exchange().expectStatus().isOk();
        client.post().uri("/api/families" + query).headers(headers -> headers.setBearerAuth(token))
              .header(RequestIdFilter.HEADER, "privacy-2")
              .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
              .exchange().expectStatus().isOk();
        client.get().uri("/api/families/17" + query).headers(headers -> headers.setBearerAuth(expired))
              .header("X-Carer-Note", note).header(RequestIdFilter.HEADER, "privacy-3")
              .exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/families").headers(headers -> headers.setBearerAuth(stranger))
              .header(RequestIdFilter.HEADER, "privacy-4")
              .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
              .exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/other/17" + query).headers(headers -> headers.setBearerAuth(token))
              .header(RequestIdFilter.HEADER, "privacy-5")
              .exchange().expectStatus().isNotFound();
        Browser browser = new Browser(port);
        browser.signIn();
        browser.get("/api/families/17" + query, "X-Carer-Note", note, RequestIdFilter.HEADER, "privacy-6");
        browser.post("/api/families" + query, body, RequestIdFilter.HEADER, "privacy-7");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("id=privacy-1", "id=privacy-2", "id=privacy-3", "id=privacy-4", "id=privacy-5",
                          "id=privacy-6", "id=privacy-7"));
        String log = output.getAll();
        PERSONAL.forEach(personal -> assertThat(log).doesNotContain(personal));
        Stream.concat(Stream.of(token, expired, stranger), issuer.accessTokensIssued().stream())
              .forEach(issued -> assertThat(log).doesNotContain(issued)
                                                .doesNotContain(issued.substring(issued.lastIndexOf('.') + 1)));
    }

    private static String bearerTokenOf(StandInService.Arrival arrival) {
        String authorization = arrival.headers().getFirst(HttpHeaders.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ");
        return authorization.substring("Bearer ".length());
    }

    private static String lastIssued() {
        List<String> issued = issuer.accessTokensIssued();
        return issued.get(issued.size() - 1);
    }

    private static String subjectOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
