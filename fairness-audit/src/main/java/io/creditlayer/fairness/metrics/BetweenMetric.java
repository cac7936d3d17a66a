package io.creditlayer.fairness.metrics;

/**
 * One value per dimension, over its judged groups (Fairlearn conventions: difference = max - min, ratio =
 * min / max; "to overall" compares each group with all rows).
 */
public enum BetweenMetric implements Metric {
    DEMOGRAPHIC_PARITY_DIFFERENCE("demographic_parity_difference", "max SR - min SR"),
    DEMOGRAPHIC_PARITY_RATIO("demographic_parity_ratio", "min SR / max SR (EEOC four-fifths rule against the most-approved group)"),
    DEMOGRAPHIC_PARITY_DIFFERENCE_TO_OVERALL("demographic_parity_difference_to_overall", "max |SR_g - SR_all|"),
    DEMOGRAPHIC_PARITY_RATIO_TO_OVERALL("demographic_parity_ratio_to_overall", "min over g of min(SR_g / SR_all, SR_all / SR_g)"),
    TPR_DIFFERENCE("tpr_difference", "max TPR - min TPR (Fairlearn's equal opportunity difference)"),
    TPR_RATIO("tpr_ratio", "min TPR / max TPR"),
    FPR_DIFFERENCE("fpr_difference", "max FPR - min FPR"),
    FPR_RATIO("fpr_ratio", "min FPR / max FPR"),
    EQUALIZED_ODDS_DIFFERENCE("equalized_odds_difference", "max(tpr_difference, fpr_difference)"),
    EQUALIZED_ODDS_RATIO("equalized_odds_ratio", "min(tpr_ratio, fpr_ratio)"),
    AUC_DIFFERENCE("auc_difference", "max AUC - min AUC"),
    BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX("between_group_generalized_entropy_index",
            "generalized entropy index with each benefit replaced by its group's mean"),
    BETWEEN_GROUP_THEIL_INDEX("between_group_theil_index", "between-group Theil index (alpha = 1)");

    private final String id;
    private final String description;

    BetweenMetric(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String scope() {
        return "between";
    }

    @Override
    public String description() {
        return description;
    }
}
