package io.creditlayer.fairness.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows an audit measures, with the decision already resolved.
 *
 * <p>Conventions (credit): {@code approved[i]} is the favourable <em>decision</em> (the predicted positive);
 * {@code defaulted[i]} is the <em>label</em>, true = defaulted, the adverse outcome. The confusion matrix is built
 * with the favourable class as positive, so a "true positive" is an approved applicant who repaid: TPR is the
 * approval rate among repayers (equal opportunity), FPR the approval rate among defaulters. {@code pd[i]} is the
 * model's probability of default (of label 1), used for calibration and AUC. Weights are sample weights (rows
 * count by weight everywhere; minimum sizes count rows). Attribute values are cohort labels, never null.
 * {@code clusters} optionally names the cluster of each row (the wallet behind a borrow): rows of one cluster are not
 * independent, so the bootstrap draws whole clusters; null means every row stands alone. Clusters change intervals
 * only, never a point estimate.
 *
 * <p>Arrays are copied in and out, so a population never changes once built.
 */
public record Population(boolean[] approved, boolean[] defaulted, double[] pd, double[] weights,
                         Map<String, String[]> attributes, String[] clusters) {

    public Population {
        if (approved == null || defaulted == null) {
            throw new IllegalArgumentException("approved and defaulted are required");
        }
        int n = approved.length;
        if (n == 0) {
            throw new IllegalArgumentException("no rows");
        }
        if (defaulted.length != n) {
            throw new IllegalArgumentException("defaulted has " + defaulted.length + " rows, approved " + n);
        }
        approved = approved.clone();
        defaulted = defaulted.clone();
        if (pd != null) {
            if (pd.length != n) {
                throw new IllegalArgumentException("pd has " + pd.length + " rows, expected " + n);
            }
            for (double p : pd) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("pd must lie in [0, 1], got " + p);
                }
            }
            pd = pd.clone();
        }
        if (weights != null) {
            if (weights.length != n) {
                throw new IllegalArgumentException("weights has " + weights.length + " rows, expected " + n);
            }
            for (double w : weights) {
                // zero weights would make "n rows" and "weight" disagree about who is in a group
                if (!(w > 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("weights must be finite and > 0, got " + w);
                }
            }
            weights = weights.clone();
        }
        LinkedHashMap<String, String[]> copy = new LinkedHashMap<>();
        if (attributes != null) {
            for (Map.Entry<String, String[]> e : attributes.entrySet()) {
                copy.put(checkedName(e.getKey()), checkedValues(e.getKey(), e.getValue(), n));
            }
        }
        attributes = Collections.unmodifiableMap(copy);
        clusters = clusters == null ? null : checkedClusters(clusters, n);
    }

    /** Rows with a decision and a label; no probabilities, unit weights, no attributes yet. */
    public static Population of(boolean[] approved, boolean[] defaulted) {
        return new Population(approved, defaulted, null, null, Map.of(), null);
    }

    /**
     * From the generic classification convention of Fairlearn and AIF360: 1 = favourable for both arrays, so
     * {@code yTrue = 1} is a repaid (good) loan and {@code yPred = 1} an approval; {@code defaulted = yTrue == 0}.
     */
    public static Population fromPredictions(int[] yTrue, int[] yPred) {
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("y_true and y_pred differ in length");
        }
        boolean[] approved = new boolean[yPred.length];
        boolean[] defaulted = new boolean[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            approved[i] = binary(yPred[i]) == 1;
            defaulted[i] = binary(yTrue[i]) == 0;
        }
        return of(approved, defaulted);
    }

    public Population withPd(double[] pd) {
        return new Population(approved, defaulted, pd, weights, attributes, clusters);
    }

    public Population withWeights(double[] weights) {
        return new Population(approved, defaulted, pd, weights, attributes, clusters);
    }

    public Population withApproved(boolean[] approved) {
        return new Population(approved, defaulted, pd, weights, attributes, clusters);
    }

    /** Adds (or replaces) a cohort attribute; attributes keep the order they were added in. */
    public Population withAttribute(String name, String[] values) {
        LinkedHashMap<String, String[]> next = new LinkedHashMap<>(attributes);
        next.put(name, values);
        return new Population(approved, defaulted, pd, weights, next, clusters);
    }

    /** Names the cluster of every row (null: rows are independent); see {@link #checkedClusters}. */
    public Population withClusters(String[] clusters) {
        return new Population(approved, defaulted, pd, weights, attributes, clusters);
    }

    public int size() {
        return approved.length;
    }

    public boolean hasPd() {
        return pd != null;
    }

    public boolean weighted() {
        return weights != null;
    }

    public boolean clustered() {
        return clusters != null;
    }

    /** Distinct cluster ids (0 without clusters). */
    public int clusterCount() {
        return clusters == null ? 0 : new HashSet<>(Arrays.asList(clusters)).size();
    }

    /** What a bootstrap draw picks: rows, or whole clusters. */
    public ResamplingUnit resamplingUnit() {
        return clusters == null ? ResamplingUnit.rows(size()) : ResamplingUnit.clusters(clusterCount());
    }

    /** Weight of row i (1 when unweighted). */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    @Override
    public boolean[] approved() {
        return approved.clone();
    }

    @Override
    public boolean[] defaulted() {
        return defaulted.clone();
    }

    @Override
    public double[] pd() {
        return pd == null ? null : pd.clone();
    }

    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    @Override
    public Map<String, String[]> attributes() {
        LinkedHashMap<String, String[]> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    @Override
    public String[] clusters() {
        return clusters == null ? null : clusters.clone();
    }

    // package-private views without copying, for the engine
    boolean approvedAt(int i) {
        return approved[i];
    }

    boolean defaultedAt(int i) {
        return defaulted[i];
    }

    double pdAt(int i) {
        return pd[i];
    }

    String[] attributeView(String name) {
        return attributes.get(name);
    }

    /**
     * The cluster index of every row, clusters numbered by first appearance in row order (the map only looks ids
     * up, its iteration order never matters), or null without clusters.
     */
    int[] clusterIndexOfRows() {
        if (clusters == null) {
            return null;
        }
        HashMap<String, Integer> index = new HashMap<>();
        int[] of = new int[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            of[i] = index.computeIfAbsent(clusters[i], id -> index.size());
        }
        return of;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Population p && Arrays.equals(approved, p.approved) && Arrays.equals(defaulted, p.defaulted)
                && Arrays.equals(pd, p.pd) && Arrays.equals(weights, p.weights) && sameAttributes(p)
                && Arrays.equals(clusters, p.clusters);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(approved) * 31 + Arrays.hashCode(defaulted);
    }

    @Override
    public String toString() {
        return "Population[n=" + size() + ", attributes=" + attributes.keySet() + ", pd=" + hasPd()
                + ", weighted=" + weighted() + ", clusters=" + (clustered() ? clusterCount() : "none") + "]";
    }

    private boolean sameAttributes(Population p) {
        if (!attributes.keySet().equals(p.attributes.keySet())) {
            return false;
        }
        for (String k : attributes.keySet()) {
            if (!Arrays.equals(attributes.get(k), p.attributes.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static int binary(int v) {
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("labels must be 0 or 1, got " + v);
        }
        return v;
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.contains("&") || name.contains("=")) {
            // '&' joins intersections and '=' joins name and value in group keys
            throw new IllegalArgumentException("attribute names must be non-blank without '&' or '=': " + name);
        }
        return name;
    }

    /**
     * Cluster ids as given, checked: one per row, none null or blank (a missing wallet would silently become a
     * cluster of its own, or merge unrelated rows into one).
     *
     * @throws IllegalArgumentException naming the first offending row
     */
    public static String[] checkedClusters(String[] clusters, int n) {
        if (clusters.length != n) {
            throw new IllegalArgumentException("clusters has " + clusters.length + " ids, expected one per row (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (clusters[i] == null || clusters[i].isBlank()) {
                throw new IllegalArgumentException("cluster id of row " + i + " is " + (clusters[i] == null ? "null" : "blank")
                        + ": every row needs the id of its cluster (e.g. its wallet)");
            }
        }
        return clusters.clone();
    }

    private static String[] checkedValues(String name, String[] values, int n) {
        if (values == null || values.length != n) {
            throw new IllegalArgumentException("attribute " + name + " must have " + n + " values");
        }
        for (String v : values) {
            if (v == null || v.isBlank() || v.contains("&")) {
                // missing values must be an explicit cohort ("unknown"), never silently dropped
                throw new IllegalArgumentException("attribute " + name + " has a blank, null or '&' value: " + v);
            }
        }
        return values.clone();
    }
}
