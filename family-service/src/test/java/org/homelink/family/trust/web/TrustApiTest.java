package org.homelink.family.trust.web;

import org.homelink.platform.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** The register of trusts and schools over HTTP. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class TrustApiTest {

    @Autowired
    private TestRestTemplate http;

    private final String trust = "meadow-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aTrustLeaderRegistersTheTrustAndItsSchoolsOnce() {
        ResponseEntity<String> registered = send(HttpMethod.POST, "/api/families/trusts",
                                                 Map.of("trustId", trust, "name", "Meadow Trust"), "trust-leader");
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getHeaders().getLocation()).hasPath("/api/families/trusts/" + trust);

        ResponseEntity<String> school = send(HttpMethod.POST, "/api/families/trusts/" + trust + "/schools",
                                             Map.of("schoolUrn", "920001", "name", "Meadow Infants",
                                                    "phase", "PRIMARY", "postcode", "mw11aa"), "trust-leader");
        assertThat(school.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(school.getHeaders().getLocation()).hasPath("/api/families/trusts/" + trust + "/schools/920001");
        assertThat((String) JsonPath.read(school.getBody(), "$.postcode")).isEqualTo("MW1 1AA");

        ResponseEntity<String> trustAgain = send(HttpMethod.POST, "/api/families/trusts",
                                                 Map.of("trustId", trust, "name", "Meadow Trust"), "trust-leader");
        ResponseEntity<String> schoolAgain = send(HttpMethod.POST, "/api/families/trusts/" + trust + "/schools",
                                                  Map.of("schoolUrn", "920001", "name", "Meadow Infants",
                                                         "phase", "PRIMARY", "postcode", "MW1 1AA"), "trust-leader");
        assertThat(trustAgain.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(trustAgain.getBody(), "$.field")).isEqualTo("trustId");
        assertThat(schoolAgain.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(schoolAgain.getBody(), "$.field")).isEqualTo("schoolUrn");

        ResponseEntity<String> schools = send(HttpMethod.GET, "/api/families/trusts/" + trust + "/schools", null,
                                              "teacher", "920001");
        assertThat((List<String>) JsonPath.read(schools.getBody(), "$[*].schoolUrn")).containsExactly("920001");
    }

    @Test
    void onlyTheTrustsOwnLeadersKeepItsRegisterAndOnlyItsOwnStaffReadIt() {
        send(HttpMethod.POST, "/api/families/trusts", Map.of("trustId", trust, "name", "Meadow Trust"),
             "trust-leader");

        assertThat(send(HttpMethod.POST, "/api/families/trusts/" + trust + "/schools",
                        Map.of("schoolUrn", "920002", "name", "Meadow Juniors", "phase", "PRIMARY",
                               "postcode", "MW1 1AB"), "school-leader", "920001").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.POST, "/api/families/trusts", Map.of("trustId", "someone-else", "name", "X"),
                        "trust-leader").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.POST, "/api/families/trusts/" + trust + "/schools",
                        Map.of("schoolUrn", "92000", "name", "", "phase", "PRIMARY", "postcode", "nowhere"),
                        "trust-leader").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        HttpHeaders stranger = headers("another-trust", "trust-leader");
        assertThat(http.exchange("/api/families/trusts/" + trust, HttpMethod.GET, new HttpEntity<>(stranger),
                                 String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, Object body, String role,
                                        String... schools) {
        HttpHeaders headers = headers(trust, role, schools);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static HttpHeaders headers(String trustId, String role, String... schools) {
        return TestTokens.bearer(TestTokens.staff(trustId, role, "staff-1", schools));
    }
}
