package org.homelink.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's answers, as problem+json, when Spring Security refuses a request: nobody signed in and no token
 * (401), a token that is expired, malformed or not signed by the issuer (401), a sign-in that failed (401), a
 * provider that cannot be reached (503), a session request that changes something without its CSRF token (403),
 * and a path the firewall refuses (400). None repeats what was sent.
 */
@Component
class SecurityRefusals {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final int PROVIDER_RETRY_AFTER = 10;

    private final ProblemWriter problems;

    SecurityRefusals(ProblemWriter problems) {
        this.problems = problems;
    }

    /** For {@code /api/**} and every bearer token: 401, never a redirect to the sign-in page. */
    ServerAuthenticationEntryPoint notSignedIn() {
        return (exchange, failure) -> {
            boolean badToken = isBadToken(exchange, failure);
            // RFC 6750: a client that sent a token learns that it is the token, without the reason in detail.
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                                                    badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = badToken
                    ? "The bearer token in Authorization is expired, malformed or not signed by the trusted issuer."
                    : "Sign in, or send a bearer token in Authorization.";
            return problems.write(exchange, ProblemWriter.problem(exchange, HttpStatus.UNAUTHORIZED,
                                                                  "unauthenticated", "Who is asking?", detail,
                                                                  HttpHeaders.AUTHORIZATION));
        };
    }

    /**
     * A bearer token that could not be checked because the provider's keys could not be fetched is the provider's
     * fault, not the client's: 503. Answered here, since Spring Security would otherwise pass the failure on to
     * the sign-in filter before it, which would redirect an API call to a login page.
     */
    ServerAuthenticationFailureHandler bearerTokenRefused() {
        ServerAuthenticationEntryPoint notSignedIn = notSignedIn();
        return (filterExchange, failure) -> failure instanceof AuthenticationServiceException
                ? providerUnavailable(filterExchange.getExchange())
                : notSignedIn.commence(filterExchange.getExchange(), failure);
    }

    /**
     * Signing in in a browser failed: the provider refused the code or could not be reached. The browser may start
     * again; nothing of the attempt is repeated back.
     */
    ServerAuthenticationFailureHandler signInFailed() {
        return (filterExchange, failure) -> failure instanceof AuthenticationServiceException
                ? providerUnavailable(filterExchange.getExchange())
                : problems.write(filterExchange.getExchange(), ProblemWriter.problem(
                        filterExchange.getExchange(), HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "Signing in failed", "Signing in did not complete; start again.", null));
    }

    Mono<Void> providerUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(PROVIDER_RETRY_AFTER));
        return problems.write(exchange, ProblemWriter.problem(
                exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The sign-in service is not answering at the moment; try again in " + PROVIDER_RETRY_AFTER
                        + " seconds.", null));
    }

    ServerAccessDeniedHandler csrfTokenMissing() {
        return (exchange, denied) -> problems.write(exchange, ProblemWriter.problem(
                exchange, HttpStatus.FORBIDDEN, "csrf", "CSRF token missing or wrong",
                "A signed-in browser's request that changes something must send the XSRF-TOKEN cookie's value in "
                        + CSRF_HEADER + ".", CSRF_HEADER));
    }

    /** Encoded slashes or dots, {@code ..}, {@code ;} or {@code //}: a service could resolve them elsewhere. */
    ServerExchangeRejectedHandler pathRefused() {
        return (exchange, rejected) -> problems.write(exchange, ProblemWriter.problem(
                exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Request refused",
                "The path or a header holds something the gateway refuses: encoded slashes or dots, '.' or '..' "
                        + "segments, ';', '//' or control characters.", "path"));
    }

    private static boolean isBadToken(ServerWebExchange exchange, AuthenticationException failure) {
        return failure instanceof InvalidBearerTokenException
                || exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
    }
}
