package io.creditlayer.fairness.metrics;

/**
 * A point estimate with its bootstrap percentile interval. NaN means undefined (a zero denominator, or no
 * probabilities); an interval of NaN means no bootstrap was run or too few resamples were defined. Ratios may be
 * +Infinity (x / 0 with x > 0).
 */
public record Estimate(double value, double lower, double upper) {

    public static Estimate point(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    public static Estimate undefined() {
        return new Estimate(Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean defined() {
        return !Double.isNaN(value);
    }

    public boolean hasInterval() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }
}
