package org.homelink.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for a service on the JDK's HTTP server. It records every request that reaches it and answers with
 * its name and the URI it was asked for, with the statuses it is told to give in turn, after the delay it is told
 * to keep. Like a real service it echoes the request id it was given.
 */
final class StandInService {

    /** What reached the stand-in, with the number of bytes of its body. */
    record Arrival(String method, String uri, Headers headers, int bodyLength) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile Map<String, String> extraHeaders = Map.of();

    private StandInService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // One thread per request, so that a hanging answer does not hold up the others; daemon threads, so that a
        // hang still under way does not keep the test JVM alive.
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    static StandInService start(String name) {
        return new StandInService(name);
    }

    /** A URI where nothing listens: connections are refused. */
    static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets what arrived and answers from now on with these statuses in turn, the last one ever after. */
    synchronized StandInService answerInTurn(Integer... statuses) {
        arrivals.clear();
        this.statuses.clear();
        this.statuses.addAll(Arrays.asList(statuses));
        return this;
    }

    /** Adds these headers to every answer from now on, as a service might that sets its own. */
    StandInService answerWithHeaders(Map<String, String> headers) {
        this.extraHeaders = Map.copyOf(headers);
        return this;
    }

    StandInService delayAnswersBy(Duration delay) {
        this.delay = delay;
        return this;
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    Arrival lastArrival() {
        return arrivals.get(arrivals.size() - 1);
    }

    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        int bodyLength = exchange.getRequestBody().readAllBytes().length;
        arrivals.add(new Arrival(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                                 exchange.getRequestHeaders(), bodyLength));
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = (name + " " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
        String requestId = exchange.getRequestHeaders().getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            exchange.getResponseHeaders().set(RequestIdFilter.HEADER, requestId);
        }
        extraHeaders.forEach(exchange.getResponseHeaders()::set);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(nextStatus(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(nextStatus(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private synchronized int nextStatus() {
        if (statuses.isEmpty()) {
            return 200;
        }
        return statuses.size() > 1 ? statuses.poll() : statuses.peek();
    }
}
