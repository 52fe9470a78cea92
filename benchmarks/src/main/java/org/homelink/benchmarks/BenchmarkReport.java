package org.homelink.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measured, where and how: printed to the console and written into docs/benchmarks.md.
 *
 * @param context     when, on what JVM and against which store the run was made, in order
 * @param comparisons every figure with its baseline and goal
 * @param memory      heap figures in bytes, in order; they have no baseline, so no goal is judged on them
 * @param settings    the counts and tuning the figures depend on
 */
record BenchmarkReport(Map<String, String> context, List<Comparison> comparisons, Map<String, Long> memory,
                       List<String> settings) {

    String text() {
        StringBuilder out = new StringBuilder(System.lineSeparator());
        context.forEach((name, value) -> out.append(name).append(": ").append(value).append(System.lineSeparator()));
        out.append(System.lineSeparator()).append(comparisonTable().text())
           .append(System.lineSeparator()).append(memoryTable().text())
           .append(System.lineSeparator());
        settings.forEach(setting -> out.append("- ").append(setting).append(System.lineSeparator()));
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        context.forEach((name, value) -> out.append("- **").append(name).append(":** ").append(value).append('\n'));
        out.append('\n').append(comparisonTable().markdown())
           .append('\n').append(memoryTable().markdown())
           .append('\n').append("Settings of this run:\n\n");
        settings.forEach(setting -> out.append("- ").append(setting).append('\n'));
        return out.toString();
    }

    private Table comparisonTable() {
        Table table = new Table("Measurement", "Measured", "Baseline, same run", "Ratio", "Goal", "Result");
        for (Comparison comparison : comparisons) {
            table.row(comparison.measurement(), comparison.measured().formatted(),
                      comparison.baseline().formatted(), String.format(Locale.ROOT, "%.2f", comparison.ratio()),
                      comparison.goal().toString(), comparison.verdict());
        }
        return table;
    }

    private Table memoryTable() {
        Table table = new Table("Heap", "MiB");
        memory.forEach((name, bytes) -> table.row(name, String.format(Locale.ROOT, "%,.0f", bytes / 1048576.0)));
        return table;
    }
}
