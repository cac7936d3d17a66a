package io.creditlayer.fairness.metrics;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Seeded, stratified bootstrap. Resample b draws, within every stratum, as many units as the stratum holds, with
 * replacement, from its own {@link Random} seeded by SplitMix64(seed, b): resamples are independent of each other
 * and of thread scheduling, so the same seed gives the same intervals with or without parallelism.
 * java.util.Random because its algorithm (and nextInt(bound)) is fixed by its specification, so the stream
 * cannot change between JDK releases and alter a hashed report.
 *
 * <p>A unit is a row, or a cluster of rows (a wallet's borrows): a drawn cluster adds one to the draw count of
 * every one of its rows, so rows that are not independent of each other are never split up. The row bootstrap is
 * the case of one row per unit and consumes the random stream exactly as it did before clusters existed.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * What a resample draws from: strata of units, each unit a run of rows. Units are numbered in a fixed order
     * (rows by index; clusters by first appearance), strata hold their units in that order, so the draw depends
     * only on the data and the seed.
     */
    static final class Strata {
        private final int rows;
        private final int[][] unitsByStratum;
        private final int[] unitStart;
        private final int[] rowsByUnit;

        private Strata(int rows, int[][] unitsByStratum, int[] unitStart, int[] rowsByUnit) {
            this.rows = rows;
            this.unitsByStratum = unitsByStratum;
            this.unitStart = unitStart;
            this.rowsByUnit = rowsByUnit;
        }

        /**
         * @param cellOfRow  the stratum of each row (0-based, dense)
         * @param unitOfRow  the unit of each row (0-based, dense, numbered in the order the draw should see them),
         *                   or null for one unit per row
         * @return strata in which a unit belongs to the stratum of its first row
         */
        static Strata of(int[] cellOfRow, int[] unitOfRow) {
            int n = cellOfRow.length;
            int[] unitOf = unitOfRow == null ? IntStream.range(0, n).toArray() : unitOfRow;
            if (unitOf.length != n) {
                throw new IllegalArgumentException("unitOfRow has " + unitOf.length + " rows, cellOfRow " + n);
            }
            int units = 1 + Arrays.stream(unitOf).max().orElse(-1);
            int[] unitStart = new int[units + 1];
            for (int u : unitOf) {
                unitStart[u + 1]++;
            }
            for (int u = 0; u < units; u++) {
                unitStart[u + 1] += unitStart[u];
            }
            int[] rowsByUnit = new int[n];
            int[] fill = Arrays.copyOf(unitStart, units);
            for (int i = 0; i < n; i++) {
                rowsByUnit[fill[unitOf[i]]++] = i;
            }
            int[] cellOfUnit = new int[units];
            for (int u = 0; u < units; u++) {
                cellOfUnit[u] = cellOfRow[rowsByUnit[unitStart[u]]];
            }
            return new Strata(n, groupBy(cellOfUnit), unitStart, rowsByUnit);
        }

        /** One unit per row: the row bootstrap over the given strata of row indices. */
        static Strata ofRows(int[][] rowsByStratum, int rows) {
            int[] cell = new int[rows];
            for (int c = 0; c < rowsByStratum.length; c++) {
                for (int row : rowsByStratum[c]) {
                    cell[row] = c;
                }
            }
            return of(cell, null);
        }

        int units() {
            return unitStart.length - 1;
        }

        /** Indices 0..k-1 grouped by their key, each group in index order; groups in key order. */
        private static int[][] groupBy(int[] keyOf) {
            int keys = 1 + Arrays.stream(keyOf).max().orElse(-1);
            int[] sizes = new int[keys];
            for (int k : keyOf) {
                sizes[k]++;
            }
            int[][] groups = new int[keys][];
            for (int k = 0; k < keys; k++) {
                groups[k] = new int[sizes[k]];
            }
            int[] fill = new int[keys];
            for (int i = 0; i < keyOf.length; i++) {
                groups[keyOf[i]][fill[keyOf[i]]++] = i;
            }
            return groups;
        }
    }

    /** Runs {@code resamples} resamples; {@code statistic} maps the draw counts per row to a vector. */
    static double[][] run(Strata strata, int resamples, long seed, boolean parallel, Function<int[], double[]> statistic) {
        double[][] out = new double[resamples][];
        IntStream range = IntStream.range(0, resamples);
        (parallel ? range.parallel() : range).forEach(b -> out[b] = statistic.apply(draw(strata, seedFor(seed, b))));
        return out;
    }

    /** How many times each row is drawn in one stratified resample. */
    static int[] draw(Strata strata, long seed) {
        Random rng = new Random(seed);
        int[] counts = new int[strata.rows];
        for (int[] stratum : strata.unitsByStratum) {
            int m = stratum.length;
            for (int j = 0; j < m; j++) {
                int unit = stratum[rng.nextInt(m)];
                for (int k = strata.unitStart[unit]; k < strata.unitStart[unit + 1]; k++) {
                    counts[strata.rowsByUnit[k]]++;
                }
            }
        }
        return counts;
    }

    /** How many times each row is drawn in one resample of single rows, stratified by the given row indices. */
    static int[] draw(int[][] strata, int rows, long seed) {
        return draw(Strata.ofRows(strata, rows), seed);
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
