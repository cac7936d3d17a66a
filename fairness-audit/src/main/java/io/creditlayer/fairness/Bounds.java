package io.creditlayer.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The acceptable range of a check: any of a lower bound, an upper bound, a bound on the absolute value, and an
 * Aequitas band tau (tau <= value <= 1 / tau). Null parts do not apply; at least one must be set.
 */
public record Bounds(Double min, Double max, Double maxAbs, Double tau) {

    /**
     * Slack for floating-point representation only: 4/5 computed as 0.8 - 1e-16 must not fail a 0.8 bound. Far
     * below any meaningful difference.
     */
    static final double SLACK = 1e-12;

    public Bounds {
        if (min == null && max == null && maxAbs == null && tau == null) {
            throw new IllegalArgumentException("a check needs min, max, maxAbs or tau");
        }
        for (Double d : new Double[] {min, max, maxAbs, tau}) {
            if (d != null && !Double.isFinite(d)) {
                throw new IllegalArgumentException("bounds must be finite");
            }
        }
        if (maxAbs != null && maxAbs < 0) {
            throw new IllegalArgumentException("maxAbs must be >= 0");
        }
        if (tau != null && !(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must lie in (0, 1]");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min > max");
        }
    }

    public static Bounds atLeast(double min) {
        return new Bounds(min, null, null, null);
    }

    public static Bounds atMost(double max) {
        return new Bounds(null, max, null, null);
    }

    public static Bounds absAtMost(double maxAbs) {
        return new Bounds(null, null, maxAbs, null);
    }

    public static Bounds band(double tau) {
        return new Bounds(null, null, null, tau);
    }

    /** True when v satisfies every set part. v must be a number (NaN is handled by the caller as undefined). */
    public boolean test(double v) {
        if (min != null && !(v >= min - SLACK)) {
            return false;
        }
        if (max != null && !(v <= max + SLACK)) {
            return false;
        }
        if (maxAbs != null && !(Math.abs(v) <= maxAbs + SLACK)) {
            return false;
        }
        return tau == null || (v >= tau - SLACK && v <= 1 / tau + SLACK);
    }

    /** E.g. "value >= 0.8", "|value| <= 0.1", "0.8 <= value <= 1.25". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add("value >= " + fmt(min));
        }
        if (max != null) {
            parts.add("value <= " + fmt(max));
        }
        if (maxAbs != null) {
            parts.add("|value| <= " + fmt(maxAbs));
        }
        if (tau != null) {
            parts.add(fmt(tau) + " <= value <= " + fmt(1 / tau));
        }
        return String.join(" and ", parts);
    }

    static String fmt(double d) {
        String s = String.format(Locale.ROOT, "%.6f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
