/** Reading CSVs into data sets: column specs, presets (wallet-v1, German credit), feature schemas and their hashes, splits. */
package io.creditlayer.model.data;
