package io.creditlayer.fairness.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixture case 3: Aequitas bias report (dssg/aequitas, Bias.get_disparity_predefined_groups and
 * Fairness.get_group_value_fairness): disparity = group metric / reference metric, "fair" when
 * tau <= disparity <= 1/tau with tau = 0.8. The fixture states the 10-row case by its rates (reference group
 * High: FPR 0.5, FNR 0.3333; group Low: FPR 0.6667, FNR 0.5); the rows below are the smallest that have them:
 * Low has 3 negatives (2 false positives) and 2 positives (1 false negative), High 2 negatives (1 false positive)
 * and 3 positives (1 false negative). Label and score use Aequitas' 1 = positive.
 */
class AequitasFixtureTest {

    static final String[] GROUP = {"Low", "Low", "Low", "Low", "Low", "High", "High", "High", "High", "High"};
    static final int[] LABEL = {0, 0, 0, 1, 1, 0, 0, 1, 1, 1};
    static final int[] SCORE = {1, 1, 0, 1, 0, 1, 0, 1, 1, 0};
    static final double TAU = 0.8;

    static DimensionResult result() {
        Population p = Population.fromPredictions(LABEL, SCORE).withAttribute("income", GROUP);
        return FairnessMetrics.compute(p, FairnessMetrics.Settings.defaults().withMinimums(1, 1)
                .withBootstrap(0, 0.95, 1).withReference("income", "income=High")).dimension("income");
    }

    @Test
    void fprDisparityOutsideBand() {
        DimensionResult d = result();
        GroupResult low = d.requireGroup("income=Low");
        GroupResult high = d.requireGroup("income=High");
        assertEquals(0.6667, low.metric(GroupMetric.FPR).value(), 0.5e-4);
        assertEquals(0.5, high.metric(GroupMetric.FPR).value(), 1e-6);
        double disparity = low.relative(RelativeMetric.FPR_DISPARITY).value();
        assertEquals(1.3333, disparity, 0.5e-4);
        assertFalse(Ratios.withinBand(disparity, TAU), "FPR parity is FALSE");
    }

    @Test
    void fnrDisparity() {
        DimensionResult d = result();
        GroupResult low = d.requireGroup("income=Low");
        GroupResult high = d.requireGroup("income=High");
        assertEquals(0.5, low.metric(GroupMetric.FNR).value(), 1e-6);
        assertEquals(0.3333, high.metric(GroupMetric.FNR).value(), 0.5e-4);
        double disparity = low.relative(RelativeMetric.FNR_DISPARITY).value();
        assertEquals(1.5, disparity, 1e-6);
        assertFalse(Ratios.withinBand(disparity, TAU));
    }

    @Test
    void bandEdgesAreInclusive() {
        assertTrue(Ratios.withinBand(0.8, TAU));
        assertTrue(Ratios.withinBand(1.25, TAU));
        assertTrue(Ratios.withinBand(1.0, TAU));
        assertFalse(Ratios.withinBand(0.7999, TAU));
        assertFalse(Ratios.withinBand(1.2501, TAU));
    }
}
