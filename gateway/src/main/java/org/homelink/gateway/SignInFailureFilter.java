package org.homelink.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers, as problem+json, the two ways signing in can fail after a request was let in: a signed-in person's
 * access token has expired and cannot be refreshed (their sign-in at the provider ended, say), so they must sign in
 * again (401); or the provider cannot be asked where to sign in, or for the keys that check a bearer token (503).
 * <p>
 * A filter just inside {@link RequestIdFilter}, not an exception handler after the filters: so the request's log line
 * shows the status these answers have, not an error, and Spring Boot's own error handler, which would answer 500,
 * never sees them.
 */
@Component
class SignInFailureFilter implements WebFilter, Ordered {

    private final ProblemWriter problems;
    private final SecurityRefusals refusals;

    SignInFailureFilter(ProblemWriter problems, SecurityRefusals refusals) {
        this.problems = problems;
        this.refusals = refusals;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(failure -> answer(exchange, failure));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (failure instanceof ClientAuthorizationException) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, ProblemWriter.problem(
                    exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Who is asking?",
                    "Your sign-in has ended; sign in again.", "session"));
        }
        if (failure instanceof IssuerClientRegistrations.IssuerUnavailableException
                || failure instanceof AuthenticationServiceException) {
            return refusals.providerUnavailable(exchange);
        }
        return Mono.error(failure);
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 1;
    }
}
