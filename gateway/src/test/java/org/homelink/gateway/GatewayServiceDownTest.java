package org.homelink.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.gateway.GatewayRoutingTest.keyWorker;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * family-service is down (nothing listens on its port) while community-partners-service is up, with the default
 * time limit of ten seconds: the client gets a 503 problem+json at once, not after the time limit, and only the
 * breaker of the service that is down opens. A breaker judges on four calls here, so that the test is quick.
 */
@Import(PatientWebTestClient.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4"})
class GatewayServiceDownTest {

    /** Generous for a slow build machine, and still far below the ten seconds of the time limit. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    private static final String FAMILY_SERVICE_DOWN = StandInService.closedPort();
    private static StandInService partnersService;

    @Autowired
    private WebTestClient client;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @BeforeAll
    static void startServices() {
        partnersService = StandInService.start("community-partners-service");
    }

    @AfterAll
    static void stopServices() {
        partnersService.stop();
    }

    @DynamicPropertySource
    static void pointRoutesAtStandIns(DynamicPropertyRegistry registry) {
        GatewayRoutingTest.trustTheStandInIssuer(registry);
        registry.add("FAMILY_SERVICE_URI", () -> FAMILY_SERVICE_DOWN);
        registry.add("PARTNERS_SERVICE_URI", partnersService::uri);
    }

    /** Each test starts with closed breakers, so that a fast 503 is not merely an open breaker's. */
    @BeforeEach
    void closeTheBreakers() {
        GatewayRoutingTest.checkATokenOnce(client, "/api/partners/referrals/0");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @ParameterizedTest
    @CsvSource({"GET", "POST"})
    void answersAtOnceWith503WhenTheServiceIsNotListening(HttpMethod method) {
        long start = System.nanoTime();
        client.method(method).uri("/api/families/17/carers?search=Ada").headers(keyWorker()).exchange()
              .expectStatus().isEqualTo(503)
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10")
              .expectHeader().exists(RequestIdFilter.HEADER)
              .expectBody()
              .jsonPath("$.type").isEqualTo("urn:homelink:problem:service-unavailable")
              .jsonPath("$.title").isEqualTo("Service unavailable")
              .jsonPath("$.status").isEqualTo(503)
              .jsonPath("$.detail").isEqualTo("family-service is not answering at the moment; try again in 10 seconds.")
              .jsonPath("$.instance").isEqualTo("/api/families/17/carers")
              .jsonPath("$.service").isEqualTo("family-service");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("503 for a closed port (%s, breaker closed): %d ms%n", method, elapsed.toMillis());
        assertThat(elapsed).isLessThan(AT_ONCE);
        assertThat(breakers.circuitBreaker("family-service").getMetrics().getNumberOfFailedCalls())
                .as("the service was tried, not refused by an open breaker").isEqualTo(1);
    }

    @Test
    void opensTheBreakerOfTheServiceThatIsDownAndOnlyThatOne() {
        IntStream.range(0, 4).forEach(i -> {
            client.get().uri("/api/families/17").headers(keyWorker()).exchange().expectStatus().isEqualTo(503);
            client.get().uri("/api/partners/referrals/9").headers(keyWorker()).exchange().expectStatus().isOk();
        });

        assertThat(breakers.circuitBreaker("family-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.circuitBreaker("community-partners-service").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        // An open breaker answers with the fallback without trying the service.
        client.get().uri("/api/families/17").headers(keyWorker()).exchange()
              .expectStatus().isEqualTo(503)
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10");
        assertThat(breakers.circuitBreaker("family-service").getMetrics().getNumberOfNotPermittedCalls())
                .isEqualTo(1);
        client.get().uri("/api/partners/referrals/9").headers(keyWorker()).exchange().expectStatus().isOk();
    }

    @Test
    void staysHealthyItselfWhileAServiceIsDown() {
        IntStream.range(0, 5).forEach(i -> client.get().uri("/api/families/17").headers(keyWorker()).exchange()
                                                 .expectStatus().isEqualTo(503));

        client.get().uri("/actuator/health").exchange()
              .expectStatus().isOk()
              .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
