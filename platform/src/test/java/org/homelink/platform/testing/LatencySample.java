package org.homelink.platform.testing;

import java.util.Arrays;

/** Latencies measured by a service's benchmark harness, and their percentiles in milliseconds. */
public final class LatencySample {

    private long[] nanos = new long[1024];
    private int count;

    public void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    public int count() {
        return count;
    }

    /** The value at {@code fraction} (0.5 for the median, 0.99 for p99), nearest rank, in milliseconds. */
    public double percentileMillis(double fraction) {
        if (count == 0) {
            throw new IllegalStateException("Nothing was measured");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * count);
        return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }

    public double medianMillis() {
        return percentileMillis(0.5);
    }

    public double p99Millis() {
        return percentileMillis(0.99);
    }

    public double maxMillis() {
        return percentileMillis(1.0);
    }
}
