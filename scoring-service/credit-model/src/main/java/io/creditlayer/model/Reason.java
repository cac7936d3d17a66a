package io.creditlayer.model;

/**
 * A reason a score is not higher: one of the features that raised the PD most, in plain language with what would
 * improve it.
 *
 * @param code    the feature name (a stable reason code)
 * @param text    plain-language text
 * @param logOdds the feature's contribution to the log-odds of default (positive)
 */
public record Reason(String code, String text, double logOdds) {
}
