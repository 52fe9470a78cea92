package org.homelink.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.platform.mongo.EmbeddedMongoServer;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local run: one embedded MongoDB store, file-backed under a data folder, the auth server that signs
 * people in, and the three services and the gateway, each its own Spring Boot application in this one JVM, the
 * services all connected to that store by connection string so that they share one event log, and every application
 * trusting the auth server's tokens. Ctrl-C stops the gateway, then the services, then the auth server, then the
 * store.
 * <p>
 * Why one JVM and not five, and what it costs: docs/running.md.
 */
public final class Homelink {

    private static final Application AUTH_SERVER = new Application(
            "auth-server", WebApplicationType.SERVLET, "AUTH_SERVER_PORT", 9000, null);
    private static final Application FAMILY_SERVICE = new Application(
            "family-service", WebApplicationType.SERVLET, "FAMILY_SERVICE_PORT", 8081, "FAMILY_SERVICE_URI");
    private static final Application ENGAGEMENT_SERVICE = new Application(
            "engagement-service", WebApplicationType.SERVLET, "ENGAGEMENT_SERVICE_PORT", 8082,
            "ENGAGEMENT_SERVICE_URI");
    private static final Application PARTNERS_SERVICE = new Application(
            "community-partners-service", WebApplicationType.SERVLET, "PARTNERS_SERVICE_PORT", 8083,
            "PARTNERS_SERVICE_URI");
    private static final Application GATEWAY = new Application(
            "gateway", WebApplicationType.REACTIVE, "GATEWAY_PORT", 8080, null);
    /**
     * The auth server first, as the one every other application trusts (none of them calls it while starting: each
     * fetches its keys when the first token comes); then the services; the gateway last, as the door, opened once
     * there is something behind it.
     */
    private static final List<Application> APPLICATIONS = List.of(
            AUTH_SERVER,
            FAMILY_SERVICE,
            ENGAGEMENT_SERVICE,
            PARTNERS_SERVICE,
            GATEWAY);

