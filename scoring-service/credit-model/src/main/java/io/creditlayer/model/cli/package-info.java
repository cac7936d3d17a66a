/** The credit-model command line (picocli): train, evaluate, score, explain, tune. */
package io.creditlayer.model.cli;
