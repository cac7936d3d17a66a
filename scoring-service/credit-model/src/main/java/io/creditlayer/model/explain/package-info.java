/** Plain-language reason texts for the features that raised a PD. */
package io.creditlayer.model.explain;
