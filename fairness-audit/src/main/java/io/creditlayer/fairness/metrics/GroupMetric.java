package io.creditlayer.fairness.metrics;

/** Metrics of one group's rows (and of all rows, the "overall" group). Weighted counts throughout. */
public enum GroupMetric implements Metric {
    SELECTION_RATE("selection_rate", "approval rate: share of the group approved"),
    DEFAULT_RATE("default_rate", "base rate: share of the group that defaulted"),
    TPR("tpr", "true positive rate: share of repayers approved (equal opportunity)"),
    FPR("fpr", "false positive rate: share of defaulters approved"),
    FNR("fnr", "false negative rate: share of repayers refused"),
    TNR("tnr", "true negative rate: share of defaulters refused"),
    PRECISION("precision", "precision (predictive parity): share of approved who repaid"),
    ECE("ece", "expected calibration error of PD against observed defaults (equal-width bins)"),
    AUC("auc", "AUC of PD for default: P(PD of a defaulter > PD of a repayer), ties count 1/2"),
    GENERALIZED_ENTROPY_INDEX("generalized_entropy_index", "generalized entropy index of benefits b = approved - repaid + 1"),
    THEIL_INDEX("theil_index", "Theil index (generalized entropy, alpha = 1) of the same benefits");

    private final String id;
    private final String description;

    GroupMetric(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String scope() {
        return "group";
    }

    @Override
    public String description() {
        return description;
    }

    /** True for metrics that need predicted probabilities. */
    public boolean needsPd() {
        return this == ECE || this == AUC;
    }
}
