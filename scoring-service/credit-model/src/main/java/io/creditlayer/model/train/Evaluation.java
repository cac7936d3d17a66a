package io.creditlayer.model.train;

import io.creditlayer.model.metrics.MetricSet;

/**
 * Metrics of one model on one set of rows: on calibrated PDs (what is shipped), plus the AUC of the raw log-odds
 * (isotonic calibration can tie neighbouring borrowers and move the AUC slightly).
 *
 * @param metrics metrics of the calibrated PD
 * @param rawAuc  AUC of the raw log-odds
 */
public record Evaluation(MetricSet metrics, double rawAuc) {
}
