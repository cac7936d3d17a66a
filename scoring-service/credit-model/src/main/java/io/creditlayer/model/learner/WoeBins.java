package io.creditlayer.model.learner;

import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.metrics.Psi;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Weight-of-evidence bins of one feature, the input of the scorecard.
 *
 * <p>WoE here is the <em>risk</em> orientation: WoE_b = ln(share of defaults in bin b / share of non-defaults in
 * bin b), with 0.5 added to each count (and 0.5·bins to each total) so an empty class stays finite. Positive WoE
 * means riskier than average. (The traditional scorecard convention is the negative, ln(%good / %bad).) The
 * information value is IV = Σ_b (%bad_b − %good_b)·WoE_b.
 *
 * <p>Numeric features start from quantile bins (cut points at the 1/maxBins, 2/maxBins, ... quantiles, tied cuts
 * merged), then bins under the minimum share merge into the neighbour with the closer default rate, then
 * adjacent bins merge until the default rate is monotone in the feature (in the direction of the rank
 * correlation of bin order and default rate, the largest violation first). Categorical features get one bin per
 * level; levels under the minimum share, and levels unseen in training, are pooled in an "other" bin.
 */
public final class WoeBins implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean categorical;
    /** Numeric: ascending upper-inclusive cut points; the last bin is above the last cut. */
    private final double[] cuts;
    /** Categorical: bin of each level. */
    private final int[] levelBin;
    private final String[] labels;
    private final double[] woe;
    private final double[] goods;
    private final double[] bads;
    private final double iv;

    private WoeBins(String name, boolean categorical, double[] cuts, int[] levelBin, String[] labels, double[] goods,
                    double[] bads) {
        this.name = name;
        this.categorical = categorical;
        this.cuts = cuts;
        this.levelBin = levelBin;
        this.labels = labels;
        this.goods = goods;
        this.bads = bads;
        int k = goods.length;
        double totalGood = Arrays.stream(goods).sum();
        double totalBad = Arrays.stream(bads).sum();
        this.woe = new double[k];
        double value = 0;
        for (int b = 0; b < k; b++) {
            double pb = (bads[b] + 0.5) / (totalBad + 0.5 * k);
            double pg = (goods[b] + 0.5) / (totalGood + 0.5 * k);
            woe[b] = goods[b] + bads[b] == 0 ? 0 : Math.log(pb / pg);
            value += (pb - pg) * woe[b];
        }
        this.iv = value;
    }

    /** Bins a numeric feature. */
    public static WoeBins numeric(String name, double[] x, int[] y, int maxBins, double minShare) {
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double max = sorted[n - 1];
        List<Double> cutList = new ArrayList<>();
        for (int q = 1; q < maxBins; q++) {
            double c = Psi.quantile(sorted, q / (double) maxBins);
            if (c < max && (cutList.isEmpty() || c > cutList.getLast())) {
                cutList.add(c);
            }
        }
        // counts per initial bin
        double[] cuts = cutList.stream().mapToDouble(Double::doubleValue).toArray();
        List<double[]> bins = new ArrayList<>(); // {good, bad, upperCut}
        for (int b = 0; b <= cuts.length; b++) {
            bins.add(new double[]{0, 0, b < cuts.length ? cuts[b] : Double.POSITIVE_INFINITY});
        }
        for (int i = 0; i < n; i++) {
            int b = Arrays.binarySearch(cuts, x[i]);
            b = b >= 0 ? b : -b - 1;
            bins.get(b)[y[i]]++;
        }
        // 1. minimum share
        double minCount = minShare * n;
        while (bins.size() > 1) {
            int smallest = -1;
            for (int b = 0; b < bins.size(); b++) {
                double count = bins.get(b)[0] + bins.get(b)[1];
                if (count < minCount && (smallest < 0 || count < total(bins.get(smallest)))) {
                    smallest = b;
                }
            }
            if (smallest < 0) {
                break;
            }
            int other;
            if (smallest == 0) {
                other = 1;
            } else if (smallest == bins.size() - 1) {
                other = smallest - 1;
            } else {
                double r = rate(bins.get(smallest));
                other = Math.abs(rate(bins.get(smallest - 1)) - r) <= Math.abs(rate(bins.get(smallest + 1)) - r)
                        ? smallest - 1 : smallest + 1;
            }
            merge(bins, Math.min(smallest, other));
        }
        // 2. monotone default rate
        boolean increasing = trend(bins) >= 0;
        while (bins.size() > 1) {
            int worst = -1;
            double worstGap = 0;
            for (int b = 0; b + 1 < bins.size(); b++) {
                double gap = rate(bins.get(b)) - rate(bins.get(b + 1));
                double violation = increasing ? gap : -gap;
                if (violation > worstGap) {
                    worstGap = violation;
                    worst = b;
                }
            }
            if (worst < 0) {
                break;
            }
            merge(bins, worst);
        }
        int k = bins.size();
        double[] finalCuts = new double[k - 1];
        double[] goods = new double[k];
        double[] bads = new double[k];
        String[] labels = new String[k];
        for (int b = 0; b < k; b++) {
            goods[b] = bins.get(b)[0];
            bads[b] = bins.get(b)[1];
            if (b < k - 1) {
                finalCuts[b] = bins.get(b)[2];
            }
        }
        for (int b = 0; b < k; b++) {
            String lo = b == 0 ? "-inf" : fmt(finalCuts[b - 1]);
            String hi = b == k - 1 ? "+inf" : fmt(finalCuts[b]);
            labels[b] = "(" + lo + ", " + hi + (b == k - 1 ? ")" : "]");
        }
        return new WoeBins(name, false, finalCuts, null, labels, goods, bads);
    }

    /** Bins a categorical feature (level codes). */
    public static WoeBins categorical(FeatureDef feature, double[] codes, int[] y, double minShare) {
        int levels = feature.levels().size();
        double[] good = new double[levels];
        double[] bad = new double[levels];
        for (int i = 0; i < codes.length; i++) {
            if (y[i] == 1) {
                bad[(int) codes[i]]++;
            } else {
                good[(int) codes[i]]++;
            }
        }
        double minCount = minShare * codes.length;
        int[] levelBin = new int[levels];
        List<String> labels = new ArrayList<>();
        List<double[]> counts = new ArrayList<>();
        List<String> pooled = new ArrayList<>();
        double[] other = {0, 0};
        for (int l = 0; l < levels; l++) {
            if (good[l] + bad[l] >= minCount && good[l] + bad[l] > 0) {
                levelBin[l] = counts.size();
                labels.add(feature.levels().get(l));
                counts.add(new double[]{good[l], bad[l]});
            } else {
                levelBin[l] = -1;
                pooled.add(feature.levels().get(l));
                other[0] += good[l];
                other[1] += bad[l];
            }
        }
        if (!pooled.isEmpty()) {
            for (int l = 0; l < levels; l++) {
                if (levelBin[l] < 0) {
                    levelBin[l] = counts.size();
                }
            }
            labels.add("other: " + String.join(" ", pooled));
            counts.add(other);
        }
        double[] goods = counts.stream().mapToDouble(c -> c[0]).toArray();
        double[] bads = counts.stream().mapToDouble(c -> c[1]).toArray();
        return new WoeBins(feature.name(), true, new double[0], levelBin, labels.toArray(String[]::new), goods, bads);
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static double total(double[] bin) {
        return bin[0] + bin[1];
    }

    private static double rate(double[] bin) {
        double t = total(bin);
        return t == 0 ? 0 : bin[1] / t;
    }

    private static void merge(List<double[]> bins, int left) {
        double[] a = bins.get(left);
        double[] b = bins.get(left + 1);
        bins.set(left, new double[]{a[0] + b[0], a[1] + b[1], b[2]});
        bins.remove(left + 1);
    }

    /** Sign of the rank correlation between bin order and default rate, weighted by bin size. */
    private static double trend(List<double[]> bins) {
        int k = bins.size();
        double[] rates = bins.stream().mapToDouble(WoeBins::rate).toArray();
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> rates[i]));
        double[] rank = new double[k];
        for (int r = 0; r < k; r++) {
            rank[order[r]] = r;
        }
        double w = 0, mx = 0, my = 0;
        for (int b = 0; b < k; b++) {
            double t = total(bins.get(b));
            w += t;
            mx += t * b;
            my += t * rank[b];
        }
        mx /= w;
        my /= w;
        double cov = 0;
        for (int b = 0; b < k; b++) {
            cov += total(bins.get(b)) * (b - mx) * (rank[b] - my);
        }
        return cov;
    }

    public int bin(double x) {
        if (categorical) {
            int level = (int) x;
            return level >= 0 && level < levelBin.length ? levelBin[level] : -1;
        }
        int b = Arrays.binarySearch(cuts, x);
        return b >= 0 ? b : -b - 1;
    }

    public double woe(double x) {
        int b = bin(x);
        return b < 0 ? 0 : woe[b];
    }

    public String name() {
        return name;
    }

    public double iv() {
        return iv;
    }

    public int bins() {
        return woe.length;
    }

    public String label(int bin) {
        return labels[bin];
    }

    public double woeOfBin(int bin) {
        return woe[bin];
    }

    public double goods(int bin) {
        return goods[bin];
    }

    public double bads(int bin) {
        return bads[bin];
    }

    public boolean categorical() {
        return categorical;
    }
}
