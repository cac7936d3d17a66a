package io.creditlayer.model.cli;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.CreditModelException;
import io.creditlayer.model.Contribution;
import io.creditlayer.model.Explanation;
import io.creditlayer.model.Reason;
import io.creditlayer.model.Score;
import io.creditlayer.model.calibration.CalibrationSelection;
import io.creditlayer.model.data.ColumnSpec;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.Presets;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.metrics.CalibrationCurve;
import io.creditlayer.model.metrics.MetricSet;
import io.creditlayer.model.metrics.PopulationReference;
import io.creditlayer.model.scoring.TierPolicy;
import io.creditlayer.model.train.ClassWeighting;
import io.creditlayer.model.train.Evaluation;
import io.creditlayer.model.train.ModelTrainer;
import io.creditlayer.model.train.Reweigh;
import io.creditlayer.model.train.TrainingReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * The credit-model command line: {@code train}, {@code evaluate}, {@code score}, {@code explain}, {@code tune},
 * {@code audit} (fairness audit of the held-out decisions, optionally before and after reweighing). Errors are one
 * line on stderr and a non-zero exit code (1 for bad input or artifacts, 2 for bad options).
 */
@Command(name = "credit-model", mixinStandardHelpOptions = true, version = "credit-model 0.1.0",
        description = "Train, evaluate and apply CreditLayer credit models.",
        subcommands = {ModelCli.Train.class, ModelCli.Evaluate.class, ModelCli.ScoreCsv.class, ModelCli.Explain.class,
                ModelCli.Tune.class, AuditCommand.class})
