package io.creditlayer.service.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.fairness.AuditInput;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ModelDetails;
import io.creditlayer.fairness.cohorts.WalletCohorts;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.CreditModelException;
import io.creditlayer.model.Score;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.store.CreditModelRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Runs the fairness audit in the service, on a labelled wallet data set (the extractor's training-set CSV:
 * one row per borrow, features as of the block before it, label = liquidated or written off within 30 days) from
 * the operator's audit-data directory. The model scores the rows; cohorts are the wallet-age and holdings bands
 * of fairness-audit's {@link WalletCohorts} (proxies, not protected classes); the policy is the one governance
 * enforces. By default only the rows after the model's validation window are audited (its time-ordered split's
 * test part, or later rows), so the audit does not grade the model on rows its learner or calibrator saw. When the model reads a
 * wallet id column (the wallet preset does), the bootstrap draws whole wallets: one wallet's borrows are not
 * independent, and resampling them one by one would make the intervals too narrow.
 */
@ApplicationScoped
public class ServerAudit {
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.csv");
    static final double HOLDOUT_SHARE = 0.2;
    static final String AGE_FEATURE = "wallet_age_days";
    static final String HOLDINGS_FEATURE = "stable_balance_max_usd";
    static final String WALLET_COLUMN = "wallet";

    private final ModelGovernance governance;
    private final ObjectMapper json;
    private final Optional<Path> dataDir;

    public ServerAudit(ModelGovernance governance, ObjectMapper json,
                       @ConfigProperty(name = "creditlayer.governance.audit-data-dir") Optional<String> dataDir) {
        this.governance = governance;
        this.json = json;
        this.dataDir = dataDir.filter(d -> !d.isBlank()).map(d -> Path.of(d).toAbsolutePath().normalize());
    }

    /**
     * @param dataset   a CSV file name in the audit-data directory
     * @param rows      "holdout" (default: the rows after the model's validation window, see {@link #select}) or "all"
     * @param resamples bootstrap resamples for the intervals (default 1000, at most 10000)
     */
    public record Request(String dataset, String rows, Integer resamples) {
    }

    public FairnessReportView run(String modelId, Request request, String actor) {
        if (request == null || request.dataset() == null) {
            throw ApiProblem.badRequest("invalid-audit-request", "name the labelled data set: {\"dataset\": \"training.csv\"}");
        }
        Path dir = dataDir.orElseThrow(() -> ApiProblem.conflict("server-audit-unavailable",
                "no audit data directory is configured (creditlayer.governance.audit-data-dir); post a report made "
                        + "with fairness-audit instead"));
        if (!DATASET.matcher(request.dataset()).matches()) {
            throw ApiProblem.badRequest("invalid-audit-request", "dataset must be a .csv file name (letters, digits, . _ -)");
        }
        Path file = dir.resolve(request.dataset()).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw ApiProblem.notFound("unknown-dataset", "the audit data directory has no " + request.dataset());
        }
        boolean holdout = switch (request.rows() == null ? "holdout" : request.rows()) {
            case "holdout" -> true;
            case "all" -> false;
            default -> throw ApiProblem.badRequest("invalid-audit-request", "rows must be \"holdout\" or \"all\"");
        };
        int resamples = request.resamples() == null ? 1000 : request.resamples();
        if (resamples < 0 || resamples > 10_000) {
            throw ApiProblem.badRequest("invalid-audit-request", "resamples must be between 0 and 10000");
        }

