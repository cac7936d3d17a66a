package io.creditlayer.fairness.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Disaggregated metrics for a population: per group, against each dimension's reference group, and between
 * groups, each with a seeded bootstrap percentile interval (resampling rows, or whole clusters when the population
 * names them). Used by the audit, and on its own for analysis.
 */
public final class FairnessMetrics {

    /** Largest number of points kept per ROC curve; enough for a smooth chart, small enough for the JSON. */
    static final int ROC_POINTS = 101;

    public enum ReferenceRule {
        /** The judged group with the highest selection rate: disparate impact is then the EEOC four-fifths test. */
        MAX_SELECTION_RATE("max_selection_rate"),
        /** The judged group with the largest weight (Aequitas' default, the majority group). */
        LARGEST("largest");

        private final String id;

        ReferenceRule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static ReferenceRule parse(String id) {
            for (ReferenceRule r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown reference rule '" + id + "' (max_selection_rate or largest)");
        }
    }

    /**
     * @param minGroupSize     rows a group needs to be judged
     * @param minOutcomeCount  rows of each label (defaulted, repaid) a group needs to be judged
     * @param referenceRule    how a dimension's reference group is chosen when {@code referenceGroups} names none
     * @param referenceGroups  dimension name to reference group key, e.g. "sex" to "sex=male"
     * @param intersectional   also audit the cross-product of all attributes
     * @param eceBins          equal-width calibration bins
     * @param geiAlpha         alpha of the generalized entropy index
     * @param resamples        bootstrap resamples (0: point estimates only)
     * @param confidence       interval coverage, e.g. 0.95
     * @param seed             bootstrap seed: same seed, same intervals
     * @param parallel         compute resamples in parallel (results do not depend on it)
     */
    public record Settings(int minGroupSize, int minOutcomeCount, ReferenceRule referenceRule,
                           Map<String, String> referenceGroups, boolean intersectional, int eceBins, double geiAlpha,
                           int resamples, double confidence, long seed, boolean parallel) {

        public static final long DEFAULT_SEED = 20_240_601L;

        public Settings {
            if (minGroupSize < 1 || minOutcomeCount < 0) {
                throw new IllegalArgumentException("minGroupSize must be >= 1 and minOutcomeCount >= 0");
            }
            if (eceBins < 1 || eceBins > 1000) {
                throw new IllegalArgumentException("eceBins must be in [1, 1000]");
            }
            if (!Double.isFinite(geiAlpha)) {
                throw new IllegalArgumentException("geiAlpha must be finite");
            }
            if (resamples < 0 || resamples > 100_000) {
                throw new IllegalArgumentException("resamples must be in [0, 100000]");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1)");
            }
            if (referenceRule == null) {
                throw new IllegalArgumentException("referenceRule is required");
            }
            // sorted and unmodifiable; not Map.copyOf, whose iteration order changes from one JVM run to the next
            referenceGroups = java.util.Collections.unmodifiableMap(new TreeMap<>(referenceGroups == null ? Map.of() : referenceGroups));
        }

        public static Settings defaults() {
            return new Settings(30, 10, ReferenceRule.MAX_SELECTION_RATE, Map.of(), true, 10, 2.0, 1000, 0.95,
                    DEFAULT_SEED, true);
        }

        public Settings withMinimums(int minGroupSize, int minOutcomeCount) {
            return new Settings(minGroupSize, minOutcomeCount, referenceRule, referenceGroups, intersectional, eceBins,
                    geiAlpha, resamples, confidence, seed, parallel);
        }

        public Settings withReferenceRule(ReferenceRule rule) {
            return new Settings(minGroupSize, minOutcomeCount, rule, referenceGroups, intersectional, eceBins,
                    geiAlpha, resamples, confidence, seed, parallel);
        }

        public Settings withReference(String dimension, String group) {
            Map<String, String> refs = new TreeMap<>(referenceGroups);
            refs.put(dimension, group);
            return new Settings(minGroupSize, minOutcomeCount, referenceRule, refs, intersectional, eceBins,
                    geiAlpha, resamples, confidence, seed, parallel);
        }

