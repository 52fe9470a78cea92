package org.homelink.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Sets the security headers on every answer the gateway gives, its own refusals, errors and fallbacks included,
 * just before the answer goes out. The gateway's values replace any a service sent, so that the policy is set in one
 * place. Spring Security's own header writers are off: they keep a header the answer already has.
 * <p>
 * {@code /api/**} answers are never to be stored by a browser or a proxy: they carry families' data.
 * {@code Strict-Transport-Security} goes only on answers to HTTPS requests (browsers ignore it over HTTP); behind a
 * proxy that ends TLS the gateway must be told the original scheme (forwarded headers) to send it.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final int ORDER = RequestIdFilter.ORDER + 10;
    static final String PERMISSIONS_POLICY = "Permissions-Policy";
    static final String REFERRER_POLICY = "Referrer-Policy";

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    private final SecurityHeaderSettings settings;

    SecurityHeadersFilter(SecurityHeaderSettings settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> setHeaders(exchange)));
        return chain.filter(exchange);
    }

    private void setHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set(REFERRER_POLICY, "no-referrer");
        headers.set("Content-Security-Policy", settings.contentSecurityPolicy());
        headers.set(PERMISSIONS_POLICY, settings.permissionsPolicy());
        if (!settings.hsts().isEmpty() && "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
            headers.set("Strict-Transport-Security", settings.hsts());
        }
        if (isApi(exchange.getRequest().getPath().pathWithinApplication())) {
            headers.setCacheControl(CacheControl.noStore());
            headers.remove(HttpHeaders.EXPIRES);
        }
    }

    private static boolean isApi(PathContainer path) {
        return API.matches(path);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
