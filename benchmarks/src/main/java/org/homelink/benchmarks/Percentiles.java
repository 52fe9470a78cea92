package org.homelink.benchmarks;

import java.util.Arrays;

/** Nearest-rank percentiles of a handful of numbers: all the statistics a side-by-side ratio needs. */
final class Percentiles {

    private Percentiles() {
    }

    /** The value at {@code fraction} (0.5 for the median, 0.99 for p99) of {@code values}, which are left unchanged. */
    static double of(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double median(double[] values) {
        return of(values, 0.5);
    }
}
