package org.homelink.platform.testing;

import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.EndpointAnnotations;
import org.homelink.platform.security.Permission;
import org.homelink.platform.security.SignInNotNeeded;
import org.homelink.platform.web.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint a service has, read from Spring's own handler mapping so that a new one cannot be missed, and the
 * checks every one of them must pass whatever its data: it names who may call it; without a token, or with an expired
 * one, it answers 401; to a role its permissions do not name, 403. Which records a permitted caller reaches (own
 * school, another school of the trust, another trust, a partner) is each service's own matrix, on its own data.
 */
public final class EndpointMatrix {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}");

    private EndpointMatrix() {
    }

    /** One method and path of a Homelink controller, and who may call it. */
    public record Endpoint(HttpMethod method, String pattern, Set<Permission> permissions, boolean open,
                           MediaType consumes, String handler) {

        public boolean allows(Role role) {
            return open || permissions.stream().anyMatch(permission -> permission.grantedTo(role));
        }

        public String path(Map<String, String> values) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1),
                                                                                              "x" + matcher.group(1))));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** The service's endpoints under {@code /api/}: Homelink's controllers only, each method of each pattern. */
    public static List<Endpoint> endpoints(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getName().startsWith("org.homelink.")) {
                continue;
            }
            Allowed allowed = EndpointAnnotations.find(handler, Allowed.class);
            boolean open = EndpointAnnotations.find(handler, SignInNotNeeded.class) != null;
            Set<Permission> permissions = allowed == null ? Set.of() : EnumSet.copyOf(Arrays.asList(allowed.value()));
            MediaType consumes = entry.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
                                      .findFirst().orElse(MediaType.APPLICATION_JSON);
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, permissions, open,
                                               consumes, handler.getShortLogMessage()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name()));
        return endpoints;
    }

    /** Each endpoint says who may call it: permissions, or what stands in for sign-in. */
    public static void assertEveryEndpointSaysWhoMayCallIt(List<Endpoint> endpoints) {
        assertThat(endpoints).as("endpoints found").isNotEmpty();
        assertThat(endpoints).filteredOn(endpoint -> !endpoint.open() && endpoint.permissions().isEmpty())
                             .as("endpoints that name no permission").isEmpty();
    }

    /**
     * The doors every endpoint that needs sign-in keeps, whatever the data: no token and an expired token get 401
     * before anything is read; each role the endpoint's permissions do not name gets 403. Path variables are
     * filled from {@code values} (or with a placeholder: the refusal must come before any lookup).
     */
    public static void assertTheDoorsHold(TestRestTemplate http, List<Endpoint> endpoints, Map<String, String> values,
                                          String trust, String school) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.open()) {
                continue;
            }
            String path = endpoint.path(values);
            assertThat(call(http, endpoint, path, null).value()).as("no token: " + endpoint).isEqualTo(401);
            assertThat(call(http, endpoint, path, TestTokens.expired(trust, "trust-leader", "head-1")).value())
                    .as("expired token: " + endpoint).isEqualTo(401);
            for (Role role : Role.values()) {
                if (endpoint.allows(role)) {
                    continue;
                }
                String token = role == Role.PARTNER
                        ? TestTokens.partner("matrix-partner", "worker-1")
                        : TestTokens.staff(trust, role.claimValue(), "staff-1", role == Role.TRUST_LEADER
                                ? new String[0] : new String[] {school});
                assertThat(call(http, endpoint, path, token).value()).as(role + ": " + endpoint).isEqualTo(403);
            }
        }
    }

    private static HttpStatusCode call(TestRestTemplate http, Endpoint endpoint, String path, String token) {
        HttpHeaders headers = token == null ? new HttpHeaders() : TestTokens.bearer(token);
        Object body = null;
        if (endpoint.method() != HttpMethod.GET && endpoint.method() != HttpMethod.DELETE) {
            // A body of the kind the endpoint takes, so that the refusal, not content negotiation, answers.
            if (MediaType.MULTIPART_FORM_DATA.includes(endpoint.consumes())) {
                LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
                form.add("file", new ByteArrayResource("{}".getBytes()) {
                    @Override
                    public String getFilename() {
                        return "feed.json";
                    }
                });
                body = form;
            } else {
                headers.setContentType(endpoint.consumes());
                body = "{}";
            }
        }
        return http.exchange(path, endpoint.method(), new HttpEntity<>(body, headers), String.class).getStatusCode();
    }
}
