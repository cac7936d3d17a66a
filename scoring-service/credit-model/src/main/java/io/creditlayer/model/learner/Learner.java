package io.creditlayer.model.learner;

import java.io.Serializable;
import java.util.Map;

/**
 * A fitted, immutable model of the raw log-odds of default over a schema's feature vector (categorical values as
 * level indices). Contributions are additive: {@code baseLogOdds() + Σ contributions(x) == logOdds(x)} up to
 * rounding, where the base is the model's expected log-odds over its training rows. Calibration to a PD comes
 * after (it is a monotone map, so the ranking and the signs of contributions carry over).
 */
public sealed interface Learner extends Serializable permits GradientBoostedTrees, Scorecard {
    /** "gbt" or "scorecard". */
    String type();

    /** Number of input features (the schema size). */
    int features();

    /** Raw log-odds of default. */
    double logOdds(double[] x);

    /** Expected log-odds over the training rows: the base value of the contributions. */
    double baseLogOdds();

    /** Per-feature contributions to the log-odds, relative to {@link #baseLogOdds()}. */
    double[] contributions(double[] x);

    /** Hyperparameters and fitted summary, for the manifest and the model card. */
    Map<String, Object> describe();
}
