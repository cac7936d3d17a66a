package io.creditlayer.model;

/**
 * One feature's share of a profile's log-odds of default, relative to the model's base value (the mean log-odds
 * over its training rows). Positive contributions raise the PD and lower the score.
 *
 * @param feature feature name
 * @param value   the profile's value (level index for a categorical feature)
 * @param display the value as text (the level name for a categorical feature)
 * @param logOdds contribution to the raw log-odds of default
 */
public record Contribution(String feature, double value, String display, double logOdds) {
}
