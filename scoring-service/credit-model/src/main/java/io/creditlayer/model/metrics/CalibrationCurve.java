package io.creditlayer.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability diagram over 10 equal-width bins of the predicted PD: per bin the number of rows, the mean predicted
 * PD and the observed default rate (NaN for an empty bin), and the expected calibration error
 * ECE = Σ_b (n_b / n)·|meanPredicted_b − observed_b|.
 *
 * @param bins the bins, lowest PD first
 * @param ece  expected calibration error
 */
public record CalibrationCurve(List<Bin> bins, double ece) {
    /**
     * One bin.
     *
     * @param lower         lower edge (inclusive)
     * @param upper         upper edge (exclusive, except 1.0)
     * @param count         rows in the bin
     * @param meanPredicted mean predicted PD of those rows (NaN when empty)
     * @param observed      default rate of those rows (NaN when empty)
     */
    public record Bin(double lower, double upper, int count, double meanPredicted, double observed) {
    }

    public CalibrationCurve {
        bins = List.copyOf(bins);
    }

    public static CalibrationCurve of(double[] p, int[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException("need as many labels as predictions, at least one");
        }
        int k = Metrics.CALIBRATION_BINS;
        int[] count = new int[k];
        double[] sumP = new double[k];
        double[] sumY = new double[k];
        for (int i = 0; i < p.length; i++) {
            int b = Metrics.bin(p[i], k);
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i];
        }
        List<Bin> bins = new ArrayList<>(k);
        double ece = 0;
        for (int b = 0; b < k; b++) {
            double mp = count[b] == 0 ? Double.NaN : sumP[b] / count[b];
            double obs = count[b] == 0 ? Double.NaN : sumY[b] / count[b];
            bins.add(new Bin((double) b / k, (double) (b + 1) / k, count[b], mp, obs));
            if (count[b] > 0) {
                ece += (double) count[b] / p.length * Math.abs(mp - obs);
            }
        }
        return new CalibrationCurve(bins, ece);
    }
}
