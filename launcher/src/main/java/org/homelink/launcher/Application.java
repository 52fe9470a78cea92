package org.homelink.launcher;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * One of the applications the launcher runs: started from its executable jar as its own Spring Boot application
 * context, with a class loader of its own (see {@link ApplicationClassLoader}), its own application.yml and its own
 * port, exactly as {@code java -jar} would start it but for the settings the launcher passes.
 */
final class Application {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String CLASS_PATH_INDEX = "BOOT-INF/classpath.idx";
    private static final String LIBRARIES = "BOOT-INF/lib/";

    private final String name;
    private final WebApplicationType type;
    private final String portVariable;
    private final int defaultPort;
    private final String uriVariable;
    private volatile ApplicationClassLoader loader;
    private volatile ConfigurableApplicationContext context;

    /**
     * @param name         the module, and the name of its jar in the launcher's apps folder
     * @param type         SERVLET for a service, REACTIVE for the gateway
     * @param portVariable the environment variable the application's own application.yml reads its port from
     * @param defaultPort  the port its application.yml falls back to
     * @param uriVariable  the variable the gateway finds this service by; null for the gateway and the auth server
     */
    Application(String name, WebApplicationType type, String portVariable, int defaultPort, String uriVariable) {
        this.name = name;
        this.type = type;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.uriVariable = uriVariable;
    }

    String name() {
        return name;
    }

    String uriVariable() {
        return uriVariable;
    }

    /** The port the application will listen on: its port variable if set, else its default. */
    int configuredPort() {
        String value = System.getenv(portVariable);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    /** The port it listens on once started, else the one it is configured to. */
    int port() {
        return context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : configuredPort();
    }

    /**
     * Starts the application and returns once its web server is listening. Runs on the calling thread, which lends
     * the application its name and class loader: threads the application starts inherit both.
     *
     * @param apps      the folder of the applications' executable jars
     * @param arguments Spring Boot command-line arguments: they take precedence over the application's own settings
     */
    void start(Path apps, SharedLibraries libraries, LoggingSystem logging, List<String> arguments) {
        Path jar = apps.resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests -pl launcher -am package)");
        }
        Contents contents = Contents.of(jar);
        Set<String> missing = contents.libraries().stream().filter(lib -> !libraries.hasFile(lib))
                                      .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new IllegalStateException(name + " needs libraries the launcher does not have, " + missing
                    + ": the launcher was built before " + name + " changed, or resolves a different version."
                    + " Rebuild with ./mvnw -DskipTests -pl launcher -am package");
        }
        loader = new ApplicationClassLoader(name, contents.locations(), contents.libraries(), libraries);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> main = Class.forName(contents.mainClass(), false, loader);
            new SpringApplicationBuilder(main)
                    .main(main)
                    .resourceLoader(new DefaultResourceLoader(loader))
                    .web(type)
                    .bannerMode(Banner.Mode.OFF)
                    // The launcher stops the applications itself, in order: the gateway first, the store last.
                    .registerShutdownHook(false)
                    .properties(Map.of(
                            // The launcher's log is one for all: the name of whichever application set it last
                            // would be wrong on most lines. The thread's name tells the application instead.
                            "logging.include-application-name", "false"))
                    .listeners(levelsFor(logging))
                    // Known as soon as it exists, so that Ctrl-C during start-up can close it too.
                    .initializers(created -> this.context = created)
                    .run(arguments.toArray(String[]::new));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + "'s main class " + contents.mainClass() + " is not in " + jar, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The application's {@code logging.level} settings, applied to the launcher's log once its environment is
     * ready: Spring Boot's own logging is off in the applications (see {@link Homelink}), and without this their
     * levels would be lost. Levels are per logger in the one Logback, so they apply to every application.
     */
    private static ApplicationListener<ApplicationEnvironmentPreparedEvent> levelsFor(LoggingSystem logging) {
        // A class, not a lambda: Spring finds the event type from the listener's declared type argument.
        return new ApplicationListener<>() {
            @Override
            public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
                Binder.get(event.getEnvironment())
                      .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                      .ifBound(levels -> levels.forEach(logging::setLogLevel));
            }
        };
    }

    /**
     * Runs {@code new <className>(baseUrl, accessToken).load()} from the application's own classes, on the calling
     * thread with the application's class loader, and answers what it returns; empty when the application has no
     * such class.
     */
    Optional<Object> load(String className, String baseUrl, String accessToken) throws ReflectiveOperationException {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException absent) {
            return Optional.empty();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object loaderInstance = type.getConstructor(String.class, String.class).newInstance(baseUrl, accessToken);
            return Optional.ofNullable(type.getMethod("load").invoke(loaderInstance));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Closes the application context, waiting for a start in progress to finish first. */
    void stop() {
        ConfigurableApplicationContext running = context;
        if (running != null) {
            running.close();
        }
    }

    /**
     * What the launcher needs from an executable jar: its main class, where its classes and resources are, and the
     * libraries it lists.
     */
    private record Contents(String mainClass, URL[] locations, Set<String> libraries) {

        static Contents of(Path jar) {
            try (JarFile file = new JarFile(jar.toFile())) {
                String mainClass = file.getManifest().getMainAttributes().getValue("Start-Class");
                if (mainClass == null) {
                    throw new IllegalStateException(jar + " is not a Spring Boot executable jar: it names no Start-Class");
                }
                return new Contents(mainClass, locationsOf(jar), librariesOf(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + jar, e);
            }
        }

        /**
         * Read where they are, in the jar: nothing to unpack, nothing left behind, never stale. The classes, then
         * the jar's root, where Spring Boot puts META-INF/build-info.properties for /actuator/info.
         */
        private static URL[] locationsOf(Path jar) throws MalformedURLException {
            String root = "jar:" + jar.toUri() + "!/";
            return new URL[] {new URL(root + CLASSES), new URL(root)};
        }

        /**
         * The file names in the jar's class path index, lines such as {@code - "BOOT-INF/lib/h2-2.3.232.jar"}, but
         * for the tools Spring Boot adds for {@code java -Djarmode=...}, which are no dependency of the application.
         */
        private static Set<String> librariesOf(JarFile file) throws IOException {
            JarEntry index = file.getJarEntry(CLASS_PATH_INDEX);
            if (index == null) {
                throw new IllegalStateException(file.getName() + " has no " + CLASS_PATH_INDEX);
            }
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(file.getInputStream(index), StandardCharsets.UTF_8))) {
                return lines.lines()
                            .map(line -> line.replaceFirst("^- ", "").replace("\"", "").trim())
                            .filter(line -> line.startsWith(LIBRARIES))
                            .map(line -> line.substring(LIBRARIES.length()))
                            .filter(library -> !library.startsWith("spring-boot-jarmode-"))
                            .collect(Collectors.toUnmodifiableSet());
            }
        }
    }
}
