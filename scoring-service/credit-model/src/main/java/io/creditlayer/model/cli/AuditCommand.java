package io.creditlayer.model.cli;

import io.creditlayer.fairness.AuditInput;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ModelDetails;
import io.creditlayer.fairness.cohorts.GermanCreditCohorts;
import io.creditlayer.fairness.report.MarkdownSummary;
import io.creditlayer.model.CreditModelException;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.Presets;
import io.creditlayer.model.scoring.TierPolicy;
import io.creditlayer.model.train.ModelTrainer;
import io.creditlayer.model.train.Reweigh;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code audit}: trains a model as {@code train} does, then runs the fairness audit on its held-out decisions (the
 * nested k-fold's out-of-fold PDs, or the time split's test rows), so no applicant is judged by a model that saw
 * it. With {@code --reweigh-by} it trains a second model with Kamiran–Calders reweighing and audits it the same way,
 * for a before/after comparison. Writes both reports (JSON record and HTML model card) and a Markdown summary.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Train, then audit the held-out decisions for fairness (optionally again with reweighing).")
final class AuditCommand implements Callable<Integer> {
    @Option(names = "--preset", description = "german (UCI Statlog: sex, age <=25, foreign worker) or wallet")
    String preset;
    @Option(names = "--csv", description = "input CSV (default for german: the shared data)")
    Path csv;
    @CommandLine.ArgGroup(exclusive = false, heading = "Column spec of a --csv without preset (each --groups column is an attribute):%n")
    ModelCli.CsvOptions csvOptions;
    @Option(names = "--out", required = true, description = "directory for the reports and summary.md")
    Path out;
    @Option(names = "--seed", description = "seed of training and of the bootstrap (default: 42)")
    long seed = 42;
    @Option(names = "--reweigh-by", description = "also audit a model trained with Kamiran-Calders reweighing by this group column (column or column<=number)")
    String reweighBy;
    @Option(names = "--fairness-policy", description = "fairness policy JSON (default: german-credit for --preset german, "
            + "approving at PD <= 1/6; else the bundled creditlayer-default)")
    Path fairnessPolicy;
    @Option(names = "--resamples", description = "bootstrap resamples (default: 1000)")
    int resamples = 1000;
    @Option(names = "--threads", description = "worker threads (default: cores, at most 8)")
    Integer threads;
    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    /** One audited model. */
    record Audited(String label, String modelId, AuditReport report) {
    }

    @Override
    public Integer call() {
        ModelCli.Input input = ModelCli.Input.resolve(preset, csv, csvOptions, seed);
        ModelTrainer.Options options = input.options().withSeed(seed);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        Reweigh reweigh = reweighBy == null ? null : Reweigh.parse(reweighBy);
        FairnessPolicy policy = fairnessPolicy != null ? loadPolicy(fairnessPolicy)
                : "german".equals(preset) ? FairnessPolicy.germanCredit() : FairnessPolicy.defaults();
        Dataset data = CsvLoader.load(input.file(), input.spec());
        Map<String, String[]> attributes = attributes(data, "german".equals(preset));
        if (reweigh != null) {
            reweigh.groups(data); // a bad column fails before hours of training
        }
        FairnessAudit.Options auditOptions = FairnessAudit.Options.defaults().withBootstrap(resamples, seed);

        List<Audited> audited = new ArrayList<>();
        audited.add(trainAndAudit("baseline", data, input, options, attributes, policy, auditOptions));
        if (reweigh != null) {
            audited.add(trainAndAudit("reweighed by " + reweigh, data, input, options.withReweighBy(reweigh), attributes,
                    policy, auditOptions));
        }
        String summary = summary(data, options, audited);
        write(out.resolve("summary.md"), summary);
        System.out.print(summary);
        return 0;
    }

    private static FairnessPolicy loadPolicy(Path file) {
        try {
            return FairnessPolicy.load(file);
        } catch (IOException e) {
            throw new CreditModelException("cannot read fairness policy " + file + ": " + e.getMessage());
        }
    }

