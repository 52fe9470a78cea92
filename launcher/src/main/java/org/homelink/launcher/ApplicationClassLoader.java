package org.homelink.launcher;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One application's view of the launcher's JVM: its own classes and resources, read from its executable jar, and of
 * the libraries on the launcher's class path only those that its jar lists.
 * <p>
 * The launcher's class path holds the libraries of all five applications, so each library is loaded once however
 * many applications use it. Without this filter every application would see the others' libraries as well, and
 * Spring Boot would switch on what they bring: Axon, MongoDB and the embedded server in the gateway, Spring Cloud
 * Gateway, WebFlux and Resilience4j in the services. Hiding them makes each application start exactly as it does
 * from its own jar, and no application's pom has to change for it.
 */
final class ApplicationClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final SharedLibraries libraries;
    private final Set<String> listed;
    /** By jar (the part of a location before {@code !/}): asked for every class and resource, so worth keeping. */
    private final Map<String, Boolean> visibleByLocation = new ConcurrentHashMap<>();

    /**
     * @param name      the application, for stack traces and diagnostics
     * @param locations where the application's own classes and resources are
     * @param listed    file names of the libraries the application's jar lists
     * @param libraries the launcher's class path
     */
    ApplicationClassLoader(String name, URL[] locations, Set<String> listed, SharedLibraries libraries) {
        super(name, locations, libraries.classLoader());
        this.libraries = libraries;
        this.listed = Set.copyOf(listed);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = loadShared(name);
            }
            if (type == null) {
                type = findClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    /** The class from the launcher's class path if this application may see it; null otherwise. */
    private Class<?> loadShared(String name) {
        Class<?> type;
        try {
            type = getParent().loadClass(name);
        } catch (ClassNotFoundException notShared) {
            return null;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null || visible(source.getLocation().toString()) ? type : null;
    }

    @Override
    public URL getResource(String name) {
        URL shared = getParent().getResource(name);
        if (shared != null && visible(shared.toString())) {
            return shared;
        }
        try {
            Enumeration<URL> all = getResources(name);
            return all.hasMoreElements() ? all.nextElement() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (URL url : Collections.list(getParent().getResources(name))) {
            if (visible(url.toString())) {
                urls.add(url);
            }
        }
        urls.addAll(Collections.list(findResources(name)));
        return Collections.enumeration(urls);
    }

    /** Whether a class or resource at this location is for this application: JDK, launcher, or a library it lists. */
    private boolean visible(String location) {
        int entry = location.indexOf("!/");
        String container = entry < 0 ? location : location.substring(0, entry);
        return visibleByLocation.computeIfAbsent(container, c -> {
            String jar = SharedLibraries.jarOf(c);
            return jar == null || !libraries.isLibrary(jar) || listed.contains(SharedLibraries.fileName(jar));
        });
    }
}
