package io.creditlayer.service.scoring;

import java.util.List;

/**
 * A wallet's current score as the API serves it.
 *
 * @param address            lower-case 0x address
 * @param score              300–850 (0 when unscored)
 * @param pd                 calibrated probability of default (null when unscored)
 * @param tier               0 (unscored) to 5
 * @param collateralRatioBps the pool's collateral ratio for the tier, in basis points
 * @param reasons            the top reasons the score is not higher, most adverse first
 * @param modelId            the model that produced it (0x bytes32)
 * @param asOfBlock          the block the profile was read at
 * @param featureCommitment  keccak-256 commitment to the profile's feature values (0x bytes32)
 */
public record ScoreView(String address, int score, Double pd, int tier, int collateralRatioBps,
                        List<ReasonView> reasons, String modelId, long asOfBlock, String featureCommitment) {
    public ScoreView {
        reasons = List.copyOf(reasons);
    }

    /** A reason code (the feature), its plain-language text with what would improve it, and its weight. */
    public record ReasonView(String code, String text, double logOdds) {
    }
}
