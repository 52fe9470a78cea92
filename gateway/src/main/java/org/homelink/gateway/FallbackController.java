package org.homelink.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * What a client gets, at once, when a service is down, too slow, or its circuit breaker is open: 503 problem+json
 * naming the service and a Retry-After. Every route's circuit breaker forwards here (see application.yml).
 * <p>
 * The problem names the service and the path asked for, never anything the request carried.
 */
@RestController
class FallbackController {

    private final long retryAfterSeconds;

    FallbackController(@Value("${homelink.gateway.breaker-wait}") Duration breakerWait) {
        // Whole seconds, rounded up: a client that waits that long finds the breaker willing to try again.
        this.retryAfterSeconds = Math.max(1, (breakerWait.toMillis() + 999) / 1000);
    }

    @RequestMapping("/fallback")
    ResponseEntity<ProblemDetail> serviceUnavailable(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route != null ? route.getId() : "The service";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                service + " is not answering at the moment; try again in " + retryAfterSeconds + " seconds.");
        problem.setType(URI.create("urn:homelink:problem:service-unavailable"));
        problem.setTitle("Service unavailable");
        problem.setInstance(URI.create(originalPath(exchange)));
        if (route != null) {
            problem.setProperty("service", service);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }

    /** The path the client asked for, recorded by {@link RequestIdFilter} before the breaker forwarded here. */
    private static String originalPath(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return originals != null && !originals.isEmpty()
                ? originals.iterator().next().getRawPath()
                : exchange.getRequest().getPath().value();
    }
}
