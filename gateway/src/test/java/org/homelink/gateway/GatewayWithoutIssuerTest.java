package org.homelink.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The gateway starts before its sign-in provider, as the one-command run may start them: it does not ask the
 * provider anything at start, answers what needs the provider with 503 while it is away, serves what is public all
 * the while, and signs people in and checks tokens as soon as the provider is there.
 */
@Import(PatientWebTestClient.class)
@SpringBootTest(webEnvironment = RANDOM_PORT)
class GatewayWithoutIssuerTest {

    private static final StandInIssuer lateIssuer = StandInIssuer.notYetStartedOn(
            URI.create(StandInService.closedPort()).getPort());
    private static StandInService engagementService;

    @Autowired
    private WebTestClient client;

    @BeforeAll
    static void startService() {
        engagementService = StandInService.start("engagement-service");
    }

    @AfterAll
    static void stopAll() {
        engagementService.stop();
        lateIssuer.stop();
    }

    @DynamicPropertySource
    static void pointAtAnIssuerNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("HOMELINK_ISSUER_URI", lateIssuer::issuer);
        registry.add("HOMELINK_GATEWAY_CLIENT_SECRET", () -> StandInIssuer.CLIENT_SECRET);
        registry.add("ENGAGEMENT_SERVICE_URI", engagementService::uri);
    }

    @Test
    void startsWithoutTheProviderAndUsesItOnceItIsThere() {
        String token = lateIssuer.token("staff-42", Map.of("homelink_role", "key-worker", "homelink_trust", "trust-7",
                                                           "homelink_schools", List.of("100001")));

        client.get().uri("/api/engagement/voice/Zm9yIGEgY2FyZXI").exchange().expectStatus().isOk();
        client.get().uri("/api/engagement/activities").headers(headers -> headers.setBearerAuth(token)).exchange()
              .expectStatus().isEqualTo(503)
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody().jsonPath("$.type").isEqualTo("urn:homelink:problem:service-unavailable");
        client.get().uri("/oauth2/authorization/homelink").exchange()
              .expectStatus().isEqualTo(503)
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(engagementService.arrivals()).extracting(StandInService.Arrival::uri)
                                                .containsExactly("/api/engagement/voice/Zm9yIGEgY2FyZXI");

        lateIssuer.start();

        client.get().uri("/api/engagement/activities").headers(headers -> headers.setBearerAuth(token)).exchange()
              .expectStatus().isOk();
        client.get().uri("/oauth2/authorization/homelink").exchange()
              .expectStatus().isFound()
              .expectHeader().value(HttpHeaders.LOCATION,
                                    location -> assertThat(location).startsWith(lateIssuer.issuer() + "/oauth2/"));
    }
}
