package org.homelink.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * What protects the gateway and its clients on every request: a rate limit per client, a limit on bodies, headers and
 * URLs, and the security headers on every answer. The limits are small here, set the way a deployment sets them.
 * The gateway trusts forwarded headers here, as it would behind a proxy, so that a test can act as an HTTPS client
 * or as another address.
 */
@Import(PatientWebTestClient.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "homelink.gateway.rate-limit.clients.rate=0.1",
        "homelink.gateway.rate-limit.clients.burst=3",
        "homelink.gateway.rate-limit.anonymous.rate=1",
        "homelink.gateway.rate-limit.anonymous.burst=2",
        "GATEWAY_MAX_BODY_SIZE=1KB",
        "GATEWAY_MAX_UPLOAD_SIZE=4KB",
        "GATEWAY_MAX_HEADER_SIZE=4KB",
        "GATEWAY_MAX_URL_LENGTH=1KB",
        "server.forward-headers-strategy=framework"})
class GatewayLimitsAndHeadersTest {

    private static final StandInIssuer issuer = StandInIssuer.shared();
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self' " + issuer.issuer();

    private static StandInService familyService;
    private static StandInService engagementService;
    private static final String PARTNERS_SERVICE_DOWN = StandInService.closedPort();

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
        registry.add("PARTNERS_SERVICE_URI", () -> PARTNERS_SERVICE_DOWN);
    }

    @BeforeEach
    void forgetEarlierArrivals() {
        Stream.of(familyService, engagementService).forEach(StandInService::answerInTurn);
        familyService.answerWithHeaders(Map.of());
    }

    /** Each test its own client, so that one test's requests do not spend another's bucket. */
    private static String newClientsToken() {
        return issuer.token("client-" + UUID.randomUUID(), Map.of("homelink_role", "trust-leader",
                                                                  "homelink_trust", "trust-7"));
    }

    // Rate limits

    @Test
    void answers429PastAClientsLimitAndLeavesAnotherClientAlone() {
        String token = newClientsToken();
        for (String remaining : List.of("2", "1", "0")) {
            client.get().uri("/api/families/17").headers(headers -> headers.setBearerAuth(token)).exchange()
                  .expectStatus().isOk()
                  .expectHeader().valueEquals(RateLimitFilter.REMAINING, remaining);
        }

        WebTestClient.ResponseSpec refused = client.get().uri("/api/families/17")
                                                   .headers(headers -> headers.setBearerAuth(token)).exchange();

        refused.expectStatus().isEqualTo(429)
               .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
               .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds))
                       .as("the ten seconds a token takes, less what has refilled").isBetween(1, 10))
               .expectHeader().valueEquals(RateLimitFilter.REMAINING, "0")
               .expectBody()
               .jsonPath("$.type").isEqualTo("urn:homelink:problem:too-many-requests")
               .jsonPath("$.status").isEqualTo(429)
               .jsonPath("$.instance").isEqualTo("/api/families/17");
        assertSecurityHeaders(refused, true);
        assertThat(familyService.arrivals()).as("the refused request was not forwarded").hasSize(3);

        client.get().uri("/api/families/17").headers(headers -> headers.setBearerAuth(newClientsToken())).exchange()
              .expectStatus().isOk();
    }

    /** One a second here: on a busy machine a request may take long enough to earn another, so it asks on. */
    @Test
    void limitsAnonymousClientsByAddressAndRefillsTheirBucket() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            personalLinkFrom("203.0.113.7").expectStatus().isOk();
        }
        int refusedAfter = 0;
        while (personalLinkFrom("203.0.113.7").returnResult(String.class).getStatus().value() != 429) {
            assertThat(++refusedAfter).as("refused within a few requests past the burst").isLessThan(5);
        }
        personalLinkFrom("203.0.113.8").expectStatus().isOk();

        Thread.sleep(1100);

        personalLinkFrom("203.0.113.7").expectStatus().isOk();
    }

    /** A carer's personal link: no sign-in. */
    private WebTestClient.ResponseSpec personalLinkFrom(String address) {
        return client.get().uri("/api/engagement/voice/Zm9yIGEgY2FyZXI").header("X-Forwarded-For", address).exchange();
    }

    // Sizes

    @Test
    void refusesABodyLargerThanTheLimitWithoutForwardingIt() {
        client.post().uri("/api/families").headers(headers -> headers.setBearerAuth(newClientsToken()))
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(json(1025))
              .exchange()
              .expectStatus().isEqualTo(413)
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody()
              .jsonPath("$.type").isEqualTo("urn:homelink:problem:too-large")
              .jsonPath("$.detail").isEqualTo("The body is larger than the 1 KB the gateway accepts on this path.")
              .jsonPath("$.field").isEqualTo("body");

        assertThat(familyService.arrivals()).isEmpty();
    }

    @Test
    void countsABodySentInChunksAndRefusesItOnceItPassesTheLimit() {
        HttpResponse<String> answer = sendChunked("/api/families", 4096);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("urn:homelink:problem:too-large");
        assertThat(familyService.arrivals()).isEmpty();
    }

    @Test
    void passesABodySentInChunksWithinTheLimitOnWhole() {
        HttpResponse<String> answer = sendChunked("/api/families", 1000);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(familyService.lastArrival().bodyLength()).isEqualTo(1000);
        assertThat(familyService.lastArrival().headers().getFirst("Content-Length")).isEqualTo("1000");
    }

    @ParameterizedTest
    @CsvSource({"3000, 200", "4097, 413"})
    void letsAnUploadBeLargerUpToItsOwnLimit(int size, int status) {
        client.post().uri("/api/engagement/attendance/schools/100001/marks")
              .headers(headers -> headers.setBearerAuth(newClientsToken()))
              .contentType(MediaType.parseMediaType("text/csv"))
              .bodyValue("x".repeat(size))
              .exchange()
              .expectStatus().isEqualTo(status);

        assertThat(engagementService.arrivals()).hasSize(status == 200 ? 1 : 0);
    }

    @Test
    void refusesHeadersLargerThanTheLimitAndUrlsLongerThanTheLimit() {
        assertThat(send(HttpRequest.newBuilder(gateway("/openreferral/services"))
                                   .header("X-Padding", "p".repeat(5000))).statusCode())
                .isEqualTo(431);
        assertThat(send(HttpRequest.newBuilder(gateway("/openreferral/services?q=" + "q".repeat(1100))))
                           .statusCode())
                .isEqualTo(414);
    }

    // Security headers

    @Test
    void setsTheSecurityHeadersOnAServicesAnswerAnErrorARefusalAndAFallback() {
        String token = newClientsToken();
        assertSecurityHeaders(client.get().uri("/api/families/17").headers(h -> h.setBearerAuth(token)).exchange()
                                    .expectStatus().isOk(), true);
        assertSecurityHeaders(client.get().uri("/api/other/17").headers(h -> h.setBearerAuth(token)).exchange()
                                    .expectStatus().isNotFound(), true);
        assertSecurityHeaders(client.get().uri("/api/partners/referrals").headers(h -> h.setBearerAuth(token))
                                    .exchange()
                                    .expectStatus().isEqualTo(503), true);
        assertSecurityHeaders(client.get().uri("/api/families/17").header("X-Forwarded-For", "203.0.113.20")
                                    .exchange()
                                    .expectStatus().isUnauthorized(), true);
        assertSecurityHeaders(client.post().uri("/api/families").header("X-Forwarded-For", "203.0.113.21")
                                    .contentType(MediaType.APPLICATION_JSON).bodyValue(json(2000)).exchange()
                                    .expectStatus().isEqualTo(413), true);
        assertSecurityHeaders(client.get().uri("/swagger-ui/index.html").header("X-Forwarded-For", "203.0.113.22")
                                    .exchange()
                                    .expectStatus().isOk(), false);
    }

    @Test
    void keepsFamiliesDataOutOfCachesWhateverTheServiceSaid() {
        familyService.answerWithHeaders(Map.of("Cache-Control", "max-age=3600", "Expires", "Wed, 21 Oct 2099 07:28:00 GMT",
                                               "X-Frame-Options", "SAMEORIGIN"));

        client.get().uri("/api/families/17").headers(h -> h.setBearerAuth(newClientsToken())).exchange()
              .expectStatus().isOk()
              .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
              .expectHeader().doesNotExist(HttpHeaders.EXPIRES)
              .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void sendsStrictTransportSecurityOnlyOverHttps() {
        String token = newClientsToken();
        client.get().uri("/api/families/17").headers(h -> h.setBearerAuth(token))
              .header("X-Forwarded-Proto", "https")
              .exchange()
              .expectStatus().isOk()
              .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        client.get().uri("/api/families/17").headers(h -> h.setBearerAuth(token)).exchange()
              .expectStatus().isOk()
              .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    /** The policy lets only the gateway's own scripts run: the Swagger UI must have no inline script. */
    @Test
    void letsTheSwaggerUiRunUnderTheContentSecurityPolicy() {
        String page = client.get().uri("/swagger-ui/index.html").header("X-Forwarded-For", "203.0.113.30")
                            .exchange()
                            .expectStatus().isOk()
                            .expectHeader().valueEquals("Content-Security-Policy", CSP)
                            .expectBody(String.class).returnResult().getResponseBody();

        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("loaded from the gateway").containsPattern("src=\"\\./[^\"]+\"");
            assertThat(scripts.group(2).strip()).as("no inline script").isEmpty();
        }
        assertThat(count).isPositive();
        assertThat(page).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("javascript:");
        client.get().uri("/swagger-ui/swagger-initializer.js").header("X-Forwarded-For", "203.0.113.31").exchange()
              .expectStatus().isOk();
    }

    private static void assertSecurityHeaders(WebTestClient.ResponseSpec answer, boolean api) {
        answer.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
              .expectHeader().valueEquals("X-Frame-Options", "DENY")
              .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
              .expectHeader().valueEquals("Content-Security-Policy", CSP)
              .expectHeader().value("Permissions-Policy", policy -> assertThat(policy).contains("camera=()",
                                                                                              "geolocation=()"))
              .expectHeader().exists(RequestIdFilter.HEADER);
        if (api) {
            answer.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static String json(int size) {
        String prefix = "{\"note\":\"";
        return prefix + "n".repeat(size - prefix.length() - 2) + "\"}";
    }

    private URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** An input stream of unknown length: the client sends it in chunks, with no Content-Length. */
    private HttpResponse<String> sendChunked(String path, int size) {
        return send(HttpRequest.newBuilder(gateway(path))
                               .header("Authorization", "Bearer " + newClientsToken())
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofInputStream(
                                       () -> new ByteArrayInputStream(json(size).getBytes()))));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                             .build()
                             .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