        public Settings withBootstrap(int resamples, double confidence, long seed) {
            return new Settings(minGroupSize, minOutcomeCount, referenceRule, referenceGroups, intersectional, eceBins,
                    geiAlpha, resamples, confidence, seed, parallel);
        }

        public Settings withIntersectional(boolean intersectional) {
            return new Settings(minGroupSize, minOutcomeCount, referenceRule, referenceGroups, intersectional, eceBins,
                    geiAlpha, resamples, confidence, seed, parallel);
        }

        public Settings withGeiAlpha(double alpha) {
            return new Settings(minGroupSize, minOutcomeCount, referenceRule, referenceGroups, intersectional, eceBins,
                    alpha, resamples, confidence, seed, parallel);
        }

        public Settings withParallel(boolean parallel) {
            return new Settings(minGroupSize, minOutcomeCount, referenceRule, referenceGroups, intersectional, eceBins,
                    geiAlpha, resamples, confidence, seed, parallel);
        }
    }

    private FairnessMetrics() {
    }

    /** The plan fixed on the full sample: which groups are judged and which is the reference. */
    private record DimPlan(boolean[] judged, int reference, String referenceSource) {
    }

    private record Key(int dim, int group, Metric metric) {
    }

    private interface Sink {
        void put(int dim, int group, Metric metric, double value);
    }

