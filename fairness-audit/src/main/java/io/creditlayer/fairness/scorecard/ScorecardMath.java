package io.creditlayer.fairness.scorecard;

import io.creditlayer.fairness.metrics.Auc;

import java.util.Arrays;

/**
 * Scorecard conventions the audit and the credit model share: points-to-double-odds scaling, the population
 * stability index with its customary bands, Kolmogorov-Smirnov separation and the Gini coefficient.
 * StrictMath for logarithms so results are bit-identical on every CPU.
 */
public final class ScorecardMath {
    private ScorecardMath() {
    }

    /** Points-to-double-odds scaling: score = offset + factor ln(odds good:bad). */
    public record PdoScaling(double factor, double offset) {

        /**
         * @param basePoints score at the base odds (e.g. 600)
         * @param baseOdds   good:bad odds at the base points (e.g. 50 for 50:1)
         * @param pdo        points that double the odds (e.g. 20)
         */
        public static PdoScaling of(double basePoints, double baseOdds, double pdo) {
            if (!(baseOdds > 0) || !(pdo > 0)) {
                throw new IllegalArgumentException("baseOdds and pdo must be > 0");
            }
            double factor = pdo / StrictMath.log(2);
            return new PdoScaling(factor, basePoints - factor * StrictMath.log(baseOdds));
        }

        public double score(double oddsGoodToBad) {
            return offset + factor * StrictMath.log(oddsGoodToBad);
        }

        /** Score of a probability of default: odds good:bad = (1 - pd) / pd. */
        public double scoreOfPd(double pd) {
            if (!(pd > 0 && pd < 1)) {
                throw new IllegalArgumentException("pd must lie in (0, 1)");
            }
            return score((1 - pd) / pd);
        }
    }

    /** PSI bands as customarily read: below 0.1 stable, 0.1 to 0.25 watch, 0.25 and above a shift. */
    public enum PsiBand {
        STABLE, WATCH, SHIFT;

        public static PsiBand of(double psi) {
            if (psi < 0.1) {
                return STABLE;
            }
            return psi < 0.25 ? WATCH : SHIFT;
        }
    }

    /**
     * PSI = sum over bins of (A_i - E_i) ln(A_i / E_i), A actual and E expected shares. Shares must be positive:
     * an empty bin makes PSI infinite, and how to smooth it is the caller's decision, not a hidden epsilon here.
     */
    public static double psi(double[] actualShares, double[] expectedShares) {
        if (actualShares.length != expectedShares.length || actualShares.length == 0) {
            throw new IllegalArgumentException("share arrays must be non-empty and of equal length");
        }
        double sum = 0;
        for (int i = 0; i < actualShares.length; i++) {
            double a = actualShares[i];
            double e = expectedShares[i];
            if (!(a > 0) || !(e > 0)) {
                throw new IllegalArgumentException("bin " + i + " has a non-positive share; smooth empty bins first");
            }
            sum += (a - e) * StrictMath.log(a / e);
        }
        return sum;
    }

    /** PSI from bin counts, each array divided by its own total. */
    public static double psiFromCounts(long[] actual, long[] expected) {
        return psi(shares(actual), shares(expected));
    }

    static double[] shares(long[] counts) {
        double total = Arrays.stream(counts).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException("counts sum to zero");
        }
        return Arrays.stream(counts).mapToDouble(c -> c / total).toArray();
    }

    /**
     * KS = max over thresholds of |cumulative share of bads - cumulative share of goods| with rows sorted by score;
     * tied scores move together (a threshold cannot split a tie).
     *
     * @param bad true for a bad (defaulted) row
     */
    public static double ks(double[] score, boolean[] bad) {
        int n = score.length;
        if (bad.length != n) {
            throw new IllegalArgumentException("arrays differ in length");
        }
        long bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        long goods = n - bads;
        if (bads == 0 || goods == 0) {
            return Double.NaN;
        }
        Integer[] order = Auc.ascendingOrder(n, i -> score[i]);
        double ks = 0;
        long cumBad = 0;
        long cumGood = 0;
        for (int k = 0; k < n; k++) {
            if (bad[order[k]]) {
                cumBad++;
            } else {
                cumGood++;
            }
            if (k == n - 1 || score[order[k + 1]] != score[order[k]]) {
                ks = Math.max(ks, Math.abs((double) cumBad / bads - (double) cumGood / goods));
            }
        }
        return ks;
    }

    /** Gini = 2 AUC - 1. */
    public static double gini(double auc) {
        return 2 * auc - 1;
    }

    /** Gini of a score ranking bads high: 2 AUC - 1 with the Mann-Whitney AUC (ties one half). */
    public static double gini(double[] score, boolean[] bad) {
        return gini(Auc.of(score, bad, null));
    }
}
