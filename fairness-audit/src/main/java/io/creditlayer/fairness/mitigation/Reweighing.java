package io.creditlayer.fairness.mitigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kamiran and Calders (2012) reweighing, as in AIF360: each row of group a with label y gets weight
 * w = n_y n_a / (n n_{a,y}), the expected over the observed size of its cell if label and group were independent.
 * Training on these weights removes the statistical dependence between group and label in the training data.
 * With sample weights the counts are weighted counts and the result multiplies the original weight.
 */
public final class Reweighing {
    private Reweighing() {
    }

    /** One (group, label) cell: its weighted size and the factor each of its rows gets. */
    public record Cell(String group, boolean defaulted, double weight, double factor) {
    }

    /** @param weights new row weights; {@code cells} sorted by group then label, for reports */
    public record Result(double[] weights, List<Cell> cells) {
        public Result {
            weights = weights.clone();
            cells = List.copyOf(cells);
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    public static Result weights(boolean[] defaulted, String[] group) {
        return weights(defaulted, group, null);
    }

    public static Result weights(boolean[] defaulted, String[] group, double[] sampleWeights) {
        int n = defaulted.length;
        if (group.length != n || (sampleWeights != null && sampleWeights.length != n)) {
            throw new IllegalArgumentException("arrays differ in length");
        }
        double total = 0;
        double[] byLabel = new double[2];
        Map<String, Double> byGroup = new TreeMap<>();
        Map<String, double[]> byCell = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double w = sampleWeights == null ? 1.0 : sampleWeights[i];
            int y = defaulted[i] ? 1 : 0;
            total += w;
            byLabel[y] += w;
            byGroup.merge(group[i], w, Double::sum);
            byCell.computeIfAbsent(group[i], g -> new double[2])[y] += w;
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, double[]> factors = new TreeMap<>();
        for (Map.Entry<String, double[]> e : byCell.entrySet()) {
            double[] f = new double[2];
            for (int y = 0; y < 2; y++) {
                double observed = e.getValue()[y];
                if (observed > 0) {
                    f[y] = byLabel[y] * byGroup.get(e.getKey()) / (total * observed);
                    cells.add(new Cell(e.getKey(), y == 1, observed, f[y]));
                }
            }
            factors.put(e.getKey(), f);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double w = sampleWeights == null ? 1.0 : sampleWeights[i];
            out[i] = w * factors.get(group[i])[defaulted[i] ? 1 : 0];
        }
        return new Result(out, cells);
    }
}
