package io.creditlayer.fairness.mitigation;

import io.creditlayer.fairness.AuditInput;
import io.creditlayer.fairness.Synthetic;
import io.creditlayer.fairness.metrics.BetweenMetric;
import io.creditlayer.fairness.metrics.FairnessMetrics;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.MetricSet;
import io.creditlayer.fairness.metrics.Population;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MitigationTest {

    @Test
    void reweighingMakesLabelIndependentOfGroup() {
        Random rng = new Random(21);
        int n = 3000;
        boolean[] defaulted = new boolean[n];
        String[] group = new String[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            group[i] = rng.nextDouble() < 0.3 ? "u" : rng.nextDouble() < 0.5 ? "p" : "q";
            double base = group[i].equals("u") ? 0.35 : group[i].equals("p") ? 0.15 : 0.2;
            defaulted[i] = rng.nextDouble() < base;
            w[i] = 0.5 + rng.nextDouble();
        }
        for (double[] sample : new double[][] {null, w}) {
            double[] rw = Reweighing.weights(defaulted, group, sample).weights();
            double total = 0;
            double def = 0;
            double original = 0;
            for (int i = 0; i < n; i++) {
                total += rw[i];
                def += defaulted[i] ? rw[i] : 0;
                original += sample == null ? 1 : sample[i];
            }
            assertEquals(original, total, 1e-8, "reweighing preserves the total weight");
            double overall = def / total;
            for (String g : new String[] {"u", "p", "q"}) {
                double gw = 0;
                double gd = 0;
                for (int i = 0; i < n; i++) {
                    if (group[i].equals(g)) {
                        gw += rw[i];
                        gd += defaulted[i] ? rw[i] : 0;
                    }
                }
                assertEquals(overall, gd / gw, 1e-12, "weighted default rate of " + g);
            }
        }
    }

    @Test
    void groupThresholdsEqualiseSelectionRateAndTpr() {
        AuditInput in = Synthetic.applicants(5000, 22, 0.05);
        double[] pd = in.pd();
        boolean[] defaulted = in.defaulted();
        String[] sex = in.attributes().get("sex");
        Map<String, GroupThresholds.Fit> sr = GroupThresholds.fit(pd, defaulted, null, sex, GroupThresholds.Target.SELECTION_RATE, 0.4);
        for (GroupThresholds.Fit f : sr.values()) {
            assertEquals(0.4, f.achieved(), 0.002, f.toString());  // continuous PD: within a row or two of the target
        }
        boolean[] approved = GroupThresholds.apply(pd, sex, sr, new boolean[pd.length]);
        Population p = Population.of(approved, defaulted).withPd(pd).withAttribute("sex", sex);
        MetricSet m = FairnessMetrics.compute(p, FairnessMetrics.Settings.defaults().withBootstrap(0, 0.95, 1));
        assertTrue(m.dimension("sex").between(BetweenMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).value() < 0.005);

        Map<String, GroupThresholds.Fit> tpr = GroupThresholds.fit(pd, defaulted, null, sex, GroupThresholds.Target.TPR, 0.5);
        boolean[] approvedTpr = GroupThresholds.apply(pd, sex, tpr, new boolean[pd.length]);
        MetricSet mt = FairnessMetrics.compute(p.withApproved(approvedTpr), FairnessMetrics.Settings.defaults().withBootstrap(0, 0.95, 1));
        assertTrue(mt.dimension("sex").between(BetweenMetric.TPR_DIFFERENCE).value() < 0.005);
        assertEquals(0.5, mt.dimension("sex").requireGroup("sex=female").metric(GroupMetric.TPR).value(), 0.003);
        // the biased group needs a higher PD cut-off to reach the same rates
        assertTrue(tpr.get("female").threshold() > tpr.get("male").threshold());
    }

    @Test
    void tiesInPdAreNeverSplit() {
        double[] pd = {0.1, 0.1, 0.1, 0.5};
        boolean[] defaulted = {false, false, true, true};
        String[] g = {"a", "a", "a", "a"};
        GroupThresholds.Fit f = GroupThresholds.fit(pd, defaulted, null, g, GroupThresholds.Target.SELECTION_RATE, 0.5).get("a");
        // 0.75 (cut at 0.1) and 1.0 (cut at 0.5) are the only reachable rates
        assertEquals(0.1, f.threshold());
        assertEquals(0.75, f.achieved(), 1e-12);
    }
}
