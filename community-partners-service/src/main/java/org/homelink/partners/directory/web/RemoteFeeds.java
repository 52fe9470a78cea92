package org.homelink.partners.directory.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.RuleBrokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an Open Referral feed, and every page after it, from a URL a member of staff gives. The service makes
 * the request itself, from inside the deployment's network, where a URL could reach what only the service should
 * (a database, an administration page, a cloud's metadata address): so it fetches only from the hosts its settings
 * allow, none by default; follows a redirect only to such a host; waits a bounded time for each page, body and all;
 * and stops reading once the feed, all pages together, is larger than a feed may be.
 */
@Component
@EnableConfigurationProperties(ImportSettings.class)
class RemoteFeeds {

    private static final Logger log = LoggerFactory.getLogger(RemoteFeeds.class);
    private static final int MOST_PAGES = 200;
    private static final int MOST_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final ImportSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;

    RemoteFeeds(ImportSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        // Redirects are followed here, each checked against the allowed hosts, never by the client on its own.
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                              .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The feed's pages, in order: one for a plain file, each page of an Open Referral API's answer otherwise. */
    List<JsonNode> fetch(String url) {
        List<JsonNode> pages = new ArrayList<>();
        long left = settings.maxSize().toBytes();
        URI next = parse(url);
        while (next != null && pages.size() < MOST_PAGES) {
            Fetched fetched = page(next, left);
            left -= fetched.body().length;
            JsonNode page = read(fetched.body());
            pages.add(page);
            next = nextPage(fetched.url(), page);
        }
        return pages;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            if (fetchable(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Answered as any other URL the service cannot fetch.
        }
        throw new InvalidFieldsException(List.of(new FieldProblem(
                "url", "must be an http or https URL naming a host, with no user name or password")));
    }

    private static boolean fetchable(URI uri) {
        return uri.getHost() != null && uri.getRawUserInfo() == null
               && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    /** A page as fetched, and where it came from after any redirects: where its next page is asked for. */
    private record Fetched(URI url, byte[] body) {
    }

    /** One page, following redirects to allowed hosts only. */
    private Fetched page(URI url, long left) {
        URI at = url;
        for (int redirects = 0; ; redirects++) {
            requireAllowed(at, redirects > 0);
            HttpResponse<byte[]> response = get(at, left);
            if (!REDIRECTS.contains(response.statusCode())) {
                if (response.statusCode() != 200) {
                    throw new FeedUnavailable("The feed answered HTTP " + response.statusCode());
                }
                return new Fetched(at, response.body());
            }
            if (redirects == MOST_REDIRECTS) {
                throw new FeedUnavailable("The feed redirects more than " + MOST_REDIRECTS + " times");
            }
            at = redirectTarget(at, response);
        }
    }

    private void requireAllowed(URI url, boolean redirected) {
        if (!settings.allows(url.getHost())) {
            log.warn("A feed import was refused: {} is not an allowed host{}", url.getHost(),
                     redirected ? " (a redirect)" : "");
            throw new HostNotAllowed(settings.allowedHosts().isEmpty(), redirected);
        }
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                                  .orElseThrow(() -> new FeedUnavailable("The feed redirects to nowhere"));
        try {
            URI target = from.resolve(new URI(location.strip()));
            if (fetchable(target)) {
                return target;
            }
        } catch (URISyntaxException e) {
            // Answered as any other place the service cannot fetch from.
        }
        throw new FeedUnavailable("The feed redirects to something other than an http or https URL");
    }

    /** The answer, its whole body read within the timeout and no larger than {@code left} bytes. */
    private HttpResponse<byte[]> get(URI url, long left) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                                         .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> new BoundedBody(left));
        try {
            return answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new FeedUnavailable("The feed did not arrive within " + settings.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FeedTooLarge) {
                throw new FeedUnavailable("The feed is larger than a feed may be (" + describe(settings.maxSize())
                                          + ")");
            }
            throw new FeedUnavailable("The feed could not be fetched");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedUnavailable("The feed could not be fetched");
        }
    }

    private static String describe(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldsException(List.of(new FieldProblem("url", "does not give JSON")));
        } catch (IOException e) {
            throw new FeedUnavailable("The feed could not be read");
        }
    }

    /** The next page of an Open Referral API's paged answer, or null on the last page or for a plain file. */
    private static URI nextPage(URI url, JsonNode page) {
        if (!page.isObject() || !page.has("contents") || page.path("last_page").asBoolean(true)
            || !page.path("page_number").canConvertToInt()) {
            return null;
        }
        return UriComponentsBuilder.fromUri(url).replaceQueryParam("page", page.get("page_number").asInt() + 1)
                                   .build(true).toUri();
    }

    static class FeedUnavailable extends RuleBrokenException {
        FeedUnavailable(String detail) {
            super("url", detail);
        }
    }

    static class HostNotAllowed extends RuleBrokenException {
        HostNotAllowed(boolean noneAllowed, boolean redirected) {
            super("url", noneAllowed
                    ? "Importing from a URL is off here: send the feed as a file, or ask for the feed's host to be "
                      + "allowed (homelink.partners.import.allowed-hosts)"
                    : (redirected ? "The feed redirects to a host" : "The URL names a host")
                      + " this service does not fetch feeds from: ask for it to be allowed "
                      + "(homelink.partners.import.allowed-hosts)");
        }
    }

    private static class FeedTooLarge extends IOException {
        FeedTooLarge() {
            super("larger than a feed may be");
        }
    }

    /** A body collected as bytes that fails, and stops the download, as soon as it passes its limit. */
    private static final class BoundedBody implements BodySubscriber<byte[]> {

        private final BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        private final long limit;
        private long received;
        private boolean failed;
        private Flow.Subscription subscription;

        BoundedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (failed) {
                return;
            }
            received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > limit) {
                failed = true;
                subscription.cancel();
                bytes.onError(new FeedTooLarge());
                return;
            }
            bytes.onNext(buffers);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!failed) {
                bytes.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                bytes.onComplete();
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes.getBody();
        }
    }
}
