package io.creditlayer.features.profile;

import java.util.Arrays;

/**
 * A wallet's features as of one block, with the provenance a verifier needs to recompute them.
 *
 * @param wallet         lower-case address
 * @param chainId        chain the data came from
 * @param asOfBlock      the block the profile is "as of": only data at or before it was used
 * @param asOfBlockHash  that block's hash (which chain history)
 * @param asOfTimestamp  that block's time
 * @param schemaVersion  {@link FeatureSchema#VERSION}
 * @param scaledValues   feature values × 10^6 in {@link Feature} order
 * @param commitment     keccak-256 commitment over the canonical encoding ({@link FeatureCommitment})
 */
public record WalletProfile(
        String wallet,
        long chainId,
        long asOfBlock,
        String asOfBlockHash,
        long asOfTimestamp,
        String schemaVersion,
        long[] scaledValues,
        byte[] commitment) {

    public WalletProfile {
        scaledValues = scaledValues.clone();
        commitment = commitment.clone();
    }

    @Override
    public long[] scaledValues() {
        return scaledValues.clone();
    }

    @Override
    public byte[] commitment() {
        return commitment.clone();
    }

    public double value(Feature feature) {
        return scaledValues[feature.ordinal()] / (double) FeatureSchema.SCALE;
    }

    /** Values as doubles in {@link Feature} order. */
    public double[] values() {
        double[] values = new double[scaledValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = scaledValues[i] / (double) FeatureSchema.SCALE;
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalletProfile p && wallet.equals(p.wallet) && chainId == p.chainId && asOfBlock == p.asOfBlock
                && asOfBlockHash.equals(p.asOfBlockHash) && asOfTimestamp == p.asOfTimestamp
                && schemaVersion.equals(p.schemaVersion) && Arrays.equals(scaledValues, p.scaledValues)
                && Arrays.equals(commitment, p.commitment);
    }

    @Override
    public int hashCode() {
        return 31 * wallet.hashCode() + Long.hashCode(asOfBlock) + Arrays.hashCode(scaledValues);
    }

    @Override
    public String toString() {
        return "WalletProfile[" + wallet + " @" + asOfBlock + "]";
    }
}
