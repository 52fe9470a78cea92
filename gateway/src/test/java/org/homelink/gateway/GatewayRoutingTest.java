package org.homelink.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homelink.gateway.RequestIdFilter.HEADER;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The routes of application.yml, each pointed at a stand-in for its service, with the settings a user gets by
 * default: what reaches a service, what is refused before it, the request id, the log line, CORS and the API docs.
 */
@Import(PatientWebTestClient.class)
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureObservability // Spring Boot leaves /actuator/prometheus out of tests unless asked
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingTest {

    private static StandInService familyService;
    private static StandInService engagementService;
    private static StandInService partnersService;

    @Autowired
    private WebTestClient client;

    @BeforeAll
    static void startServices() {
        familyService = StandInService.start("family-service");
        engagementService = StandInService.start("engagement-service");
        partnersService = StandInService.start("community-partners-service");
    }

    @AfterAll
    static void stopServices() {
        Stream.of(familyService, engagementService, partnersService).forEach(StandInService::stop);
    }

    @DynamicPropertySource
    static void pointRoutesAtStandIns(DynamicPropertyRegistry registry) {
        trustTheStandInIssuer(registry);
        registry.add("FAMILY_SERVICE_URI", familyService::uri);
        registry.add("ENGAGEMENT_SERVICE_URI", engagementService::uri);
        registry.add("PARTNERS_SERVICE_URI", partnersService::uri);
    }

    @BeforeEach
    void forgetEarlierArrivals() {
        Stream.of(familyService, engagementService, partnersService).forEach(StandInService::answerInTurn);
    }

    /** A key worker at two schools of trust-7, as a system sends them: a bearer token from the issuer. */
    static Consumer<HttpHeaders> keyWorker() {
        return headers -> headers.setBearerAuth(StandInIssuer.shared().keyWorkerToken());
    }

    /**
     * Checks a token once, so that the gateway has read the issuer's discovery document and keys before a test
     * times a request: the first token of a context costs those reads.
     */
    static void checkATokenOnce(WebTestClient client, String path) {
        client.get().uri(path).headers(keyWorker()).exchange().expectStatus().isOk();
    }

    /** Every gateway under test trusts the stand-in issuer, and signs in at it with the stand-in's client. */
    static void trustTheStandInIssuer(DynamicPropertyRegistry registry) {
        registry.add("HOMELINK_ISSUER_URI", StandInIssuer.shared()::issuer);
        registry.add("HOMELINK_GATEWAY_CLIENT_ID", () -> StandInIssuer.CLIENT_ID);
        registry.add("HOMELINK_GATEWAY_CLIENT_SECRET", () -> StandInIssuer.CLIENT_SECRET);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/families/ping, family-service",
            "/api/engagement/activities?term=autumn, engagement-service",
            "/api/partners/referrals/42, community-partners-service",
            "/openreferral/services, community-partners-service"})
    void routesEachPrefixToItsServiceWithThePathIntact(String path, String service) {
        client.get().uri(path).headers(keyWorker()).exchange()
              .expectStatus().isOk()
              .expectBody(String.class).isEqualTo(service + " " + path);
    }

    @Test
    void forwardsNothingOutsideTheServicesPrefixes() {
        client.get().uri("/api/other/ping").headers(keyWorker()).exchange()
              .expectStatus().isNotFound()
              .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.instance").isEqualTo("/api/other/ping");
    }

    @Test
    void passesASystemsBearerTokenOnUnchanged() {
        String token = StandInIssuer.shared().keyWorkerToken();

        client.post().uri("/api/families").headers(headers -> headers.setBearerAuth(token)).exchange()
              .expectStatus().isOk();

        StandInService.Arrival arrival = familyService.lastArrival();
        assertThat(arrival.method()).isEqualTo("POST");
        assertThat(arrival.headers().get(HttpHeaders.AUTHORIZATION)).containsExactly("Bearer " + token);
    }

    @Test
    void removesRequestContextHeadersAClientMadeUp() {
        client.get().uri("/api/families/17")
              .headers(keyWorker())
              .header("X-Homelink-Trust", "trust-9")
              .header("X-Homelink-Role", "trust-leader")
              .header("X-Homelink-Staff", "head-1")
              .header("X-Homelink-Schools", "100009")
              .header("X-Homelink-Organisation", "org-7")
              .header("x-homelink-anything-new", "made up")
              .exchange()
              .expectStatus().isOk();

        assertThat(familyService.lastArrival().headers().keySet())
                .noneMatch(header -> header.toLowerCase().startsWith("x-homelink-"));
    }

    @ParameterizedTest
    @CsvSource({
            "/openreferral/services?text=food, community-partners-service",
            "/api/families/v3/api-docs, family-service",
            "/api/engagement/v3/api-docs, engagement-service",
            "/api/partners/v3/api-docs, community-partners-service",
            "/api/engagement/voice/Zm9yIGEgY2FyZXI, engagement-service",
            "/api/engagement/voice/Zm9yIGEgY2FyZXI/answer, engagement-service",
            "/api/engagement/agreement-links/QWdyZWVtZW50IGxpbms, engagement-service",
            "/api/engagement/messages/receipts/sms, engagement-service"})
    void asksNoSignInForOpenDataOrTheApiDocsOrAPersonalLinkOrAProvidersWebhook(String path, String service) {
        client.get().uri(path).exchange()
              .expectStatus().isOk()
              .expectBody(String.class).isEqualTo(service + " " + path);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/families/v3/api-docs/../../../families/17",
            "/api/families/v3/api-docs/%2e%2e/%2E%2E/%2e%2e/families/17",
            "/api/families/v3/api-docs/..;/..;/..;/families/17",
            "/openreferral/../api/partners/referrals/9",
            "/api/engagement/voice/../surveys/9/results",
            "/api/engagement/agreement-links/../../families/17",
            "/api/engagement/messages/receipts/%2e%2e/%2e%2e/surveys/9/results"})
    void refusesAPathThatMayClimbIntoTheApi(String path, @LocalServerPort int port) {
        // As sent, not normalised or encoded again on the way; with a good token, so that only the path is at fault.
        client.get().uri(URI.create("http://127.0.0.1:" + port + path)).headers(keyWorker()).exchange()
              .expectStatus().isBadRequest()
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody().jsonPath("$.field").isEqualTo("path");

        assertThat(Stream.of(familyService, engagementService, partnersService)
                         .flatMap(service -> service.arrivals().stream()))
                .as("nothing forwarded").isEmpty();
    }

    @Test
    void givesARequestWithoutAnIdANewOneAndPassesItToTheService() {
        List<String> answered = client.get().uri("/api/engagement/activities").headers(keyWorker()).exchange()
                                      .expectStatus().isOk()
                                      .returnResult(String.class).getResponseHeaders().get(HEADER);

        assertThat(answered).as("one id, even though the service echoed it").hasSize(1);
        assertThat(answered.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(engagementService.lastArrival().headers().get(HEADER)).containsExactly(answered.get(0));
    }

    @Test
    void keepsAClientsSaneRequestId() {
        client.get().uri("/api/engagement/activities").headers(keyWorker())
              .header(HEADER, "front-end.call_42")
              .exchange()
              .expectStatus().isOk()
              .expectHeader().valuesMatch(HEADER, "front-end.call_42");

        assertThat(engagementService.lastArrival().headers().get(HEADER)).containsExactly("front-end.call_42");
    }

    @ParameterizedTest
    @CsvSource({"'has space'", "'<script>'", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"})
    void replacesARequestIdThatIsNotAPlainToken(String given) {
        String answered = client.get().uri("/api/engagement/activities").headers(keyWorker())
                                .header(HEADER, given)
                                .exchange()
                                .expectStatus().isOk()
                                .returnResult(String.class).getResponseHeaders().getFirst(HEADER);

        assertThat(answered).isNotEqualTo(given).hasSize(36);
        assertThat(engagementService.lastArrival().headers().get(HEADER)).containsExactly(answered);
    }

    @Test
    void logsOneLineWithTheRequestIdAndWithoutTheQuery(CapturedOutput output) {
        client.get().uri("/api/families/17/carers?search=Ada+Lovelace").headers(keyWorker())
              .header(HEADER, "log-line-check-1")
              .exchange()
              .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[log-line-check-1\\].* GET /api/families/17/carers 200 \\d+ ms"));
        String line = output.getOut().lines().filter(each -> each.contains("log-line-check-1"))
                            .findFirst().orElseThrow();
        assertThat(line).doesNotContain("search", "Ada", "Lovelace", "?", "staff-42", "trust-7", "Bearer");
    }

    @Test
    void neverLogsACarersPersonalSurveyLink(CapturedOutput output) {
        client.get().uri("/api/engagement/voice/Zm9yIGEgY2FyZXI/answer").header(HEADER, "log-line-check-3")
              .exchange();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[log-line-check-3\\].* GET /api/engagement/voice/\\{link}/answer "));
        assertThat(output.getOut()).doesNotContain("Zm9yIGEgY2FyZXI");
    }

    @Test
    void neverLogsAFamilysAgreementLink(CapturedOutput output) {
        client.get().uri("/api/engagement/agreement-links/QWdyZWVtZW50IGxpbms").header(HEADER, "log-line-check-4")
              .exchange()
              .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[log-line-check-4\\].* GET /api/engagement/agreement-links/\\{link} 200 "));
        assertThat(output.getOut()).doesNotContain("QWdyZWVtZW50IGxpbms");
    }

    @Test
    void passesAProvidersSignedReceiptOnWithoutAContext() {
        client.post().uri("/api/engagement/messages/receipts/sms")
              .header("X-Homelink-Signature", "sha256=0a1b2c")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"reference\": \"delivery-1\", \"status\": \"delivered\"}")
              .exchange()
              .expectStatus().isOk();

        StandInService.Arrival arrival = engagementService.lastArrival();
        assertThat(arrival.method()).isEqualTo("POST");
        assertThat(arrival.headers().getFirst("X-Homelink-Signature")).as("the service checks it")
                                                                      .isEqualTo("sha256=0a1b2c");
    }

    @Test
    void logsARefusedRequestToo(CapturedOutput output) {
        client.get().uri("/api/families/17").header(HEADER, "log-line-check-2").exchange()
              .expectStatus().isUnauthorized();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[log-line-check-2\\].* GET /api/families/17 401 \\d+ ms"));
    }

    @Test
    void refusesCrossOriginCallsToTheApiUnlessTheirOriginIsConfigured() {
        client.options().uri("/api/families/17")
              .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
              .exchange()
              .expectStatus().isForbidden()
              .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void letsAnyOriginReadOpenReferral() {
        client.options().uri("/openreferral/services")
              .header(HttpHeaders.ORIGIN, "https://anyone.example")
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
              .exchange()
              .expectStatus().isOk()
              .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");

        client.get().uri("/openreferral/services")
              .header(HttpHeaders.ORIGIN, "https://anyone.example")
              .exchange()
              .expectStatus().isOk()
              .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    @Test
    void listsEveryServicesApiDocsFetchedThroughTheGateway() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
              .expectStatus().isOk()
              .expectBody()
              .jsonPath("$.urls.length()").isEqualTo(3)
              .jsonPath("$.urls[?(@.name == 'family-service')].url").isEqualTo("/api/families/v3/api-docs")
              .jsonPath("$.urls[?(@.name == 'engagement-service')].url").isEqualTo("/api/engagement/v3/api-docs")
              .jsonPath("$.urls[?(@.name == 'community-partners-service')].url")
              .isEqualTo("/api/partners/v3/api-docs");
    }

    @Test
    void servesTheSwaggerUi() {
        client.get().uri("/swagger-ui.html").exchange()
              .expectStatus().is3xxRedirection()
              .expectHeader().valueEquals(HttpHeaders.LOCATION, "/swagger-ui/index.html");
        client.get().uri("/swagger-ui/index.html").exchange()
              .expectStatus().isOk()
              .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void reportsEachServicesCircuitBreakerByName() {
        Stream.of("/api/families/1", "/api/engagement/1", "/api/partners/1")
              .forEach(path -> client.get().uri(path).headers(keyWorker()).exchange().expectStatus().isOk());

        client.get().uri("/actuator/prometheus").exchange()
              .expectStatus().isOk()
              .expectBody(String.class).value(metrics -> Stream.of(
                      "family-service", "engagement-service", "community-partners-service").forEach(
                      service -> assertThat(metrics).containsPattern(
                              "resilience4j_circuitbreaker_state\\{[^}]*name=\"" + service + "\",state=\"closed\"}")));
    }

    @Test
    void answersForItsOwnHealth() {
        client.method(HttpMethod.GET).uri("/actuator/health").exchange()
              .expectStatus().isOk()
              .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
