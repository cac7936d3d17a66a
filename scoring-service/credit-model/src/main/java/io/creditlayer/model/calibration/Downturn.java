package io.creditlayer.model.calibration;

/**
 * Downturn calibration-in-the-large for time-ordered data: the calibrator keeps its shape (how PD rises with the
 * learner's score) and its log-odds are shifted up so that the mean PD over the calibration rows equals the highest
 * default rate of any calibration-sized window of the history before the test rows (the worst period the training
 * data show). PDs of a market calibrated on a calm window understate defaults in the next stress; the shift carries
 * the stress the history has already seen into every PD, as credit models calibrate to a downturn central tendency.
 * It never lowers PDs, uses labels of training and validation rows only, and keeps the ranking (AUC) unchanged.
 */
public final class Downturn {
    private Downturn() {
    }

    /**
     * The highest default rate of {@code window} consecutive rows.
     *
     * @param y labels in time order
     */
    public static double worstWindowRate(int[] y, int window) {
        if (window < 1 || window > y.length) {
            throw new IllegalArgumentException("window must be within 1.." + y.length + ": " + window);
        }
        int sum = 0;
        for (int i = 0; i < window; i++) {
            sum += y[i];
        }
        int best = sum;
        for (int i = window; i < y.length; i++) {
            sum += y[i] - y[i - window];
            best = Math.max(best, sum);
        }
        return (double) best / window;
    }

    /**
     * The log-odds shift δ ≥ 0 that makes the mean of σ(logit(pd) + δ) equal {@code target}; 0 when the mean PD
     * already reaches it. Bisection (the mean is increasing in δ).
     */
    public static double shift(double[] pd, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target rate must be within (0, 1): " + target);
        }
        if (mean(pd, 0) >= target) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (mean(pd, hi) < target) {
            hi *= 2;
            if (hi > 64) {
                throw new IllegalArgumentException("no shift reaches the target rate " + target);
            }
        }
        for (int i = 0; i < 100 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (mean(pd, mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The calibrator with its output log-odds raised by {@code delta} (for isotonic regression: at every knot). */
    public static Calibrator shifted(Calibrator c, double delta) {
        if (delta == 0) {
            return c;
        }
        return switch (c) {
            case PlattScaling p -> new PlattScaling(p.a(), p.b() + delta);
            case IsotonicCalibration iso -> {
                double[] y = iso.y().clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] = Calibrator.clamp(sigmoid(logit(y[i]) + delta));
                }
                yield new IsotonicCalibration(iso.x(), y);
            }
        };
    }

    private static double mean(double[] pd, double delta) {
        double s = 0;
        for (double p : pd) {
            s += sigmoid(logit(p) + delta);
        }
        return s / pd.length;
    }

    private static double logit(double p) {
        double q = Calibrator.clamp(p);
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
