package io.creditlayer.model;

import java.util.List;

/**
 * A score with its explanation: the base log-odds, every feature's contribution (most adverse first), and the
 * reason texts of the top adverse ones. {@code baseLogOdds + Σ contributions = logOdds}; the PD is the calibrated
 * image of {@code logOdds}.
 *
 * @param score         the score
 * @param logOdds       the model's raw log-odds of default for the profile
 * @param baseLogOdds   the model's mean log-odds over its training rows
 * @param contributions per feature, sorted from the largest (most adverse) to the smallest
 * @param reasons       reason texts of the top adverse contributions (at most the number asked for)
 * @param method        "tree-shap" (boosted trees) or "woe-linear" (scorecard)
 */
public record Explanation(Score score, double logOdds, double baseLogOdds, List<Contribution> contributions,
                          List<Reason> reasons, String method) {
    public Explanation {
        contributions = List.copyOf(contributions);
        reasons = List.copyOf(reasons);
    }
}
