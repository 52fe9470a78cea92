package org.homelink.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Until sign-in arrives, a request to {@code /api/**} says in headers whom it acts for: a trust, a role, a member of
 * staff and a set of schools; or, for a partner's worker, the partner organisation, with no trust needed since a
 * partner belongs to none. This filter refuses, with 401 and without forwarding, a request whose context is
 * missing or malformed, and passes a sound one on unchanged. The services check the context again themselves. The
 * paths that need none are {@link PublicPaths}'.
 * <p>
 * The sign-in issue replaces this filter with one that derives the context from a verified token.
 */
@Component
class RequestContextHeadersFilter implements GlobalFilter, Ordered {

    static final String TRUST = "X-Homelink-Trust";
    static final String SCHOOLS = "X-Homelink-Schools";
    static final String ROLE = "X-Homelink-Role";
    static final String STAFF = "X-Homelink-Staff";
    static final String ORGANISATION = "X-Homelink-Organisation";
    static final String PARTNER = "partner";

    static final Set<String> ROLES = Set.of("trust-leader", "school-leader", "key-worker", "teacher",
                                            "attendance-officer", "office-staff", "partner");
    /** Roles that act beyond single schools: a trust leader across the trust, a partner on what is addressed to it. */
    static final Set<String> ROLES_WITHOUT_SCHOOLS = Set.of("trust-leader", "partner");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern URN = Pattern.compile("\\d{6}");

    private final ObjectMapper objectMapper;

    RequestContextHeadersFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (PublicPaths.open(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return problemWith(exchange.getRequest().getHeaders())
                .map(problem -> refuse(exchange, problem))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** The first thing wrong with the context, or nothing. */
    private static Optional<MissingContext> problemWith(HttpHeaders headers) {
        String trust = headers.getFirst(TRUST);
        String role = headers.getFirst(ROLE);
        String staff = headers.getFirst(STAFF);
        String schools = headers.getFirst(SCHOOLS);
        boolean partner = PARTNER.equals(role);
        if (isBlank(trust) && !partner) {
            return Optional.of(new MissingContext(TRUST, "is required"));
        }
        if (!isBlank(trust) && !ID.matcher(trust).matches()) {
            return Optional.of(new MissingContext(TRUST, "is not a valid id"));
        }
        if (isBlank(role)) {
            return Optional.of(new MissingContext(ROLE, "is required"));
        }
        if (!ROLES.contains(role)) {
            return Optional.of(new MissingContext(ROLE, "is not a known role"));
        }
        if (isBlank(staff)) {
            return Optional.of(new MissingContext(STAFF, "is required"));
        }
        if (!ID.matcher(staff).matches()) {
            return Optional.of(new MissingContext(STAFF, "is not a valid id"));
        }
        if (partner) {
            String organisation = headers.getFirst(ORGANISATION);
            if (isBlank(organisation)) {
                return Optional.of(new MissingContext(ORGANISATION, "is required for a partner"));
            }
            if (!ID.matcher(organisation).matches()) {
                return Optional.of(new MissingContext(ORGANISATION, "is not a valid id"));
            }
        }
        if (isBlank(schools)) {
            return ROLES_WITHOUT_SCHOOLS.contains(role)
                    ? Optional.empty()
                    : Optional.of(new MissingContext(SCHOOLS, "must name at least one school for this role"));
        }
        if (!Arrays.stream(schools.split(",", -1)).map(String::trim).allMatch(urn -> URN.matcher(urn).matches())) {
            return Optional.of(new MissingContext(SCHOOLS, "must be DfE URNs of six digits, separated by commas"));
        }
        return Optional.empty();
    }

    /** Answers 401 problem+json naming the header; the detail never repeats the value sent. */
    private Mono<Void> refuse(ServerWebExchange exchange, MissingContext missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                                                                 missing.header() + " " + missing.problem());
        problem.setType(URI.create("urn:homelink:problem:no-request-context"));
        problem.setTitle("Who is asking?");
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("field", missing.header());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            DataBuffer body = response.bufferFactory().wrap(objectMapper.writeValueAsBytes(problem));
            return response.writeWith(Mono.just(body));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private record MissingContext(String header, String problem) {
    }

    @Override
    public int getOrder() {
        // After the request id, so that a refusal carries one and is logged; before every route filter, so that
        // a refusal neither reaches a service nor counts against its circuit breaker.
        return RequestIdFilter.ORDER + 100;
    }
}
