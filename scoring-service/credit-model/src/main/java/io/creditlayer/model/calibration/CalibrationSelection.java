package io.creditlayer.model.calibration;

import io.creditlayer.model.data.Splits;
import io.creditlayer.model.metrics.Metrics;

/**
 * Chooses between Platt scaling and isotonic regression on a calibration set (the validation rows, or out-of-fold
 * predictions) and fits the winner on the whole set.
 *
 * <p>Both are compared by k-fold cross-validation inside the calibration set (stratified, seeded): each method is
 * fitted on k−1 folds and scored on the held-out fold, and the method with the lower out-of-fold log-loss wins
 * (Brier score breaks a tie). Comparing in-sample would always pick isotonic regression, which minimizes every
 * proper score among monotone maps on the rows it was fitted to. With fewer than {@code 2·folds} defaults or
 * non-defaults, the selection is not reliable and Platt scaling (two parameters) is used.
 *
 * @param chosen           the fitted winner
 * @param plattLogLoss     out-of-fold log-loss of Platt scaling (NaN when not compared)
 * @param plattBrier       out-of-fold Brier score of Platt scaling
 * @param isotonicLogLoss  out-of-fold log-loss of isotonic regression
 * @param isotonicBrier    out-of-fold Brier score of isotonic regression
 * @param folds            folds used (0 when not compared)
 */
public record CalibrationSelection(Calibrator chosen, double plattLogLoss, double plattBrier,
                                   double isotonicLogLoss, double isotonicBrier, int folds) {

    public static CalibrationSelection fit(double[] logOdds, int[] y, int folds, long seed) {
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        int negatives = y.length - positives;
        if (folds < 2 || positives < 2 * folds || negatives < 2 * folds) {
            return new CalibrationSelection(PlattScaling.fit(logOdds, y), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0);
        }
        int[] fold = Splits.stratifiedFolds(y, folds, seed);
        double[] platt = new double[y.length];
        double[] isotonic = new double[y.length];
        for (int f = 0; f < folds; f++) {
            int trainCount = 0;
            for (int v : fold) {
                if (v != f) {
                    trainCount++;
                }
            }
            double[] ts = new double[trainCount];
            int[] ty = new int[trainCount];
            for (int i = 0, k = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    ts[k] = logOdds[i];
                    ty[k++] = y[i];
                }
            }
            Calibrator p = PlattScaling.fit(ts, ty);
            Calibrator iso = IsotonicCalibration.fit(ts, ty);
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) {
                    platt[i] = p.pd(logOdds[i]);
                    isotonic[i] = iso.pd(logOdds[i]);
                }
            }
        }
        double pl = Metrics.logLoss(platt, y);
        double pb = Metrics.brier(platt, y);
        double il = Metrics.logLoss(isotonic, y);
        double ib = Metrics.brier(isotonic, y);
        boolean isotonicWins = il < pl || (il == pl && ib < pb);
        Calibrator chosen = isotonicWins ? IsotonicCalibration.fit(logOdds, y) : PlattScaling.fit(logOdds, y);
        return new CalibrationSelection(chosen, pl, pb, il, ib, folds);
    }
}
