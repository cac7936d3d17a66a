/** From raw log-odds to calibrated PDs: Platt scaling, isotonic regression, and the cross-validated choice between them. */
package io.creditlayer.model.calibration;