    private static final String LOOPBACK = "127.0.0.1";
    /**
     * What {@code --demo} loads, in this order, through the gateway: each a class of the service's own, run as
     * {@code new Demo(gatewayUrl, accessToken).load()}, which adds only what is missing and answers how many of what
     * it counts there are. The token is the demo loader's, a trust leader of the demo trust, from the auth server.
     * family-service's is the demo trust; a service with demo data of its own adds a line here.
     */
    private static final List<Demo> DEMOS = List.of(
            new Demo(FAMILY_SERVICE, "org.homelink.family.demo.DemoTrust", "families in the demo trust"),
            new Demo(ENGAGEMENT_SERVICE, "org.homelink.engagement.demo.DemoEngagement",
                     "activities in the demo trust's term"),
            new Demo(PARTNERS_SERVICE, "org.homelink.partners.demo.DemoPartners",
                     "services of the demo trust's partners in the directory"));
    /**
     * How many applications start at once. Two: on two cores four at once took more CPU and no less time, one at a
     * time a little longer (docs/running.md). A system property only to measure that again.
     */
    private static final int THREADS = Integer.getInteger("homelink.launcher.threads", 2);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);

    private final Options options;
    private final SignIn signIn;
    private final LoggingSystem logging;
    private final PrintStream out = System.out;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile EmbeddedMongoServer store;

    private Homelink(Options options, LoggingSystem logging) {
        this.options = options;
        this.signIn = SignIn.forRun(AUTH_SERVER.configuredPort(), GATEWAY.configuredPort(), options.dataDir());
        this.logging = logging;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        LoggingSystem logging = startLogging(args);
        new Homelink(options, logging).run();
    }

    private void run() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "homelink-stop"));
        try {
            String connectionString = openStore();
            startApplications(connectionString);
            URI gatewayUri = URI.create("http://localhost:" + GATEWAY.port());
            waitUntilHealthy();
            printReady(gatewayUri, connectionString);
            if (options.demo()) {
                loadDemo(gatewayUri);
            }
        } catch (Exception e) {
            if (!stopping.get()) {
                System.err.println();
                System.err.println("Homelink did not start: " + describe(e));
                System.exit(1);
            }
            return;
        }
        awaitStop();
    }

    /** The embedded store in the data folder, or the MongoDB named by HOMELINK_MONGO_URI when that is set. */
    private String openStore() {
        String external = System.getenv("HOMELINK_MONGO_URI");
        if (external != null && !external.isBlank()) {
            return external;
        }
        Path folder = options.dataDir().resolve("store").toAbsolutePath().normalize();
        int port = options.storePort();
        if (port != 0 && !isFree(port)) {
            System.err.println("Port " + port + " is taken (a MongoDB of your own?): the embedded store takes a free port instead.");
            port = 0;
        }
        try {
            store = EmbeddedMongoServer.inFolder(folder, LOOPBACK, port);
        } catch (RuntimeException e) {
            if (describe(e).toLowerCase(Locale.ROOT).contains("locked")) {
                throw new IllegalStateException("another Homelink is running on " + folder
                        + ": stop it first, or give this one a folder of its own with --data", e);
            }
            throw e;
        }
        return store.connectionString();
    }

    private void startApplications(String connectionString) throws InterruptedException {
        // The gateway, last in the list, starts as soon as a thread is free.
        SharedLibraries libraries = SharedLibraries.ofThisClassPath();
        ExecutorService starter = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> starts = new ArrayList<>();
        try {
            for (Application application : APPLICATIONS) {
                starts.add(starter.submit(() -> {
                    Thread thread = Thread.currentThread();
                    String previous = thread.getName();
                    thread.setName(application.name());
                    try {
                        application.start(options.apps(), libraries, logging, arguments(application, connectionString));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(application.name() + ": " + describe(e), e);
                    } finally {
                        thread.setName(previous);
                    }
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get();
            }
        } catch (ExecutionException e) {
            // The applications not yet started never start; one starting finishes, and the shutdown hook closes it.
            starts.forEach(start -> start.cancel(false));
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            starter.shutdown();
        }
    }

    /** Command-line arguments, so they win over each application's own settings; the environment's still apply. */
    private List<String> arguments(Application application, String connectionString) {
        List<String> arguments = new ArrayList<>(signIn.everyApplication());
        if (application == AUTH_SERVER) {
            arguments.addAll(signIn.authServer());
        } else if (application.uriVariable() != null) {
            arguments.add("--homelink.mongo.uri=" + connectionString);
        } else {
            arguments.addAll(signIn.gateway());
            for (Application service : APPLICATIONS) {
                if (service.uriVariable() != null && System.getenv(service.uriVariable()) == null) {
                    // Configured, not actual: the service may still be starting on another thread.
                    arguments.add("--" + service.uriVariable() + "=http://localhost:" + service.configuredPort());
                }
            }
        }
        return arguments;
    }

    /** Every service's health and the gateway's, each UP: the services answer, and each reaches the store. */
    private void waitUntilHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        for (Application application : APPLICATIONS) {
            URI health = URI.create("http://localhost:" + application.port() + "/actuator/health");
            String status = "no answer";
            while (!"UP".equals(status = status(http, health))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(application.name() + " is not healthy (" + status + "): see " + health);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String status(HttpClient http, URI health) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).path("status").asText("no status");
        } catch (IOException e) {
            return "no answer";
        }
    }

    private void printReady(URI gateway, String connectionString) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        StringBuilder services = new StringBuilder();
        for (Application application : APPLICATIONS) {
            if (application == GATEWAY || application == AUTH_SERVER) {
                continue;
            }
            services.append(services.isEmpty() ? "" : ", ").append(application.name()).append(" :").append(application.port());
        }
        out.println();
        out.printf(Locale.ROOT, "Homelink is ready (%.1f s after the JVM started).%n", seconds);
        out.println("  Gateway      " + gateway);
        out.println("  API docs     " + gateway + "/swagger-ui.html");
        out.println("  Health       " + gateway + "/actuator/health");
        out.println("  Services     " + services);
        out.println("  Sign-in      http://localhost:" + AUTH_SERVER.port() + " (auth-server; tokens name the issuer "
                + signIn.issuer() + "; demo users in docs/security.md)");
        if (store != null) {
            out.println("  Store        " + connectionString + " (embedded; data in "
                    + options.dataDir().resolve("store").toAbsolutePath().normalize() + ")");
        } else {
            out.println("  Store        " + withoutPassword(connectionString) + " (HOMELINK_MONGO_URI)");
        }
        out.println("Ctrl-C stops everything.");
        out.println();
    }

    /**
     * The demo data, loaded as a trust's own system would send it, with a token of the demo loader's. A failure is
     * reported; the run goes on.
     */
    private void loadDemo(URI gateway) {
        URI authServer = URI.create("http://localhost:" + AUTH_SERVER.port());
        for (Demo demo : DEMOS) {
            String service = demo.application().name();
            out.println("Loading " + service + "'s demo data through the gateway...");
            long start = System.nanoTime();
            try {
                // A token for each: each is good for minutes, and the first load can take longer than that on a
                // busy machine.
                String token = signIn.demoLoaderToken(authServer);
                Optional<Object> count = demo.application().load(demo.className(), gateway.toString(), token);
                if (count.isEmpty()) {
                    out.println(service + " has no " + demo.className() + ": nothing to load.");
                } else {
                    out.printf(Locale.ROOT, "Demo data ready: %s %s (%.1f s).%n",
                               count.get(), demo.counts(), (System.nanoTime() - start) / 1e9);
                }
            } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
                if (stopping.get()) {
                    return;
                }
                Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
                out.println(service + "'s demo data did not load: " + describe(cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs once, from the shutdown hook: Ctrl-C, TERM, or an exit after a failed start. */
    private void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        for (int i = APPLICATIONS.size() - 1; i >= 0; i--) {
            try {
                APPLICATIONS.get(i).stop();
            } catch (RuntimeException e) {
                System.err.println("Stopping " + APPLICATIONS.get(i).name() + ": " + describe(e));
            }
        }
        if (store != null) {
            store.close();
        }
        out.printf(Locale.ROOT, "Homelink stopped (%.1f s).%n", (System.nanoTime() - start) / 1e9);
        stopped.countDown();
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One log for the whole run, set up once here with Spring Boot's own logging system, which the applications are
     * then told to leave alone: they share one Logback, and each would otherwise reset it as it starts, dropping the
     * settings of the ones before and lines being logged meanwhile. Levels are the union of what the applications
     * and the environment (LOGGING_LEVEL_...) set: see {@link Application}.
     */
    private static LoggingSystem startLogging(String[] args) {
        SpringApplication launcher = new SpringApplication();
        DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();
        LoggingApplicationListener logging = new LoggingApplicationListener();
        logging.onApplicationEvent(new ApplicationStartingEvent(bootstrap, launcher, args));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("homelinkLauncher", Map.of(
                // Spring Boot's console pattern, but with room for the thread's name, which says the application:
                // each starts on a thread of its name, and request threads carry their port (http-nio-8081-exec-1).
                "logging.pattern.console", "%clr(%d{HH:mm:ss.SSS}){faint} %clr(%5p) %clr([%26.26t]){faint} "
                        + "%clr(%-40.40logger{39}){cyan} %clr(:){faint} %m%n%wEx",
                // Spring Boot's hook would stop Logback while the launcher is still closing the applications.
                "logging.register-shutdown-hook", "false",
                // As PlatformDefaults says for each service: the embedded server logs every connection at INFO; so
                // does the driver, three times over here. Their warnings still show.
                "logging.level.de.bwaldvogel", "WARN",
                "logging.level.org.mongodb.driver", "WARN")));
        logging.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(bootstrap, launcher, args, environment));
        LoggingSystem system = LoggingSystem.get(Homelink.class.getClassLoader());
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        return system;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String withoutPassword(String uri) {
        return uri.replaceFirst("//([^:/@]+):[^@/]*@", "//$1:****@");
    }

    /** The failure's own message, and its root cause's when that says something else. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(e.getMessage());
        return root == e || message.contains(String.valueOf(root.getMessage())) ? message
                : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** Demo data of one service: see {@link #DEMOS}. */
    private record Demo(Application application, String className, String counts) {
    }
}
