package io.creditlayer.features.profile;

import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The versioned feature schema: the ordered feature list, its version, and a hash that models record as their
 * feature-schema hash (ModelRegistry), so that a model can only be paired with profiles of the same schema.
 */
public final class FeatureSchema {
    public static final String VERSION = "wallet-v1";
    /** Feature values are quantized to this many decimals, so that a published vector re-commits exactly. */
    public static final int DECIMALS = 6;
    public static final long SCALE = 1_000_000L;

    private static final List<Feature> FEATURES = List.of(Feature.values());
    private static final byte[] HASH = computeHash();

    private FeatureSchema() {
    }

    public static List<Feature> features() {
        return FEATURES;
    }

    public static int size() {
        return FEATURES.size();
    }

    /** keccak-256 over "VERSION|DECIMALS|name:unit,name:unit,...". */
    public static byte[] hash() {
        return HASH.clone();
    }

    private static byte[] computeHash() {
        StringBuilder canonical = new StringBuilder(VERSION).append('|').append(DECIMALS).append('|');
        for (Feature feature : FEATURES) {
            canonical.append(feature.column()).append(':').append(feature.unit()).append(',');
        }
        return Hash.sha3(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Rounds a value to the schema's fixed point (half-even), as stored and committed. */
    public static long quantize(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("feature values must be finite: " + value);
        }
        return Math.round(Math.rint(value * SCALE));
    }
}
