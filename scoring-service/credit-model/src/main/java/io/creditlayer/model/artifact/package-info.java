/** Model artifacts: files, canonical JSON, SHA-256 model id, verified loading, model cards. */
package io.creditlayer.model.artifact;