public final class ModelCli implements Callable<Integer> {
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ModelCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CreditModelException || e instanceof UncheckedIOException) {
                System.err.println("error: " + e.getMessage());
            } else if (e instanceof IllegalArgumentException) {
                System.err.println("error: " + e.getMessage());
            } else {
                System.err.println("error: " + e);
            }
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("error: " + e.getMessage().replace('\n', ' ') + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Column-spec options for an arbitrary CSV. */
    static final class CsvOptions {
        @Option(names = "--label", description = "label column (default: label)")
        String label = "label";
        @Option(names = "--positive", description = "label value of a default (default: 1)")
        String positive = "1";
        @Option(names = "--features", split = ",", description = "feature columns (default: all other columns)")
        List<String> features = List.of();
        @Option(names = "--categorical", split = ",", description = "categorical feature columns")
        List<String> categorical = List.of();
        @Option(names = "--groups", split = ",", description = "group columns for the fairness audit (never features)")
        List<String> groups = List.of();
        @Option(names = "--weight", description = "sample-weight column")
        String weight;
        @Option(names = "--time", description = "time column (integer) for time-ordered splits")
        String time;
        @Option(names = "--id", description = "row id column")
        String id;
        @Option(names = "--ignore", split = ",", description = "columns to skip")
        List<String> ignore = List.of();
        @Option(names = "--delimiter", description = "',', ';', 'tab' or 'whitespace' (default: ',')")
        String delimiter = ",";
        @Option(names = "--no-header", description = "the file has no header line (give --columns)")
        boolean noHeader;
        @Option(names = "--columns", split = ",", description = "column names of a file without a header")
        List<String> columns = List.of();
        @Option(names = "--schema-version", description = "feature-schema version to record (default: custom-v1)")
        String schemaVersion;

        ColumnSpec spec() {
            String d = delimiter.equals("tab") ? "\t" : delimiter;
            return new ColumnSpec(label, positive, features, new LinkedHashSet<>(categorical), groups, weight, time, id,
                    ignore, null, schemaVersion, d, !noHeader, columns);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train, validate and calibrate a model; write its artifact and model card.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--preset", description = "wallet (extractor training CSV) or german (UCI Statlog)")
        String preset;
        @Option(names = "--csv", description = "input CSV (required unless --preset german finds the shared data)")
        Path csv;
        @CommandLine.ArgGroup(exclusive = false, heading = "Column spec of a --csv without preset:%n")
        CsvOptions csvOptions;
        @Option(names = "--out", required = true, description = "artifact directory to write")
        Path out;
        @Option(names = "--seed", description = "seed (default: 42)")
        long seed = 42;
        @Option(names = "--validation", description = "time (60/20/20 by time) or kfold (stratified, nested)")
        String validation;
        @Option(names = "--folds", description = "folds of kfold validation (default: 5)")
        int folds = 5;
        @Option(names = "--split", split = ",", description = "train and validation shares of time validation (default: 0.6,0.2; test is the rest)")
        List<Double> split;
        @Option(names = "--calibration-origins", description = "rolling origins of time validation whose out-of-time "
                + "predictions fit the calibrator (default: 1, the validation rows alone)")
        Integer calibrationOrigins;
        @Option(names = "--downturn", negatable = true, description = "time validation: raise the calibrated PDs to the "
                + "worst validation-sized window of the history (default: off)")
        Boolean downturn;
        @Option(names = "--learners", split = ",", description = "candidates: gbt,scorecard (default: both)")
        List<String> learners;
        @Option(names = "--weighting", description = "balanced (default) or none")
        String weighting;
        @Option(names = "--reweigh-by", description = "Kamiran-Calders reweighing of the training rows by a group column "
                + "(column, or column<=number for two groups), applied as weighted resampling")
        String reweighBy;
        @Option(names = "--trees", description = "boosting iterations")
        Integer trees;
        @Option(names = "--max-depth", description = "tree depth limit")
        Integer maxDepth;
        @Option(names = "--max-nodes", description = "leaves per tree")
        Integer maxNodes;
        @Option(names = "--node-size", description = "minimum rows per leaf")
        Integer nodeSize;
        @Option(names = "--shrinkage", description = "learning rate")
        Double shrinkage;
        @Option(names = "--subsample", description = "row share per tree")
        Double subsample;
        @Option(names = "--policy", description = "tier policy JSON (default: bundled tier-policy.json)")
        Path policy;
        @Option(names = "--threads", description = "worker threads (default: cores, at most 8)")
        Integer threads;
        @Option(names = "--quiet", description = "no progress lines")
        boolean quiet;

        @Override
        public Integer call() {
            Input input = Input.resolve(preset, csv, csvOptions, seed);
            ColumnSpec spec = input.spec();
            Path file = input.file();
            ModelTrainer.Options options = input.options();
            options = options.withSeed(seed);
            if (validation != null) {
                options = options.withValidation(switch (validation) {
                    case "time" -> options.validation() instanceof ModelTrainer.TimeOrdered preset
                            ? keepCalibration(preset, timeSplit(split)) : timeSplit(split);
                    case "kfold" -> new ModelTrainer.Stratified(folds);
                    default -> throw new CreditModelException("--validation must be time or kfold: " + validation);
                });
            } else if (options.validation() instanceof ModelTrainer.Stratified && folds != 5) {
                options = options.withValidation(new ModelTrainer.Stratified(folds));
            } else if (options.validation() instanceof ModelTrainer.TimeOrdered preset && split != null) {
                options = options.withValidation(keepCalibration(preset, timeSplit(split)));
            }
            if (downturn != null) {
                if (!(options.validation() instanceof ModelTrainer.TimeOrdered t)) {
                    throw new CreditModelException("--[no-]downturn applies to time validation only");
                }
                options = options.withValidation(t.withDownturn(downturn));
            }
            if (calibrationOrigins != null) {
                if (!(options.validation() instanceof ModelTrainer.TimeOrdered t)) {
                    throw new CreditModelException("--calibration-origins applies to time validation only");
                }
                try {
                    options = options.withValidation(t.withCalibrationOrigins(calibrationOrigins));
                } catch (IllegalArgumentException e) {
                    throw new CreditModelException("--calibration-origins: " + e.getMessage());
                }
            }
            if (learners != null) {
                options = options.withCandidates(learners.stream().map(ModelTrainer.LearnerType::of).toList());
            }
            if (weighting != null) {
                options = options.withWeighting(weighting(weighting));
            }
            if (reweighBy != null) {
                options = options.withReweighBy(Reweigh.parse(reweighBy));
            }
            GradientBoostedTrees.Options g = options.gbt();
            options = options.withGbt(new GradientBoostedTrees.Options(trees != null ? trees : g.ntrees(),
                    maxDepth != null ? maxDepth : g.maxDepth(), maxNodes != null ? maxNodes : g.maxNodes(),
                    nodeSize != null ? nodeSize : g.nodeSize(), shrinkage != null ? shrinkage : g.shrinkage(),
                    subsample != null ? subsample : g.subsample()));
            if (policy != null) {
                options = options.withPolicy(TierPolicy.read(policy));
            }
            if (threads != null) {
                options = options.withThreads(threads);
            }
            Dataset data = CsvLoader.load(file, spec);
            if (options.reweighBy() != null) {
                options.reweighBy().groups(data); // a bad column fails now, not after the first fit
            }
            System.err.printf(Locale.ROOT, "read %s: %d rows, %d defaults, %d features (%s)%n", data.source(),
                    data.size(), data.positives(), data.schema().size(), data.schema().version());
            ModelTrainer.Result result = ModelTrainer.fit(data, spec, options,
                    quiet ? ModelTrainer.Progress.none() : System.err::println);
            printReport(result.report());
            result.model().write(out);
            System.out.println("model " + result.model().modelId() + " written to " + out);
            return 0;
        }
    }

    /** The input of train and tune: a preset or a CSV with column options. */
    record Input(ColumnSpec spec, Path file, ModelTrainer.Options options) {
        static Input resolve(String preset, Path csv, CsvOptions csvOptions, long seed) {
            if (preset != null) {
                if (csvOptions != null) {
                    throw new CreditModelException("column options cannot be combined with --preset");
                }
                return switch (preset) {
                    case "wallet" -> {
                        if (csv == null) {
                            throw new CreditModelException("--preset wallet needs --csv (an extractor training set)");
                        }
                        yield new Input(Presets.wallet(), csv, ModelTrainer.Options.wallet(seed));
                    }
                    case "german" -> new Input(Presets.german(), csv != null ? csv : Presets.germanData().orElseThrow(
                            () -> new CreditModelException("cannot find " + Presets.GERMAN_RELATIVE
                                    + " above the working directory: give --csv")), ModelTrainer.Options.tabular(seed));
                    default -> throw new CreditModelException("unknown preset '" + preset + "' (wallet, german)");
                };
            }
            if (csv == null) {
                throw new CreditModelException("give --preset or --csv");
            }
            ColumnSpec spec = (csvOptions == null ? new CsvOptions() : csvOptions).spec();
            return new Input(spec, csv, spec.time() != null ? ModelTrainer.Options.wallet(seed) : ModelTrainer.Options.tabular(seed));
        }
    }

    @Command(name = "tune", mixinStandardHelpOptions = true,
            description = "Grid search of boosted-tree hyperparameters by repeated stratified k-fold AUC.")
    static final class Tune implements Callable<Integer> {
        @Option(names = "--preset", description = "wallet or german")
        String preset;
        @Option(names = "--csv", description = "input CSV")
        Path csv;
        @CommandLine.ArgGroup(exclusive = false, heading = "Column spec of a --csv without preset:%n")
        CsvOptions csvOptions;
        @Option(names = "--trees", split = ",", description = "default: 300,500")
        List<Integer> trees = List.of(300, 500);
        @Option(names = "--max-depth", split = ",", description = "default: 20")
        List<Integer> maxDepth = List.of(20);
        @Option(names = "--max-nodes", split = ",", description = "default: 4,5,6,8")
        List<Integer> maxNodes = List.of(4, 5, 6, 8);
        @Option(names = "--node-size", split = ",", description = "default: 5,10")
        List<Integer> nodeSize = List.of(5, 10);
        @Option(names = "--shrinkage", split = ",", description = "default: 0.02,0.05")
        List<Double> shrinkage = List.of(0.02, 0.05);
        @Option(names = "--subsample", split = ",", description = "default: 0.5,0.7")
        List<Double> subsample = List.of(0.5, 0.7);
        @Option(names = "--folds", description = "default: 5")
        int folds = 5;
        @Option(names = "--repeats", description = "repeats with other fold seeds (default: 3)")
        int repeats = 3;
        @Option(names = "--seed", description = "default: 42")
        long seed = 42;
        @Option(names = "--weighting", description = "balanced (default) or none")
        String weighting = "balanced";
        @Option(names = "--threads", description = "worker threads (default: cores)")
        int threads = Runtime.getRuntime().availableProcessors();
        @Option(names = "--top", description = "rows to print (default: 15)")
        int top = 15;

        @Override
        public Integer call() {
            Input input = Input.resolve(preset, csv, csvOptions, seed);
            Dataset data = CsvLoader.load(input.file(), input.spec());
            List<GradientBoostedTrees.Options> grid = new ArrayList<>();
            for (int t : trees) {
                for (int d : maxDepth) {
                    for (int n : maxNodes) {
                        for (int s : nodeSize) {
                            for (double h : shrinkage) {
                                for (double u : subsample) {
                                    grid.add(new GradientBoostedTrees.Options(t, d, n, s, h, u));
                                }
                            }
                        }
                    }
                }
            }
            System.err.printf(Locale.ROOT, "%d combinations x %d repeats x %d folds on %d rows%n", grid.size(), repeats,
                    folds, data.size());
            List<io.creditlayer.model.train.Tuning.Trial> trials = io.creditlayer.model.train.Tuning.grid(data, grid,
                    weighting(weighting), folds, repeats, seed, threads,
                    System.err::println);
            Tables t = new Tables("trees", "maxDepth", "maxNodes", "nodeSize", "shrinkage", "subsample", "AUC mean", "sd");
            for (var trial : trials.subList(0, Math.min(top, trials.size()))) {
                var o = trial.options();
                t.row(o.ntrees(), o.maxDepth(), o.maxNodes(), o.nodeSize(), String.valueOf(o.shrinkage()),
                        String.valueOf(o.subsample()), trial.meanAuc(), trial.sdAuc());
            }
            System.out.printf(Locale.ROOT, "pooled out-of-fold AUC of the raw log-odds, %d-fold x %d repeats (seed %d):%n",
                    folds, repeats, seed);
            System.out.print(t);
            return 0;
        }
    }

    static void printReport(TrainingReport r) {
        System.out.println("split: " + r.strategy());
        System.out.println("chosen: " + r.chosen() + ", calibration: " + r.calibration().get(r.chosen()).chosen().method());
        System.out.println();
        System.out.println("held-out metrics (" + r.holdoutKind() + "), calibrated PD:");
        Tables t = new Tables("model", "rows", "defaults", "AUC", "KS", "Gini", "Brier", "log-loss", "ECE", "AUC raw");
        for (Map.Entry<String, Evaluation> e : r.holdout().entrySet()) {
            MetricSet m = e.getValue().metrics();
            t.row(e.getKey(), m.rows(), m.positives(), m.auc(), m.ks(), m.gini(), m.brier(), m.logLoss(), m.ece(),
                    e.getValue().rawAuc());
        }
        System.out.print(t);
        if (!r.folds().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String id : r.holdout().keySet()) {
                double[] ms = r.foldAuc(id);
                parts.add(String.format(Locale.ROOT, "%s %.4f ± %.4f", id, ms[0], ms[1]));
            }
            System.out.println("fold AUC (mean ± sd over " + r.folds().size() + " folds): " + String.join(", ", parts));
        }
        System.out.println();
        System.out.println((r.holdoutKind().equals("test") ? "validation" : "out-of-fold")
                + " metrics (model choice; the calibrator was fitted on these rows):");
        Tables v = new Tables("model", "rows", "defaults", "AUC", "KS", "Gini", "Brier", "log-loss", "ECE", "AUC raw");
        for (Map.Entry<String, Evaluation> e : r.validation().entrySet()) {
            MetricSet m = e.getValue().metrics();
            v.row(e.getKey(), m.rows(), m.positives(), m.auc(), m.ks(), m.gini(), m.brier(), m.logLoss(), m.ece(),
                    e.getValue().rawAuc());
        }
        System.out.print(v);
        System.out.println();
        System.out.println("calibration (cross-validated inside the calibration rows):");
        Tables c = new Tables("model", "chosen", "Platt log-loss", "isotonic log-loss", "Platt Brier", "isotonic Brier");
        for (Map.Entry<String, CalibrationSelection> e : r.calibration().entrySet()) {
            CalibrationSelection s = e.getValue();
            c.row(e.getKey(), s.chosen().method(), s.plattLogLoss(), s.isotonicLogLoss(), s.plattBrier(), s.isotonicBrier());
        }
        System.out.print(c);
        System.out.println();
        System.out.println("calibration curve of the chosen model on held-out rows (ECE " + Tables.f4(r.curve().ece()) + "):");
        System.out.print(Tables.curve(r.curve()));
        System.out.println();
        List<String> top = new ArrayList<>();
        for (TrainingReport.Importance i : r.importance().subList(0, Math.min(8, r.importance().size()))) {
            top.add(String.format(Locale.ROOT, "%s %.3f", i.feature(), i.meanAbsLogOdds()));
        }
        System.out.println("top features (mean |contribution|, log-odds): " + String.join(", ", top));
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Metrics of a model on a labelled CSV, and PSI against its training population.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "artifact directory")
        Path model;
        @Option(names = "--csv", description = "labelled CSV read as the model was trained (default for german models: the shared data)")
        Path csv;

        @Override
        public Integer call() {
            CreditModel m = CreditModel.load(model);
            Path file = csvOrDefault(m, csv);
            Dataset data = CsvLoader.load(file, m.columns(), m.schema(), true);
            double[] pd = new double[data.size()];
            IntStream.range(0, data.size()).parallel().forEach(i -> pd[i] = m.pd(data.row(i)));
            MetricSet metrics = MetricSet.of(pd, data.y());
            System.out.println("model " + m.modelId() + " (" + m.learner().type() + ", " + m.calibrator().method()
                    + " calibration) on " + data.source() + ":");
            Tables t = Tables.metrics();
            Tables.metricsRow(t, m.learner().type(), metrics);
            System.out.print(t);
            System.out.println();
            CalibrationCurve curve = CalibrationCurve.of(pd, data.y());
            System.out.println("calibration curve (ECE " + Tables.f4(curve.ece()) + "):");
            System.out.print(Tables.curve(curve));
            System.out.println();
            PopulationReference.Report psi = m.psi(data);
            System.out.println("population stability vs training (PSI; < 0.1 stable, 0.1-0.25 moderate, > 0.25 shift):");
            Tables p = new Tables("variable", "PSI", "status");
            p.row("score", psi.score(), status(psi.score()));
            psi.features().forEach((k, v) -> p.row(k, v, status(v)));
            System.out.print(p);
            return 0;
        }

        private static String status(double psi) {
            return psi < 0.1 ? "stable" : psi <= 0.25 ? "moderate" : "shift";
        }
    }

    static Path csvOrDefault(CreditModel m, Path csv) {
        if (csv != null) {
            return csv;
        }
        if (m.schema().version().equals(Presets.GERMAN_VERSION)) {
            return Presets.germanData().orElseThrow(() -> new CreditModelException(
                    "cannot find " + Presets.GERMAN_RELATIVE + ": give --csv"));
        }
        throw new CreditModelException("give --csv");
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Score a CSV of profiles: id, PD, score, tier, collateral ratio, top reasons.")
    static final class ScoreCsv implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "artifact directory")
        Path model;
        @Option(names = "--csv", description = "profiles CSV, read as the model was trained (label not needed)")
        Path csv;
        @Option(names = "--out", description = "output CSV (default: stdout)")
        Path out;
        @Option(names = "--reasons", description = "reasons per row (default: 3; 0 = none, faster)")
        int reasons = 3;

        private static final int CHUNK = 16_384;

        private String line(CreditModel m, Dataset data, int i) {
            double[] x = data.row(i);
            StringBuilder line = new StringBuilder(csvCell(data.id(i)));
            Score s;
            List<Reason> rs = List.of();
            if (reasons > 0) {
                Explanation e = m.explain(x, reasons);
                s = e.score();
                rs = e.reasons();
            } else {
                s = m.score(x);
            }
            line.append(',').append(String.format(Locale.ROOT, "%.6f", s.pd())).append(',').append(s.score())
                    .append(',').append(s.tier()).append(',').append(s.collateralRatioBps());
            if (reasons > 0) {
                line.append(',').append(csvCell(String.join(";", rs.stream().map(Reason::code).toList())));
                for (int k = 0; k < reasons; k++) {
                    line.append(',').append(k < rs.size() ? csvCell(rs.get(k).text()) : "");
                }
            }
            return line.toString();
        }

        @Override
        public Integer call() throws IOException {
            CreditModel m = CreditModel.load(model);
            Path file = csvOrDefault(m, csv);
            Dataset data = CsvLoader.load(file, m.columns(), m.schema(), false);
            int n = data.size();
            StringBuilder header = new StringBuilder(m.columns().id() != null ? m.columns().id() : "row")
                    .append(",pd,score,tier,collateral_ratio_bps");
            if (reasons > 0) {
                header.append(",reason_codes");
                for (int k = 1; k <= reasons; k++) {
                    header.append(",reason_").append(k);
                }
            }
            Writer w = out == null
                    ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                    : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            try {
                w.write(header.append('\n').toString());
                // chunks bound the memory of the output lines; rows of a chunk are scored in parallel
                String[] lines = new String[Math.min(n, CHUNK)];
                for (int from = 0; from < n; from += CHUNK) {
                    int start = from;
                    int size = Math.min(CHUNK, n - from);
                    IntStream.range(0, size).parallel().forEach(k -> lines[k] = line(m, data, start + k));
                    for (int k = 0; k < size; k++) {
                        w.write(lines[k]);
                        w.write('\n');
                    }
                }
            } finally {
                if (out == null) {
                    w.flush(); // stdout stays open
                } else {
                    w.close();
                }
            }
            if (out != null) {
                System.err.println("scored " + n + " rows with model " + m.modelId() + " into " + out);
            }
            return 0;
        }
    }

    /** The shares of {@code split} with the calibration settings of the preset's split. */
    static ModelTrainer.TimeOrdered keepCalibration(ModelTrainer.TimeOrdered preset, ModelTrainer.TimeOrdered split) {
        return preset.withShares(split.trainShare(), split.validationShare());
    }

    static ModelTrainer.TimeOrdered timeSplit(List<Double> shares) {
        if (shares == null) {
            return new ModelTrainer.TimeOrdered(0.6, 0.2);
        }
        if (shares.size() != 2) {
            throw new CreditModelException("--split needs two shares, train and validation: " + shares);
        }
        try {
            return new ModelTrainer.TimeOrdered(shares.get(0), shares.get(1));
        } catch (IllegalArgumentException e) {
            throw new CreditModelException("--split: " + e.getMessage());
        }
    }

    static ClassWeighting weighting(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "balanced" -> ClassWeighting.BALANCED;
            case "none" -> ClassWeighting.NONE;
            default -> throw new CreditModelException("--weighting must be balanced or none: " + value);
        };
    }

    static String csvCell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Explain one row: PD, score, tier, every feature's contribution and reason texts.")
    static final class Explain implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "artifact directory")
        Path model;
        @Option(names = "--csv", description = "CSV of profiles, read as the model was trained")
        Path csv;
        @Option(names = "--row", description = "1-based data row (default: 1)")
        Integer row;
        @Option(names = "--id", description = "value of the id column (e.g. the wallet address); the last matching row")
        String id;
        @Option(names = "--top", description = "reason texts (default: 4)")
        int top = 4;

        @Override
        public Integer call() {
            CreditModel m = CreditModel.load(model);
            Path file = csvOrDefault(m, csv);
            Dataset data = CsvLoader.load(file, m.columns(), m.schema(), false);
            int index;
            if (id != null) {
                index = -1;
                for (int i = 0; i < data.size(); i++) {
                    if (id.equalsIgnoreCase(data.id(i))) {
                        index = i;
                    }
                }
                if (index < 0) {
                    throw new CreditModelException(data.source() + ": no row with id '" + id + "'");
                }
            } else {
                int r = row == null ? 1 : row;
                if (r < 1 || r > data.size()) {
                    throw new CreditModelException(data.source() + ": row " + r + " out of range 1.." + data.size());
                }
                index = r - 1;
            }
            Explanation e = m.explain(data.row(index), top);
            Score s = e.score();
            System.out.printf(Locale.ROOT, "%s (row %d): PD %.4f, score %d, tier %d, collateral ratio %.1f%%%n", data.id(index),
                    index + 1, s.pd(), s.score(), s.tier(), s.collateralRatioBps() / 100.0);
            System.out.printf(Locale.ROOT, "model %s (%s), log-odds %.4f = base %.4f + contributions%n", s.modelId(), e.method(),
                    e.logOdds(), e.baseLogOdds());
            System.out.println();
            Tables t = new Tables("feature", "value", "log-odds", "effect");
            for (Contribution c : e.contributions()) {
                t.row(c.feature(), c.display(), String.format(Locale.ROOT, "%+.4f", c.logOdds()),
                        c.logOdds() > 0 ? "raises PD" : c.logOdds() < 0 ? "lowers PD" : "");
            }
            System.out.print(t);
            System.out.println();
            System.out.println("reasons:");
            int k = 1;
            for (Reason r : e.reasons()) {
                System.out.printf(Locale.ROOT, "%d. [%s] %s%n", k++, r.code(), r.text());
            }
            if (e.reasons().isEmpty()) {
                System.out.println("(no feature raised the PD above the base)");
            }
            return 0;
        }
    }
}
