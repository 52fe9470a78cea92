package org.homelink.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The local run as the homelink script starts it, in a process of its own, on free ports and a data folder of the
 * test's: for integration tests ({@code verify}), which need the jars {@code package} puts in target/.
 */
final class RunningHomelink {

    private static final Path TARGET = Path.of("target");
    private static final String READY = "Homelink is ready";
    private static final List<String> SERVICE_URIS = List.of("FAMILY_SERVICE_URI", "ENGAGEMENT_SERVICE_URI",
                                                             "PARTNERS_SERVICE_URI");
    /** Whatever the machine running the tests has set, the run signs in as the launcher sets it up. */
    private static final List<String> SIGN_IN = List.of("HOMELINK_ISSUER_URI", "HOMELINK_GATEWAY_URL",
                                                        "HOMELINK_GATEWAY_CLIENT_SECRET", "HOMELINK_DEMO_LOADER_SECRET",
                                                        "HOMELINK_DEMO_PASSWORD");

    private final Path data;
    private final Map<String, Integer> ports = freePorts("GATEWAY_PORT", "AUTH_SERVER_PORT", "FAMILY_SERVICE_PORT",
                                                         "ENGAGEMENT_SERVICE_PORT", "PARTNERS_SERVICE_PORT", "STORE");
    private Process running;
    private Output output;

    RunningHomelink(Path data) {
        this.data = data;
    }

    int port(String name) {
        return ports.get(name);
    }

    Map<String, Integer> ports() {
        return ports;
    }

    String gateway() {
        return "http://localhost:" + port("GATEWAY_PORT");
    }

    /** The auth server the launcher started, which is also the issuer unless the test names another. */
    String authServer() {
        return "http://localhost:" + port("AUTH_SERVER_PORT");
    }

    /**
     * Starts it and waits until it says it is ready.
     *
     * @param environment extra environment, such as where the gateway finds a service
     * @param mongoUri    a MongoDB to run on instead of the embedded store, or null
     */
    void start(Map<String, String> environment, String mongoUri) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-Dhomelink.launcher.apps=" + TARGET.resolve("apps"),
                "-cp", TARGET.resolve("launcher.jar") + File.pathSeparator + TARGET.resolve("lib") + "/*",
                Homelink.class.getName(),
                "start", "--data", data.toString(), "--store-port", String.valueOf(port("STORE"))));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        ports.forEach((name, port) -> {
            if (name.endsWith("_PORT")) {
                builder.environment().put(name, String.valueOf(port));
            }
        });
        SERVICE_URIS.forEach(builder.environment()::remove);
        SIGN_IN.forEach(builder.environment()::remove);
        builder.environment().remove("HOMELINK_MONGO_URI");
        if (mongoUri != null) {
            builder.environment().put("HOMELINK_MONGO_URI", mongoUri);
        }
        builder.environment().putAll(environment);
        running = builder.start();
        output = new Output(running);
        output.await(READY, 4);
    }

    /**
     * TERM: the JVM's shutdown hooks stop everything, as on Ctrl-C, whose INT a CI's shell may have set to be
     * ignored. Through the handle: Process.destroy() would also close the output before the last lines are read.
     *
     * @return false when it did not stop within a minute
     */
    boolean stop() throws InterruptedException {
        running.toHandle().destroy();
        boolean stopped = running.waitFor(60, TimeUnit.SECONDS);
        output.finished();
        if (!stopped) {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        return stopped;
    }

    /** Everything it printed so far. */
    String output() {
        return output.text();
    }

    /** For an @AfterEach: whatever a failed test left running. */
    void kill() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Integer> freePorts(String... names) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String name : names) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(name, socket.getLocalPort());
            }
            for (ServerSocket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ports;
    }

    /** The launcher's console, kept in full and copied to target/ for when a test fails. */
    private static final class Output {

        private final StringBuffer text = new StringBuffer();
        private final CompletableFuture<Void> finished;

        Output(Process process) {
            finished = CompletableFuture.runAsync(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        text.append(line).append('\n');
                    }
                } catch (IOException e) {
                    text.append(e).append('\n');
                }
            });
        }

        void await(String line, int minutes) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            while (!text.toString().contains(line)) {
                if (finished.isDone() || System.nanoTime() > deadline) {
                    save();
                    throw new AssertionError("The launcher did not print '" + line + "':\n" + text);
                }
                Thread.sleep(200);
            }
        }

        void finished() {
            finished.join();
            try {
                save();
            } catch (IOException ignored) {
                // only a copy for reading
            }
        }

        String text() {
            return text.toString();
        }

        private void save() throws IOException {
            Files.writeString(TARGET.resolve("local-run-it.log"), text, StandardCharsets.UTF_8);
        }
    }
}
