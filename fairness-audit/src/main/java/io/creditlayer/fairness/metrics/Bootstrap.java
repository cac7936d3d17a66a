package io.creditlayer.fairness.metrics;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Seeded, stratified bootstrap. Resample b draws, within every stratum, as many rows as the stratum holds, with
 * replacement, from its own {@link Random} seeded by SplitMix64(seed, b): resamples are independent of each other
 * and of thread scheduling, so the same seed gives the same intervals with or without parallelism.
 * java.util.Random because its algorithm (and nextInt(bound)) is fixed by its specification, so the stream
 * cannot change between JDK releases and alter a hashed report.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** Runs {@code resamples} resamples; {@code statistic} maps the draw counts per row to a vector. */
    static double[][] run(int[][] strata, int rows, int resamples, long seed, boolean parallel,
                          java.util.function.Function<int[], double[]> statistic) {
        double[][] out = new double[resamples][];
        IntStream range = IntStream.range(0, resamples);
        (parallel ? range.parallel() : range).forEach(b -> out[b] = statistic.apply(draw(strata, rows, seedFor(seed, b))));
        return out;
    }

    /** How many times each row is drawn in one stratified resample. */
    static int[] draw(int[][] strata, int rows, long seed) {
        Random rng = new Random(seed);
        int[] counts = new int[rows];
        for (int[] stratum : strata) {
            int m = stratum.length;
            for (int j = 0; j < m; j++) {
                counts[stratum[rng.nextInt(m)]]++;
            }
        }
        return counts;
    }

    /**
     * Per-resample seeds through the SplitMix64 finalizer: java.util.Random seeded with consecutive integers gives
     * correlated first draws, a mixed seed does not.
     */
    static long seedFor(long seed, int b) {
        long z = seed + (b + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Percentile interval of column k over resamples: NaN resamples (a rate with an empty denominator in that
     * resample) are dropped; if more than 5% are NaN the interval is reported as undefined rather than built on
     * a biased subset.
     */
    static double[] interval(double[][] samples, int k, double confidence) {
        double[] col = new double[samples.length];
        int m = 0;
        for (double[] s : samples) {
            if (!Double.isNaN(s[k])) {
                col[m++] = s[k];
            }
        }
        if (m == 0 || m < 0.95 * samples.length) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = Arrays.copyOf(col, m);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new double[] {percentile(sorted, tail), percentile(sorted, 1 - tail)};
    }

    /**
     * Linear interpolation between order statistics at h = (m - 1) q (Hyndman-Fan type 7, numpy's default). With
     * an infinite neighbour the interpolation would be inf - inf, so the nearer order statistic is taken instead.
     */
    public static double percentile(double[] sorted, double q) {
        int m = sorted.length;
        double h = (m - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(m - 1, lo + 1);
        double frac = h - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        if (frac == 0 || a == b) {
            return a;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return frac < 0.5 ? a : b;
        }
        return a + frac * (b - a);
    }
}
