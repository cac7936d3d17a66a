/** Discrimination, calibration and population-stability metrics. */
package io.creditlayer.model.metrics;
