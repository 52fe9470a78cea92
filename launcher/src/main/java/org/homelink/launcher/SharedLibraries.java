package org.homelink.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The libraries on the launcher's class path, which the applications share: what the build copied into
 * {@code launcher/target/lib}. The launcher's own classes are not among them.
 */
final class SharedLibraries {

    private final ClassLoader classLoader;
    private final Set<String> jars;
    private final Set<String> fileNames;

    private SharedLibraries(ClassLoader classLoader, Set<String> jars) {
        this.classLoader = classLoader;
        this.jars = jars;
        this.fileNames = jars.stream().map(SharedLibraries::fileName).collect(Collectors.toUnmodifiableSet());
    }

    static SharedLibraries ofThisClassPath() {
        String launcher = Path.of(codeLocation()).toAbsolutePath().normalize().toString();
        Set<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                                 .filter(entry -> entry.endsWith(".jar"))
                                 .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                                 .filter(entry -> !entry.equals(launcher))
                                 .collect(Collectors.toUnmodifiableSet());
        return new SharedLibraries(SharedLibraries.class.getClassLoader(), jars);
    }

    private static String codeLocation() {
        try {
            return Path.of(SharedLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return "";
        }
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    boolean isLibrary(String jar) {
        return jars.contains(jar);
    }

    boolean hasFile(String fileName) {
        return fileNames.contains(fileName);
    }

    /**
     * The jar a class or resource location is in, as an absolute path, or null when it is not in a jar (the JDK's
     * {@code jrt:} locations, a folder of classes). Takes {@code jar:file:/x/y.jar!/a/B.class} and {@code file:/x/y.jar}.
     */
    static String jarOf(String location) {
        String file = location;
        if (file.startsWith("jar:")) {
            int separator = file.indexOf("!/");
            file = file.substring(4, separator < 0 ? file.length() : separator);
        }
        if (!file.startsWith("file:") || !file.endsWith(".jar")) {
            return null;
        }
        try {
            return Path.of(new java.net.URI(file)).toAbsolutePath().normalize().toString();
        } catch (Exception e) {
            return null;
        }
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf(File.separatorChar) + 1);
    }
}
