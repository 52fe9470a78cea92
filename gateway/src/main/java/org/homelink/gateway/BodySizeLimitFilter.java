package org.homelink.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose body is larger than the limit with 413 problem+json, before anything reads it and without
 * forwarding it. A body that states its length is judged by that (the server never reads past it). A body sent in
 * chunks, with no length, is counted as it arrives and refused as soon as it passes the limit; one within the limit
 * goes on with its length stated. The gateway holds bodies in memory anyway, to retry requests that are safe to
 * repeat.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    /** Before Spring Security, which may read a form's body for its CSRF token. */
    static final int ORDER = SecurityHeadersFilter.ORDER + 10;

    private final BodyLimitSettings settings;
    private final ProblemWriter problems;

    BodySizeLimitFilter(BodyLimitSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize limit = UploadPaths.isUpload(request.getPath().pathWithinApplication())
                ? settings.maxUploadSize() : settings.maxSize();
        long stated = request.getHeaders().getContentLength();
        if (stated > limit.toBytes()) {
            return tooLarge(exchange, limit);
        }
        if (stated >= 0 || !request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) limit.toBytes())
                              .map(Counted::within)
                              .defaultIfEmpty(Counted.EMPTY)
                              .onErrorResume(DataBufferLimitException.class, e -> Mono.just(Counted.TOO_LARGE))
                              .flatMap(counted -> counted.tooLarge()
                                      ? tooLarge(exchange, limit)
                                      : chain.filter(exchange.mutate().request(withLength(request, counted.body()))
                                                             .build()));
    }

    private static ServerHttpRequest withLength(ServerHttpRequest request, DataBuffer body) {
        ServerHttpRequest stated = request.mutate()
                                          .headers(headers -> {
                                              headers.remove(HttpHeaders.TRANSFER_ENCODING);
                                              headers.setContentLength(body != null ? body.readableByteCount() : 0);
                                          })
                                          .build();
        return new ServerHttpRequestDecorator(stated) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body != null ? Flux.just(body) : Flux.empty();
            }
        };
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, DataSize limit) {
        return problems.write(exchange, ProblemWriter.problem(
                exchange, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
                "The body is larger than the " + readable(limit) + " the gateway accepts on this path.", "body"));
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }

    /** A chunked body, read whole within the limit, or past it. */
    private record Counted(DataBuffer body, boolean tooLarge) {

        static final Counted EMPTY = new Counted(null, false);
        static final Counted TOO_LARGE = new Counted(null, true);

        static Counted within(DataBuffer body) {
            return new Counted(body, false);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
