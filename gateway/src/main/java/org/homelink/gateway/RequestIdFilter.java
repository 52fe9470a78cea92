package org.homelink.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, passes it to the service and back to the client in {@code X-Request-Id}, and
 * logs one line per request: method, path, status, duration and id.
 * <p>
 * A client's own id is kept when it is a plain token, so that a front-end can follow its call through. The line
 * never carries the query string, headers or bodies: a query may hold a search for a family's name.
 * <p>
 * A web filter, not a gateway filter, so that the answers the gateway gives before routing (a refused sign-in, a
 * body too large, a rate limit) get an id and a log line too.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    /** The key of the id in the logging context (MDC); the log pattern in application.yml prints it. */
    static final String CONTEXT_KEY = "requestId";
    /** First of all filters, so that a request refused by any later one still gets an id and a log line. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        ServerHttpRequest request = exchange.getRequest();
        String requestId = requestIdOf(request);
        // Keeps the path the client asked for: the fallback names it as the problem's instance after the circuit
        // breaker has forwarded the request to itself.
        ServerWebExchangeUtils.addOriginalRequestUrl(exchange, request.getURI());
        // Set just before the response goes out, so that it replaces any id the service echoed rather than
        // doubling it.
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(
                () -> exchange.getResponse().getHeaders().set(HEADER, requestId)));
        ServerWebExchange withId = exchange.mutate()
                                           .request(builder -> builder.header(HEADER, requestId))
                                           .build();
        return chain.filter(withId)
                    .doFinally(signal -> logLine(exchange, requestId, signal, start));
    }

    private static String requestIdOf(ServerHttpRequest request) {
        String given = request.getHeaders().getFirst(HEADER);
        return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private static void logLine(ServerWebExchange exchange, String requestId, SignalType signal, long start) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String outcome = switch (signal) {
            case CANCEL -> "cancelled";
            // Left to the error handler, which has not chosen the status yet.
            case ON_ERROR -> "error";
            default -> status != null ? String.valueOf(status.value()) : "-";
        };
        // The exception's type only: its message may quote what the service said.
        Throwable fallbackCause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String fallback = fallbackCause != null ? " fallback=" + fallbackCause.getClass().getSimpleName() : "";
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CONTEXT_KEY, requestId)) {
            // The raw path only, personal links left out: ids, never names, and never the query. The id is in the message as well as in the
            // logging context, so it shows under any log pattern (the local run shares one for every application).
            log.info("{} {} {} {} ms{} id={}", exchange.getRequest().getMethod(),
                     PublicPaths.loggable(exchange.getRequest().getPath()), outcome, millis, fallback, requestId);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
