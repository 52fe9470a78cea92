package org.homelink.gateway;

import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.gateway.GatewayRoutingTest.keyWorker;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A service that hangs is cut off at the time limit with a 503 problem+json; a service that is briefly unavailable
 * is asked again, but only for requests that are safe to repeat. The time limit is 1.5 seconds here, set the way a
 * user sets it (homelink.gateway.timeout, or GATEWAY_TIMEOUT).
 */
@Import(PatientWebTestClient.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "homelink.gateway.timeout=1500ms")
class GatewayTimeLimitAndRetryTest {

    /** Not Resilience4j's own default of one second, so that the tests show the setting is the one applied. */
    private static final Duration TIME_LIMIT = Duration.ofMillis(1500);
    /** Generous for a slow build machine, and still far below how long the stand-in hangs. */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    /** engagement-service hangs: it answers long after the time limit. */
    private static StandInService engagementService;
    private static StandInService partnersService;

    @Autowired
    private WebTestClient client;

    @BeforeAll
    static void startServices() {
        engagementService = StandInService.start("engagement-service").delayAnswersBy(TIME_LIMIT.multipliedBy(4));
        partnersService = StandInService.start("community-partners-service");
    }

    @AfterAll
    static void stopServices() {
        Stream.of(engagementService, partnersService).forEach(StandInService::stop);
    }

    @DynamicPropertySource
    static void pointRoutesAtStandIns(DynamicPropertyRegistry registry) {
        GatewayRoutingTest.trustTheStandInIssuer(registry);
        registry.add("ENGAGEMENT_SERVICE_URI", engagementService::uri);
        registry.add("PARTNERS_SERVICE_URI", partnersService::uri);
    }

    @BeforeEach
    void checkATokenBeforeTimingAnything() {
        partnersService.answerInTurn();
        GatewayRoutingTest.checkATokenOnce(client, "/api/partners/referrals/0");
    }

    @Test
    void answersWith503AtTheTimeLimitWhenTheServiceHangs() {
        engagementService.answerInTurn();

        long start = System.nanoTime();
        client.get().uri("/api/engagement/activities/3").headers(keyWorker()).exchange()
              .expectStatus().isEqualTo(503)
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectHeader().exists(RequestIdFilter.HEADER)
              .expectBody()
              .jsonPath("$.title").isEqualTo("Service unavailable")
              .jsonPath("$.detail")
              .isEqualTo("engagement-service is not answering at the moment; try again in 10 seconds.")
              .jsonPath("$.instance").isEqualTo("/api/engagement/activities/3");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("503 for a hanging service (time limit %d ms): %d ms%n", TIME_LIMIT.toMillis(),
                          elapsed.toMillis());
        assertThat(elapsed).isBetween(TIME_LIMIT.minusMillis(100), TIME_LIMIT.plus(MARGIN));
        assertThat(engagementService.arrivals()).as("a timeout is not retried").hasSize(1);
    }

    @Test
    void setsTheTimeLimitOnceForTheBreakerAndTheHttpClient(@Autowired TimeLimiterRegistry timeLimiters,
                                                           @Autowired HttpClientProperties httpClient) {
        assertThat(timeLimiters.getDefaultConfig().getTimeoutDuration()).isEqualTo(TIME_LIMIT);
        assertThat(httpClient.getResponseTimeout()).isEqualTo(TIME_LIMIT);
        assertThat(httpClient.getConnectTimeout()).isEqualTo(2000);
    }

    @Test
    void letsManyRequestsToOneServiceRunAtOnce(@LocalServerPort int port) {
        partnersService.answerInTurn(200).delayAnswersBy(Duration.ofMillis(500));
        HttpClient http = HttpClient.newHttpClient();
        String token = StandInIssuer.shared().keyWorkerToken();
        try {
            List<Integer> statuses = IntStream.range(0, 40)
                    .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(
                                                          "http://127.0.0.1:" + port + "/api/partners/referrals/" + i))
                                                          .header("Authorization", "Bearer " + token)
                                                          .build(),
                                                  HttpResponse.BodyHandlers.discarding()))
                    .toList().stream()
                    .map(response -> response.join().statusCode())
                    .toList();

            assertThat(statuses).as("no concurrency cap turns requests away").containsOnly(200);
            assertThat(partnersService.arrivals()).hasSize(40);
        } finally {
            partnersService.delayAnswersBy(Duration.ZERO);
        }
    }

    @ParameterizedTest
    @CsvSource({"GET", "HEAD", "PUT", "DELETE"})
    void retriesARequestSafeToRepeatWhenTheServiceIsBrieflyUnavailable(HttpMethod method) {
        partnersService.answerInTurn(503, 200);

        client.method(method).uri("/api/partners/referrals/9").headers(keyWorker()).exchange()
              .expectStatus().isOk();

        assertThat(partnersService.arrivals()).hasSize(2).allSatisfy(arrival -> {
            assertThat(arrival.method()).isEqualTo(method.name());
            assertThat(arrival.uri()).isEqualTo("/api/partners/referrals/9");
        });
    }

    @Test
    void retriesAPutWithItsBody() {
        partnersService.answerInTurn(502, 200);

        client.put().uri("/api/partners/referrals/9/outcome").headers(keyWorker())
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"outcome\":\"helped\"}")
              .exchange()
              .expectStatus().isOk();

        assertThat(partnersService.arrivals()).hasSize(2);
        assertThat(partnersService.lastArrival().headers().getFirst("Content-Length")).isEqualTo("20");
    }

    @ParameterizedTest
    @CsvSource({"POST", "PATCH"})
    void neverRetriesARequestThatMayNotBeSafeToRepeat(HttpMethod method) {
        partnersService.answerInTurn(503, 200);

        client.method(method).uri("/api/partners/referrals")
              .headers(keyWorker())
              .header("Idempotency-Key", "7b0c5e0e-1f4a-4d7c-9a51-3f7d2b8c1e20")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"familyId\":\"family-1\"}")
              .exchange()
              .expectStatus().isEqualTo(503)
              .expectBody(String.class).isEqualTo("community-partners-service /api/partners/referrals");

        assertThat(partnersService.arrivals()).hasSize(1);
    }

    @Test
    void retriesTwiceAtMostThenPassesOnTheServicesOwnAnswer() {
        partnersService.answerInTurn(503);

        client.get().uri("/api/partners/referrals/9").headers(keyWorker()).exchange()
              .expectStatus().isEqualTo(503)
              .expectBody(String.class).isEqualTo("community-partners-service /api/partners/referrals/9");

        assertThat(partnersService.arrivals()).hasSize(3);
    }

    @Test
    void doesNotRetryAnInternalError() {
        partnersService.answerInTurn(500, 200);

        client.get().uri("/api/partners/referrals/9").headers(keyWorker()).exchange()
              .expectStatus().isEqualTo(500);

        assertThat(partnersService.arrivals()).hasSize(1);
    }
}
