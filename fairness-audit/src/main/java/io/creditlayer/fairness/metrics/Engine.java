package io.creditlayer.fairness.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weighted sufficient statistics per group for every dimension in one pass over the rows. Every metric is a
 * function of these tallies, so a bootstrap resample is just the same pass with weights multiplied by how often
 * each row was drawn: no copying, and the PD sort order (for AUC) is computed once.
 */
final class Engine {

    /** Per dimension, per group sums of weights. */
    static final class Tallies {
        final double[] w;
        final double[] approved;
        final double[] defaulted;
        final double[] defaultedApproved;
        final double[][] binW;
        final double[][] binPd;
        final double[][] binDefaulted;
        final double[] aucNum;

        Tallies(int groups, int bins, boolean pd) {
            w = new double[groups];
            approved = new double[groups];
            defaulted = new double[groups];
            defaultedApproved = new double[groups];
            binW = pd ? new double[groups][bins] : null;
            binPd = pd ? new double[groups][bins] : null;
            binDefaulted = pd ? new double[groups][bins] : null;
            aucNum = pd ? new double[groups] : null;
        }

        double repaid(int g) {
            return w[g] - defaulted[g];
        }

        double repaidApproved(int g) {
            return approved[g] - defaultedApproved[g];
        }
    }

    private final Population population;
    private final List<Dimension> dimensions;
    private final int bins;
    private final double alpha;
    private final int[] byPd;
    private final int[] blockStarts;

    Engine(Population population, List<Dimension> dimensions, int bins, double alpha) {
        this.population = population;
        this.dimensions = dimensions;
        this.bins = bins;
        this.alpha = alpha;
        if (population.hasPd()) {
            int n = population.size();
            Integer[] order = Auc.ascendingOrder(n, population::pdAt);
            byPd = new int[n];
            int[] starts = new int[n + 1];
            int blocks = 0;
            for (int k = 0; k < n; k++) {
                byPd[k] = order[k];
                if (k == 0 || population.pdAt(order[k]) != population.pdAt(order[k - 1])) {
                    starts[blocks++] = k;
                }
            }
            starts[blocks++] = n;
            blockStarts = Arrays.copyOf(starts, blocks);
        } else {
            byPd = null;
            blockStarts = null;
        }
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    Population population() {
        return population;
    }

    int bins() {
        return bins;
    }

    double alpha() {
        return alpha;
    }

    /** Base weights of the population (1 when unweighted). */
    double[] baseWeights() {
        double[] w = new double[population.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = population.weight(i);
        }
        return w;
    }

    Tallies[] tally(double[] weight) {
        boolean pd = population.hasPd();
        int d = dimensions.size();
        Tallies[] t = new Tallies[d];
        int[][] groupOf = new int[d][];
        for (int k = 0; k < d; k++) {
            t[k] = new Tallies(dimensions.get(k).groupCount(), bins, pd);
            groupOf[k] = dimensions.get(k).groupOfView();
        }
        int n = population.size();
        for (int i = 0; i < n; i++) {
            double wi = weight[i];
            if (wi == 0) {
                continue;
            }
            boolean app = population.approvedAt(i);
            boolean def = population.defaultedAt(i);
            int bin = pd ? Calibration.bin(population.pdAt(i), bins) : 0;
            double p = pd ? population.pdAt(i) : 0;
            for (int k = 0; k < d; k++) {
                Tallies tk = t[k];
                int g = groupOf[k][i];
                tk.w[g] += wi;
                if (app) {
                    tk.approved[g] += wi;
                }
                if (def) {
                    tk.defaulted[g] += wi;
                    if (app) {
                        tk.defaultedApproved[g] += wi;
                    }
                }
                if (pd) {
                    tk.binW[g][bin] += wi;
                    tk.binPd[g][bin] += wi * p;
                    if (def) {
                        tk.binDefaulted[g][bin] += wi;
                    }
                }
            }
        }
        if (pd) {
            auc(weight, t, groupOf);
        }
        return t;
    }

    /** Mann-Whitney numerators per group: tie blocks of PD in ascending order, per-group running repaid weight. */
    private void auc(double[] weight, Tallies[] t, int[][] groupOf) {
        int d = t.length;
        double[][] cumRepaid = new double[d][];
        double[][] blockDef = new double[d][];
        double[][] blockRep = new double[d][];
        for (int k = 0; k < d; k++) {
            int g = t[k].w.length;
            cumRepaid[k] = new double[g];
            blockDef[k] = new double[g];
            blockRep[k] = new double[g];
        }
        for (int b = 0; b + 1 < blockStarts.length; b++) {
            int from = blockStarts[b];
            int to = blockStarts[b + 1];
            for (int s = from; s < to; s++) {
                int i = byPd[s];
                double wi = weight[i];
                boolean def = population.defaultedAt(i);
                for (int k = 0; k < d; k++) {
                    if (def) {
                        blockDef[k][groupOf[k][i]] += wi;
                    } else {
                        blockRep[k][groupOf[k][i]] += wi;
                    }
                }
            }
            for (int s = from; s < to; s++) {
                int i = byPd[s];
                for (int k = 0; k < d; k++) {
                    int g = groupOf[k][i];
                    double bd = blockDef[k][g];
                    double br = blockRep[k][g];
                    if (bd != 0 || br != 0) {
                        t[k].aucNum[g] += bd * (cumRepaid[k][g] + 0.5 * br);
                        cumRepaid[k][g] += br;
                        blockDef[k][g] = 0;
                        blockRep[k][g] = 0;
                    }
                }
            }
        }
    }

    /**
     * ROC of PD as a default detector for one group, from the highest PD down, one vertex per tie block, thinned
     * to at most {@code maxPoints} evenly spaced vertices (first and last kept).
     */
    List<RocPoint> roc(int dim, int group, double[] weight, int maxPoints) {
        int[] groupOf = dimensions.get(dim).groupOfView();
        double wDef = 0;
        double wRep = 0;
        for (int i = 0; i < population.size(); i++) {
            if (groupOf[i] == group) {
                if (population.defaultedAt(i)) {
                    wDef += weight[i];
                } else {
                    wRep += weight[i];
                }
            }
        }
        if (!(wDef > 0) || !(wRep > 0)) {
            return List.of();
        }
        ArrayList<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(0, 0));
        double def = 0;
        double rep = 0;
        for (int b = blockStarts.length - 2; b >= 0; b--) {
            boolean touched = false;
            for (int s = blockStarts[b]; s < blockStarts[b + 1]; s++) {
                int i = byPd[s];
                if (groupOf[i] == group) {
                    touched = true;
                    if (population.defaultedAt(i)) {
                        def += weight[i];
                    } else {
                        rep += weight[i];
                    }
                }
            }
            if (touched) {
                points.add(new RocPoint(Math.min(1.0, rep / wRep), Math.min(1.0, def / wDef)));
            }
        }
        if (points.size() <= maxPoints) {
            return List.copyOf(points);
        }
        ArrayList<RocPoint> thin = new ArrayList<>();
        for (int k = 0; k < maxPoints; k++) {
            thin.add(points.get((int) Math.round((double) k * (points.size() - 1) / (maxPoints - 1))));
        }
        return List.copyOf(thin);
    }

