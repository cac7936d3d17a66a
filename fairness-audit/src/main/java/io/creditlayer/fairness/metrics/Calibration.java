package io.creditlayer.fairness.metrics;

/**
 * Calibration of a probability against binary outcomes in equal-width bins on [0, 1]: bin k holds
 * k/B <= p < (k+1)/B, and p = 1 falls in the last bin. ECE = sum over bins of (bin weight / total weight) *
 * |observed rate - mean predicted probability| (Naeini et al. 2015; Guo et al. 2017).
 */
public final class Calibration {
    private Calibration() {
    }

    public static int bin(double p, int bins) {
        return Math.min(bins - 1, (int) Math.floor(p * bins));
    }

    /** @param outcome the event p predicts (in credit: defaulted, p = PD) */
    public static double ece(double[] p, boolean[] outcome, double[] weight, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1");
        }
        double[] w = new double[bins];
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            double wi = weight == null ? 1.0 : weight[i];
            int b = bin(p[i], bins);
            w[b] += wi;
            sumP[b] += wi * p[i];
            sumY[b] += outcome[i] ? wi : 0;
            total += wi;
        }
        return ece(w, sumP, sumY, total);
    }

    /** ECE from bin sums: (W_b / W) * |sumY_b / W_b - sumP_b / W_b| = |sumY_b - sumP_b| / W. */
    static double ece(double[] w, double[] sumP, double[] sumY, double total) {
        if (!(total > 0)) {
            return Double.NaN;
        }
        double e = 0;
        for (int b = 0; b < w.length; b++) {
            if (w[b] > 0) {
                e += Math.abs(sumY[b] - sumP[b]);
            }
        }
        return e / total;
    }
}
