package io.creditlayer.fairness.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fixture case 1: Fairlearn user guide, "Common fairness metrics" (fairlearn.org, user guide, assessment /
 * common fairness metrics), the 18-row three-group example. Values given to four or five decimals are compared to
 * half a unit of their last digit; values given exactly are compared to 1e-6.
 */
class FairlearnFixtureTest {

    static final int[] Y_TRUE = {0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    static final int[] Y_PRED = {0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0};
    static final String[] GROUP = {"b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"};

    static final double EXACT = 1e-6;

    /** Every group is judged (the smallest has 4 rows and a single negative), no bootstrap. */
    static MetricSet metrics() {
        Population p = Population.fromPredictions(Y_TRUE, Y_PRED).withAttribute("group", GROUP);
        return FairnessMetrics.compute(p, FairnessMetrics.Settings.defaults().withMinimums(1, 1).withBootstrap(0, 0.95, 1));
    }

    @Test
    void demographicParityBetweenGroups() {
        DimensionResult d = metrics().dimension("group");
        assertEquals(0.25, d.between(BetweenMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).value(), EXACT);
        assertEquals(0.6667, d.between(BetweenMetric.DEMOGRAPHIC_PARITY_RATIO).value(), 0.5e-4);
    }

    @Test
    void equalizedOdds() {
        DimensionResult d = metrics().dimension("group");
        assertEquals(1.0, d.between(BetweenMetric.EQUALIZED_ODDS_DIFFERENCE).value(), EXACT);
        assertEquals(0.0, d.between(BetweenMetric.EQUALIZED_ODDS_RATIO).value(), EXACT);
    }

    @Test
    void perGroupSelectionRateTprFpr() {
        DimensionResult d = metrics().dimension("group");
        double[][] expected = {{0.75, 0.5, 1.0}, {0.5, 0.6, 0.0}, {0.5, 0.4, 0.6667}};
        String[] groups = {"group=a", "group=b", "group=c"};
        for (int k = 0; k < groups.length; k++) {
            GroupResult g = d.requireGroup(groups[k]);
            assertEquals(expected[k][0], g.metric(GroupMetric.SELECTION_RATE).value(), EXACT, groups[k]);
            assertEquals(expected[k][1], g.metric(GroupMetric.TPR).value(), EXACT, groups[k]);
            // c's FPR is stated as 0.6667 (2/3): four decimals
            assertEquals(expected[k][2], g.metric(GroupMetric.FPR).value(), k == 2 ? 0.5e-4 : EXACT, groups[k]);
        }
    }

    @Test
    void equalOpportunityDifferenceAndParityToOverall() {
        DimensionResult d = metrics().dimension("group");
        // Fairlearn's equal opportunity difference is the between-group TPR difference (max - min)
        assertEquals(0.2, d.between(BetweenMetric.TPR_DIFFERENCE).value(), EXACT);
        assertEquals(0.19444, d.between(BetweenMetric.DEMOGRAPHIC_PARITY_DIFFERENCE_TO_OVERALL).value(), 0.5e-5);
    }
}
