package io.creditlayer.fairness;

import io.creditlayer.fairness.metrics.BetweenMetric;
import io.creditlayer.fairness.metrics.DimensionResult;
import io.creditlayer.fairness.metrics.Estimate;
import io.creditlayer.fairness.metrics.FairnessMetrics;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.GroupResult;
import io.creditlayer.fairness.metrics.MetricSet;
import io.creditlayer.fairness.metrics.Population;
import io.creditlayer.fairness.metrics.RelativeMetric;
import io.creditlayer.fairness.mitigation.GroupThresholds;
import io.creditlayer.fairness.mitigation.ThresholdAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a fairness audit: resolves the decision with the policy's approval rule, measures every metric per group
 * with bootstrap intervals, judges the policy's checks on the point estimates, and returns a report whose JSON
 * bytes are hashed for the ModelRegistry.
 */
public final class FairnessAudit {

    /**
     * How to compute (what to require is the policy's business).
     *
     * @param resamples         bootstrap resamples (0: no intervals)
     * @param confidence        interval coverage
     * @param seed              bootstrap seed; the same seed gives the same report bytes
     * @param eceBins           equal-width calibration bins
     * @param geiAlpha          alpha of the generalized entropy index
     * @param intersectional    also audit the cross-product of all attributes
     * @param thresholdAnalysis analyse per-group PD cut-offs (needs PD)
     * @param parallel          run resamples in parallel (the report does not depend on it)
     */
    public record Options(int resamples, double confidence, long seed, int eceBins, double geiAlpha,
                          boolean intersectional, boolean thresholdAnalysis, boolean parallel) {

        public Options {
            if (resamples < 0 || resamples > 100_000) {
                throw new IllegalArgumentException("resamples must be in [0, 100000]");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1)");
            }
            if (eceBins < 1 || eceBins > 1000) {
                throw new IllegalArgumentException("eceBins must be in [1, 1000]");
            }
            if (!Double.isFinite(geiAlpha)) {
                throw new IllegalArgumentException("geiAlpha must be finite");
            }
        }

        /** 1,000 resamples, 95% intervals, 10 bins, alpha 2, intersections and threshold analysis on. */
        public static Options defaults() {
            return new Options(1000, 0.95, FairnessMetrics.Settings.DEFAULT_SEED, 10, 2.0, true, true, true);
        }

        public Options withBootstrap(int resamples, long seed) {
            return new Options(resamples, confidence, seed, eceBins, geiAlpha, intersectional, thresholdAnalysis, parallel);
        }

        public Options withIntersectional(boolean intersectional) {
            return new Options(resamples, confidence, seed, eceBins, geiAlpha, intersectional, thresholdAnalysis, parallel);
        }

        public Options withThresholdAnalysis(boolean thresholdAnalysis) {
            return new Options(resamples, confidence, seed, eceBins, geiAlpha, intersectional, thresholdAnalysis, parallel);
        }

