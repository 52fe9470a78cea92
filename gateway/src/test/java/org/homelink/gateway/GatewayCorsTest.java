package org.homelink.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homelink.gateway.GatewayRoutingTest.keyWorker;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** A trust's own front-ends, on origins named in GATEWAY_CORS_ALLOWED_ORIGINS, may call the API from a browser. */
@Import(PatientWebTestClient.class)
@SpringBootTest(webEnvironment = RANDOM_PORT,
                properties = "GATEWAY_CORS_ALLOWED_ORIGINS=https://*.example-trust.org.uk, http://localhost:[*]")
class GatewayCorsTest {

    private static final String FRONT_END = "https://parents.example-trust.org.uk";

    private static StandInService familyService;

    @Autowired
    private WebTestClient client;

    @BeforeAll
    static void startService() {
        familyService = StandInService.start("family-service");
    }

    @AfterAll
    static void stopService() {
        familyService.stop();
    }

    @DynamicPropertySource
    static void pointRoutesAtStandIns(DynamicPropertyRegistry registry) {
        GatewayRoutingTest.trustTheStandInIssuer(registry);
        registry.add("FAMILY_SERVICE_URI", familyService::uri);
    }

    @BeforeEach
    void forgetEarlierArrivals() {
        familyService.answerInTurn();
    }

    @Test
    void letsAnAllowedOriginSendABearerTokenAndAnIdempotencyKey() {
        client.options().uri("/api/families")
              .header(HttpHeaders.ORIGIN, FRONT_END)
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                      "authorization, content-type, idempotency-key")
              .exchange()
              .expectStatus().isOk()
              .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
              .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                                    methods -> assertThat(methods).contains("POST", "PATCH", "DELETE"))
              .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                                    headers -> assertThat(headers.toLowerCase()).contains("idempotency-key",
                                                                                          "authorization"));
        assertThat(familyService.arrivals()).as("a preflight is the gateway's").isEmpty();
    }

    @Test
    void letsLocalFrontEndsOnAnyPortCallTheApi() {
        client.options().uri("/api/families/17")
              .header(HttpHeaders.ORIGIN, "http://localhost:5173")
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "if-match")
              .exchange()
              .expectStatus().isOk()
              .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    }

    @Test
    void exposesTheLocationEtagAndRequestIdToTheFrontEnd() {
        client.get().uri("/api/families/17").headers(keyWorker())
              .header(HttpHeaders.ORIGIN, FRONT_END)
              .exchange()
              .expectStatus().isOk()
              .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
              .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                                    exposed -> assertThat(exposed).contains("Location", "ETag", "X-Request-Id",
                                                                            "X-RateLimit-Remaining"));
    }

    @Test
    void refusesAnOriginNotNamed() {
        client.options().uri("/api/families")
              .header(HttpHeaders.ORIGIN, "https://example-trust.org.uk.elsewhere.example")
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
              .exchange()
              .expectStatus().isForbidden();
    }
}
