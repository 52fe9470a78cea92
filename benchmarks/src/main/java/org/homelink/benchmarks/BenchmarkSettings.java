package org.homelink.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What to run against and where to write the results, from the command line, a system property or the environment.
 * <p>
 * Usage: {@code [mongodb://...] [--report=FILE | --no-report] [--scale=FACTOR]}. Without a connection string (nor
 * {@code -Dhomelink.mongo.uri} or {@code HOMELINK_MONGO_URI}) the harness starts the embedded server in memory.
 *
 * @param mongoUri   a MongoDB connection string, or empty for the embedded server
 * @param reportFile the Markdown file whose results section is overwritten, or empty to only print
 * @param scale      multiplies every event count: below 1 for a quick check that the harness works, whose
 *                   numbers then say little
 */
record BenchmarkSettings(Optional<String> mongoUri, Optional<Path> reportFile, double scale) {

    static final String URI_PROPERTY = "homelink.mongo.uri";
    static final String URI_VARIABLE = "HOMELINK_MONGO_URI";
    private static final Path DEFAULT_REPORT = Path.of("docs", "benchmarks.md");

    static BenchmarkSettings parse(String[] args, Map<String, String> environment) {
        String uri = firstNonBlank(System.getProperty(URI_PROPERTY), environment.get(URI_VARIABLE));
        Optional<Path> report = Optional.of(DEFAULT_REPORT);
        double scale = 1.0;
        for (String arg : args) {
            if (arg.startsWith("mongodb://") || arg.startsWith("mongodb+srv://")) {
                uri = arg;
            } else if (arg.startsWith("--report=")) {
                report = Optional.of(Path.of(arg.substring("--report=".length())));
            } else if (arg.equals("--no-report")) {
                report = Optional.empty();
            } else if (arg.startsWith("--scale=")) {
                scale = Double.parseDouble(arg.substring("--scale=".length()));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg
                        + "'; usage: [mongodb://...] [--report=FILE | --no-report] [--scale=FACTOR]");
            }
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("The scale must be positive, not " + scale);
        }
        return new BenchmarkSettings(Optional.ofNullable(uri), report, scale);
    }

    /** {@code count} times the scale, never below {@code minimum} so that a tiny scale still measures something. */
    int scaled(int count, int minimum) {
        return Math.max(minimum, (int) Math.round(count * scale));
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }
}
