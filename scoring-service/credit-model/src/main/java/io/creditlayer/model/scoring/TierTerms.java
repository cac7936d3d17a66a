package io.creditlayer.model.scoring;

/**
 * One row of the lending pool's tier table, as in docs/adr/0002-tier-table.md.
 *
 * @param tier                0 (unscored) to 5
 * @param name                display name
 * @param minScore            lowest score of the tier (null for tier 0, which no score maps to)
 * @param collateralRatioBps  borrow limit = collateral value × 10000 / ratio
 * @param liquidationRatioBps liquidatable when debt &gt; collateral value × 10000 / ratio
 * @param ratePremiumBps      yearly premium over the utilization rate
 * @param creditCapTokens     the most the debt may exceed the collateral value, in whole loan tokens
 */
public record TierTerms(int tier, String name, Integer minScore, int collateralRatioBps, int liquidationRatioBps,
                        int ratePremiumBps, long creditCapTokens) {
}