    /** A group metric from the tallies; NaN when undefined. */
    double value(Tallies t, int g, GroupMetric m) {
        return switch (m) {
            case SELECTION_RATE -> Ratios.rate(t.approved[g], t.w[g]);
            case DEFAULT_RATE -> Ratios.rate(t.defaulted[g], t.w[g]);
            case TPR -> Ratios.rate(t.repaidApproved(g), t.repaid(g));
            case FNR -> Ratios.rate(t.repaid(g) - t.repaidApproved(g), t.repaid(g));
            case FPR -> Ratios.rate(t.defaultedApproved[g], t.defaulted[g]);
            case TNR -> Ratios.rate(t.defaulted[g] - t.defaultedApproved[g], t.defaulted[g]);
            case PRECISION -> Ratios.rate(t.repaidApproved(g), t.approved[g]);
            case ECE -> t.binW == null ? Double.NaN : Calibration.ece(t.binW[g], t.binPd[g], t.binDefaulted[g], t.w[g]);
            case AUC -> t.aucNum == null ? Double.NaN : Ratios.rate(t.aucNum[g], t.defaulted[g] * t.repaid(g));
            case GENERALIZED_ENTROPY_INDEX -> entropy(t, g, alpha);
            case THEIL_INDEX -> entropy(t, g, 1.0);
        };
    }

    /** Benefits take three values: 0 (refused repayer), 2 (approved defaulter), 1 (everyone else). */
    static double entropy(Tallies t, int g, double alpha) {
        double zero = t.repaid(g) - t.repaidApproved(g);
        double two = t.defaultedApproved[g];
        double one = t.w[g] - zero - two;
        return Entropy.fromMasses(new double[] {0, 1, 2}, new double[] {zero, Math.max(0, one), two}, alpha);
    }

    /** Mean benefit of a group: (W_1 + 2 W_2) / W. */
    static double meanBenefit(Tallies t, int g) {
        double zero = t.repaid(g) - t.repaidApproved(g);
        double two = t.defaultedApproved[g];
        double one = t.w[g] - zero - two;
        return Ratios.rate(one + 2 * two, t.w[g]);
    }
}