    public static MetricSet compute(Population population, Settings settings) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.overall(population.size()));
        dims.addAll(Dimension.all(population, settings.intersectional()));
        for (String named : settings.referenceGroups().keySet()) {
            if (dims.stream().noneMatch(d -> d.name().equals(named))) {
                throw new IllegalArgumentException("reference group given for unknown dimension '" + named + "'");
            }
        }
        Engine engine = new Engine(population, dims, settings.eceBins(), settings.geiAlpha());
        int n = population.size();
        double[] unit = new double[n];
        java.util.Arrays.fill(unit, 1.0);
        Engine.Tallies[] counts = engine.tally(unit);
        double[] base = engine.baseWeights();
        Engine.Tallies[] point = engine.tally(base);

        DimPlan[] plan = new DimPlan[dims.size()];
        for (int k = 0; k < dims.size(); k++) {
            plan[k] = plan(engine, dims.get(k), counts[k], point[k], settings, k == 0);
        }
        List<Metric> groupMetrics = new ArrayList<>();
        for (GroupMetric m : GroupMetric.values()) {
            if (population.hasPd() || !m.needsPd()) {
                groupMetrics.add(m);
            }
        }
        List<BetweenMetric> betweenMetrics = new ArrayList<>();
        for (BetweenMetric m : BetweenMetric.values()) {
            if (population.hasPd() || m != BetweenMetric.AUC_DIFFERENCE) {
                betweenMetrics.add(m);
            }
        }

        LinkedHashMap<Key, Double> pointValues = new LinkedHashMap<>();
        emit(engine, point, plan, groupMetrics, betweenMetrics, (d, g, m, v) -> pointValues.put(new Key(d, g, m), v));
        List<Key> keys = new ArrayList<>(pointValues.keySet());

        double[][] intervals = new double[keys.size()][];
        if (settings.resamples() > 0) {
            double[][] samples = Bootstrap.run(strata(population), settings.resamples(), settings.seed(), settings.parallel(),
                    drawn -> {
                        double[] w = new double[n];
                        for (int i = 0; i < n; i++) {
                            w[i] = base[i] * drawn[i];
                        }
                        Engine.Tallies[] t = engine.tally(w);
                        double[] out = new double[keys.size()];
                        int[] pos = {0};
                        emit(engine, t, plan, groupMetrics, betweenMetrics, (d, g, m, v) -> out[pos[0]++] = v);
                        return out;
                    });
            for (int k = 0; k < keys.size(); k++) {
                intervals[k] = Bootstrap.interval(samples, k, settings.confidence());
            }
        }
        Map<Key, Estimate> estimates = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            double v = pointValues.get(keys.get(k));
            estimates.put(keys.get(k), intervals[k] == null ? Estimate.point(v) : new Estimate(v, intervals[k][0], intervals[k][1]));
        }
        return assemble(engine, counts, point, plan, estimates, base, settings);
    }

    private static DimPlan plan(Engine engine, Dimension dim, Engine.Tallies counts, Engine.Tallies point,
                                Settings settings, boolean overall) {
        int groups = dim.groupCount();
        boolean[] judged = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            judged[g] = overall || reason(counts, g, settings) == null;
        }
        if (overall) {
            return new DimPlan(judged, -1, null);
        }
        String named = settings.referenceGroups().get(dim.name());
        if (named != null) {
            int ref = dim.indexOf(named);
            if (ref < 0) {
                throw new IllegalArgumentException("reference group '" + named + "' does not occur in dimension '"
                        + dim.name() + "' (groups: " + dim.groups() + ")");
            }
            return new DimPlan(judged, ref, "policy");
        }
        int best = -1;
        for (int g = 0; g < groups; g++) {
            if (!judged[g]) {
                continue;
            }
            if (best < 0 || better(engine, point, g, best, settings.referenceRule())) {
                best = g;
            }
        }
        return new DimPlan(judged, best, settings.referenceRule().id());
    }

    /** Strictly better reference; ties keep the earlier group (lower key), so the choice is deterministic. */
    private static boolean better(Engine engine, Engine.Tallies t, int g, int best, ReferenceRule rule) {
        if (rule == ReferenceRule.MAX_SELECTION_RATE) {
            double a = engine.value(t, g, GroupMetric.SELECTION_RATE);
            double b = engine.value(t, best, GroupMetric.SELECTION_RATE);
            if (a != b) {
                return a > b;
            }
        }
        return t.w[g] > t.w[best];
    }

    private static String reason(Engine.Tallies counts, int g, Settings s) {
        long rows = Math.round(counts.w[g]);
        long def = Math.round(counts.defaulted[g]);
        long rep = rows - def;
        if (rows < s.minGroupSize()) {
            return rows + " rows < minimum " + s.minGroupSize();
        }
        if (def < s.minOutcomeCount()) {
            return def + " defaulted < minimum " + s.minOutcomeCount();
        }
        if (rep < s.minOutcomeCount()) {
            return rep + " repaid < minimum " + s.minOutcomeCount();
        }
        return null;
    }

    private static void emit(Engine engine, Engine.Tallies[] t, DimPlan[] plan, List<Metric> groupMetrics,
                             List<BetweenMetric> betweenMetrics, Sink sink) {
        for (int k = 0; k < plan.length; k++) {
            DimPlan p = plan[k];
            Engine.Tallies tk = t[k];
            for (int g = 0; g < p.judged.length; g++) {
                if (p.judged[g]) {
                    for (Metric m : groupMetrics) {
                        sink.put(k, g, m, engine.value(tk, g, (GroupMetric) m));
                    }
                }
            }
            if (k == 0) {
                continue;
            }
            if (p.reference >= 0 && p.judged[p.reference]) {
                for (int g = 0; g < p.judged.length; g++) {
                    if (p.judged[g] && g != p.reference) {
                        for (RelativeMetric m : RelativeMetric.values()) {
                            sink.put(k, g, m, relative(engine, tk, g, p.reference, m));
                        }
                    }
                }
            }
            for (BetweenMetric m : betweenMetrics) {
                sink.put(k, -1, m, between(engine, tk, t[0], p.judged, m));
            }
        }
    }

    private static double relative(Engine e, Engine.Tallies t, int g, int r, RelativeMetric m) {
        return switch (m) {
            case STATISTICAL_PARITY_DIFFERENCE -> diff(e, t, g, r, GroupMetric.SELECTION_RATE);
            case DISPARATE_IMPACT -> ratio(e, t, g, r, GroupMetric.SELECTION_RATE);
            case EQUAL_OPPORTUNITY_DIFFERENCE -> diff(e, t, g, r, GroupMetric.TPR);
            case AVERAGE_ODDS_DIFFERENCE -> (diff(e, t, g, r, GroupMetric.FPR) + diff(e, t, g, r, GroupMetric.TPR)) / 2;
            case PREDICTIVE_PARITY_DIFFERENCE -> diff(e, t, g, r, GroupMetric.PRECISION);
            case TPR_DISPARITY -> ratio(e, t, g, r, GroupMetric.TPR);
            case FPR_DISPARITY -> ratio(e, t, g, r, GroupMetric.FPR);
            case FNR_DISPARITY -> ratio(e, t, g, r, GroupMetric.FNR);
            case TNR_DISPARITY -> ratio(e, t, g, r, GroupMetric.TNR);
            case PRECISION_DISPARITY -> ratio(e, t, g, r, GroupMetric.PRECISION);
        };
    }

    private static double diff(Engine e, Engine.Tallies t, int g, int r, GroupMetric m) {
        return e.value(t, g, m) - e.value(t, r, m);
    }

    private static double ratio(Engine e, Engine.Tallies t, int g, int r, GroupMetric m) {
        return Ratios.ratio(e.value(t, g, m), e.value(t, r, m));
    }

    private static double between(Engine e, Engine.Tallies t, Engine.Tallies overall, boolean[] judged, BetweenMetric m) {
        int count = 0;
        for (boolean j : judged) {
            count += j ? 1 : 0;
        }
        if (count < 2) {
            return Double.NaN;
        }
        return switch (m) {
            case DEMOGRAPHIC_PARITY_DIFFERENCE -> spread(e, t, judged, GroupMetric.SELECTION_RATE)[2];
            case DEMOGRAPHIC_PARITY_RATIO -> spread(e, t, judged, GroupMetric.SELECTION_RATE)[3];
            case DEMOGRAPHIC_PARITY_DIFFERENCE_TO_OVERALL -> toOverall(e, t, overall, judged, false);
            case DEMOGRAPHIC_PARITY_RATIO_TO_OVERALL -> toOverall(e, t, overall, judged, true);
            case TPR_DIFFERENCE -> spread(e, t, judged, GroupMetric.TPR)[2];
            case TPR_RATIO -> spread(e, t, judged, GroupMetric.TPR)[3];
            case FPR_DIFFERENCE -> spread(e, t, judged, GroupMetric.FPR)[2];
            case FPR_RATIO -> spread(e, t, judged, GroupMetric.FPR)[3];
            case EQUALIZED_ODDS_DIFFERENCE -> nanMax(spread(e, t, judged, GroupMetric.TPR)[2], spread(e, t, judged, GroupMetric.FPR)[2]);
            case EQUALIZED_ODDS_RATIO -> nanMin(spread(e, t, judged, GroupMetric.TPR)[3], spread(e, t, judged, GroupMetric.FPR)[3]);
            case AUC_DIFFERENCE -> spread(e, t, judged, GroupMetric.AUC)[2];
            case BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX -> betweenEntropy(t, judged, e.alpha());
            case BETWEEN_GROUP_THEIL_INDEX -> betweenEntropy(t, judged, 1.0);
        };
    }

    /** {min, max, max - min, ratio(min, max)}; all NaN if any judged group's value is NaN. */
    private static double[] spread(Engine e, Engine.Tallies t, boolean[] judged, GroupMetric m) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < judged.length; g++) {
            if (!judged[g]) {
                continue;
            }
            double v = e.value(t, g, m);
            if (Double.isNaN(v)) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max, max - min, Ratios.ratio(min, max)};
    }

    private static double toOverall(Engine e, Engine.Tallies t, Engine.Tallies overall, boolean[] judged, boolean ratio) {
        double all = e.value(overall, 0, GroupMetric.SELECTION_RATE);
        double worst = ratio ? Double.POSITIVE_INFINITY : 0;
        for (int g = 0; g < judged.length; g++) {
            if (!judged[g]) {
                continue;
            }
            double v = e.value(t, g, GroupMetric.SELECTION_RATE);
            worst = ratio
                    ? Math.min(worst, Math.min(Ratios.ratio(v, all), Ratios.ratio(all, v)))
                    : Math.max(worst, Math.abs(v - all));
        }
        return worst;
    }

    private static double betweenEntropy(Engine.Tallies t, boolean[] judged, double alpha) {
        List<Double> values = new ArrayList<>();
        List<Double> masses = new ArrayList<>();
        for (int g = 0; g < judged.length; g++) {
            if (judged[g]) {
                values.add(Engine.meanBenefit(t, g));
                masses.add(t.w[g]);
            }
        }
        return Entropy.fromMasses(values.stream().mapToDouble(Double::doubleValue).toArray(),
                masses.stream().mapToDouble(Double::doubleValue).toArray(), alpha);
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    private static double nanMin(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
    }

    /**
     * Bootstrap strata: the finest cohort cell (all attributes crossed). Without clusters every row is a unit, so
     * every group keeps its row count. With clusters, a cluster is a unit and belongs to the cell of its first row:
     * each cell keeps its number of clusters, while a cluster whose rows lie in several cells (a wallet that aged
     * into the next band between two borrows) still moves as a whole, so group row counts vary a little. Cells of
     * every row a cluster touches would fragment the strata into singletons that never vary; no strata at all would
     * let small groups vanish from resamples, leaving their intervals undefined.
     */
    private static Bootstrap.Strata strata(Population population) {
        List<String> names = new ArrayList<>(population.attributes().keySet());
        int[] cell = names.isEmpty() ? new int[population.size()] : Dimension.of(population, names).groupOfView();
        return Bootstrap.Strata.of(cell, population.clusterIndexOfRows());
    }

    private static MetricSet assemble(Engine engine, Engine.Tallies[] counts, Engine.Tallies[] point, DimPlan[] plan,
                                      Map<Key, Estimate> estimates, double[] base, Settings settings) {
        Population population = engine.population();
        List<Dimension> dims = engine.dimensions();
        GroupResult overall = null;
        List<DimensionResult> results = new ArrayList<>();
        for (int k = 0; k < dims.size(); k++) {
            Dimension dim = dims.get(k);
            DimPlan p = plan[k];
            List<GroupResult> groups = new ArrayList<>();
            for (int g = 0; g < dim.groupCount(); g++) {
                Map<GroupMetric, Estimate> metrics = new EnumMap<>(GroupMetric.class);
                Map<RelativeMetric, Estimate> relative = new EnumMap<>(RelativeMetric.class);
                for (GroupMetric m : GroupMetric.values()) {
                    Estimate e = estimates.get(new Key(k, g, m));
                    if (e != null) {
                        metrics.put(m, e);
                    }
                }
                for (RelativeMetric m : RelativeMetric.values()) {
                    Estimate e = estimates.get(new Key(k, g, m));
                    if (e != null) {
                        relative.put(m, e);
                    }
                }
                boolean judged = p.judged[g];
                List<CalibrationBin> bins = judged && population.hasPd() ? bins(counts[k], point[k], g, engine.bins()) : List.of();
                List<RocPoint> roc = judged && population.hasPd() ? engine.roc(k, g, base, ROC_POINTS) : List.of();
                int rows = (int) Math.round(counts[k].w[g]);
                int def = (int) Math.round(counts[k].defaulted[g]);
                int app = (int) Math.round(counts[k].approved[g]);
                groups.add(new GroupResult(dim.groups().get(g), rows, point[k].w[g], def, rows - def, app, judged,
                        judged ? null : reason(counts[k], g, settings), metrics, relative, bins, roc));
            }
            if (k == 0) {
                overall = groups.getFirst();
                continue;
            }
            Map<BetweenMetric, Estimate> between = new EnumMap<>(BetweenMetric.class);
            for (BetweenMetric m : BetweenMetric.values()) {
                Estimate e = estimates.get(new Key(k, -1, m));
                if (e != null) {
                    between.put(m, e);
                }
            }
            String ref = p.reference >= 0 ? dim.groups().get(p.reference) : null;
            boolean refJudged = p.reference >= 0 && p.judged[p.reference];
            results.add(new DimensionResult(dim.name(), dim.attributes(), ref, p.referenceSource, refJudged, groups, between));
        }
        return new MetricSet(population.size(), population.weighted(), population.hasPd(), population.resamplingUnit(),
                overall, results, settings);
    }

    private static List<CalibrationBin> bins(Engine.Tallies counts, Engine.Tallies t, int g, int bins) {
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int rows = (int) Math.round(counts.binW[g][b]);
            if (rows == 0) {
                continue;
            }
            double w = t.binW[g][b];
            out.add(new CalibrationBin(b, (double) b / bins, (double) (b + 1) / bins, rows, w,
                    t.binPd[g][b] / w, t.binDefaulted[g][b] / w));
        }
        return out;
    }
}
