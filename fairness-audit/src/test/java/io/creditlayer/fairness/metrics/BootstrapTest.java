package io.creditlayer.fairness.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    static final FairnessMetrics.Settings SETTINGS = FairnessMetrics.Settings.defaults().withMinimums(10, 3);

    @Test
    void sameSeedSameIntervalsWithOrWithoutThreads() {
        Population p = MetricPropertiesTest.random(800, 11);
        MetricSet a = FairnessMetrics.compute(p, SETTINGS.withBootstrap(300, 0.95, 42));
        MetricSet b = FairnessMetrics.compute(p, SETTINGS.withBootstrap(300, 0.95, 42).withParallel(false));
        // records compare every estimate (settings differ only in the parallel flag)
        assertEquals(a.overall(), b.overall());
        assertEquals(a.dimensions(), b.dimensions());
        MetricSet c = FairnessMetrics.compute(p, SETTINGS.withBootstrap(300, 0.95, 43));
        assertNotEquals(a.overall().metric(GroupMetric.SELECTION_RATE), c.overall().metric(GroupMetric.SELECTION_RATE));
        assertEquals(a.overall().metric(GroupMetric.SELECTION_RATE).value(), c.overall().metric(GroupMetric.SELECTION_RATE).value(),
                "the seed moves intervals, never point estimates");
    }

    @Test
    void intervalsBracketTheirPointEstimates() {
        MetricSet m = FairnessMetrics.compute(MetricPropertiesTest.random(2000, 12), SETTINGS.withBootstrap(400, 0.95, 1));
        for (DimensionResult d : m.dimensions()) {
            for (GroupResult g : d.judgedGroups()) {
                for (GroupMetric k : new GroupMetric[] {GroupMetric.SELECTION_RATE, GroupMetric.TPR, GroupMetric.FPR, GroupMetric.AUC}) {
                    Estimate e = g.metric(k);
                    assertTrue(e.lower() <= e.value() && e.value() <= e.upper(), g.key() + " " + k + " " + e);
                    assertTrue(e.upper() - e.lower() < 0.25, g.key() + " " + k + " " + e);
                }
            }
        }
    }

    /**
     * Coverage: over 200 seeded samples of 400 rows with a true approval rate of 0.3, the 95% interval should
     * contain 0.3 about 95% of the time (binomial sd over 200 trials is 1.5 points, so [0.89, 0.99] is wide).
     */
    @Test
    void percentileIntervalsCoverTheTruth() {
        Random rng = new Random(99);
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            boolean[] approved = new boolean[400];
            boolean[] defaulted = new boolean[400];
            for (int i = 0; i < 400; i++) {
                approved[i] = rng.nextDouble() < 0.3;
                defaulted[i] = rng.nextDouble() < 0.2;
            }
            Estimate e = FairnessMetrics.compute(Population.of(approved, defaulted),
                    SETTINGS.withBootstrap(200, 0.95, t)).overall().metric(GroupMetric.SELECTION_RATE);
            covered += e.lower() <= 0.3 && 0.3 <= e.upper() ? 1 : 0;
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage > 0.89 && coverage < 0.99, "coverage " + coverage);
    }

    @Test
    void stratifiedResamplesKeepEveryCellSize() {
        int[][] strata = {{0, 1, 2}, {3, 4}, {5}};
        for (int b = 0; b < 50; b++) {
            int[] counts = Bootstrap.draw(strata, 6, Bootstrap.seedFor(7, b));
            assertEquals(3, counts[0] + counts[1] + counts[2]);
            assertEquals(2, counts[3] + counts[4]);
            assertEquals(1, counts[5]);
        }
    }

    @Test
    void percentileIsTypeSeven() {
        double[] x = {1, 2, 3, 4};
        assertEquals(2.5, Bootstrap.percentile(x, 0.5), 1e-12);
        assertEquals(1.075, Bootstrap.percentile(x, 0.025), 1e-12);
        assertEquals(3.925, Bootstrap.percentile(x, 0.975), 1e-12);
        assertEquals(4, Bootstrap.percentile(new double[] {1, 4, Double.POSITIVE_INFINITY}, 0.6), 1e-12);
    }
}
