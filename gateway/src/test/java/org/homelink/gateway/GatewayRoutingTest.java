package org.homelink.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** The routes of application.yml, each pointed at a stand-in for its service that answers with its name and path. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class GatewayRoutingTest {

    private static HttpServer familyService;
    private static HttpServer engagementService;
    private static HttpServer partnersService;

    @Autowired
    private WebTestClient client;

    @BeforeAll
    static void startServices() throws IOException {
        familyService = standIn("family-service");
        engagementService = standIn("engagement-service");
        partnersService = standIn("community-partners-service");
    }

    @AfterAll
    static void stopServices() {
        Stream.of(familyService, engagementService, partnersService).forEach(service -> service.stop(0));
    }

    @DynamicPropertySource
    static void pointRoutesAtStandIns(DynamicPropertyRegistry registry) {
        registry.add("FAMILY_SERVICE_URI", () -> uriOf(familyService));
        registry.add("ENGAGEMENT_SERVICE_URI", () -> uriOf(engagementService));
        registry.add("PARTNERS_SERVICE_URI", () -> uriOf(partnersService));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/families/ping, family-service",
            "/api/engagement/activities?term=autumn, engagement-service",
            "/api/partners/referrals/42, community-partners-service",
            "/openreferral/services, community-partners-service"})
    void routesEachPrefixToItsServiceWithThePathIntact(String path, String service) {
        client.get().uri(path).exchange()
              .expectStatus().isOk()
              .expectBody(String.class).isEqualTo(service + " " + path);
    }

    @Test
    void forwardsNothingOutsideTheServicesPrefixes() {
        client.get().uri("/api/other/ping").exchange().expectStatus().isNotFound();
    }

    private static HttpServer standIn(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (name + " " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String uriOf(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
