package org.homelink.benchmarks;

import java.util.Locale;

/**
 * One line of the results: a measured figure, the baseline measured beside it in the same run, and the goal their
 * ratio must meet. Only the ratio is judged, since absolute numbers on a shared machine vary from run to run.
 */
record Comparison(String measurement, Figure measured, Figure baseline, Goal goal) {

    double ratio() {
        return measured.value() / baseline.value();
    }

    /** "met", "NOT met", or "for information" when there is no goal. */
    String verdict() {
        return goal.verdict(ratio());
    }

    /** A number with its unit and what it is, e.g. "engine: 4,210 events/s". */
    record Figure(String label, double value, String unit) {

        String formatted() {
            String number = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                                         : String.format(Locale.ROOT, "%,.1f", value);
            return label + ": " + number + " " + unit;
        }
    }

    /** What the ratio measured / baseline must be; a figure reported only for information has none. */
    record Goal(Bound bound, double limit) {

        enum Bound { AT_LEAST, AT_MOST, NONE }

        static Goal atLeast(double limit) {
            return new Goal(Bound.AT_LEAST, limit);
        }

        static Goal atMost(double limit) {
            return new Goal(Bound.AT_MOST, limit);
        }

        static Goal none() {
            return new Goal(Bound.NONE, Double.NaN);
        }

        String verdict(double ratio) {
            return switch (bound) {
                case AT_LEAST -> ratio >= limit ? "met" : "NOT met";
                case AT_MOST -> ratio <= limit ? "met" : "NOT met";
                case NONE -> "for information";
            };
        }

        @Override
        public String toString() {
            return switch (bound) {
                case AT_LEAST -> "≥ " + String.format(Locale.ROOT, "%.2f", limit);
                case AT_MOST -> "≤ " + String.format(Locale.ROOT, "%.2f", limit);
                case NONE -> "—";
            };
        }
    }
}
