/** Fitted learners of the raw log-odds of default: Smile boosted trees (with tree SHAP) and the WoE scorecard. */
package io.creditlayer.model.learner;
