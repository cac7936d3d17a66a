package io.creditlayer.fairness.mitigation;

import io.creditlayer.fairness.metrics.BetweenMetric;
import io.creditlayer.fairness.metrics.Dimension;
import io.creditlayer.fairness.metrics.DimensionResult;
import io.creditlayer.fairness.metrics.FairnessMetrics;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.GroupResult;
import io.creditlayer.fairness.metrics.MetricSet;
import io.creditlayer.fairness.metrics.Population;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What per-group cut-offs would do to one dimension: the cut-offs for its judged groups (other groups keep their
 * decisions), and point estimates before and after of the group rates and the portfolio (approval rate, default
 * rate among the approved). Point estimates only: this is an option to discuss, not a gate.
 */
public record ThresholdAnalysis(String dimension, GroupThresholds.Target target, double targetValue,
                                List<GroupChange> groups, Summary before, Summary after) {

    public ThresholdAnalysis {
        groups = List.copyOf(groups);
    }

    /** @param threshold the group's PD cut-off, NaN when the group kept its decisions (not judged) */
    public record GroupChange(String group, boolean adjusted, double threshold, double selectionRateBefore,
                              double selectionRateAfter, double tprBefore, double tprAfter, double fprBefore,
                              double fprAfter, double precisionBefore, double precisionAfter) {
    }

    public record Summary(double approvalRate, double defaultRateAmongApproved, double demographicParityDifference,
                          double tprDifference, double equalizedOddsDifference) {
    }

    /**
     * @param before the metrics of {@code population} as decided (computed with {@code settings})
     */
    public static ThresholdAnalysis of(Population population, MetricSet before, String dimension,
                                       GroupThresholds.Target target, FairnessMetrics.Settings settings) {
        if (!population.hasPd()) {
            throw new IllegalArgumentException("threshold analysis needs PD");
        }
        DimensionResult dimBefore = before.dimension(dimension);
        String[] keys = Dimension.rowKeys(population, dimBefore.attributes());
        double targetValue = before.overall().metric(target == GroupThresholds.Target.TPR ? GroupMetric.TPR
                : GroupMetric.SELECTION_RATE).value();
        double[] pd = population.pd();
        boolean[] defaulted = population.defaulted();
        double[] weights = population.weights();
        // only judged groups get a cut-off; the others keep the decisions they had
        String[] fitKeys = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            fitKeys[i] = dimBefore.requireGroup(keys[i]).judged() ? keys[i] : null;
        }
        Map<String, GroupThresholds.Fit> fits = GroupThresholds.fit(pd, defaulted, weights, fitKeys, target, targetValue);
        boolean[] approvedAfter = GroupThresholds.apply(pd, fitKeys, fits, population.approved());
        MetricSet after = FairnessMetrics.compute(population.withApproved(approvedAfter),
                settings.withBootstrap(0, settings.confidence(), settings.seed()));
        DimensionResult dimAfter = after.dimension(dimension);
        List<GroupChange> changes = new ArrayList<>();
        for (GroupResult g : dimBefore.groups()) {
            GroupResult a = dimAfter.requireGroup(g.key());
            GroupThresholds.Fit fit = fits.get(g.key());
            changes.add(new GroupChange(g.key(), fit != null, fit == null ? Double.NaN : fit.threshold(),
                    v(g, GroupMetric.SELECTION_RATE), v(a, GroupMetric.SELECTION_RATE),
                    v(g, GroupMetric.TPR), v(a, GroupMetric.TPR), v(g, GroupMetric.FPR), v(a, GroupMetric.FPR),
                    v(g, GroupMetric.PRECISION), v(a, GroupMetric.PRECISION)));
        }
        return new ThresholdAnalysis(dimension, target, targetValue, changes, summary(before, dimBefore),
                summary(after, dimAfter));
    }

    private static double v(GroupResult g, GroupMetric m) {
        return g.metric(m).value();
    }

    private static Summary summary(MetricSet set, DimensionResult d) {
        return new Summary(set.overall().metric(GroupMetric.SELECTION_RATE).value(),
                1 - set.overall().metric(GroupMetric.PRECISION).value(),
                d.between(BetweenMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).value(),
                d.between(BetweenMetric.TPR_DIFFERENCE).value(),
                d.between(BetweenMetric.EQUALIZED_ODDS_DIFFERENCE).value());
    }
}
