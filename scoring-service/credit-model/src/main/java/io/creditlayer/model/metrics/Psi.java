package io.creditlayer.model.metrics;

import java.util.Arrays;

/**
 * Population stability index between a reference (training) distribution and an actual (scoring) one:
 * PSI = Σ_b (a_b − e_b)·ln(a_b / e_b) over bins b, where e_b and a_b are the shares of the reference and actual
 * rows in bin b, each floored at {@link #EPSILON} so that an empty bin contributes a finite amount. Numeric bins
 * are 10 quantile bins of the reference (cut points at its 10th, 20th, ..., 90th percentiles, merged when tied),
 * categorical bins are the levels. Rule of thumb: under 0.1 stable, 0.1-0.25 a moderate shift, over 0.25 a
 * significant shift.
 */
public final class Psi {
    public static final double EPSILON = 1e-4;
    public static final int BINS = 10;

    private Psi() {
    }

    /**
     * Reference bins of one variable.
     *
     * @param name        variable name
     * @param categorical bins are level codes 0..k-1 rather than cut points
     * @param cuts        ascending cut points (bin i holds cuts[i-1] &lt; x ≤ cuts[i]; the last bin x &gt; the
     *                    last cut), or for a categorical variable empty
     * @param expected    reference share of each bin
     * @param median      reference median (used to phrase reasons)
     */
    public record Bins(String name, boolean categorical, double[] cuts, double[] expected, double median) {
        public Bins {
            cuts = cuts.clone();
            expected = expected.clone();
        }

        public int bin(double x) {
            if (categorical) {
                int level = (int) x;
                return level >= 0 && level < expected.length ? level : -1;
            }
            int i = Arrays.binarySearch(cuts, x);
            return i >= 0 ? i : -i - 1;
        }

        /** PSI of the actual values against these bins (values outside known levels count in no bin). */
        public double psi(double[] actual) {
            double[] counts = new double[expected.length];
            int n = 0;
            for (double v : actual) {
                int b = bin(v);
                if (b >= 0) {
                    counts[b]++;
                }
                n++;
            }
            double psi = 0;
            for (int b = 0; b < expected.length; b++) {
                double a = Math.max(EPSILON, n == 0 ? 0 : counts[b] / n);
                double e = Math.max(EPSILON, expected[b]);
                psi += (a - e) * Math.log(a / e);
            }
            return psi;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bins b && name.equals(b.name) && categorical == b.categorical
                    && Arrays.equals(cuts, b.cuts) && Arrays.equals(expected, b.expected)
                    && Double.compare(median, b.median) == 0;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(cuts);
        }

        @Override
        public String toString() {
            return "Bins[" + name + ", cuts=" + Arrays.toString(cuts) + ", expected=" + Arrays.toString(expected) + "]";
        }
    }

    /** Quantile bins of a numeric reference sample. */
    public static Bins numeric(String name, double[] reference) {
        if (reference.length == 0) {
            throw new IllegalArgumentException("empty reference for " + name);
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double max = sorted[sorted.length - 1];
        double[] cuts = new double[BINS - 1];
        int m = 0;
        for (int q = 1; q < BINS; q++) {
            double c = quantile(sorted, q / (double) BINS);
            if (c < max && (m == 0 || c > cuts[m - 1])) {
                cuts[m++] = c;
            }
        }
        cuts = Arrays.copyOf(cuts, m);
        double[] counts = new double[m + 1];
        Bins shape = new Bins(name, false, cuts, counts, 0);
        for (double v : reference) {
            counts[shape.bin(v)]++;
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] /= reference.length;
        }
        return new Bins(name, false, cuts, counts, quantile(sorted, 0.5));
    }

    /** Level shares of a categorical reference sample (codes 0..levels-1). */
    public static Bins categorical(String name, double[] codes, int levels) {
        double[] counts = new double[levels];
        for (double c : codes) {
            counts[(int) c]++;
        }
        double[] sorted = codes.clone();
        Arrays.sort(sorted);
        for (int b = 0; b < levels; b++) {
            counts[b] /= codes.length;
        }
        return new Bins(name, true, new double[0], counts, quantile(sorted, 0.5));
    }

    /** Empirical quantile: the smallest value with at least a share q of the sample at or below it. */
    public static double quantile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
