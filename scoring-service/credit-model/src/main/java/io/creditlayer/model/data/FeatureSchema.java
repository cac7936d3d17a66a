package io.creditlayer.model.data;

import io.creditlayer.model.CreditModelException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered inputs of a model, with a version and a hash that binds a model to one schema. The wallet schema
 * {@code wallet-v1} carries the extractor's keccak-256 hash (see {@link WalletV1}); any other schema is hashed with
 * SHA-256 over {@code version|name:kind:unit[:level;level...],...}.
 *
 * @param version       schema version ("wallet-v1", "german-statlog-v1", ...)
 * @param features      variables in vector order
 * @param hashAlgorithm "keccak-256" or "sha-256"
 * @param hash          0x-prefixed hex digest
 */
public record FeatureSchema(String version, List<FeatureDef> features, String hashAlgorithm, String hash) {
    public FeatureSchema {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        Objects.requireNonNull(hash, "hash");
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one feature");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (FeatureDef f : features) {
            if (seen.put(f.name(), seen.size()) != null) {
                throw new IllegalArgumentException("duplicate feature '" + f.name() + "'");
            }
        }
    }

    /** A schema hashed with SHA-256 over its canonical text; {@code wallet-v1} gets the extractor's keccak hash. */
    public static FeatureSchema of(String version, List<FeatureDef> features) {
        if (WalletV1.VERSION.equals(version)) {
            FeatureSchema wallet = WalletV1.schema();
            if (!wallet.features().equals(features)) {
                throw new CreditModelException("schema " + version + " must list the 38 wallet-v1 features in order");
            }
            return wallet;
        }
        return new FeatureSchema(version, features, "sha-256", Hashes.hex0x(Hashes.sha256(canonical(version, features))));
    }

    static byte[] canonical(String version, List<FeatureDef> features) {
        StringBuilder text = new StringBuilder(version).append('|');
        for (FeatureDef f : features) {
            text.append(f.name()).append(':').append(f.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(':').append(f.unit());
            if (f.categorical()) {
                text.append(':').append(String.join(";", f.levels()));
            }
            text.append(',');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public int size() {
        return features.size();
    }

    public FeatureDef feature(int index) {
        return features.get(index);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(features.size());
        for (FeatureDef f : features) {
            names.add(f.name());
        }
        return names;
    }

    /** Index of a feature by name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether any feature is categorical. */
    public boolean hasCategorical() {
        return features.stream().anyMatch(FeatureDef::categorical);
    }

    /**
     * Throws a one-line {@link CreditModelException} unless {@code offered} is this schema (same version and hash).
     *
     * @param what names the model side in the message, e.g. the artifact directory
     */
    public void requireSame(FeatureSchema offered, String what) {
        if (!version.equals(offered.version()) || !hash.equalsIgnoreCase(offered.hash())) {
            throw new CreditModelException("schema mismatch: " + what + " expects " + version + " (" + hash
                    + ") but was offered " + offered.version() + " (" + offered.hash() + ")");
        }
    }

    /** Checks a feature vector's length and values (finite; categorical codes in range). */
    public void requireValid(double[] x) {
        if (x == null || x.length != features.size()) {
            throw new CreditModelException("schema " + version + " expects " + features.size() + " features, got "
                    + (x == null ? "null" : Integer.toString(x.length)));
        }
        for (int j = 0; j < x.length; j++) {
            double v = x[j];
            if (!Double.isFinite(v)) {
                throw new CreditModelException("feature '" + features.get(j).name() + "' is not finite: " + v);
            }
            FeatureDef f = features.get(j);
            if (f.categorical() && (v != Math.rint(v) || v < 0 || v >= f.levels().size())) {
                throw new CreditModelException("feature '" + f.name() + "' must be a level index in [0, "
                        + f.levels().size() + "): " + v);
            }
        }
    }
}
