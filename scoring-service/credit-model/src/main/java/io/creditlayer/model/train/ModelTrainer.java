package io.creditlayer.model.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.CreditModelException;
import io.creditlayer.model.artifact.Json;
import io.creditlayer.model.artifact.Manifests;
import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.calibration.CalibrationSelection;
import io.creditlayer.model.calibration.Calibrator;
import io.creditlayer.model.calibration.Downturn;
import io.creditlayer.model.data.ColumnSpec;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.data.Splits;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.learner.Learner;
import io.creditlayer.model.learner.Scorecard;
import io.creditlayer.model.metrics.CalibrationCurve;
import io.creditlayer.model.metrics.Metrics;
import io.creditlayer.model.metrics.MetricSet;
import io.creditlayer.model.metrics.PopulationReference;
import io.creditlayer.model.scoring.TierPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Trains a calibrated credit model: candidate learners (gradient-boosted trees, WoE scorecard), the one with the
 * highest validation AUC, a calibrator chosen between Platt and isotonic, a score scale and tier policy; then seals
 * it into an artifact whose hash is its model id.
 *
 * <p>Two validation designs:
 * <ul>
 *   <li><b>Time-ordered</b> (wallet data): rows sorted by time and cut 60/20/20 into train, validation and test,
 *       no cut inside a tie, so every validation row is later than every training row and every test row later
 *       than every validation row. Learners are fitted on train; validation chooses the learner and fits the
 *       calibrator; test is touched once, for the reported metrics. The shipped model is the one fitted on train.</li>
 *   <li><b>Stratified k-fold</b> (tabular data such as the German credit set): the pipeline is "k-fold out-of-fold
 *       predictions for each learner → choose by out-of-fold AUC → calibrator fitted on the chosen learner's
 *       out-of-fold log-odds → learner refitted on all rows". Reported metrics come from an outer stratified
 *       k-fold cross-validation that runs this whole pipeline on each outer training part (nested), so model choice
 *       and calibration never see the rows they are scored on. The shipped model is the pipeline on all rows.</li>
 * </ul>
 *
 * <p>Class imbalance: {@link ClassWeighting}. Optional fairness pre-processing: {@link Reweigh} (Kamiran–Calders
 * reweighing by a group column). Reproducibility: every random choice (folds, weight rounding,
 * Smile's subsampling) draws from a seed derived from {@link Options#seed()}, and the artifact holds no clock, so
 * the same data, options and seed give the same artifact hash.
 */
public final class ModelTrainer {
    /** The candidate learners. */
    public enum LearnerType {
        GBT("gbt"), SCORECARD("scorecard");

        private final String id;

        LearnerType(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static LearnerType of(String id) {
            for (LearnerType t : values()) {
                if (t.id.equalsIgnoreCase(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown learner '" + id + "' (gbt, scorecard)");
        }
    }

    /** How rows are split for model choice, calibration and reported metrics. */
    public sealed interface Validation permits TimeOrdered, Stratified {
    }

    /**
     * Time-ordered train / validation / test split (the test share is the rest).
     *
     * <p>Calibration rows: with one origin, the validation rows scored by the learner fitted on train (the shipped
     * one). With {@code calibrationOrigins} &gt; 1, also the out-of-time log-odds of further rolling origins: for
     * each, the validation-sized block of training rows before the previous one, scored by a learner fitted only on
     * the rows before that block. Every calibration row is scored by a learner that never saw it and no test row is
     * touched; model choice stays on the validation rows. An origin without training rows of both classes before it
     * is dropped (the report records the origins used).
     *
     * <p>{@code downturn}: after fitting, the calibrator's log-odds are raised so that the mean PD over the
     * calibration rows equals the highest default rate of any validation-sized window of the training and
     * validation rows ({@link Downturn}). PDs fitted on a calm window otherwise understate the next stress.
     *
     * @param trainShare         share of the earliest rows for training
     * @param validationShare    share of the next rows for model choice and calibration
     * @param calibrationOrigins rolling origins whose out-of-time predictions calibrate (1 = the validation rows)
     * @param downturn           calibrate in the large to the history's worst validation-sized window
     */
    public record TimeOrdered(double trainShare, double validationShare, int calibrationOrigins, boolean downturn)
            implements Validation {
        public TimeOrdered {
            if (!(trainShare > 0 && validationShare > 0 && trainShare + validationShare < 1)) {
                throw new IllegalArgumentException("shares must be positive and leave a test part: "
                        + trainShare + ", " + validationShare);
            }
            if (calibrationOrigins < 1) {
                throw new IllegalArgumentException("calibrationOrigins must be at least 1: " + calibrationOrigins);
            }
        }

        /** Calibration on the validation rows alone, no downturn shift. */
        public TimeOrdered(double trainShare, double validationShare) {
            this(trainShare, validationShare, 1, false);
        }

        public TimeOrdered withCalibrationOrigins(int origins) {
            return new TimeOrdered(trainShare, validationShare, origins, downturn);
        }

        public TimeOrdered withDownturn(boolean newDownturn) {
            return new TimeOrdered(trainShare, validationShare, calibrationOrigins, newDownturn);
        }

        /** These shares with this split's calibration settings. */
        public TimeOrdered withShares(double newTrainShare, double newValidationShare) {
            return new TimeOrdered(newTrainShare, newValidationShare, calibrationOrigins, downturn);
        }
    }

    /**
     * Stratified k-fold: out-of-fold predictions for model choice and calibration, nested k-fold for the
     * reported metrics.
     *
     * @param folds number of folds
     */
    public record Stratified(int folds) implements Validation {
        public Stratified {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2: " + folds);
            }
        }
    }

    /**
     * Training options.
     *
     * @param seed             seed of every random choice
     * @param validation       split design
     * @param candidates       learners to fit and choose from (by validation AUC)
     * @param gbt              boosted-tree hyperparameters
     * @param scorecard        scorecard hyperparameters
     * @param weighting        class-imbalance handling
     * @param calibrationFolds folds of the Platt-vs-isotonic comparison
     * @param policy           score scale and tier policy
     * @param threads          worker threads (folds in parallel); 1 = sequential. Results do not depend on it.
     * @param reweighBy        Kamiran–Calders reweighing of the training rows by a group column, or null for none
     */
    public record Options(long seed, Validation validation, List<LearnerType> candidates, GradientBoostedTrees.Options gbt,
                          Scorecard.Options scorecard, ClassWeighting weighting, int calibrationFolds,
                          TierPolicy policy, int threads, Reweigh reweighBy) {
        public Options {
            if (validation == null || gbt == null || scorecard == null || weighting == null || policy == null) {
                throw new IllegalArgumentException("validation, gbt, scorecard, weighting and policy are required");
            }
            candidates = List.copyOf(new java.util.LinkedHashSet<>(candidates));
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("at least one candidate learner is required");
            }
            if (calibrationFolds < 2) {
                throw new IllegalArgumentException("calibrationFolds must be at least 2: " + calibrationFolds);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
        }

        /**
         * Wallet training sets: time-ordered 60/20/20, calibrator fitted on the validation rows, both learners,
         * balanced classes. Downturn calibration and rolling origins are options ({@link TimeOrdered}); the devnet
         * run command turns the downturn on (docs/model.md, "Calibration").
         */
        public static Options wallet(long seed) {
            return new Options(seed, new TimeOrdered(0.6, 0.2), List.of(LearnerType.GBT, LearnerType.SCORECARD),
                    // Shallow, slowly learning, subsampled trees: wallet data shift between market regimes, and deep trees
                    // memorise the regime they were trained in (docs/model.md, "Devnet holdout").
                    new GradientBoostedTrees.Options(800, 3, 8, 40, 0.02, 0.5), Scorecard.Options.defaults(),
                    ClassWeighting.BALANCED, 5, TierPolicy.standard(), defaultThreads(), null);
        }

        /** Tabular data (German credit): stratified 5-fold, both learners, balanced classes, tuned trees. */
        public static Options tabular(long seed) {
            return new Options(seed, new Stratified(5), List.of(LearnerType.GBT, LearnerType.SCORECARD),
                    GradientBoostedTrees.Options.defaults(), Scorecard.Options.defaults(), ClassWeighting.BALANCED, 5,
                    TierPolicy.standard(), defaultThreads(), null);
        }

        public Options withSeed(long newSeed) {
            return new Options(newSeed, validation, candidates, gbt, scorecard, weighting, calibrationFolds, policy, threads, reweighBy);
        }

        public Options withGbt(GradientBoostedTrees.Options newGbt) {
            return new Options(seed, validation, candidates, newGbt, scorecard, weighting, calibrationFolds, policy, threads, reweighBy);
        }

        public Options withCandidates(List<LearnerType> newCandidates) {
            return new Options(seed, validation, newCandidates, gbt, scorecard, weighting, calibrationFolds, policy, threads, reweighBy);
        }

        public Options withValidation(Validation newValidation) {
            return new Options(seed, newValidation, candidates, gbt, scorecard, weighting, calibrationFolds, policy, threads, reweighBy);
        }

        public Options withWeighting(ClassWeighting newWeighting) {
            return new Options(seed, validation, candidates, gbt, scorecard, newWeighting, calibrationFolds, policy, threads, reweighBy);
        }

        public Options withThreads(int newThreads) {
            return new Options(seed, validation, candidates, gbt, scorecard, weighting, calibrationFolds, policy, newThreads, reweighBy);
        }

        public Options withPolicy(TierPolicy newPolicy) {
            return new Options(seed, validation, candidates, gbt, scorecard, weighting, calibrationFolds, newPolicy, threads, reweighBy);
        }

        public Options withReweighBy(Reweigh newReweighBy) {
            return new Options(seed, validation, candidates, gbt, scorecard, weighting, calibrationFolds, policy, threads,
                    newReweighBy);
        }

        private static int defaultThreads() {
            return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Receives progress lines of long runs. */
    @FunctionalInterface
    public interface Progress {
        void report(String message);

        static Progress none() {
            return message -> {
            };
        }
    }

    /**
     * The outcome of training.
     *
     * @param model    the calibrated model (its id is the artifact hash)
     * @param artifact the sealed artifact, ready to write
     * @param report   what was measured
     */
    public record Result(CreditModel model, ModelArtifact artifact, TrainingReport report, HeldOut heldOut) {
    }

    /**
     * The calibrated PDs behind the reported held-out metrics, for audits of the model's decisions on rows it was
     * not fitted on: the test rows of a time-ordered split, or every row of a nested k-fold (each scored by the
     * outer fold's pipeline, which never saw it).
     *
     * @param rows indices into the training data
     * @param pd   the chosen pipeline's calibrated PD of each of those rows
     */
    public record HeldOut(int[] rows, double[] pd) {
        public HeldOut {
            if (rows.length != pd.length) {
                throw new IllegalArgumentException("rows and PDs differ in length");
            }
            rows = rows.clone();
            pd = pd.clone();
        }

        @Override
        public int[] rows() {
            return rows.clone();
        }

        @Override
        public double[] pd() {
            return pd.clone();
        }
    }

    private static final int IMPORTANCE_ROWS = 1000;

    private final Dataset data;
    private final ColumnSpec spec;
    private final Options options;
    private final Progress progress;
    private final long started = System.nanoTime();

    private ModelTrainer(Dataset data, ColumnSpec spec, Options options, Progress progress) {
        this.data = data;
        this.spec = spec;
        this.options = options;
        this.progress = progress;
    }

    /** Fits a model on a labelled data set. */
    public static Result fit(Dataset data, Options options) {
        return fit(data, null, options, Progress.none());
    }

    /**
     * Fits a model on a labelled data set.
     *
     * @param spec how the data was read from CSV (stored so evaluation and scoring read CSVs alike); null for a
     *             data set built in memory (a spec naming the schema's features is recorded)
     */
    public static Result fit(Dataset data, ColumnSpec spec, Options options, Progress progress) {
        if (!data.labelled()) {
            throw new CreditModelException(data.source() + ": training needs labels");
        }
        ColumnSpec s = spec != null ? spec : new ColumnSpec("label", "1", data.schema().names(), java.util.Set.of(),
                List.of(), null, null, null, List.of(), null, data.schema().version(), ",", true, List.of());
        return new ModelTrainer(data, s, options, progress == null ? Progress.none() : progress).run();
    }

    private Result run() {
        requireBothClasses(data, "the training data");
        ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "credit-model-trainer");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return switch (options.validation()) {
                case TimeOrdered t -> timeOrdered(t, pool);
                case Stratified s -> stratified(s, pool);
            };
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    // ---------------------------------------------------------------- time-ordered

    private Result timeOrdered(TimeOrdered t, ExecutorService pool) {
        if (data.time() == null) {
            throw new CreditModelException(data.source() + ": a time-ordered split needs a time column");
        }
        Splits.TimeSplit split = Splits.timeOrdered(data.time(), t.trainShare(), t.validationShare());
        Dataset train = data.subset(split.train());
        Dataset validation = data.subset(split.validation());
        Dataset test = data.subset(split.test());
        requireBothClasses(train, "the training part (earliest " + pct(t.trainShare()) + " by time)");
        requireBothClasses(validation, "the validation part (next " + pct(t.validationShare()) + " by time)");
        requireBothClasses(test, "the test part (latest " + pct(1 - t.trainShare() - t.validationShare()) + " by time)");
        String strategy = String.format(Locale.ROOT, "time-ordered %s/%s/%s by %s: train %d rows (%d defaults), "
                        + "validation %d (%d), test %d (%d)", pct(t.trainShare()), pct(t.validationShare()),
                pct(1 - t.trainShare() - t.validationShare()), spec.time() == null ? "time" : spec.time(),
                train.size(), train.positives(), validation.size(), validation.positives(), test.size(), test.positives())
                + (t.calibrationOrigins() > 1 ? "; calibration on " + t.calibrationOrigins() + " rolling origins" : "")
                + (t.downturn() ? "; downturn calibration" : "");
        say(strategy);

        List<LearnerType> candidates = options.candidates();
        List<Learner> learners = parallel(pool, candidates.size(), c -> {
            LearnerType type = candidates.get(c);
            Learner l = fitLearner(type, train, Seeds.derive(options.seed(), 1, c));
            say("fitted " + type.id() + " on " + train.size() + " rows");
            return l;
        });
        CalibrationRows earlier = earlierOrigins(t, split, candidates, pool);
        // the worst validation-sized window of the rows before the test part (labels only; no test row)
        double downturnRate = t.downturn() ? Downturn.worstWindowRate(concat(train.y(), validation.y()), validation.size()) : Double.NaN;
        Map<String, Double> downturnShifts = new LinkedHashMap<>();
        Map<String, Evaluation> validationEval = new LinkedHashMap<>();
        Map<String, Evaluation> testEval = new LinkedHashMap<>();
        Map<String, CalibrationSelection> calibrations = new LinkedHashMap<>();
        Map<String, double[]> testPd = new LinkedHashMap<>();
        double bestAuc = Double.NEGATIVE_INFINITY;
        int best = -1;
        for (int c = 0; c < candidates.size(); c++) {
            String id = candidates.get(c).id();
            Learner learner = learners.get(c);
            double[] validationLogOdds = logOdds(learner, validation);
            double rawAuc = Metrics.auc(validationLogOdds, validation.y());
            double[] calibrationLogOdds = concat(earlier.logOdds.get(c), validationLogOdds);
            CalibrationSelection calibration = CalibrationSelection.fit(calibrationLogOdds,
                    concat(earlier.y, validation.y()), options.calibrationFolds(), Seeds.derive(options.seed(), 2, c));
            if (t.downturn()) {
                double shift = Downturn.shift(calibration.chosen().pd(calibrationLogOdds), downturnRate);
                calibration = new CalibrationSelection(Downturn.shifted(calibration.chosen(), shift), calibration.plattLogLoss(),
                        calibration.plattBrier(), calibration.isotonicLogLoss(), calibration.isotonicBrier(), calibration.folds());
                downturnShifts.put(id, shift);
            }
            calibrations.put(id, calibration);
            validationEval.put(id, new Evaluation(MetricSet.of(calibration.chosen().pd(validationLogOdds), validation.y()), rawAuc));
            double[] testLogOdds = logOdds(learner, test);
            double[] pd = calibration.chosen().pd(testLogOdds);
            testPd.put(id, pd);
            testEval.put(id, new Evaluation(MetricSet.of(pd, test.y()), Metrics.auc(testLogOdds, test.y())));
            if (rawAuc > bestAuc) {
                bestAuc = rawAuc;
                best = c;
            }
        }
        String chosen = candidates.get(best).id();
        testEval.put("chosen", testEval.get(chosen));
        say(String.format(Locale.ROOT, "chose %s (validation AUC %.4f), calibration %s", chosen, bestAuc,
                calibrations.get(chosen).chosen().method())
                + (t.downturn() ? String.format(Locale.ROOT, ", raised by %.3f log-odds to the downturn default rate %.4f",
                downturnShifts.get(chosen), downturnRate) : ""));
        Learner learner = learners.get(best);
        CalibrationCurve curve = CalibrationCurve.of(testPd.get(chosen), test.y());
        TrainingReport report = new TrainingReport(strategy, chosen, validationEval, "test", testEval, List.of(),
                calibrations, curve, importance(learner, validation));
        ObjectNode splitJson = Json.object();
        splitJson.put("train", train.size());
        splitJson.put("validation", validation.size());
        splitJson.put("test", test.size());
        splitJson.put("trainDefaults", train.positives());
        splitJson.put("validationDefaults", validation.positives());
        splitJson.put("testDefaults", test.positives());
        splitJson.put("trainTimeFrom", train.time()[0]);
        splitJson.put("trainTimeTo", train.time()[train.size() - 1]);
        splitJson.put("validationTimeFrom", validation.time()[0]);
        splitJson.put("validationTimeTo", validation.time()[validation.size() - 1]);
        splitJson.put("testTimeFrom", test.time()[0]);
        splitJson.put("testTimeTo", test.time()[test.size() - 1]);
        if (t.downturn()) {
            splitJson.put("downturnRate", downturnRate);
            splitJson.put("downturnShift", downturnShifts.get(chosen));
        }
        splitJson.put("calibrationOrigins", earlier.origins + 1);
        splitJson.put("calibration", earlier.y.length + validation.size());
        splitJson.put("calibrationDefaults", java.util.Arrays.stream(earlier.y).sum() + validation.positives());
        if (earlier.y.length > 0) {
            splitJson.put("calibrationTimeFrom", earlier.timeFrom);
        }
        return seal(learner, calibrations.get(chosen).chosen(), train, report, splitJson,
                new HeldOut(split.test(), testPd.get(chosen)));
    }

    /**
     * Out-of-time log-odds of the calibration blocks before the validation rows (see {@link TimeOrdered}), per
     * candidate, earliest first; empty with one origin.
     */
    private record CalibrationRows(int origins, List<double[]> logOdds, int[] y, long timeFrom) {
    }

    private CalibrationRows earlierOrigins(TimeOrdered t, Splits.TimeSplit split, List<LearnerType> candidates,
                                           ExecutorService pool) {
        int block = split.validation().length;
        List<int[]> fitRows = new ArrayList<>();
        List<int[]> scoreRows = new ArrayList<>();
        int end = split.train().length;
        for (int k = 1; k < t.calibrationOrigins(); k++) {
            int from = end - block;
            if (from <= 0) {
                break;
            }
            // cuts move forward past ties, as the split's do: every scored row is later than every fitted row
            long[] time = data.time();
            while (from < end && time[split.train()[from]] == time[split.train()[from - 1]]) {
                from++;
            }
            int[] fit = Arrays.copyOfRange(split.train(), 0, from);
            int[] score = Arrays.copyOfRange(split.train(), from, end);
            Dataset fitData = data.subset(fit);
            if (fitData.positives() == 0 || fitData.positives() == fitData.size() || score.length == 0) {
                break; // too early for a learner: fewer origins
            }
            fitRows.addFirst(fit);
            scoreRows.addFirst(score);
            end = from;
        }
        int origins = fitRows.size();
        if (origins == 0) {
            List<double[]> none = new ArrayList<>();
            candidates.forEach(c -> none.add(new double[0]));
            return new CalibrationRows(0, none, new int[0], 0);
        }
        List<double[]> fitted = parallel(pool, origins * candidates.size(), task -> {
            int k = task / candidates.size();
            int c = task % candidates.size();
            Learner l = fitLearner(candidates.get(c), data.subset(fitRows.get(k)), Seeds.derive(options.seed(), 3, k, c));
            double[] out = logOdds(l, data.subset(scoreRows.get(k)));
            say("calibration origin " + (k + 1) + ": fitted " + candidates.get(c).id() + " on " + fitRows.get(k).length
                    + " rows, scored the next " + out.length);
            return out;
        });
        List<double[]> logOdds = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            double[] all = new double[0];
            for (int k = 0; k < origins; k++) {
                all = concat(all, fitted.get(k * candidates.size() + c));
            }
            logOdds.add(all);
        }
        int[] y = new int[0];
        for (int[] rows : scoreRows) {
            y = concat(y, data.subset(rows).y());
        }
        return new CalibrationRows(origins, logOdds, y, data.time()[scoreRows.getFirst()[0]]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---------------------------------------------------------------- stratified k-fold

    /** The k-fold pipeline on one data set: out-of-fold choice and calibration, then refits on all its rows. */
    private record Pipeline(Map<String, Learner> learners, Map<String, CalibrationSelection> calibrations,
                            Map<String, Evaluation> outOfFold, String chosen, double chosenAuc) {
        Calibrator calibrator(String id) {
            return calibrations.get(id).chosen();
        }
    }

    private Pipeline pipeline(Dataset d, long seed, int folds, ExecutorService pool, String label) {
        List<LearnerType> candidates = options.candidates();
        int[] fold = Splits.stratifiedFolds(d.y(), folds, Seeds.derive(seed, 10));
        int tasks = candidates.size() * (folds + 1);
        // task (c, f): learner c on all folds but f; f == folds: learner c on all rows
        List<Learner> fitted = parallel(pool, tasks, task -> {
            int c = task / (folds + 1);
            int f = task % (folds + 1);
            Dataset train = f == folds ? d : d.subset(Splits.rows(fold, f, false));
            return fitLearner(candidates.get(c), train, Seeds.derive(seed, 11, c, f));
        });
        Map<String, Learner> learners = new LinkedHashMap<>();
        Map<String, CalibrationSelection> calibrations = new LinkedHashMap<>();
        Map<String, Evaluation> oof = new LinkedHashMap<>();
        String chosen = null;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates.size(); c++) {
            String id = candidates.get(c).id();
            double[] logOdds = new double[d.size()];
            for (int f = 0; f < folds; f++) {
                Learner l = fitted.get(c * (folds + 1) + f);
                for (int i : Splits.rows(fold, f, true)) {
                    logOdds[i] = l.logOdds(d.row(i));
                }
            }
            learners.put(id, fitted.get(c * (folds + 1) + folds));
            double auc = Metrics.auc(logOdds, d.y());
            CalibrationSelection calibration = CalibrationSelection.fit(logOdds, d.y(), options.calibrationFolds(),
                    Seeds.derive(seed, 12, c));
            calibrations.put(id, calibration);
            oof.put(id, new Evaluation(MetricSet.of(calibration.chosen().pd(logOdds), d.y()), auc));
            if (auc > bestAuc) {
                bestAuc = auc;
                chosen = id;
            }
        }
        say(String.format(Locale.ROOT, "%s: out-of-fold AUC %s, chose %s (calibration %s)", label,
                describeAuc(oof), chosen, calibrations.get(chosen).chosen().method()));
        return new Pipeline(learners, calibrations, oof, chosen, bestAuc);
    }

    private Result stratified(Stratified s, ExecutorService pool) {
        int k = s.folds();
        String strategy = String.format(Locale.ROOT, "stratified %d-fold: %d rows (%d defaults); reported metrics "
                + "from a nested %d-fold cross-validation of the whole pipeline", k, data.size(), data.positives(), k);
        say(strategy);
        List<LearnerType> candidates = options.candidates();
        int[] outer = Splits.stratifiedFolds(data.y(), k, Seeds.derive(options.seed(), 20));
        Map<String, double[]> pooled = new LinkedHashMap<>();
        Map<String, double[]> pooledRaw = new LinkedHashMap<>();
        for (LearnerType t : candidates) {
            pooled.put(t.id(), new double[data.size()]);
            pooledRaw.put(t.id(), new double[data.size()]);
        }
        pooled.put("chosen", new double[data.size()]);
        pooledRaw.put("chosen", new double[data.size()]);
        List<TrainingReport.FoldResult> folds = new ArrayList<>();
        // outer folds run one after another; each pipeline spreads its fits over the pool
        for (int f = 0; f < k; f++) {
            int[] trainRows = Splits.rows(outer, f, false);
            int[] testRows = Splits.rows(outer, f, true);
            Dataset test = data.subset(testRows);
            Pipeline p = pipeline(data.subset(trainRows), Seeds.derive(options.seed(), 21, f), k, pool,
                    "outer fold " + (f + 1) + "/" + k);
            Map<String, Double> foldAuc = new LinkedHashMap<>();
            for (String id : p.learners().keySet()) {
                Learner l = p.learners().get(id);
                double[] raw = logOdds(l, test);
                double[] pd = p.calibrator(id).pd(raw);
                for (int i = 0; i < testRows.length; i++) {
                    pooled.get(id)[testRows[i]] = pd[i];
                    pooledRaw.get(id)[testRows[i]] = raw[i];
                    if (id.equals(p.chosen())) {
                        pooled.get("chosen")[testRows[i]] = pd[i];
                        pooledRaw.get("chosen")[testRows[i]] = raw[i];
                    }
                }
                foldAuc.put(id, Metrics.auc(pd, test.y()));
            }
            foldAuc.put("chosen", foldAuc.get(p.chosen()));
            folds.add(new TrainingReport.FoldResult(f + 1, testRows.length, foldAuc, p.chosen()));
        }
        Map<String, Evaluation> holdout = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : pooled.entrySet()) {
            holdout.put(e.getKey(), new Evaluation(MetricSet.of(e.getValue(), data.y()),
                    Metrics.auc(pooledRaw.get(e.getKey()), data.y())));
        }
        say(String.format(Locale.ROOT, "cross-validated AUC %s", describeAuc(holdout)));
        Pipeline fin = pipeline(data, Seeds.derive(options.seed(), 30), k, pool, "final fit");
        Learner learner = fin.learners().get(fin.chosen());
        CalibrationCurve curve = CalibrationCurve.of(pooled.get("chosen"), data.y());
        TrainingReport report = new TrainingReport(strategy, fin.chosen(), fin.outOfFold(), "cross-validation", holdout,
                folds, fin.calibrations(), curve, importance(learner, data));
        ObjectNode split = Json.object();
        split.put("folds", k);
        split.put("rows", data.size());
        split.put("defaults", data.positives());
        return seal(learner, fin.calibrator(fin.chosen()), data, report, split,
                new HeldOut(java.util.stream.IntStream.range(0, data.size()).toArray(), pooled.get("chosen")));
    }

    // ---------------------------------------------------------------- pieces

    private Learner fitLearner(LearnerType type, Dataset train, long seed) {
        double[] weights = options.reweighBy() == null ? train.weights() : options.reweighBy().weights(train);
        Expansion e = Expansion.of(train.x(), train.y(), weights, options.weighting(), Seeds.derive(seed, 1));
        FeatureSchema schema = train.schema();
        return switch (type) {
            case GBT -> GradientBoostedTrees.fit(schema, e.x, e.y, options.gbt(), Seeds.derive(seed, 2));
            case SCORECARD -> Scorecard.fit(schema, e.x, e.y, options.scorecard());
        };
    }

    private static double[] logOdds(Learner learner, Dataset d) {
        double[] out = new double[d.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = learner.logOdds(d.row(i));
        }
        return out;
    }

    private static List<TrainingReport.Importance> importance(Learner learner, Dataset d) {
        int n = Math.min(IMPORTANCE_ROWS, d.size());
        double[] sum = new double[d.schema().size()];
        for (int i = 0; i < n; i++) {
            double[] phi = learner.contributions(d.row(i));
            for (int j = 0; j < sum.length; j++) {
                sum[j] += Math.abs(phi[j]);
            }
        }
        List<TrainingReport.Importance> out = new ArrayList<>();
        for (int j = 0; j < sum.length; j++) {
            out.add(new TrainingReport.Importance(d.schema().feature(j).name(), sum[j] / n));
        }
        out.sort(Comparator.comparingDouble(TrainingReport.Importance::meanAbsLogOdds).reversed()
                .thenComparing(TrainingReport.Importance::feature));
        return out;
    }

    private Result seal(Learner learner, Calibrator calibrator, Dataset population, TrainingReport report, ObjectNode split,
                        HeldOut heldOut) {
        // scores of the training population, for the PSI reference
        int[] scores = new int[population.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = options.policy().scale().score(calibrator.pd(learner.logOdds(population.row(i))));
        }
        ObjectNode manifest = Json.object();
        ObjectNode model = manifest.putObject("model");
        model.put("type", learner.type());
        model.set("params", Json.MAPPER.valueToTree(learner.describe()));
        manifest.set("schema", Manifests.schema(data.schema()));
        manifest.set("columns", Manifests.columns(spec));
        ObjectNode calibration = Manifests.calibrator(calibrator);
        manifest.set("calibration", calibration);
        manifest.set("policy", options.policy().toJson());
        manifest.set("reference", PopulationReference.of(population, scores).toJson());
        ObjectNode training = manifest.putObject("training");
        training.put("seed", options.seed());
        training.put("dataHash", data.contentHash());
        training.put("rows", data.size());
        training.put("defaults", data.positives());
        training.put("defaultRate", (double) data.positives() / data.size());
        training.put("strategy", report.strategy());
        training.set("split", split);
        training.put("weighting", options.weighting().name().toLowerCase(Locale.ROOT));
        if (options.reweighBy() != null) {
            // only when used, so that artifacts (and model ids) trained without it stay as they were
            ObjectNode reweighing = training.putObject("reweighing");
            reweighing.put("method", "kamiran-calders");
            reweighing.put("by", options.reweighBy().toString());
            reweighing.put("appliedAs", "weighted resampling of each fitting set (Smile's learners take no sample weights)");
        }
        ArrayNode cands = training.putArray("candidates");
        options.candidates().forEach(c -> cands.add(c.id()));
        training.put("chosen", report.chosen());
        training.put("selection", "highest " + (report.holdoutKind().equals("test") ? "validation" : "out-of-fold")
                + " AUC of the raw log-odds");
        ObjectNode opts = training.putObject("options");
        opts.set("gbt", Json.MAPPER.valueToTree(options.gbt()));
        opts.set("scorecard", Json.MAPPER.valueToTree(options.scorecard()));
        opts.put("calibrationFolds", options.calibrationFolds());
        opts.put("validation", options.validation().toString());
        manifest.set("metrics", Reports.toJson(report));
        byte[] payload = ModelArtifact.serialize(learner);
        ModelArtifact artifact = ModelArtifact.seal(manifest, payload);
        CreditModel creditModel = CreditModel.of(artifact);
        say("model " + artifact.hash());
        return new Result(creditModel, artifact, report, heldOut);
    }

    private <T> List<T> parallel(ExecutorService pool, int n, IntFunction<T> task) {
        List<T> out = new ArrayList<>(n);
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                out.add(task.apply(i));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.apply(index)));
        }
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    private static String describeAuc(Map<String, Evaluation> evals) {
        StringBuilder sb = new StringBuilder();
        evals.forEach((id, e) -> sb.append(sb.isEmpty() ? "" : ", ").append(id).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", e.metrics().auc())));
        return sb.toString();
    }

    private void say(String message) {
        progress.report(String.format(Locale.ROOT, "[%6.1fs] %s", (System.nanoTime() - started) / 1e9, message));
    }

    private static String pct(double share) {
        return Math.round(share * 100) + "%";
    }

    private static void requireBothClasses(Dataset d, String what) {
        int positives = d.positives();
        if (positives == 0 || positives == d.size()) {
            throw new CreditModelException(d.source() + ": " + what + " has only one class (" + positives
                    + " defaults in " + d.size() + " rows): need both");
        }
    }
}
