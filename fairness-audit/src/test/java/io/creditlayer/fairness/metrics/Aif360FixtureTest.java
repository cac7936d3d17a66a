package io.creditlayer.fairness.metrics;

import io.creditlayer.fairness.mitigation.Reweighing;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fixture case 2: AIF360 classification-metric tests (aif360/tests/test_classification_metric.py, the
 * generalized entropy and Theil cases) and AIF360's definitions of reweighing, disparate impact, statistical
 * parity difference and average odds difference. AIF360 writes b_i = y_pred_i - y_true_i + 1 with 1 =
 * favourable, which is our b = approved - repaid + 1 under {@link Population#fromPredictions}.
 */
class Aif360FixtureTest {

    static final int[] Y = {1, 0, 0, 1, 0, 0, 1, 0, 1, 1};
    static final int[] PRED = {1, 0, 0, 0, 1, 1, 1, 0, 1, 0};
    static final int[] PRED_2 = {0, 1, 1, 0, 0, 0, 0, 1, 1, 1};

    static double[] benefits(int[] y, int[] pred) {
        double[] b = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            b[i] = pred[i] - y[i] + 1;
        }
        return b;
    }

    static GroupResult overall(int[] y, int[] pred, double alpha) {
        Population p = Population.fromPredictions(y, pred);
        return FairnessMetrics.compute(p, FairnessMetrics.Settings.defaults().withMinimums(1, 1)
                .withBootstrap(0, 0.95, 1).withGeiAlpha(alpha)).overall();
    }

    @Test
    void generalizedEntropyIndexAlpha2() {
        assertEquals(0.2, Entropy.generalizedEntropyIndex(benefits(Y, PRED), null, 2), 1e-9);
        assertEquals(0.2, overall(Y, PRED, 2).metric(GroupMetric.GENERALIZED_ENTROPY_INDEX).value(), 1e-9);
    }

    @Test
    void theilIndex() {
        double expected = 4 * Math.log(2) / 10;
        assertEquals(0.277258872, expected, 0.5e-9);
        assertEquals(0.277258872, Entropy.theilIndex(benefits(Y, PRED), null), 0.5e-9);
        assertEquals(0.277258872, overall(Y, PRED, 2).metric(GroupMetric.THEIL_INDEX).value(), 0.5e-9);
        assertEquals(expected, overall(Y, PRED, 2).metric(GroupMetric.THEIL_INDEX).value(), 1e-12);
    }

    @Test
    void generalizedEntropyIndexSecondPrediction() {
        assertEquals(0.3, Entropy.generalizedEntropyIndex(benefits(Y, PRED_2), null, 2), 1e-9);
        assertEquals(0.3, overall(Y, PRED_2, 2).metric(GroupMetric.GENERALIZED_ENTROPY_INDEX).value(), 1e-9);
    }

    /**
     * w = n_y n_a / (n n_{a,y}), on the Fairlearn rows (18 rows, 12 repaid, 6 defaulted; group a has 4 rows,
     * 2 of each label): (a, repaid) = 12 * 4 / (18 * 2) = 4/3 and (a, defaulted) = 6 * 4 / (18 * 2) = 2/3.
     */
    @Test
    void reweighingFormula() {
        boolean[] defaulted = new boolean[18];
        for (int i = 0; i < 18; i++) {
            defaulted[i] = FairlearnFixtureTest.Y_TRUE[i] == 0;
        }
        Reweighing.Result r = Reweighing.weights(defaulted, FairlearnFixtureTest.GROUP);
        double[] w = r.weights();
        assertEquals(4.0 / 3, w[2], 1e-12);  // row 2: group a, repaid
        assertEquals(2.0 / 3, w[9], 1e-12);  // row 9: group a, defaulted
        for (Reweighing.Cell c : r.cells()) {
            int nA = 0;
            int nY = 0;
            int nAY = 0;
            for (int i = 0; i < 18; i++) {
                boolean inA = FairlearnFixtureTest.GROUP[i].equals(c.group());
                nA += inA ? 1 : 0;
                nY += defaulted[i] == c.defaulted() ? 1 : 0;
                nAY += inA && defaulted[i] == c.defaulted() ? 1 : 0;
            }
            assertEquals((double) nY * nA / (18.0 * nAY), c.factor(), 1e-12, c.toString());
        }
    }

    /**
     * DI = SR_u / SR_p, SPD = SR_u - SR_p, AOD = ((FPR_u - FPR_p) + (TPR_u - TPR_p)) / 2, on the Fairlearn rows
     * with b as the privileged (reference) group: SR a, b, c = 0.75, 0.5, 0.5; TPR 0.5, 0.6, 0.4; FPR 1, 0, 2/3.
     */
    @Test
    void disparateImpactStatisticalParityAverageOdds() {
        Population p = Population.fromPredictions(FairlearnFixtureTest.Y_TRUE, FairlearnFixtureTest.Y_PRED)
                .withAttribute("group", FairlearnFixtureTest.GROUP);
        DimensionResult d = FairnessMetrics.compute(p, FairnessMetrics.Settings.defaults().withMinimums(1, 1)
                .withBootstrap(0, 0.95, 1).withReference("group", "group=b")).dimension("group");
        GroupResult a = d.requireGroup("group=a");
        GroupResult c = d.requireGroup("group=c");
        assertEquals(0.75 / 0.5, a.relative(RelativeMetric.DISPARATE_IMPACT).value(), 1e-12);
        assertEquals(0.75 - 0.5, a.relative(RelativeMetric.STATISTICAL_PARITY_DIFFERENCE).value(), 1e-12);
        assertEquals(((1.0 - 0.0) + (0.5 - 0.6)) / 2, a.relative(RelativeMetric.AVERAGE_ODDS_DIFFERENCE).value(), 1e-12);
        assertEquals(1.0, c.relative(RelativeMetric.DISPARATE_IMPACT).value(), 1e-12);
        assertEquals(0.0, c.relative(RelativeMetric.STATISTICAL_PARITY_DIFFERENCE).value(), 1e-12);
        assertEquals(((2.0 / 3 - 0.0) + (0.4 - 0.6)) / 2, c.relative(RelativeMetric.AVERAGE_ODDS_DIFFERENCE).value(), 1e-12);
        assertEquals(0.4 - 0.6, c.relative(RelativeMetric.EQUAL_OPPORTUNITY_DIFFERENCE).value(), 1e-12);
    }
}
