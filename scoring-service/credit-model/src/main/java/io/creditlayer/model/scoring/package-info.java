/** From PD to score (points to double the odds) and from score to tier and lending terms (the tier policy). */
package io.creditlayer.model.scoring;
