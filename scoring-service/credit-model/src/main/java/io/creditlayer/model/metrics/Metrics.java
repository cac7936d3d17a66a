package io.creditlayer.model.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Binary-classification metrics on predicted probabilities of default (or any score that ranks defaults
 * higher) and 0/1 labels (1 = default).
 *
 * <ul>
 *   <li>AUC: Mann-Whitney U / (n1·n0) with mid-ranks for ties (a tie counts one half).</li>
 *   <li>KS: max over thresholds of |F1(t) − F0(t)|, the empirical CDFs of defaults and non-defaults, stepping over
 *       tied scores as one threshold.</li>
 *   <li>Gini: 2·AUC − 1.</li>
 *   <li>Brier: mean (p − y)².</li>
 *   <li>Log-loss: −mean(y·ln p + (1 − y)·ln(1 − p)), p clipped to [1e-15, 1 − 1e-15].</li>
 *   <li>ECE: Σ_b (n_b / n)·|mean p in b − default rate in b| over 10 equal-width bins of p on [0, 1] (bin b holds
 *       b/10 ≤ p &lt; (b+1)/10, the last also p = 1).</li>
 * </ul>
 */
public final class Metrics {
    /** Bins of the expected calibration error and of the calibration curve. */
    public static final int CALIBRATION_BINS = 10;
    private static final double CLIP = 1e-15;

    private Metrics() {
    }

    public static double auc(double[] score, int[] y) {
        check(score, y);
        int n = score.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSumPositives += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        requireBothClasses(positives, negatives);
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public static double ks(double[] score, int[] y) {
        check(score, y);
        int n = score.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        long negatives = n - positives;
        requireBothClasses(positives, negatives);
        double best = 0;
        long cumPos = 0;
        long cumNeg = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                if (y[order[j]] == 1) {
                    cumPos++;
                } else {
                    cumNeg++;
                }
                j++;
            }
            best = Math.max(best, Math.abs((double) cumPos / positives - (double) cumNeg / negatives));
            i = j;
        }
        return best;
    }

    public static double gini(double auc) {
        return 2 * auc - 1;
    }

    public static double brier(double[] p, int[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            sum += d * d;
        }
        return sum / p.length;
    }

    public static double logLoss(double[] p, int[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - CLIP, Math.max(CLIP, p[i]));
            sum += y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return -sum / p.length;
    }

    /** Expected calibration error over {@link #CALIBRATION_BINS} equal-width bins (see the class comment). */
    public static double ece(double[] p, int[] y) {
        return CalibrationCurve.of(p, y).ece();
    }

    /** Equal-width bin of a probability, 0..bins-1. */
    public static int bin(double p, int bins) {
        int b = (int) Math.floor(p * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    private static void check(double[] p, int[] y) {
        if (p.length != y.length) {
            throw new IllegalArgumentException("predictions and labels differ in length: " + p.length + " vs " + y.length);
        }
        if (p.length == 0) {
            throw new IllegalArgumentException("no predictions");
        }
    }

    private static void requireBothClasses(long positives, long negatives) {
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC and KS need both classes (" + positives + " positives, "
                    + negatives + " negatives)");
        }
    }
}