        public Options withParallel(boolean parallel) {
            return new Options(resamples, confidence, seed, eceBins, geiAlpha, intersectional, thresholdAnalysis, parallel);
        }
    }

    private FairnessAudit() {
    }

    public static AuditReport run(AuditInput input, FairnessPolicy policy, Options options) {
        for (String required : policy.requiredAttributes()) {
            if (!input.attributes().containsKey(required)) {
                throw new IllegalArgumentException("the policy requires attribute '" + required + "', absent from the input");
            }
        }
        boolean[] approved = policy.approval().resolve(input);
        Population population = new Population(approved, input.defaulted(), input.pd(), input.weights(), input.attributes(),
                input.clusters());
        FairnessMetrics.Settings settings = new FairnessMetrics.Settings(policy.minGroupSize(), policy.minOutcomeCount(),
                policy.referenceRule(), policy.referenceGroups(), options.intersectional(), options.eceBins(),
                options.geiAlpha(), options.resamples(), options.confidence(), options.seed(), options.parallel());
        List<String> dimensions = dimensionNames(population, options.intersectional());
        for (FairnessPolicy.Rule rule : policy.checks()) {
            for (String a : rule.attributes()) {
                if (!dimensions.contains(a)) {
                    throw new IllegalArgumentException("check " + rule.metric().id() + " names dimension '" + a
                            + "', not audited (dimensions: " + dimensions + ")");
                }
            }
        }
        MetricSet metrics = FairnessMetrics.compute(population, settings);
        List<Check> checks = new ArrayList<>();
        List<FairnessPolicy.Rule> rules = policy.checks();
        for (int r = 0; r < rules.size(); r++) {
            FairnessPolicy.Rule rule = rules.get(r);
            // a metric checked by several rules gets the rule's index in its ids, so ids stay unique
            int k = r;
            String suffix = rules.stream().filter(x -> x.metric() == rule.metric()).count() > 1 ? "#" + k : "";
            for (DimensionResult d : metrics.dimensions()) {
                if (rule.appliesTo(d.name())) {
                    judge(rule, d, metrics.hasPd()).forEach(c -> checks.add(suffix.isEmpty() ? c : withId(c, c.id() + suffix)));
                }
            }
        }
        if (metrics.overall().approved() == 0) {
            // every group's approval rate is 0, so ratios are 0/0 := 1 and differences 0: "parity" that shows nothing
            checks.replaceAll(c -> c.status() == CheckStatus.PASS && dependsOnApprovals(c.metric())
                    ? new Check(c.id(), c.metric(), c.scope(), c.dimension(), c.group(), c.reference(), c.estimate(),
                    c.bounds(), CheckStatus.UNDEFINED, NOBODY_APPROVED, c.rationale())
                    : c);
        }
        List<ThresholdAnalysis> mitigation = new ArrayList<>();
        if (options.thresholdAnalysis() && population.hasPd()) {
            for (DimensionResult d : metrics.dimensions()) {
                if (d.judgedGroups().size() >= 2) {
                    for (GroupThresholds.Target t : GroupThresholds.Target.values()) {
                        mitigation.add(ThresholdAnalysis.of(population, metrics, d.name(), t, settings));
                    }
                }
            }
        }
        return new AuditReport(input.model(), policy, options, population, metrics, checks, mitigation);
    }

    static final String NOBODY_APPROVED = "the decision rule approves no row: approval rates and error rates of "
            + "approvals are zero in every group, so their parity shows nothing";

    /** Whether a metric is computed from the approval decisions (all but default rate, calibration and AUC). */
    static boolean dependsOnApprovals(String metricId) {
        return !(metricId.equals(GroupMetric.DEFAULT_RATE.id()) || metricId.equals(GroupMetric.ECE.id())
                || metricId.equals(GroupMetric.AUC.id()) || metricId.equals(BetweenMetric.AUC_DIFFERENCE.id()));
    }

    /** Verdict from the checks: PASS only with at least one judged check and none failed or undefined. */
    static Verdict verdict(List<Check> checks) {
        boolean anyJudged = false;
        for (Check c : checks) {
            if (c.status() == CheckStatus.FAIL || c.status() == CheckStatus.UNDEFINED) {
                return Verdict.FAIL;
            }
            anyJudged |= c.status().judged();
        }
        return anyJudged ? Verdict.PASS : Verdict.FAIL;
    }

    private static List<String> dimensionNames(Population p, boolean intersectional) {
        List<String> names = new ArrayList<>(p.attributes().keySet());
        if (intersectional && names.size() > 1) {
            names.add(String.join(" & ", names));
        }
        return names;
    }

    private static List<Check> judge(FairnessPolicy.Rule rule, DimensionResult d, boolean hasPd) {
        List<Check> out = new ArrayList<>();
        switch (rule.metric()) {
            case GroupMetric m -> {
                for (GroupResult g : d.groups()) {
                    String why = insufficient(g, rule);
                    Estimate e = g.metric(m);
                    if (why == null && !e.defined()) {
                        why = m.needsPd() && !hasPd ? "the input has no PD" : "undefined (zero denominator)";
                        out.add(check(rule, d, g.key(), null, e, CheckStatus.UNDEFINED, why));
                    } else {
                        out.add(check(rule, d, g.key(), null, e, why != null ? CheckStatus.INSUFFICIENT_DATA : status(rule, e), why));
                    }
                }
            }
            case RelativeMetric m -> {
                String ref = d.reference();
                GroupResult refGroup = ref == null ? null : d.requireGroup(ref);
                for (GroupResult g : d.groups()) {
                    if (g.key().equals(ref)) {
                        continue;
                    }
                    String why = insufficient(g, rule);
                    if (why == null && refGroup == null) {
                        why = "no judged group to serve as reference";
                    } else if (why == null && insufficient(refGroup, rule) != null) {
                        why = "reference group " + ref + ": " + insufficient(refGroup, rule);
                    }
                    Estimate e = g.relative(m);
                    if (why == null && !e.defined()) {
                        out.add(check(rule, d, g.key(), ref, e, CheckStatus.UNDEFINED, "undefined (zero denominator)"));
                    } else {
                        out.add(check(rule, d, g.key(), ref, e, why != null ? CheckStatus.INSUFFICIENT_DATA : status(rule, e), why));
                    }
                }
            }
            case BetweenMetric m -> {
                Estimate e = d.between(m);
                int judged = d.judgedGroups().size();
                if (judged < 2) {
                    out.add(check(rule, d, null, null, e, CheckStatus.INSUFFICIENT_DATA,
                            judged + " judged group" + (judged == 1 ? "" : "s") + ", a comparison needs 2"));
                } else if (!e.defined()) {
                    out.add(check(rule, d, null, null, e, CheckStatus.UNDEFINED,
                            m == BetweenMetric.AUC_DIFFERENCE && !hasPd ? "the input has no PD" : "undefined (zero denominator)"));
                } else {
                    out.add(check(rule, d, null, null, e, status(rule, e), null));
                }
            }
        }
        return out;
    }

    private static Check withId(Check c, String id) {
        return new Check(id, c.metric(), c.scope(), c.dimension(), c.group(), c.reference(), c.estimate(), c.bounds(),
                c.status(), c.reason(), c.rationale());
    }

    private static String insufficient(GroupResult g, FairnessPolicy.Rule rule) {
        if (!g.judged()) {
            return g.reason();
        }
        if (rule.minGroupSize() != null && g.n() < rule.minGroupSize()) {
            return g.n() + " rows < this check's minimum " + rule.minGroupSize();
        }
        return null;
    }

    private static CheckStatus status(FairnessPolicy.Rule rule, Estimate e) {
        return rule.bounds().test(e.value()) ? CheckStatus.PASS : CheckStatus.FAIL;
    }

    private static Check check(FairnessPolicy.Rule rule, DimensionResult d, String group, String reference, Estimate e,
                               CheckStatus status, String reason) {
        String id = rule.metric().id() + "/" + d.name() + (group == null ? "" : "/" + group);
        return new Check(id, rule.metric().id(), rule.metric().scope(), d.name(), group, reference, e, rule.bounds(),
                status, reason, rule.rationale());
    }
}
