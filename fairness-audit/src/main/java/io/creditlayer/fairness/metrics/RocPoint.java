package io.creditlayer.fairness.metrics;

/**
 * A point of a group's ROC curve for PD as a default detector: flagging everyone with PD >= t flags the share
 * {@code fpr} of repayers and {@code tpr} of defaulters (weighted).
 */
public record RocPoint(double fpr, double tpr) {
}
