package org.homelink.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the results into a Markdown file between two marker comments, replacing the previous results and leaving
 * the hand-written text around them alone.
 */
final class ReportFile {

    static final String START = "<!-- benchmark-results:start (written by the benchmark harness; edits here are lost) -->";
    static final String END = "<!-- benchmark-results:end -->";

    private ReportFile() {
    }

    /** @return false when the file's folder does not exist, i.e. the harness was not started from the repository root */
    static boolean writeSection(Path file, String section) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return false;
        }
        try {
            String block = START + "\n" + section + END;
            String current = Files.exists(file) ? Files.readString(file) : "";
            int start = current.indexOf(START);
            int end = current.indexOf(END);
            String updated = start >= 0 && end > start
                    ? current.substring(0, start) + block + current.substring(end + END.length())
                    : appendedAsParagraph(current, block);
            Files.writeString(file, updated);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results into " + file, e);
        }
    }

    /** The first run into a file without markers: the results go at its end, after a blank line. */
    private static String appendedAsParagraph(String current, String block) {
        String separator = current.isEmpty() || current.endsWith("\n\n") ? "" : current.endsWith("\n") ? "\n" : "\n\n";
        return current + separator + block + "\n";
    }
}
