package io.creditlayer.fairness.mitigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-group PD cut-offs (approve when PD <= t_g) chosen so every group reaches the same selection rate, or the
 * same true positive rate (approval rate among repayers). This is post-processing in the spirit of Hardt et al.
 * (2016) without randomisation. It is offered as an analysis only: deciding with group-specific cut-offs uses the
 * protected attribute at decision time, which credit regulation generally forbids (disparate treatment).
 */
public final class GroupThresholds {
    private GroupThresholds() {
    }

    public enum Target {
        SELECTION_RATE("selection_rate"), TPR("tpr");

        private final String id;

        Target(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The cut-off found for a group and the rate it reaches (weighted). */
    public record Fit(String group, double threshold, double achieved) {
    }

    /**
     * For each group, the PD cut-off among the group's own PD values whose rate is closest to {@code targetValue};
     * ties go to the lower cut-off (fewer approvals). Ties in PD cannot be split, so the target is met as closely
     * as the data allow, not exactly. Every group's cut-off approves at least its lowest-PD rows. Rows whose
     * group is null are left out (they get no cut-off).
     */
    public static Map<String, Fit> fit(double[] pd, boolean[] defaulted, double[] weights, String[] group, Target target,
                                       double targetValue) {
        int n = pd.length;
        if (defaulted.length != n || group.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("arrays differ in length");
        }
        if (!(targetValue >= 0 && targetValue <= 1)) {
            throw new IllegalArgumentException("target rate must lie in [0, 1]");
        }
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (group[i] != null) {
                rows.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Fit> out = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> idx = new ArrayList<>(e.getValue());
            idx.sort(Comparator.comparingDouble(i -> pd[i]));
            double denominator = 0;
            for (int i : idx) {
                if (counts(target, defaulted[i])) {
                    denominator += w(weights, i);
                }
            }
            if (!(denominator > 0)) {
                continue; // no repayers: a TPR target is meaningless for this group, it keeps its decisions
            }
            double cum = 0;
            double bestT = Double.NaN;
            double bestRate = Double.NaN;
            double bestGap = Double.POSITIVE_INFINITY;
            for (int k = 0; k < idx.size(); k++) {
                int i = idx.get(k);
                if (counts(target, defaulted[i])) {
                    cum += w(weights, i);
                }
                boolean blockEnd = k == idx.size() - 1 || pd[idx.get(k + 1)] != pd[i];
                if (blockEnd) {
                    double rate = cum / denominator;
                    double gap = Math.abs(rate - targetValue);
                    if (gap < bestGap - 1e-15) {
                        bestGap = gap;
                        bestT = pd[i];
                        bestRate = rate;
                    }
                }
            }
            out.put(e.getKey(), new Fit(e.getKey(), bestT, bestRate));
        }
        return out;
    }

    /** Approve when PD <= the row's group cut-off; rows without a cut-off (or a null group) keep {@code fallback}. */
    public static boolean[] apply(double[] pd, String[] group, Map<String, Fit> thresholds, boolean[] fallback) {
        boolean[] out = new boolean[pd.length];
        for (int i = 0; i < pd.length; i++) {
            Fit f = group[i] == null ? null : thresholds.get(group[i]);
            out[i] = f == null ? fallback[i] : pd[i] <= f.threshold();
        }
        return out;
    }

    private static boolean counts(Target target, boolean defaulted) {
        return target == Target.SELECTION_RATE || !defaulted;
    }

    private static double w(double[] weights, int i) {
        return weights == null ? 1.0 : weights[i];
    }
}
