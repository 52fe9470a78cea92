package org.homelink.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Rows of text cells, rendered as an aligned plain-text table for the console or as a Markdown table. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("Expected " + header.size() + " cells, got " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder(markdownLine(header));
        out.append(markdownLine(header.stream().map(cell -> "---").toList()));
        rows.forEach(row -> out.append(markdownLine(row)));
        return out.toString();
    }

    String text() {
        int[] widths = new int[header.size()];
        for (List<String> line : allLines()) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : allLines()) {
            for (int column = 0; column < widths.length; column++) {
                out.append(String.format("%-" + widths[column] + "s", line.get(column)))
                   .append(column < widths.length - 1 ? " | " : System.lineSeparator());
            }
            if (line == header) {
                out.append("-".repeat(Arrays.stream(widths).sum() + 3 * (widths.length - 1)))
                   .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private List<List<String>> allLines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        return lines;
    }

    private static String markdownLine(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
