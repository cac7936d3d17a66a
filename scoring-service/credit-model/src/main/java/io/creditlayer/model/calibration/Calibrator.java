package io.creditlayer.model.calibration;

/**
 * Maps a learner's raw log-odds of default to a calibrated probability of default (monotone non-decreasing), so
 * that the PD of a group of borrowers matches their observed default rate. Outputs are clamped to
 * [{@link #PD_MIN}, {@link #PD_MAX}].
 */
public sealed interface Calibrator permits PlattScaling, IsotonicCalibration {
    double PD_MIN = 1e-6;
    double PD_MAX = 1 - 1e-6;

    /** Calibrated PD of a raw log-odds margin. */
    double pd(double logOdds);

    /** "platt" or "isotonic". */
    String method();

    static double clamp(double p) {
        return Math.max(PD_MIN, Math.min(PD_MAX, p));
    }

    default double[] pd(double[] logOdds) {
        double[] out = new double[logOdds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pd(logOdds[i]);
        }
        return out;
    }
}
