package org.homelink.partners.directory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.RuleBrokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fetching a feed from a URL, against a server on this machine that answers as 127.0.0.1 and as localhost: only
 * 127.0.0.1 is allowed, so "localhost" stands for any host the deployment has not named (an internal service, a
 * cloud's metadata address), on the same server, which counts what it is asked for.
 */
class RemoteFeedsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final DataSize LIMIT = DataSize.ofKilobytes(16);

    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;
    private String allowed;
    private String notAllowed;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        serve("/feed", exchange -> answer(exchange, 200, page(exchange.getRequestURI().getQuery(), 2, 100)));
        serve("/moved", exchange -> redirect(exchange, "/feed"));
        serve("/away", exchange -> redirect(exchange, notAllowed + "/feed"));
        serve("/again", exchange -> redirect(exchange, "/again"));
        serve("/large", exchange -> answer(exchange, 200, page(exchange.getRequestURI().getQuery(), 2, 10_000)));
        serve("/missing", exchange -> answer(exchange, 404, "{}"));
        serve("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("{\"contents\": [".getBytes(StandardCharsets.UTF_8));
                body.flush();
                Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        allowed = "http://127.0.0.1:" + server.getAddress().getPort();
        notAllowed = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void fetchesEveryPageOfAFeedFromAnAllowedHost() {
        List<JsonNode> pages = feeds("127.0.0.1").fetch(allowed + "/feed");

        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).path("page_number").asInt()).isEqualTo(2);
        assertThat(asked.get("/feed").get()).isEqualTo(2);
    }

    @Test
    void withNoHostAllowedImportingFromAUrlIsOff() {
        assertRefused(feeds(), allowed + "/feed", "Importing from a URL is off");
        assertThat(asked).isEmpty();
    }

    @Test
    void aHostNotOnTheListIsNeverAsked() {
        assertRefused(feeds("127.0.0.1"), notAllowed + "/feed", "names a host");
        assertRefused(feeds("127.0.0.1"), "http://169.254.169.254/latest/meta-data/", "names a host");
        assertThat(asked).isEmpty();
    }

    @Test
    void hostsCompareAsNamesWhateverTheirCase() {
        assertThat(feeds("LOCALHOST.").fetch(notAllowed + "/feed")).hasSize(2);
    }

    @Test
    void aRedirectIsFollowedOnlyToAnAllowedHost() {
        assertThat(feeds("127.0.0.1").fetch(allowed + "/moved")).hasSize(2);

        assertRefused(feeds("127.0.0.1"), allowed + "/away", "redirects to a host");
        assertThat(asked.get("/away").get()).isEqualTo(1);
        assertThat(asked.get("/feed").get()).as("only the allowed redirect's pages").isEqualTo(2);
    }

    @Test
    void endlessRedirectsAreGivenUp() {
        assertRefused(feeds("127.0.0.1"), allowed + "/again", "redirects more than");
        assertThat(asked.get("/again").get()).isEqualTo(6);
    }

    @Test
    void aFeedLargerThanAFeedMayBeIsRefusedEvenWhenEachPageIsSmaller() {
        assertRefused(feeds("127.0.0.1"), allowed + "/large", "larger than");
        assertThat(asked.get("/large").get()).as("the second page passes the limit").isEqualTo(2);
    }

    @Test
    void aFeedThatTakesLongerThanTheTimeoutIsGivenUpInTime() {
        long started = System.nanoTime();

        assertRefused(feeds("127.0.0.1"), allowed + "/slow", "did not arrive within");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(2));
    }

    @Test
    void anAnswerOtherThanAFeedIsNamedAsSuch() {
        assertRefused(feeds("127.0.0.1"), allowed + "/missing", "answered HTTP 404");
    }

    @Test
    void aUrlWithAPasswordOrWithNoHostIsNotAUrlToFetch() {
        for (String url : List.of("http://user:secret@127.0.0.1/feed", "http:///feed", "http://exa mple.org/")) {
            assertThatThrownBy(() -> feeds("127.0.0.1").fetch(url)).isInstanceOfSatisfying(
                    InvalidFieldsException.class,
                    invalid -> assertThat(invalid.problems()).extracting(InvalidFieldsException.FieldProblem::field)
                                                           .containsExactly("url"));
        }
        assertThat(asked).isEmpty();
    }

    private RemoteFeeds feeds(String... allowedHosts) {
        return new RemoteFeeds(new ImportSettings(List.of(allowedHosts), TIMEOUT, LIMIT), new ObjectMapper());
    }

    private static void assertRefused(RemoteFeeds feeds, String url, String because) {
        assertThatThrownBy(() -> feeds.fetch(url)).isInstanceOfSatisfying(RuleBrokenException.class, refused -> {
            assertThat(refused.field()).isEqualTo("url");
            assertThat(refused.getMessage()).contains(because);
        });
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void serve(String path, Handler handler) {
        server.createContext(path, exchange -> {
            asked.computeIfAbsent(path, counted -> new AtomicInteger()).incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    /** Page {@code page=N} of a feed of {@code pages} pages, padded to {@code size} bytes or so. */
    private static String page(String query, int pages, int size) {
        int number = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
        return """
                {"page_number": %d, "total_pages": %d, "last_page": %s, "contents": [{"name": "%s"}]}
                """.formatted(number, pages, number == pages, "x".repeat(size));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }
}
