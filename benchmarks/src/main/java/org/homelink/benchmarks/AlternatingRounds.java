package org.homelink.benchmarks;

import java.util.function.DoubleSupplier;

/**
 * Measures a figure and its baselines in alternating rounds and keeps the median of each, so that a burst of noise
 * on a shared machine hits every side alike and moves no median much.
 */
final class AlternatingRounds {

    private AlternatingRounds() {
    }

    /** @return the median of each measurement's rounds, in the order the measurements were given */
    static double[] medians(int rounds, DoubleSupplier... measurements) {
        double[][] results = new double[measurements.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < measurements.length; side++) {
                results[side][round] = measurements[side].getAsDouble();
            }
        }
        double[] medians = new double[measurements.length];
        for (int side = 0; side < measurements.length; side++) {
            medians[side] = Percentiles.median(results[side]);
        }
        return medians;
    }
}
