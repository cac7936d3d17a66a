package io.creditlayer.fairness;

import io.creditlayer.fairness.metrics.Population;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model did on an evaluation set. Conventions: {@code defaulted[i]} is the label (true = defaulted, the
 * adverse outcome); the decision "approved" is the favourable one and comes either directly ({@code approved})
 * or from the policy's approval rule applied to {@code tier} (tier >= k) or {@code pd} (PD <= t). {@code pd} is
 * the model's probability of default. {@code weights} are optional sample weights. Each attribute maps a cohort
 * name ("sex", "age") to one label per row ("female", "<=25"). {@code clusters} optionally names the cluster of
 * each row, e.g. the wallet behind each borrow: a wallet's borrows are not independent, so the bootstrap then draws
 * whole wallets and the intervals widen accordingly; point estimates and the verdict do not depend on it. Arrays
 * are copied in and out.
 */
public record AuditInput(boolean[] defaulted, boolean[] approved, double[] pd, int[] tier, double[] weights,
                         Map<String, String[]> attributes, String[] clusters, ModelDetails model) {

    public AuditInput {
        if (defaulted == null || defaulted.length == 0) {
            throw new IllegalArgumentException("defaulted labels are required");
        }
        int n = defaulted.length;
        defaulted = defaulted.clone();
        approved = approved == null ? null : checkedLength(approved.clone(), approved.length, n, "approved");
        pd = pd == null ? null : checkedLength(pd.clone(), pd.length, n, "pd");
        tier = tier == null ? null : checkedLength(tier.clone(), tier.length, n, "tier");
        weights = weights == null ? null : checkedLength(weights.clone(), weights.length, n, "weights");
        LinkedHashMap<String, String[]> copy = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((k, v) -> copy.put(k, v == null ? null : v.clone()));
        }
        attributes = Collections.unmodifiableMap(copy);
        clusters = clusters == null ? null : Population.checkedClusters(clusters, n);
        model = model == null ? ModelDetails.unspecified() : model;
    }

    /** Labels only; add a decision, probabilities or tiers, weights and attributes with the withers. */
    public static AuditInput of(boolean[] defaulted) {
        return new AuditInput(defaulted, null, null, null, null, Map.of(), null, null);
    }

    /** A decision and its label per row. */
    public static AuditInput of(boolean[] approved, boolean[] defaulted) {
        return of(defaulted).withApproved(approved);
    }

    /**
     * Fairlearn / AIF360 convention, 1 = favourable in both arrays: {@code yTrue = 1} repaid, {@code yPred = 1}
     * approved.
     */
    public static AuditInput fromPredictions(int[] yTrue, int[] yPred) {
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("y_true and y_pred differ in length");
        }
        boolean[] approved = new boolean[yPred.length];
        boolean[] defaulted = new boolean[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            if ((yTrue[i] | yPred[i]) >>> 1 != 0) {
                throw new IllegalArgumentException("labels must be 0 or 1");
            }
            approved[i] = yPred[i] == 1;
            defaulted[i] = yTrue[i] == 0;
        }
        return of(approved, defaulted);
    }

    public AuditInput withApproved(boolean[] approved) {
        return new AuditInput(defaulted, approved, pd, tier, weights, attributes, clusters, model);
    }

    public AuditInput withPd(double[] pd) {
        return new AuditInput(defaulted, approved, pd, tier, weights, attributes, clusters, model);
    }

    public AuditInput withTier(int[] tier) {
        return new AuditInput(defaulted, approved, pd, tier, weights, attributes, clusters, model);
    }

    public AuditInput withWeights(double[] weights) {
        return new AuditInput(defaulted, approved, pd, tier, weights, attributes, clusters, model);
    }

    public AuditInput withAttribute(String name, String[] values) {
        LinkedHashMap<String, String[]> next = new LinkedHashMap<>(attributes);
        next.put(name, values);
        return new AuditInput(defaulted, approved, pd, tier, weights, next, clusters, model);
    }

    /**
     * The cluster of every row (e.g. its wallet), or null for independent rows: one non-blank id per row; the
     * bootstrap then resamples whole clusters.
     */
    public AuditInput withClusters(String[] clusters) {
        return new AuditInput(defaulted, approved, pd, tier, weights, attributes, clusters, model);
    }

    public AuditInput withModel(ModelDetails model) {
        return new AuditInput(defaulted, approved, pd, tier, weights, attributes, clusters, model);
    }

    public int size() {
        return defaulted.length;
    }

    @Override
    public boolean[] defaulted() {
        return defaulted.clone();
    }

    @Override
    public boolean[] approved() {
        return approved == null ? null : approved.clone();
    }

    @Override
    public double[] pd() {
        return pd == null ? null : pd.clone();
    }

    @Override
    public int[] tier() {
        return tier == null ? null : tier.clone();
    }

    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    @Override
    public Map<String, String[]> attributes() {
        LinkedHashMap<String, String[]> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, v == null ? null : v.clone()));
        return out;
    }

    @Override
    public String[] clusters() {
        return clusters == null ? null : clusters.clone();
    }

    @Override
    public String toString() {
        return "AuditInput[n=" + size() + ", attributes=" + attributes.keySet() + ", model=" + model.name() + "]";
    }

    private static <T> T checkedLength(T a, int len, int n, String what) {
        if (len != n) {
            throw new IllegalArgumentException(what + " has " + len + " rows, expected " + n);
        }
        return a;
    }
}
