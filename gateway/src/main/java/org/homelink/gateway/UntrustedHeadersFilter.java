package org.homelink.gateway;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes every {@code X-Homelink-*} header a client sent before anything reads it. Whom a request acts for comes
 * from its verified token only; a service that still read the old request context headers must never see ones a
 * client made up.
 * <p>
 * One is kept: {@code X-Homelink-Signature}, the SMS provider's HMAC of a delivery receipt's body, which
 * engagement-service checks itself. It is a signature, not a claim of who is asking.
 */
@Component
class UntrustedHeadersFilter implements WebFilter, Ordered {

    static final String PREFIX = "x-homelink-";
    static final Set<String> KEPT = Set.of("x-homelink-signature");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> untrusted = exchange.getRequest().getHeaders().keySet().stream()
                                         .filter(UntrustedHeadersFilter::untrusted)
                                         .toList();
        if (untrusted.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                                    .request(request -> request.headers(headers -> untrusted.forEach(headers::remove)))
                                    .build());
    }

    private static boolean untrusted(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.startsWith(PREFIX) && !KEPT.contains(name);
    }

    @Override
    public int getOrder() {
        return SecurityHeadersFilter.ORDER + 5;
    }
}
