package io.creditlayer.fairness.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every metric must have, on seeded random data. */
class MetricPropertiesTest {

    static final FairnessMetrics.Settings POINT = FairnessMetrics.Settings.defaults().withMinimums(5, 2).withBootstrap(0, 0.95, 1);

    /** Random rows with PD (ties included: PD rounded to 2 decimals), two attributes. */
    static Population random(int n, long seed) {
        Random rng = new Random(seed);
        boolean[] approved = new boolean[n];
        boolean[] defaulted = new boolean[n];
        double[] pd = new double[n];
        String[] a = new String[n];
        String[] b = new String[n];
        for (int i = 0; i < n; i++) {
            pd[i] = Math.round(rng.nextDouble() * 100) / 100.0;
            defaulted[i] = rng.nextDouble() < pd[i];
            approved[i] = pd[i] < 0.4 + 0.2 * rng.nextGaussian();
            a[i] = rng.nextDouble() < 0.4 ? "x" : "y";
            b[i] = rng.nextDouble() < 0.3 ? "<=25" : ">25";
        }
        return Population.of(approved, defaulted).withPd(pd).withAttribute("a", a).withAttribute("b", b);
    }

    /** Rows repeated by their integer weight. */
    static Population duplicate(Population p, int[] times) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            for (int k = 0; k < times[i]; k++) {
                rows.add(i);
            }
        }
        int m = rows.size();
        boolean[] approved = new boolean[m];
        boolean[] defaulted = new boolean[m];
        double[] pd = new double[m];
        String[] a = new String[m];
        String[] b = new String[m];
        boolean[] pa = p.approved();
        boolean[] pdf = p.defaulted();
        double[] ppd = p.pd();
        String[] xa = p.attributes().get("a");
        String[] xb = p.attributes().get("b");
        for (int j = 0; j < m; j++) {
            int i = rows.get(j);
            approved[j] = pa[i];
            defaulted[j] = pdf[i];
            pd[j] = ppd[i];
            a[j] = xa[i];
            b[j] = xb[i];
        }
        return Population.of(approved, defaulted).withPd(pd).withAttribute("a", a).withAttribute("b", b);
    }

    @Test
    void integerWeightsEqualDuplicatedRows() {
        Population p = random(400, 1);
        Random rng = new Random(2);
        int[] times = new int[p.size()];
        double[] w = new double[p.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1 + rng.nextInt(3);
            w[i] = times[i];
        }
        // reference groups named explicitly: row counts differ between the two, so "largest" could differ
        FairnessMetrics.Settings s = POINT.withMinimums(1, 1).withReference("a", "a=x").withReference("b", "b>25")
                .withReference("a & b", "a=x & b>25");
        MetricSet weighted = FairnessMetrics.compute(p.withWeights(w), s);
        MetricSet duplicated = FairnessMetrics.compute(duplicate(p, times), s);
        assertSame(weighted.overall(), duplicated.overall());
        for (DimensionResult d : weighted.dimensions()) {
            DimensionResult e = duplicated.dimension(d.name());
            for (GroupResult g : d.groups()) {
                assertSame(g, e.requireGroup(g.key()));
            }
            for (BetweenMetric m : BetweenMetric.values()) {
                assertEquals(e.between(m).value(), d.between(m).value(), 1e-12, d.name() + " " + m.id());
            }
        }
    }

    private static void assertSame(GroupResult a, GroupResult b) {
        for (GroupMetric m : GroupMetric.values()) {
            assertEquals(b.metric(m).value(), a.metric(m).value(), 1e-12, a.key() + " " + m.id());
        }
        for (RelativeMetric m : RelativeMetric.values()) {
            assertEquals(b.relative(m).value(), a.relative(m).value(), 1e-12, a.key() + " " + m.id());
        }
        assertEquals(b.calibration().size(), a.calibration().size());
    }

    @Test
    void aucMatchesBruteForcePairsWithTiesAndWeights() {
        Random rng = new Random(3);
        int n = 300;
        double[] s = new double[n];
        boolean[] pos = new boolean[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextInt(20) / 20.0;
            pos[i] = rng.nextDouble() < 0.3 + s[i] / 2;
            w[i] = 0.5 + rng.nextDouble();
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (pos[i] && !pos[j]) {
                    double ww = w[i] * w[j];
                    den += ww;
                    num += ww * (s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0);
                }
            }
        }
        assertEquals(num / den, Auc.of(s, pos, w), 1e-12);
        // and the engine's per-group AUC agrees with the direct computation
        Population p = Population.of(new boolean[n], pos).withPd(s).withWeights(w);
        assertEquals(num / den, FairnessMetrics.compute(p, POINT).overall().metric(GroupMetric.AUC).value(), 1e-12);
    }

    /**
     * Hand-computed ECE: bin 0 holds PD 0.05 (no default): |0 - 0.05|; bin 1 holds 0.15 twice (one default):
     * |0.5 - 0.15| for 2 rows; bin 9 holds 1.0 (default): |1 - 1|. ECE = (0.05 + 2 * 0.35 + 0) / 4 = 0.1875.
     */
    @Test
    void eceByHand() {
        double[] p = {0.05, 0.15, 0.15, 1.0};
        boolean[] y = {false, true, false, true};
        assertEquals(0.1875, Calibration.ece(p, y, null, 10), 1e-12);
        assertEquals(9, Calibration.bin(1.0, 10), "PD 1 falls in the last bin");
        assertEquals(3, Calibration.bin(0.3, 10));
        Population pop = Population.of(new boolean[4], y).withPd(p);
        assertEquals(0.1875, FairnessMetrics.compute(pop, POINT.withMinimums(1, 1)).overall().metric(GroupMetric.ECE).value(), 1e-12);
    }

    @Test
    void entropyFromConfusionEqualsEntropyOfBenefits() {
        Population p = random(500, 4);
        boolean[] approved = p.approved();
        boolean[] defaulted = p.defaulted();
        double[] b = new double[p.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (approved[i] ? 1 : 0) - (defaulted[i] ? 0 : 1) + 1;
        }
        for (double alpha : new double[] {0.5, 2, 3}) {
            double direct = Entropy.generalizedEntropyIndex(b, null, alpha);
            double engine = FairnessMetrics.compute(p, POINT.withGeiAlpha(alpha)).overall()
                    .metric(GroupMetric.GENERALIZED_ENTROPY_INDEX).value();
            assertEquals(direct, engine, 1e-12, "alpha " + alpha);
        }
        assertEquals(Entropy.theilIndex(b, null), FairnessMetrics.compute(p, POINT).overall().metric(GroupMetric.THEIL_INDEX).value(), 1e-12);
        // alpha = 0 (mean log deviation) is infinite as soon as one repayer is refused
        assertEquals(Double.POSITIVE_INFINITY, Entropy.generalizedEntropyIndex(new double[] {0, 1, 2}, null, 0));
    }

    @Test
    void rateIdentities() {
        GroupResult g = FairnessMetrics.compute(random(600, 5), POINT).overall();
        assertEquals(1.0, g.metric(GroupMetric.TPR).value() + g.metric(GroupMetric.FNR).value(), 1e-12);
        assertEquals(1.0, g.metric(GroupMetric.FPR).value() + g.metric(GroupMetric.TNR).value(), 1e-12);
    }

    @Test
    void groupsTooSmallAreNotJudgedAndLeftOutOfComparisons() {
        Population p = FairlearnRows.population();
        // group a has 4 rows: below a minimum of 5 it is not judged
        MetricSet m = FairnessMetrics.compute(p, POINT.withMinimums(5, 1));
        DimensionResult d = m.dimension("group");
        GroupResult a = d.requireGroup("group=a");
        assertFalse(a.judged());
        assertEquals("4 rows < minimum 5", a.reason());
        assertTrue(a.metrics().isEmpty());
        // between b (SR 0.5, TPR 0.6) and c (SR 0.5, TPR 0.4) only
        assertEquals(0.0, d.between(BetweenMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).value(), 1e-12);
        assertEquals(0.2, d.between(BetweenMetric.TPR_DIFFERENCE).value(), 1e-12);
        // group b has a single defaulted row: with a minimum of 2 per label it is not judged either
        MetricSet m2 = FairnessMetrics.compute(p, POINT.withMinimums(1, 2));
        assertEquals("1 defaulted < minimum 2", m2.dimension("group").requireGroup("group=b").reason());
    }

    @Test
    void referenceRules() {
        Population p = FairlearnRows.population();
        DimensionResult maxSr = FairnessMetrics.compute(p, POINT.withMinimums(1, 1)).dimension("group");
        assertEquals("group=a", maxSr.reference(), "a has the highest selection rate (0.75)");
        assertEquals("max_selection_rate", maxSr.referenceSource());
        DimensionResult largest = FairnessMetrics.compute(p, POINT.withMinimums(1, 1)
                .withReferenceRule(FairnessMetrics.ReferenceRule.LARGEST)).dimension("group");
        assertEquals("group=c", largest.reference(), "c has 8 rows");
        assertThrows(IllegalArgumentException.class,
                () -> FairnessMetrics.compute(p, POINT.withReference("group", "group=z")));
        assertThrows(IllegalArgumentException.class,
                () -> FairnessMetrics.compute(p, POINT.withReference("colour", "colour=red")));
    }

    @Test
    void ratioConventions() {
        assertEquals(1.0, Ratios.ratio(0, 0), "two zero rates are at parity");
        assertEquals(Double.POSITIVE_INFINITY, Ratios.ratio(0.2, 0));
        assertTrue(Double.isNaN(Ratios.ratio(Double.NaN, 1)));
        assertTrue(Double.isNaN(Ratios.rate(1, 0)));
    }

    @Test
    void groupKeysAndIntersections() {
        assertEquals("age<=25", Dimension.key("age", "<=25"));
        assertEquals("sex=female", Dimension.key("sex", "female"));
        Population p = random(200, 6);
        MetricSet m = FairnessMetrics.compute(p, POINT.withMinimums(1, 0));
        List<String> names = m.dimensions().stream().map(DimensionResult::name).toList();
        assertEquals(List.of("a", "b", "a & b"), names);
        assertEquals(List.of("a=x & b<=25", "a=x & b>25", "a=y & b<=25", "a=y & b>25"),
                m.dimension("a & b").groups().stream().map(GroupResult::key).toList());
        assertEquals(List.of("a", "b"), FairnessMetrics.compute(p, POINT.withIntersectional(false)).dimensions()
                .stream().map(DimensionResult::name).toList());
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Population.of(new boolean[2], new boolean[3]));
        assertThrows(IllegalArgumentException.class, () -> Population.of(new boolean[1], new boolean[1]).withPd(new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> Population.of(new boolean[1], new boolean[1]).withWeights(new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Population.of(new boolean[1], new boolean[1]).withAttribute("sex", new String[] {null}));
        assertThrows(IllegalArgumentException.class, () -> Population.of(new boolean[1], new boolean[1]).withAttribute("a&b", new String[] {"x"}));
        assertThrows(IllegalArgumentException.class, () -> Population.fromPredictions(new int[] {2}, new int[] {1}));
    }

    /** The Fairlearn fixture rows, shared by tests that need a small known population. */
    static final class FairlearnRows {
        static Population population() {
            return Population.fromPredictions(FairlearnFixtureTest.Y_TRUE, FairlearnFixtureTest.Y_PRED)
                    .withAttribute("group", FairlearnFixtureTest.GROUP);
        }
    }
}
