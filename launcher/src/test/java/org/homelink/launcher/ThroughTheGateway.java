package org.homelink.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A test of the local run that talks to it as a client does: through the gateway, with a bearer token saying whom
 * the caller acts for and JSON in and out. The test class starts {@link #homelink} trusting {@link #issuer} and says
 * what to send; this sends it, reads the answers, checks problems, and waits for what another service's processor
 * brings about.
 */
abstract class ThroughTheGateway {

    /** Signs the callers' tokens; the run is started trusting it. */
    protected TestIssuer issuer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** The local run under test, started by the test class before anything is sent. */
    protected RunningHomelink homelink;

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    interface Check {
        boolean holds(HttpResponse<String> answer) throws Exception;
    }

    /** A member of staff's headers: a token of {@link #issuer}'s with these claims. */
    protected Map<String, String> staff(String trust, String role, String staffId, String... schools) {
        return Map.of("Authorization", "Bearer " + issuer.staff(trust, role, staffId, schools));
    }

    /** A partner organisation's worker's headers: a token of {@link #issuer}'s. */
    protected Map<String, String> partnerWorker(String organisation, String workerId) {
        return Map.of("Authorization", "Bearer " + issuer.partner(organisation, workerId));
    }

    /** Sends {@code body} as JSON (none when null) to {@code path} at the gateway, with {@code headers}. */
    protected HttpResponse<String> send(String method, String path, Map<String, String> headers, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(homelink.gateway() + path))
                                                 .timeout(Duration.ofSeconds(30))
                                                 .method(method, body == null
                                                         ? HttpRequest.BodyPublishers.noBody()
                                                         : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** The answer, once it is checked to have this status. */
    protected HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    /** An RFC 9457 problem of this status, naming {@code field} when it is not null. */
    protected void assertProblem(HttpResponse<String> answer, int status, String field) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.path("field").asText()).isEqualTo(field);
        }
    }

    /** Asks until the answer holds, for what another service's processor brings about: at most ten seconds. */
    protected JsonNode eventually(Call call, Check check) throws IOException {
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
               .untilAsserted(() -> {
                   answer.set(call.send());
                   assertThat(check.holds(answer.get())).as("in time: %s", answer.get().body()).isTrue();
               });
        return body(answer.get());
    }
}
