package io.creditlayer.fairness.metrics;

/** Ratio and difference conventions shared by every disparity. */
public final class Ratios {
    private Ratios() {
    }

    /**
     * a / b, with 0 / 0 := 1 (two equal zero rates are at parity, e.g. two groups with no false negatives) and
     * x / 0 := +Infinity for x > 0 (the reference has none, the group has some: unbounded disparity, which fails
     * any band). NaN in, NaN out.
     */
    public static double ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (b == 0) {
            return a == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return a / b;
    }

    /** num / den, NaN when the denominator is zero (the rate is undefined, e.g. TPR of a group without repayers). */
    public static double rate(double num, double den) {
        return den > 0 ? num / den : Double.NaN;
    }

    /** Aequitas band: fair when tau <= d <= 1 / tau. */
    public static boolean withinBand(double disparity, double tau) {
        return disparity >= tau - 1e-12 && disparity <= 1.0 / tau + 1e-12;
    }
}
