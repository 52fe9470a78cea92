package org.homelink.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.security.SignInNotNeeded;
import org.homelink.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** The conventions every service's API keeps, on a stand-in controller. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, classes = WebConventionsTest.AnyService.class,
        properties = {"homelink.mongo.embedded.storage=memory",
                      "homelink.security.issuer-uri=" + TestTokens.ISSUER,
                      "homelink.security.public-key-location=classpath:testing/token-signing-key.pub",
                      "homelink.security.public-paths=/api/open/**"})
class WebConventionsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    NoticeController notices;

    @BeforeEach
    void nothingPinnedYet() {
        notices.pinned.clear();
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401NamingTheHeader() {
        ResponseEntity<Map> answer = http.getForEntity("/api/notices/1", Map.class);

        assertProblem(answer, HttpStatus.UNAUTHORIZED, "Authorization");
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anExpiredTokenAForgedOneAndAnotherIssuersAreRefusedWithoutRepeatingThem() throws Exception {
        String expired = TestTokens.expired("trust-1", "key-worker", "staff-7", "100001");
        String valid = TestTokens.staff("trust-1", "key-worker", "staff-7", "100001");
        // The same claims, signed by a key the service does not trust.
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        com.nimbusds.jwt.SignedJWT forged = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
                com.nimbusds.jwt.SignedJWT.parse(valid).getJWTClaimsSet());
        forged.sign(new com.nimbusds.jose.crypto.RSASSASigner(generator.generateKeyPair().getPrivate()));
        String otherIssuer = TestTokens.withClaims("staff-7", Map.of("iss", "https://elsewhere.test",
                "homelink_trust", "trust-1", "homelink_role", "key-worker", "homelink_schools", List.of("100001")));

        for (String token : List.of(expired, forged.serialize(), otherIssuer, "not-a-token")) {
            ResponseEntity<Map> answer = http.exchange("/api/notices/1", HttpMethod.GET,
                                                       new HttpEntity<>(TestTokens.bearer(token)), Map.class);

            assertProblem(answer, HttpStatus.UNAUTHORIZED, "Authorization");
            assertThat(answer.getBody().toString()).doesNotContain(token);
        }
    }

    @Test
    void theContextReachesTheController() {
        ResponseEntity<Map> answer = http.exchange("/api/notices/1", HttpMethod.GET, new HttpEntity<>(staff()), Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("trust", "trust-1").containsEntry("role", "KEY_WORKER")
                                    .containsEntry("schools", List.of("100001"));
    }

    @Test
    void aPartnersWorkerActsForTheirOrganisationAndNeedNameNoTrust() {
        ResponseEntity<Map> answer = http.exchange("/api/notices/1", HttpMethod.GET, new HttpEntity<>(partner("org-7")),
                                                   Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("role", "PARTNER").containsEntry("organisation", "org-7")
                                    .containsEntry("trust", "none").containsEntry("coversATrust", false);
    }

    @Test
    void aTokenWhoseClaimsDoNotSaySoundlyWhomItActsForIsRefusedWith401NamingTheClaim() {
        Map<String, Map<String, Object>> broken = Map.of(
                "homelink_organisation", Map.of("homelink_role", "partner"),
                "homelink_role", Map.of("homelink_role", "head-teacher", "homelink_trust", "trust-1"),
                "homelink_trust", Map.of("homelink_role", "key-worker", "homelink_schools", List.of("100001")),
                "homelink_schools", Map.of("homelink_role", "key-worker", "homelink_trust", "trust-1",
                                           "homelink_schools", List.of("100001", "")));
        broken.forEach((claim, claims) -> {
            ResponseEntity<Map> answer = http.exchange("/api/notices/1", HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(TestTokens.withClaims("staff-7", claims))), Map.class);

            assertProblem(answer, HttpStatus.UNAUTHORIZED, claim);
        });
        // Staff who work at schools must name one; a trust leader acts for the whole trust.
        assertProblem(http.exchange("/api/notices/1", HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(
                              TestTokens.staff("trust-1", "teacher", "staff-7"))), Map.class),
                      HttpStatus.UNAUTHORIZED, "homelink_schools");
        assertThat(http.exchange("/api/notices/1", HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(
                TestTokens.staff("trust-1", "trust-leader", "head-1"))), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRoleWithoutThePermissionAnEndpointNamesIsRefusedWith403() {
        ResponseEntity<Map> teacher = http.exchange("/api/notices/1/erasure", HttpMethod.POST,
                new HttpEntity<>(TestTokens.bearer(TestTokens.staff("trust-1", "teacher", "t-1", "100001"))),
                Map.class);
        ResponseEntity<Map> leader = http.exchange("/api/notices/1/erasure", HttpMethod.POST,
                new HttpEntity<>(TestTokens.bearer(TestTokens.staff("trust-1", "school-leader", "sl-1", "100001"))),
                Map.class);

        assertProblem(teacher, HttpStatus.FORBIDDEN, null);
        assertThat(teacher.getBody().get("detail").toString()).contains("teacher");
        assertThat(leader.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anEndpointThatNamesNoPermissionIsRefusedToEveryone() {
        ResponseEntity<Map> answer = http.exchange("/api/notices/forgotten", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.staff("trust-1", "trust-leader", "head-1"))), Map.class);

        assertProblem(answer, HttpStatus.FORBIDDEN, null);
    }

    @Test
    void anEndpointThatNeedsNoSignInAnswersWithoutAToken() {
        assertThat(http.getForEntity("/api/open/notices", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anotherOrganisationsIdempotencyKeyNeverReplaysItsAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, String> notice = Map.of("wording", "Drop-in", "school", "100001");

        ResponseEntity<Map> first = http.exchange("/api/notices", HttpMethod.POST,
                                                  new HttpEntity<>(notice, withHeader(partner("org-a"),
                                                                                      "Idempotency-Key", key)),
                                                  Map.class);
        ResponseEntity<Map> other = http.exchange("/api/notices", HttpMethod.POST,
                                                  new HttpEntity<>(notice, withHeader(partner("org-b"),
                                                                                      "Idempotency-Key", key)),
                                                  Map.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(other.getHeaders().getLocation()).isNotEqualTo(first.getHeaders().getLocation());
        assertThat(notices.pinned).hasSize(2);
    }

    @Test
    void brokenRulesNotFoundAndConflictsAreProblems() {
        assertProblem(get("/api/notices/rule"), HttpStatus.UNPROCESSABLE_ENTITY, "wording");
        assertProblem(get("/api/notices/missing"), HttpStatus.NOT_FOUND, null);
        assertProblem(get("/api/notices/stale"), HttpStatus.CONFLICT, null);
        assertProblem(http.exchange("/api/notices/1", HttpMethod.GET,
                                    new HttpEntity<>(withHeader(staff(), "If-Match", "three")), Map.class),
                      HttpStatus.BAD_REQUEST, "If-Match");
    }

    @Test
    void anUnexpectedFaultIsA500ProblemThatRepeatsNothing(CapturedOutput output) {
        ResponseEntity<Map> answer = get("/api/notices/fault");

        assertProblem(answer, HttpStatus.INTERNAL_SERVER_ERROR, null);
        assertThat(answer.getBody().toString()).doesNotContain("07700 900123");
        // The log names the route, not the path: a path may hold a carer's personal link.
        assertThat(output.getOut()).contains("/api/notices/{id} answered 500: java.lang.IllegalStateException")
                                   .doesNotContain("07700 900123");
    }

    @Test
    void anUnknownPathIsA404Problem() {
        assertProblem(get("/api/no-such-thing"), HttpStatus.NOT_FOUND, null);
    }

    @Test
    void invalidInputIsA400NamingEachFieldAndNothingIsDone() {
        ResponseEntity<Map> answer = post(Map.of("wording", "", "school", "12"), null);

        assertProblem(answer, HttpStatus.BAD_REQUEST, null);
        assertThat((List<Map<String, String>>) answer.getBody().get("errors"))
                .extracting(error -> error.get("field")).containsExactlyInAnyOrder("wording", "school");
        assertThat(notices.pinned).isEmpty();
    }

    @Test
    void unreadableJsonIsA400() {
        HttpHeaders headers = staff();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> answer = http.exchange("/api/notices", HttpMethod.POST,
                                                   new HttpEntity<>("{\"wording\": [1,", headers), Map.class);

        assertProblem(answer, HttpStatus.BAD_REQUEST, null);
    }

    @Test
    void aRetriedPostWithItsIdempotencyKeyGetsTheFirstAnswerAndIsDoneOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, String> notice = Map.of("wording", "Coffee morning", "school", "100001");

        ResponseEntity<Map> first = post(notice, key);
        ResponseEntity<Map> retry = post(notice, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(notices.pinned).hasSize(1);

        assertProblem(post(Map.of("wording", "Something else", "school", "100001"), key),
                      HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key");
        assertThat(notices.pinned).hasSize(1);
    }

    @Test
    void aFailedPostLeavesItsKeyFreeForTheCorrectedRequest() {
        String key = UUID.randomUUID().toString();

        assertThat(post(Map.of("wording", "", "school", "100001"), key).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(Map.of("wording", "Corrected", "school", "100001"), key).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(notices.pinned).containsExactly("Corrected");
    }

    private ResponseEntity<Map> get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(staff()), Map.class);
    }

    private ResponseEntity<Map> post(Map<String, String> body, String idempotencyKey) {
        HttpHeaders headers = staff();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/notices", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private static void assertProblem(ResponseEntity<Map> answer, HttpStatus status, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("status", status.value()).containsKeys("type", "title", "instance");
        if (field != null) {
            assertThat(answer.getBody()).containsEntry("field", field);
        }
    }

    private static HttpHeaders staff() {
        return TestTokens.bearer(TestTokens.staff("trust-1", "key-worker", "staff-7", "100001"));
    }

    private static HttpHeaders partner(String organisation) {
        return TestTokens.bearer(TestTokens.partner(organisation, "worker-3"));
    }

    private static HttpHeaders withHeader(HttpHeaders headers, String name, String value) {
        headers.set(name, value);
        return headers;
    }

    record PinNotice(@NotBlank String wording, @Pattern(regexp = "\\d{6}") String school) {
    }

    @RestController
    static class NoticeController {

        final List<String> pinned = new CopyOnWriteArrayList<>();

        @GetMapping("/api/notices/{id}")
        @Allowed({Permission.FAMILIES_READ, Permission.DIRECTORY_READ})
        Map<String, Object> notice(@PathVariable String id, RequestContext context,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
            Versions.expected(ifMatch);
            switch (id) {
                case "rule" -> throw new RuleBrokenException("wording", "A notice needs a wording");
                case "missing" -> throw new NotFoundException("No such notice");
                case "stale" -> throw new ConflictingAggregateVersionException("notice", 3, 2);
                case "fault" -> throw new IllegalStateException("Carer's phone 07700 900123 was not expected here");
                default -> {
                    return Map.of("trust", Objects.requireNonNullElse(context.trustId(), "none"),
                                  "role", context.role().name(),
                                  "schools", List.copyOf(context.schoolUrns()),
                                  "organisation", Objects.requireNonNullElse(context.organisationId(), "none"),
                                  "coversATrust", context.covers("trust-1", Set.of("100001")));
                }
            }
        }

        @PostMapping("/api/notices/{id}/erasure")
        @Allowed(Permission.FAMILIES_ERASE)
        ResponseEntity<Void> erase(@PathVariable String id) {
            return ResponseEntity.noContent().build();
        }

        @GetMapping("/api/notices/forgotten")
        Map<String, Object> forgotten() {
            return Map.of("leaked", true);
        }

        @GetMapping("/api/open/notices")
        @SignInNotNeeded("a test of the open door")
        Map<String, Object> open() {
            return Map.of("open", true);
        }

        @PostMapping("/api/notices")
        @Allowed({Permission.FAMILIES_EDIT, Permission.DIRECTORY_KEEP})
        ResponseEntity<Map<String, String>> pin(@Valid @RequestBody PinNotice notice, RequestContext context) {
            pinned.add(notice.wording());
            String id = UUID.randomUUID().toString();
            return ResponseEntity.created(URI.create("/api/notices/" + id)).body(Map.of("id", id));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(NoticeController.class)
    static class AnyService {
    }
}
