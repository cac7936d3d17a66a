package io.creditlayer.model.metrics;

/**
 * The metrics of one set of predictions.
 *
 * @param rows      rows evaluated
 * @param positives defaults among them
 * @param auc       area under the ROC curve
 * @param ks        Kolmogorov-Smirnov statistic
 * @param gini      2·AUC − 1
 * @param brier     Brier score
 * @param logLoss   log-loss
 * @param ece       expected calibration error (10 equal-width bins)
 */
public record MetricSet(int rows, int positives, double auc, double ks, double gini, double brier, double logLoss,
                        double ece) {
    public static MetricSet of(double[] pd, int[] y) {
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        double auc = Metrics.auc(pd, y);
        return new MetricSet(pd.length, positives, auc, Metrics.ks(pd, y), Metrics.gini(auc), Metrics.brier(pd, y),
                Metrics.logLoss(pd, y), Metrics.ece(pd, y));
    }
}