        CreditModelRecord record = QuarkusTransaction.requiringNew().call(() -> {
            CreditModelRecord r = CreditModelRecord.findById(modelId);
            if (r == null) {
                throw ApiProblem.notFound("unknown-model", "no model " + modelId + " is registered");
            }
            return r;
        });
        CreditModel model;
        Dataset data;
        try {
            model = CreditModel.load(Path.of(record.artifactDir));
            data = CsvLoader.load(file, model.columns(), model.schema(), true);
        } catch (CreditModelException | UncheckedIOException | IllegalArgumentException e) {
            throw new ApiProblem(422, "invalid-dataset", "Unprocessable entity", request.dataset()
                    + " cannot be audited with model " + modelId + ": " + e.getMessage());
        }
        Selection rows = select(data, holdout, request.dataset(), model);
        AuditReport report = FairnessAudit.run(input(model, data, rows, record, request.dataset()),
                policy(), FairnessAudit.Options.defaults().withBootstrap(resamples, FairnessAudit.Options.defaults().seed()));
        // stored through the same verification as an upload: the hash is recomputed from the canonical bytes
        FairnessReportVerifier.Verified verified = governance.verifier().verify(report.jsonBytes(), modelId);
        if (!verified.hash().equals(report.sha256())) {
            throw new IllegalStateException("canonical form of the audit report differs from fairness-audit's bytes");
        }
        return governance.store(modelId, verified, FairnessReportDocument.Source.SERVER_RUN, actor);
    }

    private FairnessPolicy policy() {
        return governance.verifier().policy();
    }

    /**
     * The rows to audit. "holdout": when the model was trained with a time-ordered split, the rows after its
     * validation window ({@code training.split.validationTimeTo} in its manifest), which neither the learner nor
     * the calibrator saw, whatever share of the file they are; for other models the latest 20% by time.
     */
    static Selection select(Dataset data, boolean holdout, String name, CreditModel model) {
        int n = data.size();
        if (n == 0) {
            throw new ApiProblem(422, "invalid-dataset", "Unprocessable entity", name + " has no rows");
        }
        if (!holdout) {
            return new Selection(IntStream.range(0, n).toArray(), "rows (all)");
        }
        long[] time = data.time();
        if (time == null) {
            throw new ApiProblem(422, "invalid-dataset", "Unprocessable entity", name
                    + " has no time column to take the held-out rows from; use \"rows\": \"all\"");
        }
        JsonNode validationEnd = model.artifact().manifest().path("training").path("split").path("validationTimeTo");
        if (validationEnd.canConvertToLong()) {
            long after = validationEnd.asLong();
            int[] rows = IntStream.range(0, n).filter(i -> time[i] > after).toArray();
            if (rows.length == 0) {
                throw new ApiProblem(422, "invalid-dataset", "Unprocessable entity", name + " has no rows after the "
                        + "model's validation window (as_of_timestamp > " + after + "); use \"rows\": \"all\"");
            }
            return new Selection(rows, "held-out rows (after the model's validation window, as_of_timestamp > " + after + ")");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> time[i]).thenComparing(i -> i));
        int from = (int) Math.floor(n * (1 - HOLDOUT_SHARE));
        return new Selection(Arrays.stream(order, from, n).mapToInt(Integer::intValue).sorted().toArray(),
                "held-out rows (latest 20% by time)");
    }

    /** Rows to audit and how they were chosen, for the report's evaluation-data text. */
    record Selection(int[] rows, String description) {
    }

    private AuditInput input(CreditModel model, Dataset data, Selection selection, CreditModelRecord record, String dataset) {
        int[] rows = selection.rows();
        int age = model.schema().indexOf(AGE_FEATURE);
        int holdings = model.schema().indexOf(HOLDINGS_FEATURE);
        if (age < 0 || holdings < 0) {
            throw new ApiProblem(422, "invalid-dataset", "Unprocessable entity", "model " + record.modelId
                    + " has no " + AGE_FEATURE + " or " + HOLDINGS_FEATURE + " feature to form wallet cohorts from");
        }
        int n = rows.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = data.row(rows[i]);
        }
        Score[] scores = model.scoreAll(x);
        boolean[] defaulted = new boolean[n];
        double[] pd = new double[n];
        int[] tier = new int[n];
        String[] ageBand = new String[n];
        String[] holdingsTier = new String[n];
        int[] y = data.y();
        for (int i = 0; i < n; i++) {
            defaulted[i] = y[rows[i]] == 1;
            pd[i] = scores[i].pd();
            tier[i] = scores[i].tier();
            ageBand[i] = WalletCohorts.ageBand(x[i][age]);
            holdingsTier[i] = WalletCohorts.holdingsTier(x[i][holdings]);
        }
        JsonNode card = readTree(record.modelCard);
        String evaluation = dataset + ": " + n + " " + selection.description() + ", audited by the scoring service";
        ModelDetails details = ModelDetails.of(card.path("name").asText("CreditLayer credit model"), record.modelId,
                        "credit model " + record.modelId + " (artifact SHA-256 " + record.artifactSha256 + ")")
                .withIntendedUse(card.path("intendedUse").asText(null), List.of())
                .withData(card.path("data").path("source").asText(null), evaluation)
                .withConsiderations(List.of("wallet cohorts (wallet age, holdings) are proxies chosen to reveal unequal "
                        + "treatment of kinds of wallets, not protected classes of the people behind them"), List.of());
        return AuditInput.of(defaulted).withPd(pd).withTier(tier)
                .withAttribute(WalletCohorts.WALLET_AGE, ageBand).withAttribute(WalletCohorts.HOLDINGS, holdingsTier)
                .withClusters(wallets(model, data, rows, dataset))
                .withModel(details);
    }

    /** The wallet of each audited row, when the model reads a wallet id column; null otherwise (rows stand alone). */
    private static String[] wallets(CreditModel model, Dataset data, int[] rows, String dataset) {
        if (!WALLET_COLUMN.equals(model.columns().id()) || data.ids() == null) {
            return null;
        }
        String[] wallet = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            wallet[i] = data.ids()[rows[i]];
            if (wallet[i] == null || wallet[i].isBlank()) {
                throw new ApiProblem(422, "invalid-dataset", "Unprocessable entity", dataset + " row "
                        + (rows[i] + 1) + " has no wallet: the audit resamples wallets and needs one on every row");
            }
        }
        return wallet;
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
