package org.homelink.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a benchmark's results into a Markdown file between two marker comments named for that benchmark, replacing
 * its previous results and leaving the hand-written text and every other benchmark's results alone. Each harness
 * (the event store's, and each service's) owns one named section of {@code docs/benchmarks.md}.
 */
public final class BenchmarkResults {

    private BenchmarkResults() {
    }

    static String start(String name) {
        return "<!-- benchmark-results:" + name + ":start (written by the benchmark harness; edits here are lost) -->";
    }

    static String end(String name) {
        return "<!-- benchmark-results:" + name + ":end -->";
    }

    /**
     * @return false when the file's folder does not exist, i.e. the harness was not started from the repository
     *         root (or, for a service's harness, from the service's module)
     */
    public static boolean writeSection(Path file, String name, String section) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return false;
        }
        String start = start(name);
        String end = end(name);
        try {
            String block = start + "\n" + section + end;
            String current = Files.exists(file) ? Files.readString(file) : "";
            int from = current.indexOf(start);
            int to = current.indexOf(end);
            String updated = from >= 0 && to > from
                    ? current.substring(0, from) + block + current.substring(to + end.length())
                    : appendedAsParagraph(current, block);
            Files.writeString(file, updated);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results into " + file, e);
        }
    }

    /** The first run into a file without this section's markers: the results go at its end, after a blank line. */
    private static String appendedAsParagraph(String current, String block) {
        String separator = current.isEmpty() || current.endsWith("\n\n") ? "" : current.endsWith("\n") ? "\n" : "\n\n";
        return current + separator + block + "\n";
    }
}
