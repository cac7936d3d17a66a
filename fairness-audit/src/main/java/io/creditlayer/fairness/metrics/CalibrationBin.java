package io.creditlayer.fairness.metrics;

/** One equal-width PD bin of a group: rows, weight, mean PD and observed (weighted) default rate. */
public record CalibrationBin(int index, double lower, double upper, int count, double weight, double meanPd,
                             double defaultRate) {
}