    private Audited trainAndAudit(String label, Dataset data, ModelCli.Input input, ModelTrainer.Options options,
                                  Map<String, String[]> attributes, FairnessPolicy policy, FairnessAudit.Options auditOptions) {
        if (!quiet) {
            System.err.println("training (" + label + ") ...");
        }
        ModelTrainer.Result result = ModelTrainer.fit(data, input.spec(), options,
                quiet ? ModelTrainer.Progress.none() : System.err::println);
        ModelTrainer.HeldOut heldOut = result.heldOut();
        int[] rows = heldOut.rows();
        double[] pd = heldOut.pd();
        TierPolicy tiers = result.model().policy();
        boolean[] defaulted = new boolean[rows.length];
        int[] tier = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            defaulted[i] = data.y()[rows[i]] == 1;
            tier[i] = tiers.tier(tiers.scale().score(pd[i]));
        }
        AuditInput in = AuditInput.of(defaulted).withPd(pd).withTier(tier).withModel(details(label, result, data));
        for (Map.Entry<String, String[]> a : attributes.entrySet()) {
            String[] values = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                values[i] = a.getValue()[rows[i]];
            }
            in = in.withAttribute(a.getKey(), values);
        }
        AuditReport report = FairnessAudit.run(in, policy, auditOptions);
        Path dir = out.resolve(label.startsWith("baseline") ? "baseline" : "reweighed");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("fairness-report.json"), report.jsonBytes());
            Files.writeString(dir.resolve("fairness-report.html"), report.toHtml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports under " + dir, e);
        }
        if (!quiet) {
            System.err.println(label + ": " + report.verdict() + " (" + report.verdictReason() + "), reports in " + dir);
        }
        return new Audited(label, result.model().modelId(), report);
    }

    private static ModelDetails details(String label, ModelTrainer.Result result, Dataset data) {
        String heldOut = result.report().holdoutKind().equals("test")
                ? "the test rows of the time-ordered split (latest by time), never seen in fitting or calibration"
                : "every row, scored by the outer fold of a nested cross-validation that did not see it (out-of-fold PD)";
        return ModelDetails.of("credit-model " + result.report().chosen() + " (" + label + ")", result.model().modelId(),
                        "CreditLayer credit model: " + result.report().chosen() + " pipeline, " + result.report().strategy())
                .withIntendedUse("Fairness audit of the credit model's decisions before governance approval.",
                        List.of("Any lending decision without the audit's verdict"))
                .withData(data.source() + ": " + data.size() + " rows, " + data.positives() + " defaults", heldOut);
    }

    /** Audit attributes per row: the German protected attributes, or each group column as it is. */
    static Map<String, String[]> attributes(Dataset data, boolean german) {
        Map<String, String[]> out = new LinkedHashMap<>();
        Map<String, String[]> groups = data.groups();
        if (german) {
            out.put(GermanCreditCohorts.SEX, map(groups, "personal_status_sex", GermanCreditCohorts::sex));
            out.put(GermanCreditCohorts.AGE, map(groups, "age_years", GermanCreditCohorts::ageBand));
            out.put(GermanCreditCohorts.FOREIGN_WORKER, map(groups, "foreign_worker", GermanCreditCohorts::foreignWorker));
            return out;
        }
        groups.forEach(out::put);
        if (out.isEmpty()) {
            throw new CreditModelException(data.source() + ": no group columns to audit by (give --groups)");
        }
        return out;
    }

    private static String[] map(Map<String, String[]> groups, String column, java.util.function.UnaryOperator<String> f) {
        String[] values = groups.get(column);
        if (values == null) {
            throw new CreditModelException("the German data has no group column " + column);
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = f.apply(values[i]);
        }
        return out;
    }

    // ---------------------------------------------------------------- summary

    static String summary(Dataset data, ModelTrainer.Options options, List<Audited> audited) {
        String validation = switch (options.validation()) {
            case ModelTrainer.Stratified k -> "nested stratified " + k.folds() + "-fold cross-validation (held out: every row, out of fold)";
            case ModelTrainer.TimeOrdered t -> "time-ordered split (held out: the latest rows)";
        };
        List<MarkdownSummary.Entry> entries = audited.stream().map(a -> new MarkdownSummary.Entry(a.label(), a.report())).toList();
        return String.format(Locale.ROOT, "Data: %s, %d rows, %d defaults. Training seed %d, %s.%n", data.source(),
                data.size(), data.positives(), options.seed(), validation) + MarkdownSummary.of(entries);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
