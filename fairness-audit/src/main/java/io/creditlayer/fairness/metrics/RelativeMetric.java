package io.creditlayer.fairness.metrics;

/**
 * A group compared with its dimension's reference group r (AIF360 and Aequitas conventions: the group is the
 * "unprivileged" side, the reference the "privileged" one). Differences are group minus reference; disparities
 * are group over reference.
 */
public enum RelativeMetric implements Metric {
    STATISTICAL_PARITY_DIFFERENCE("statistical_parity_difference", "SR_g - SR_r"),
    DISPARATE_IMPACT("disparate_impact", "SR_g / SR_r (four-fifths rule: >= 0.8)"),
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", "TPR_g - TPR_r"),
    AVERAGE_ODDS_DIFFERENCE("average_odds_difference", "((FPR_g - FPR_r) + (TPR_g - TPR_r)) / 2"),
    PREDICTIVE_PARITY_DIFFERENCE("predictive_parity_difference", "precision_g - precision_r"),
    TPR_DISPARITY("tpr_disparity", "TPR_g / TPR_r (Aequitas)"),
    FPR_DISPARITY("fpr_disparity", "FPR_g / FPR_r (Aequitas)"),
    FNR_DISPARITY("fnr_disparity", "FNR_g / FNR_r (Aequitas; fair when tau <= d <= 1/tau)"),
    TNR_DISPARITY("tnr_disparity", "TNR_g / TNR_r (Aequitas)"),
    PRECISION_DISPARITY("precision_disparity", "precision_g / precision_r (Aequitas)");

    private final String id;
    private final String description;

    RelativeMetric(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String scope() {
        return "relative";
    }

    @Override
    public String description() {
        return description;
    }
}
