package io.creditlayer.model.train;

import io.creditlayer.model.calibration.CalibrationSelection;
import io.creditlayer.model.metrics.CalibrationCurve;

import java.util.List;
import java.util.Map;

/**
 * What a training run measured (also stored in the artifact's manifest and model card).
 *
 * @param strategy     how rows were split, in words
 * @param chosen       the learner chosen ("gbt" or "scorecard")
 * @param validation   per learner, metrics on the validation rows (time-ordered) or out-of-fold predictions
 *                     (k-fold); the calibrator was fitted on these rows, so calibration metrics are optimistic
 * @param holdoutKind  "test" (the last rows by time) or "cross-validation" (pooled out-of-fold predictions of
 *                     the whole pipeline, refitted per fold)
 * @param holdout      per learner plus "chosen" (the pipeline with its model choice), metrics on held-out rows
 * @param folds        per outer fold (k-fold only), the AUC of each learner and of the chosen pipeline
 * @param calibration  per learner, the calibration method chosen and the cross-validated comparison
 * @param curve        calibration curve of the chosen model on the held-out rows
 * @param importance   mean |contribution| (log-odds) per feature of the final model, largest first
 */
public record TrainingReport(String strategy, String chosen, Map<String, Evaluation> validation, String holdoutKind,
                             Map<String, Evaluation> holdout, List<FoldResult> folds,
                             Map<String, CalibrationSelection> calibration, CalibrationCurve curve,
                             List<Importance> importance) {

    /**
     * One outer fold of a cross-validation.
     *
     * @param fold   fold number, from 1
     * @param rows   held-out rows
     * @param auc    AUC of the calibrated PD per learner and "chosen"
     * @param chosen the learner the fold's pipeline chose
     */
    public record FoldResult(int fold, int rows, Map<String, Double> auc, String chosen) {
    }

    /**
     * Global importance of one feature.
     *
     * @param feature         feature name
     * @param meanAbsLogOdds  mean absolute contribution to the log-odds
     */
    public record Importance(String feature, double meanAbsLogOdds) {
    }

    /** Mean and sample standard deviation of the fold AUCs of a learner (or "chosen"); NaN without folds. */
    public double[] foldAuc(String learner) {
        if (folds.isEmpty()) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double sum = 0;
        for (FoldResult f : folds) {
            sum += f.auc().get(learner);
        }
        double mean = sum / folds.size();
        double ss = 0;
        for (FoldResult f : folds) {
            double d = f.auc().get(learner) - mean;
            ss += d * d;
        }
        return new double[]{mean, folds.size() > 1 ? Math.sqrt(ss / (folds.size() - 1)) : 0};
    }
}
