package io.creditlayer.model.calibration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Isotonic regression of default on the raw log-odds by pool-adjacent-violators (PAV): the non-decreasing step
 * function that minimizes the squared error on held-out rows. Each pooled block becomes a knot (its mean
 * log-odds, its default rate); between knots the PD is interpolated linearly, outside them it is the end value.
 * Linear interpolation keeps the map monotone while breaking fewer ties among borrowers than a pure step
 * function. Tied scores are pooled before PAV, so equal inputs always get one output.
 *
 * @param x knot positions (raw log-odds), strictly increasing
 * @param y knot PDs, non-decreasing
 */
public record IsotonicCalibration(double[] x, double[] y) implements Calibrator {
    public IsotonicCalibration {
        x = x.clone();
        y = y.clone();
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("isotonic calibration needs matching, non-empty knots");
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1]) || y[i] < y[i - 1]) {
                throw new IllegalArgumentException("isotonic knots must be increasing in x and non-decreasing in y");
            }
        }
    }

    public static IsotonicCalibration fit(double[] s, int[] labels) {
        int n = s.length;
        if (n != labels.length || n < 2) {
            throw new IllegalArgumentException("isotonic calibration needs at least two labelled scores");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> s[i]));
        // blocks: weight, sum of x, sum of y; ties pooled first
        double[] w = new double[n];
        double[] sx = new double[n];
        double[] sy = new double[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (k > 0 && s[order[k - 1]] == s[i]) {
                // a tie with the previous score, which is always in the last block
                w[m - 1] += 1;
                sx[m - 1] += s[i];
                sy[m - 1] += labels[i];
            } else {
                w[m] = 1;
                sx[m] = s[i];
                sy[m] = labels[i];
                m++;
            }
            while (m > 1 && sy[m - 2] / w[m - 2] >= sy[m - 1] / w[m - 1]) {
                w[m - 2] += w[m - 1];
                sx[m - 2] += sx[m - 1];
                sy[m - 2] += sy[m - 1];
                m--;
            }
        }
        double[] kx = new double[m];
        double[] ky = new double[m];
        int k = 0;
        for (int b = 0; b < m; b++) {
            double bx = sx[b] / w[b];
            double by = sy[b] / w[b];
            if (k > 0 && !(bx > kx[k - 1])) {
                // numerically equal centres: merge into the previous knot
                ky[k - 1] = Math.max(ky[k - 1], by);
                continue;
            }
            kx[k] = bx;
            ky[k] = by;
            k++;
        }
        return new IsotonicCalibration(Arrays.copyOf(kx, k), Arrays.copyOf(ky, k));
    }

    @Override
    public double pd(double logOdds) {
        if (logOdds <= x[0]) {
            return Calibrator.clamp(y[0]);
        }
        int last = x.length - 1;
        if (logOdds >= x[last]) {
            return Calibrator.clamp(y[last]);
        }
        int i = Arrays.binarySearch(x, logOdds);
        if (i >= 0) {
            return Calibrator.clamp(y[i]);
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (logOdds - x[lo]) / (x[hi] - x[lo]);
        return Calibrator.clamp(y[lo] + t * (y[hi] - y[lo]));
    }

    @Override
    public String method() {
        return "isotonic";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicCalibration c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "IsotonicCalibration[" + x.length + " knots]";
    }
}
