package io.creditlayer.model.train;

/**
 * How training offsets class imbalance. Neither Smile's GradientTreeBoost nor its LogisticRegression takes sample
 * weights, so weights are applied as frequency weights: each training row is repeated a whole number of times,
 * its weight rounded stochastically with a seeded generator (⌊w⌋ copies plus one more with probability
 * w − ⌊w⌋). Only training rows are expanded; validation, calibration and test rows keep their natural mix, and the
 * calibrator maps the shifted log-odds back to PDs of the natural default rate.
 */
public enum ClassWeighting {
    /** Rows count once (times the weight column, if any). */
    NONE,
    /**
     * Defaults and non-defaults get equal total weight: the minority class is up-weighted by
     * (majority count / minority count), the majority class keeps weight 1.
     */
    BALANCED
}
