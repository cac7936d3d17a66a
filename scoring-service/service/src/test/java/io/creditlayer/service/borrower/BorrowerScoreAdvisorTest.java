package io.creditlayer.service.borrower;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Explanation;
import io.creditlayer.model.Reason;
import io.creditlayer.model.Score;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.data.WalletV1;
import io.creditlayer.model.scoring.TierPolicy;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.testing.TestModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The what-if advice on all 600 synthetic profiles with the real test model: every suggested value is reachable,
 * rescoring it gives the reported score, and the score is higher.
 */
class BorrowerScoreAdvisorTest {
    private static CreditModel model;
    private static List<BorrowerProfiles.Row> rows;

    @BeforeAll
    static void load() {
        model = CreditModel.load(TestModel.dir());
        rows = BorrowerProfiles.rows();
    }

    private static int rescore(double[] features, int j, double value) {
        double[] changed = features.clone();
        changed[j] = value;
        return model.score(changed).score();
    }

    @Test
    void everySuggestionIsReachableAndRaisesTheScoreByTheReportedAmount() {
        ScoreAdvisor advisor = new ScoreAdvisor(model);
        FeatureSchema schema = model.schema();
        int withNearest = 0;
        int withTypical = 0;
        int impossible = 0;
        Set<String> improvedFeatures = new HashSet<>();
        for (BorrowerProfiles.Row row : rows) {
            double[] x = row.features();
            Explanation explanation = model.explain(x, ScoringEngine.TOP_REASONS);
            List<String> codes = explanation.reasons().stream().map(Reason::code).toList();
            ScoreAdvisor.Advice advice = advisor.advise(x, codes);
            Score base = model.score(x);
            assertEquals(base, advice.score());
            assertEquals(codes, advice.improvements().stream().map(ScoreAdvisor.Improvement::feature).toList());
            double[] together = x.clone();
            boolean anyChange = false;
            for (ScoreAdvisor.Improvement imp : advice.improvements()) {
                int j = schema.indexOf(imp.feature());
                assertEquals(x[j], imp.currentValue());
                assertEquals(FeatureMovement.of(WalletV1.VERSION, imp.feature()), imp.movement());
                assertFalse(imp.text().isBlank());
                ScoreAdvisor.Outcome nearest = imp.nearest();
                if (nearest != null) {
                    withNearest++;
                    improvedFeatures.add(imp.feature());
                    assertTrue(imp.movement().allows(x[j], nearest.value()), imp.feature() + " moved the wrong way");
                    int rescored = rescore(x, j, nearest.value());
                    assertEquals(rescored, nearest.score(), imp.feature());
                    assertTrue(nearest.score() > base.score(), imp.feature());
                    assertEquals(nearest.score() - base.score(), nearest.scoreChange());
                    assertEquals(model.policy().tier(nearest.score()), nearest.tier());
                    assertTrue(imp.text().startsWith(nearest.value() > x[j] ? "Raising" : "Lowering"), imp.text());
                    assertTrue(imp.text().contains(imp.label()), imp.text());
                } else {
                    impossible++;
                    assertTrue(imp.text().contains("raise your score under this model"), imp.text());
                }
                ScoreAdvisor.Outcome typical = imp.typical();
                if (typical != null) {
                    withTypical++;
                    assertEquals(model.reference().median(j), typical.value());
                    assertTrue(imp.movement().allows(x[j], typical.value()));
                    assertEquals(rescore(x, j, typical.value()), typical.score());
                    assertTrue(typical.score() > base.score());
                }
                ScoreAdvisor.Outcome best = nearest == null ? typical
                        : typical == null || nearest.score() >= typical.score() ? nearest : typical;
                if (best != null) {
                    together[j] = best.value();
                    anyChange = true;
                }
            }
            if (anyChange) {
                assertNotNull(advice.together());
                assertEquals(model.score(together).score(), advice.together().score());
            } else {
                assertNull(advice.together());
            }
            if (base.tier() < TierPolicy.MAX_TIER) {
                int floor = model.policy().terms(base.tier() + 1).minScore();
                assertEquals(new ScoreAdvisor.NextTier(base.tier() + 1, floor, floor - base.score()), advice.nextTier());
                assertTrue(advice.summary().contains((floor - base.score()) + " points to go"), advice.summary());
            } else {
                assertNull(advice.nextTier());
            }
        }
        System.out.printf("advice over %d profiles: %d nearest, %d typical, %d out of reach, features %s%n", rows.size(),
                withNearest, withTypical, impossible, improvedFeatures);
        // the analysis finds something for most wallets, and knows when nothing within reach helps
        assertTrue(withNearest > rows.size(), "nearest improvements: " + withNearest);
        assertTrue(withTypical > 0, "typical-level improvements: " + withTypical);
        assertTrue(impossible > 0, "features no reachable value improves: " + impossible);
        assertTrue(improvedFeatures.size() >= 5, "features with improvements: " + improvedFeatures);
    }

    @Test
    void aLiquidationOnRecordIsNeverAdvisedAway() {
        ScoreAdvisor advisor = new ScoreAdvisor(model);
        int j = model.schema().indexOf("liquidation_count");
        int checked = 0;
        for (BorrowerProfiles.Row row : rows) {
            if (row.features()[j] > 0) {
                ScoreAdvisor.Improvement imp = advisor.advise(row.features(), List.of("liquidation_count")).improvements().getFirst();
                assertEquals(FeatureMovement.UP, imp.movement());
                if (imp.nearest() != null) {
                    assertTrue(imp.nearest().value() > row.features()[j]);
                }
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void movementsNameOnlyWalletV1Features() {
        assertTrue(WalletV1.featureNames().containsAll(FeatureMovement.WALLET_V1_UP));
        assertTrue(WalletV1.featureNames().containsAll(FeatureMovement.WALLET_V1_DOWN));
        assertEquals(FeatureMovement.EITHER, FeatureMovement.of("german-statlog-v1", "liquidation_count"));
        assertEquals(FeatureMovement.EITHER, FeatureMovement.of(WalletV1.VERSION, "repaid_share"));
        assertEquals(FeatureMovement.DOWN, FeatureMovement.of(WalletV1.VERSION, "stable_balance_min_usd"));
    }

    @Test
    void roundingMovesAwayFromTheCurrentValueToTheUnit() {
        assertEquals(13, ScoreAdvisor.roundAway("count", 10, 12.2));
        assertEquals(7, ScoreAdvisor.roundAway("count", 10, 7.8));
        assertEquals(0.06, ScoreAdvisor.roundAway("ratio", 0.2, 0.0612), 1e-12);
        assertEquals(1.235, ScoreAdvisor.roundAway("ETH", 1, 1.2341), 1e-12);
        assertEquals(12.2, ScoreAdvisor.roundAway("", 10, 12.2));
    }

    @Test
    void unknownFeaturesAreRefused() {
        ScoreAdvisor advisor = new ScoreAdvisor(model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> advisor.advise(rows.getFirst().features(), List.of("no_such_feature")));
        assertTrue(e.getMessage().contains("no_such_feature"));
    }
}
