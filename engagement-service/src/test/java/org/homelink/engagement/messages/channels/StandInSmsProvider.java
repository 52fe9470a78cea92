package org.homelink.engagement.messages.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * An SMS provider on the loopback: it records each request, answers as a test sets it to (a status, a body, a
 * delay), and, once it has taken a text, reports on it as providers do: a receipt POSTed to the text's
 * {@code statusCallback}, signed with the shared secret.
 */
public final class StandInSmsProvider implements AutoCloseable {

    static final String PATH = "/v1/messages";

    public record Request(String method, String path, Headers headers, JsonNode body) {
    }

    private record Answer(int status, String body, Duration delay) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient callbacks = HttpClient.newHttpClient();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> callbackAnswers = new LinkedBlockingQueue<>();
    private final String secret;
    private volatile Answer answer;
    private volatile String receiptStatus;

    StandInSmsProvider(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::take);
        server.setExecutor(threads);
        server.start();
        reset();
    }

    /** A provider started with this secret, for a test class's static field. */
    public static StandInSmsProvider started(String secret) {
        try {
            return new StandInSmsProvider(secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port on the loopback, for the service under test: fixed before it starts, so that the callback address
     * it gives the provider is its own.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points the service under test at real servers of the test's own: email at an SMTP server on {@code smtpPort},
     * texts at this provider, and the provider's receipts back at the service on {@code servicePort}.
     */
    public void pointTheServiceHere(DynamicPropertyRegistry registry, int servicePort,
                                    Supplier<Integer> smtpPort) {
        registry.add("server.port", () -> servicePort);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtpPort::get);
        registry.add("homelink.engagement.messages.sms.url", () -> url().toString());
        registry.add("homelink.engagement.messages.sms.callback-url",
                     () -> "http://127.0.0.1:" + servicePort + "/api/engagement/messages/receipts/sms");
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    void reset() {
        answer = new Answer(201, "{\"id\":\"SM-0001\",\"status\":\"queued\"}", Duration.ZERO);
        receiptStatus = null;
        requests.clear();
        callbackAnswers.clear();
    }

    void answers(int status, String body) {
        answer = new Answer(status, body, Duration.ZERO);
    }

    void answersAfter(Duration delay) {
        answer = new Answer(201, "{\"id\":\"SM-slow\"}", delay);
    }

    /** After taking each text, POSTs a receipt with this status to its callback. */
    public void reportsEachText(String status) {
        receiptStatus = status;
    }

    public BlockingQueue<Request> requests() {
        return requests;
    }

    /** What the service answered each receipt. */
    public BlockingQueue<Integer> callbackAnswers() {
        return callbackAnswers;
    }

    /** HMAC-SHA256 of the body with the secret, as the provider signs. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void take(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                                 exchange.getRequestHeaders(), body));
        Answer now = answer;
        try {
            Thread.sleep(now.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] reply = now.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(now.status(), reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
        } catch (IOException clientGone) {
            // The channel gave up waiting, as it should with a slow provider.
        } finally {
            exchange.close();
        }
        String status = receiptStatus;
        if (status != null && now.status() / 100 == 2 && body.hasNonNull("statusCallback")) {
            threads.execute(() -> report(URI.create(body.get("statusCallback").asText()),
                                         body.get("reference").asText(), status));
        }
    }

    private void report(URI callback, String reference, String status) {
        byte[] receipt = ("{\"reference\":\"" + reference + "\",\"status\":\"" + status
                          + "\",\"at\":\"2026-03-02T09:31:00Z\"}").getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<Void> answered = callbacks.send(
                    HttpRequest.newBuilder(callback).header("Content-Type", "application/json")
                               .header("X-Homelink-Signature", signature(secret, receipt))
                               .POST(HttpRequest.BodyPublishers.ofByteArray(receipt)).build(),
                    HttpResponse.BodyHandlers.discarding());
            callbackAnswers.add(answered.statusCode());
        } catch (IOException e) {
            callbackAnswers.add(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
