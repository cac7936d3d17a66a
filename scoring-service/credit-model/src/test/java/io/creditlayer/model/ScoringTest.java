package io.creditlayer.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.scoring.ScoreScale;
import io.creditlayer.model.scoring.TierPolicy;
import io.creditlayer.model.scoring.TierTerms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTest {
    /** The textbook example (20 points to double the odds, 600 at 30:1), to check the formula itself. */
    private final ScoreScale scale = new ScoreScale(20, 600, 30, 300, 850);
    private final TierPolicy policy = TierPolicy.standard();

    /** PD of good:bad odds g:1. */
    private static double pdOfOdds(double goodToBad) {
        return 1 / (1 + goodToBad);
    }

    @Test
    void pointsToDoubleTheOdds() {
        assertEquals(20 / Math.log(2), scale.factor(), 1e-12);
        assertEquals(600 - 20 / Math.log(2) * Math.log(30), scale.offset(), 1e-12);
        assertEquals(28.8539, scale.factor(), 1e-4);
        assertEquals(501.8622, scale.offset(), 1e-4);
        assertEquals(600.0, scale.rawScore(pdOfOdds(30)), 1e-9);
        assertEquals(620.0, scale.rawScore(pdOfOdds(60)), 1e-9);
        assertEquals(580.0, scale.rawScore(pdOfOdds(15)), 1e-9);
        assertEquals(640.0, scale.rawScore(pdOfOdds(120)), 1e-9);
        assertEquals(600, scale.score(pdOfOdds(30)));
        assertEquals(620, scale.score(pdOfOdds(60)));
        assertEquals(pdOfOdds(30), scale.pdAt(600), 1e-12);
    }

    @Test
    void theStandardScaleReachesEveryTierAtFundablePds() {
        ScoreScale standard = ScoreScale.standard();
        assertEquals(600, standard.score(pdOfOdds(9)));
        assertEquals(650, standard.score(pdOfOdds(18)));
        assertEquals(3, policy.tier(standard.score(0.04)));
        assertEquals(4, policy.tier(standard.score(0.015)));
        assertEquals(5, policy.tier(standard.score(0.006)));
        assertEquals(1, policy.tier(standard.score(0.30)));
    }

    @Test
    void scoresAreRoundedHalfUpAndClamped() {
        assertEquals(601, scale.score(scale.pdAt(600.5)));
        assertEquals(600, scale.score(scale.pdAt(600.49)));
        assertEquals(850, scale.score(1e-9));
        assertEquals(300, scale.score(0.999999));
        assertThrows(IllegalArgumentException.class, () -> scale.score(0));
        assertThrows(IllegalArgumentException.class, () -> scale.score(1));
    }

    @Test
    void tierFloorsAndBoundaries() {
        int[][] cases = {{300, 1}, {579, 1}, {580, 2}, {669, 2}, {670, 3}, {739, 3}, {740, 4}, {799, 4}, {800, 5}, {850, 5}};
        for (int[] c : cases) {
            assertEquals(c[1], policy.tier(c[0]), "score " + c[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> policy.tier(299));
        assertThrows(IllegalArgumentException.class, () -> policy.tier(851));
    }

    @Test
    void tierTableIsTheLendingPoolDefault() {
        // docs/adr/0002-tier-table.md and LendingPool's constructor
        int[][] table = {{15_000, 12_500, 800, 0}, {14_000, 12_000, 600, 0}, {12_500, 11_000, 400, 0},
                {11_000, 10_000, 250, 0}, {9_500, 8_500, 150, 5_000}, {8_000, 7_000, 100, 20_000}};
        for (int t = 0; t <= 5; t++) {
            TierTerms terms = policy.terms(t);
            assertEquals(t, terms.tier());
            assertEquals(table[t][0], terms.collateralRatioBps(), "collateral ratio of tier " + t);
            assertEquals(table[t][1], terms.liquidationRatioBps(), "liquidation ratio of tier " + t);
            assertEquals(table[t][2], terms.ratePremiumBps(), "premium of tier " + t);
            assertEquals(table[t][3], terms.creditCapTokens(), "cap of tier " + t);
        }
        assertNull(policy.unscored().minScore());
        assertEquals("tier-policy-v1", policy.version());
        assertEquals(ScoreScale.standard(), policy.scale());
    }

    @Test
    void policyRoundTripsThroughJson() {
        assertEquals(policy, TierPolicy.fromJson(policy.toJson()));
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertRefused(p -> ((ObjectNode) p.get("tiers").get(3)).put("minScore", 560), "floors must increase");
        assertRefused(p -> ((ObjectNode) p.get("tiers").get(2)).put("liquidationRatioBps", 13_000), "liquidation ratio");
        assertRefused(p -> ((ObjectNode) p.get("tiers").get(3)).put("creditCapTokens", 10), "credit cap");
        assertRefused(p -> ((ObjectNode) p.get("tiers").get(0)).put("collateralRatioBps", 9_000), "");
        assertRefused(p -> ((ObjectNode) p.get("tiers").get(1)).put("minScore", 350), "minimum score");
        assertRefused(p -> ((ObjectNode) p.get("tiers").get(0)).put("minScore", 100), "no score floor");
        assertRefused(p -> ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("tiers")).remove(5), "needs tiers");
    }

    private void assertRefused(java.util.function.Consumer<ObjectNode> edit, String message) {
        ObjectNode json = policy.toJson();
        edit.accept(json);
        CreditModelException e = assertThrows(CreditModelException.class, () -> TierPolicy.fromJson(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("tier policy") || e.getMessage().startsWith("invalid tier policy"), e.getMessage());
    }
}
