package org.homelink.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Optional;

/**
 * Limits each client's requests with a token bucket: a signed-in person or a system by the subject of their token
 * (for a system with client credentials, its client id), anyone else by their address. Past the limit: 429
 * problem+json with {@code Retry-After}, and nothing forwarded. Every answer says in {@code X-RateLimit-Remaining}
 * how many more requests the bucket holds.
 * <p>
 * It runs inside Spring Security's chain, after sign-in and before the access rules, so that it knows who is
 * asking and also counts, by address, requests about to be refused for want of a sign-in. Spring Cloud Gateway's own
 * RequestRateLimiter needs Redis, sees only routed requests, and answers 429 without a body or Retry-After.
 */
final class RateLimitFilter implements WebFilter {

    static final String REMAINING = "X-RateLimit-Remaining";

    private final TokenBuckets clients;
    private final TokenBuckets anonymous;
    private final ProblemWriter problems;

    RateLimitFilter(TokenBuckets clients, TokenBuckets anonymous, ProblemWriter problems) {
        this.clients = clients;
        this.anonymous = anonymous;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                       .filter(RateLimitFilter::signedIn)
                       .map(principal -> clients.take(principal.getName()))
                       .switchIfEmpty(Mono.fromSupplier(() -> anonymous.take(addressOf(exchange))))
                       .flatMap(take -> {
                           exchange.getResponse().getHeaders().set(REMAINING, String.valueOf(take.remaining()));
                           return take.allowed() ? chain.filter(exchange) : refuse(exchange, take);
                       });
    }

    private static boolean signedIn(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /**
     * As the server sees it: the proxy's address, unless the gateway is told to trust its forwarded headers. The
     * host as given, never looked up: an address taken from X-Forwarded-For is not resolved.
     */
    private static String addressOf(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                       .map(InetSocketAddress::getHostString)
                       .orElse("unknown");
    }

    private Mono<Void> refuse(ServerWebExchange exchange, TokenBuckets.Take take) {
        // Whole seconds, rounded up, and at least one: the bucket holds a request again by then.
        long seconds = Math.max(1, (take.retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return problems.write(exchange, ProblemWriter.problem(
                exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "This client has sent more requests than the gateway allows; try again in " + seconds
                        + (seconds == 1 ? " second." : " seconds."), null));
    }
}
