package io.creditlayer.model;

/**
 * The result of scoring one profile.
 *
 * @param pd                 calibrated probability of default (NaN when unscored)
 * @param score              300-850 (0 when unscored)
 * @param tier               1-5, or 0 when unscored (no valid profile)
 * @param collateralRatioBps the tier's collateral ratio in basis points (the lending pool's tier table)
 * @param modelId            the artifact's SHA-256 (0x-prefixed), as recorded in the ModelRegistry
 */
public record Score(double pd, int score, int tier, int collateralRatioBps, String modelId) {
    public boolean scored() {
        return tier > 0;
    }
}
