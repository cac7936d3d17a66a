/** The credit model: training, calibration, scoring, reasons, metrics, artifacts. */
package io.creditlayer.model;
