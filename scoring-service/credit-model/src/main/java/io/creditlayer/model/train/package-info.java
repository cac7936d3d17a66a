/** Training: validation designs, class weighting, model choice, calibration selection, sealing artifacts; tuning. */
package io.creditlayer.model.train;
