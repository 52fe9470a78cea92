package org.homelink.benchmarks;

/** The median and p99 of one operation's latency, timed one call at a time after a warm-up. */
record Latencies(double medianMicros, double p99Micros) {

    static Latencies measure(int warmUpCalls, int timedCalls, Runnable operation) {
        for (int i = 0; i < warmUpCalls; i++) {
            operation.run();
        }
        double[] micros = new double[timedCalls];
        for (int i = 0; i < timedCalls; i++) {
            long started = System.nanoTime();
            operation.run();
            micros[i] = (System.nanoTime() - started) / 1_000.0;
        }
        return new Latencies(Percentiles.median(micros), Percentiles.of(micros, 0.99));
    }
}
