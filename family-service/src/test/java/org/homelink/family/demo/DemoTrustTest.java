package org.homelink.family.demo;

import org.homelink.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** The demo trust loads through the API, and loading it again adds nothing. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class DemoTrustTest {

    @LocalServerPort
    private int port;

    @Test
    void loadsATrustOfTwoSchoolsAndFiftyFamiliesOnceHoweverOftenItRuns() {
        DemoTrust demo = new DemoTrust("http://localhost:" + port, TestTokens.staff(DemoTrust.TRUST_ID, "trust-leader", "demo-loader"));

        assertThat(demo.load()).isEqualTo(DemoTrust.FAMILIES);
        JsonNode loaded = directory();
        assertThat(demo.load()).isEqualTo(DemoTrust.FAMILIES);
        // As a load that stopped half-way would run again: every POST is answered from its Idempotency-Key.
        demo.registerTrust();
        demo.loadFamilies();

        assertThat(directory()).isEqualTo(loaded);
        assertThat(loaded.path("totalItems").asInt()).isEqualTo(DemoTrust.FAMILIES);
        assertThat(schools()).isEqualTo(2);
        assertThat(languages(loaded)).contains("en", "so", "pl", "ur", "ro", "ar", "bn", "pt");
        assertThat(loaded.path("items").findValues("interpreter")).anyMatch(JsonNode::asBoolean);
        assertThat(loaded.path("items").findValues("openBarriers")).anyMatch(barriers -> !barriers.isEmpty());
        assertThat(loaded.path("items").findValues("schoolUrns")).anyMatch(schools -> schools.size() == 2);
    }

    private JsonNode directory() {
        return leader().get().uri("/api/families?size=100").retrieve().body(JsonNode.class);
    }

    private int schools() {
        return leader().get().uri("/api/families/trusts/" + DemoTrust.TRUST_ID + "/schools").retrieve()
                       .body(JsonNode.class).size();
    }

    private static java.util.Set<String> languages(JsonNode directory) {
        return StreamSupport.stream(directory.path("items").spliterator(), false)
                            .flatMap(family -> StreamSupport.stream(family.path("languages").spliterator(), false))
                            .map(JsonNode::asText).collect(java.util.stream.Collectors.toSet());
    }

    private RestClient leader() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                         .defaultHeaders(headers -> headers.setBearerAuth(
                                 TestTokens.staff(DemoTrust.TRUST_ID, "trust-leader", "demo-check")))
                         .build();
    }
}
