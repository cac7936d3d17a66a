package io.creditlayer.deploy.demo;

import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.SystemDeployer;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.deploy.scenario.Archetype;
import io.creditlayer.deploy.scenario.DevnetScenario;
import io.creditlayer.deploy.scenario.ScenarioDevnet;
import io.creditlayer.deploy.scenario.ScenarioManifest;
import io.creditlayer.deploy.scenario.ScenarioOptions;
import io.creditlayer.features.api.DeploymentAddresses;
import io.creditlayer.features.cohort.CohortSignals;
import io.creditlayer.features.cohort.CounterpartyLabels;
import io.creditlayer.features.cohort.FirstInflow;
import io.creditlayer.features.api.Extractor;
import io.creditlayer.features.ingest.AdaptiveLogFetcher;
import io.creditlayer.features.ingest.ChainIngestor;
import io.creditlayer.features.profile.TrainingRow;
import io.creditlayer.features.profile.TrainingSet;
import io.creditlayer.features.profile.WalletProfile;
import io.creditlayer.features.rpc.Web3jChainSource;
import io.creditlayer.fairness.AuditInput;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ModelDetails;
import io.creditlayer.fairness.cohorts.WalletCohorts;
import io.creditlayer.fairness.report.MarkdownSummary;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Explanation;
import io.creditlayer.model.Reason;
import io.creditlayer.model.Score;
import io.creditlayer.model.cli.ModelCli;
import io.creditlayer.model.data.Splits;
import io.creditlayer.model.train.ModelTrainer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The end-to-end devnet job behind the README's run command: start a deterministic anvil, deploy the system,
 * generate months of wallet history (the scenario), show a scored borrower borrowing with less collateral than an
 * unscored one and losing the advantage when the attestation expires, then read the whole chain back over
 * JSON-RPC with the feature extractor, train the credit model on the labelled training set (printing its metrics),
 * and score one wallet of each archetype with the reasons behind its score.
 */
public final class LendingDemo {
    static final long ATTESTATION_LIFETIME_SECONDS = 24 * 3600;
    /** The devnet deployment's fairness policy, which the service enforces in the run command. */
    static final java.util.function.Supplier<Path> DEVNET_POLICY =
            () -> io.creditlayer.contracts.devnet.Toolchain.root().resolve("deploy/devnet/fairness-policy.json");

    private final PrintStream out;
    private final Path outputDir;
    private final ScenarioOptions scenario;
    private final boolean keepRunning;
    private final boolean untilAudit;
    private Path policy;

    public LendingDemo(PrintStream out, Path outputDir, ScenarioOptions scenario) {
        this(out, outputDir, scenario, false, false);
    }

    /**
     * @param keepRunning leave the service, anvil and PostgreSQL running after the summary, until interrupted
     * @param untilAudit  stop after the fairness audit (no scoring service): the quicker loop for the model steps
     */
    public LendingDemo(PrintStream out, Path outputDir, ScenarioOptions scenario, boolean keepRunning, boolean untilAudit) {
        this.keepRunning = keepRunning;
        this.untilAudit = untilAudit;
        this.out = out;
        this.outputDir = outputDir;
        this.scenario = scenario;
    }

    /**
     * The fairness policy the devnet deployment enforces: the service's approval gate and the governance audit
     * (default {@link #DEVNET_POLICY}). The run command never sets it; it is for trying another policy on the
     * same devnet, and the summary names the file.
     */
    public LendingDemo withPolicy(Path file) {
        this.policy = file;
        return this;
    }

    private Path policy() {
        return policy != null ? policy.toAbsolutePath() : DEVNET_POLICY.get();
    }

    public void run() throws Exception {
        long started = System.nanoTime();
        try (Anvil anvil = ScenarioDevnet.startAnvil();
             ChainClient chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet())) {
            out.println("anvil devnet on " + anvil.rpcUrl() + " (chain " + chain.chainId() + ")");
            Deployment deployment = ScenarioDevnet.deploy(chain, anvil.rpcUrl(), line -> out.println("  " + line));
            Path deploymentFile = outputDir.resolve("deployment.json");
            deployment.write(deploymentFile);

            out.printf("generating devnet history: %,d wallets over %d days (seed %d)%n", scenario.wallets(), scenario.days(),
                    scenario.seed());
            ScenarioManifest manifest = DevnetScenario.run(chain, deployment, scenario, line -> out.println("  " + line));
            Path scenarioFile = outputDir.resolve(ScenarioManifest.FILE_NAME);
            manifest.write(scenarioFile);

            LendingOutcome lending = lend(chain, deployment);

            out.println("extracting wallet profiles over JSON-RPC ...");
            long head = chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
            Extraction extraction = extract(anvil.rpcUrl(), deploymentFile, scenarioFile, head);

            out.println("training the credit model on the devnet training set ...");
            Path modelDir = outputDir.resolve("model");
            // downturn calibration: PDs calibrated on the calm validation window would understate the crash the
            // held-out borrows fall in (ADR 0016, docs/model.md "Calibration")
            if (ModelCli.run("train", "--preset", "wallet", "--csv", extraction.trainingFile.toString(),
                    "--out", modelDir.toString(), "--seed", Long.toString(scenario.seed()), "--downturn", "--quiet") != 0) {
                throw new IllegalStateException("training the credit model failed (see above)");
            }
            CreditModel model = CreditModel.load(modelDir);
            FairnessOutcome fairness = audit(model, heldOut(extraction), outputDir, policy());

            ServiceDemo.Outcome service = untilAudit ? null : new ServiceDemo(out, chain, anvil, deployment, outputDir)
                    .run(modelDir, fairness.governanceJson, policy(), scenarioFile, manifest, scenario.seed());

            out.println();
            out.println("CreditLayer devnet summary");
            out.println("  deployment file     " + deploymentFile.toAbsolutePath());
            out.println("  TimelockController  " + deployment.timelock());
            out.println("  ModelRegistry       " + deployment.modelRegistry());
            out.println("  CreditOracle        " + deployment.creditOracle());
            out.println("  LendingPool         " + deployment.lendingPool());
            out.println("  loan / collateral   dUSD " + deployment.loanToken() + " / dETH " + deployment.collateralToken());
            ScenarioManifest.Totals t = manifest.totals();
            out.printf("  devnet history      %,d wallets, %,d blocks, %,d transactions: %,d borrows, %,d repays, %,d liquidations, %,d write-offs%n",
                    manifest.wallets().size(), t.blocks(), t.transactions(), t.borrows(), t.repays(), t.liquidations(), t.writeOffs());
            lending.print(out);
            out.printf("  extraction          %,d wallets and %,d events seen in %,d blocks (%,d logs) in %.1f s%n",
                    extraction.wallets, extraction.events, extraction.blocks, extraction.logs, extraction.seconds);
            out.printf("  training set        %s: %,d borrows, %,d liquidated or defaulted within 30 days%n",
                    extraction.trainingFile.toAbsolutePath(), extraction.rows.size(), extraction.positives);
            out.printf("  profiles            %s: %,d wallets as of block %,d%n", extraction.profilesFile.toAbsolutePath(),
                    extraction.profiles, head);
            printDemoBorrowers(model, manifest, extraction.profileByWallet);
            out.printf("  fairness audit      %s (%s) on %,d held-out borrows of %,d wallets by five wallet cohorts (proxies); report %s%n",
                    fairness.verdict, fairness.reason, fairness.rows, fairness.wallets, fairness.html.toAbsolutePath());
            out.printf("  devnet governance   %s (%s): the policy the service enforces here (%s)%n",
                    fairness.governanceVerdict, fairness.governanceReason, policy());
            if (service == null) {
                out.println("  scoring service     not started (--until audit)");
                out.printf("  total time          %.1f s%n", (System.nanoTime() - started) / 1e9);
                return;
            }
            printService(service);
            out.printf("  total time          %.1f s%n", (System.nanoTime() - started) / 1e9);
            if (keepRunning) {
                out.println();
                out.println("the service, anvil and PostgreSQL keep running: press Ctrl-C to stop");
                Thread.currentThread().join();
            }
            service.service.close();
        }
    }

    /** The cohort columns of the held-out rows, in this order (written to {@link #HELD_OUT_COHORTS}). */
    static final List<String> COHORTS = List.of(WalletCohorts.WALLET_AGE, WalletCohorts.HOLDINGS,
            WalletCohorts.FUNDING_SOURCE, WalletCohorts.ACTIVITY_REGION, WalletCohorts.CHAIN);
    /** The held-out rows' wallets, blocks and cohorts, so {@link #reaudit} can retrain and audit without the chain. */
    static final String HELD_OUT_COHORTS = "fairness/heldout-cohorts.csv";
    /** Every labelled borrow's wallet, block and cohorts, in training-set order. */
    static final String ALL_COHORTS = "fairness/cohorts.csv";

    /**
     * Where the audit's rows start: exactly the trainer's test part (the wallet preset's time-ordered split, whose
     * cuts move past ties in time), so no audited borrow was seen by the learner or the calibrator. The rows are in
     * time order, so the test part is the tail.
     */
    static int heldOutFrom(long[] asOfTimestamps) {
        ModelTrainer.TimeOrdered shares = (ModelTrainer.TimeOrdered) ModelTrainer.Options.wallet(0).validation();
        int[] test = Splits.timeOrdered(asOfTimestamps, shares.trainShare(), shares.validationShare()).test();
        int from = asOfTimestamps.length - test.length;
        for (int i = 0; i < test.length; i++) {
            if (test[i] != from + i) {
                throw new IllegalStateException("the training set is not in time order at row " + (from + i));
            }
        }
        return from;
    }

    /**
     * The cohorts (proxies, never protected classes) of the held-out borrows, each as of the block before the
     * borrow: wallet age and holdings from the profile, and funding source of the first inflow, activity region
     * (UTC offset band of the hours the wallet transacts) and chain from the extractor's cohort signals. Also
     * written to {@link #HELD_OUT_COHORTS}.
     */
    private HeldOut heldOut(Extraction extraction) throws java.io.IOException {
        List<TrainingRow> rows = extraction.rows;
        int from = heldOutFrom(rows.stream().mapToLong(r -> r.profile().asOfTimestamp()).toArray());
        CounterpartyLabels labels = DeploymentAddresses.counterpartyLabels(outputDir.resolve("deployment.json"),
                outputDir.resolve(ScenarioManifest.FILE_NAME));
        HeldOut h = new HeldOut(rows.size(), rows.size() - from);
        String header = "wallet,as_of_block,label," + String.join(",", COHORTS) + "\n";
        StringBuilder csv = new StringBuilder(header);
        StringBuilder all = new StringBuilder(header);
        for (int r = 0; r < rows.size(); r++) {
            WalletProfile profile = rows.get(r).profile();
            String[] c = new String[COHORTS.size()];
            c[0] = WalletCohorts.ageBand(profile.value(io.creditlayer.features.profile.Feature.WALLET_AGE_DAYS));
            c[1] = WalletCohorts.holdingsTier(profile.value(io.creditlayer.features.profile.Feature.STABLE_BALANCE_MAX_USD));
            CohortSignals signals = extraction.extractor.cohortSignals(profile.wallet(), profile.asOfBlock(), labels);
            FirstInflow first = signals.firstInflow();
            c[2] = WalletCohorts.fundingSource(first != null, first == null ? null : first.label());
            c[3] = WalletCohorts.activityRegion(signals.utcHourCounts());
            c[4] = WalletCohorts.chain(signals.chainId());
            String line = profile.wallet() + "," + profile.asOfBlock() + "," + rows.get(r).label() + "," + String.join(",", c) + "\n";
            all.append(line);
            if (r >= from) {
                int i = r - from;
                h.x[i] = profile.values();
                h.defaulted[i] = rows.get(r).label() == 1;
                h.wallet[i] = profile.wallet();
                h.cohorts[i] = c;
                csv.append(line);
            }
        }
        Path file = outputDir.resolve(HELD_OUT_COHORTS);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, csv);
        java.nio.file.Files.writeString(outputDir.resolve(ALL_COHORTS), all);
        return h;
    }

    /** The audit's rows: features, labels and cohorts of the held-out borrows. */
    private static final class HeldOut {
        final int trainingRows;
        final double[][] x;
        final boolean[] defaulted;
        final String[] wallet;
        final String[][] cohorts;

        HeldOut(int trainingRows, int n) {
            this.trainingRows = trainingRows;
            x = new double[n][];
            defaulted = new boolean[n];
            wallet = new String[n];
            cohorts = new String[n][COHORTS.size()];
        }
    }

    /**
     * Audits the model's decisions on the held-out borrows by the five wallet cohorts, under the default gate and
     * under the devnet governance policy. Writes the JSON and HTML reports and a Markdown summary. A wallet borrows
     * many times and its borrows are not independent, so the bootstrap draws whole wallets (ADR 0019).
     */
    private static FairnessOutcome audit(CreditModel model, HeldOut h, Path outputDir, Path policyFile) throws java.io.IOException {
        int n = h.x.length;
        double[] pd = new double[n];
        int[] tier = new int[n];
        for (int i = 0; i < n; i++) {
            Score score = model.score(h.x[i]);
            pd[i] = score.pd();
            tier[i] = score.tier();
        }
        AuditInput input = AuditInput.of(h.defaulted).withPd(pd).withTier(tier).withClusters(h.wallet);
        for (int c = 0; c < COHORTS.size(); c++) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = h.cohorts[i][c];
            }
            input = input.withAttribute(COHORTS.get(c), values);
        }
        input = input.withModel(ModelDetails.of("credit-model wallet preset", model.modelId(),
                        "the run command's credit model, trained on the devnet training set (time-ordered 60/20/20)")
                .withData("devnet training set: " + h.trainingRows + " borrows",
                        n + " held-out borrows (the trainer's test part: the latest 20% by time, cut past ties), features and cohorts as of the block before each borrow; intervals resample the borrowing wallets, each with all its borrows"));
        FairnessPolicy gate = FairnessPolicy.defaults();
        AuditReport report = FairnessAudit.run(input, gate, FairnessAudit.Options.defaults());
        // The devnet deployment's governance policy (deploy/devnet/fairness-policy.json), which the scoring service
        // enforces on this devnet: the default checks at approval = tier 2 or better, without the absolute
        // calibration bound. The default gate's verdict above is printed beside it.
        FairnessPolicy devnetPolicy = FairnessPolicy.load(policyFile);
        AuditReport governance = FairnessAudit.run(input, devnetPolicy, FairnessAudit.Options.defaults());
        Path dir = outputDir.resolve("fairness");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("devnet-report.json"), report.jsonBytes());
        java.nio.file.Files.write(dir.resolve("devnet-governance-report.json"), governance.jsonBytes());
        java.nio.file.Files.writeString(dir.resolve("devnet-governance-report.html"), governance.toHtml());
        java.nio.file.Files.writeString(dir.resolve("devnet-summary.md"), MarkdownSummary.of(List.of(
                new MarkdownSummary.Entry("wallet model, default gate", report),
                new MarkdownSummary.Entry("wallet model, devnet governance policy", governance))));
        FairnessOutcome outcome = new FairnessOutcome();
        outcome.html = dir.resolve("devnet-report.html");
        java.nio.file.Files.writeString(outcome.html, report.toHtml());
        outcome.verdict = report.verdict() + " " + report.sha256().bytes32();
        outcome.reason = report.verdictReason();
        outcome.rows = n;
        outcome.wallets = report.metrics().resamplingUnit().count();
        outcome.governanceJson = dir.resolve("devnet-governance-report.json");
        outcome.governanceVerdict = governance.verdict() + " " + governance.sha256().bytes32();
        outcome.governanceReason = governance.verdictReason();
        return outcome;
    }

    /**
     * The model and audit steps again on a finished run's files, without the chain: retrains from
     * {@code training.csv} into {@code model/} (as the run command does) and audits the held-out rows with the
     * cohorts the run wrote to {@link #HELD_OUT_COHORTS}. For iterating on training, calibration and the policy;
     * the run command stays the reference.
     */
    public static void reaudit(PrintStream out, Path outputDir, long seed, Path policyFile) throws Exception {
        Path training = outputDir.resolve("training.csv");
        Path modelDir = outputDir.resolve("model");
        for (Path needed : List.of(training, outputDir.resolve(HELD_OUT_COHORTS))) {
            if (!java.nio.file.Files.isRegularFile(needed)) {
                throw new IllegalStateException(needed + " is missing: run the demo first (demo --until audit is enough)");
            }
        }
        out.println("training the credit model on " + training + " ...");
        if (ModelCli.run("train", "--preset", "wallet", "--csv", training.toString(), "--out", modelDir.toString(),
                "--seed", Long.toString(seed), "--downturn", "--quiet") != 0) {
            throw new IllegalStateException("training the credit model failed (see above)");
        }
        CreditModel model = CreditModel.load(modelDir);
        io.creditlayer.model.data.Dataset data = io.creditlayer.model.data.CsvLoader.load(training,
                io.creditlayer.model.data.Presets.wallet(), model.schema(), true);
        List<String> lines = java.nio.file.Files.readAllLines(outputDir.resolve(HELD_OUT_COHORTS));
        int from = heldOutFrom(data.time());
        HeldOut h = new HeldOut(data.size(), data.size() - from);
        if (lines.size() - 1 != h.x.length) {
            throw new IllegalStateException(HELD_OUT_COHORTS + " has " + (lines.size() - 1) + " rows, the training set's held-out part "
                    + h.x.length + ": rerun the demo");
        }
        for (int i = 0; i < h.x.length; i++) {
            String[] fields = lines.get(i + 1).split(",", -1);
            if (!fields[0].equalsIgnoreCase(data.id(from + i)) || (data.y()[from + i] == 1) != fields[2].equals("1")) {
                throw new IllegalStateException(HELD_OUT_COHORTS + " row " + (i + 1) + " is not the training set's: rerun the demo");
            }
            h.x[i] = data.row(from + i);
            h.defaulted[i] = data.y()[from + i] == 1;
            h.wallet[i] = fields[0];
            System.arraycopy(fields, 3, h.cohorts[i], 0, COHORTS.size());
        }
        FairnessOutcome f = audit(model, h, outputDir, policyFile == null ? DEVNET_POLICY.get() : policyFile);
        out.println("  credit model        " + model.modelId());
        out.printf("  fairness audit      %s (%s) on %,d held-out borrows of %,d wallets%n", f.verdict, f.reason, f.rows, f.wallets);
        out.printf("  devnet governance   %s (%s)%n", f.governanceVerdict, f.governanceReason);
        out.println("  summary             " + outputDir.resolve("fairness/devnet-summary.md").toAbsolutePath());
    }

    private static final class FairnessOutcome {
        Path governanceJson;
        String governanceVerdict;
        String governanceReason;
        String verdict;
        String reason;
        int rows;
        int wallets;
        Path html;
    }

    private void printService(ServiceDemo.Outcome s) {
        out.printf("  scoring service     %s (OpenAPI: /q/swagger-ui, health: /q/health, metrics: /q/metrics); log %s%n",
                s.service.baseUrl(), s.service.log().toAbsolutePath());
        out.println("  model governance    " + s.modelId + ": " + s.gate);
        if (!s.approved) {
            out.println("                      no model passed the enforced fairness policy, so the service serves no scores;");
            out.println("                      why, and what governance is asked to decide: docs/fairness-devnet.md, docs/adr/0020-devnet-gate-needs-a-governance-decision.md");
            out.println("                      the rest of the flow, under a policy that is not a fairness policy: deploy/bin/demo --fairness-policy deploy/devnet/flow-check-policy.json");
            return;
        }
        out.printf("  scores served       %,d of %,d scenario wallets scored by the service (profiles from its chain pipeline); by tier %s%n",
                s.scored, s.wallets, s.tiers);
        out.printf("  attested borrower   %s: score %d, tier %d; attestation %s posted through the outbox, CONFIRMED in %s%n",
                s.borrower, s.borrowerScore, s.borrowerTier, s.attestationId, s.attestationTx);
        out.printf("                      collateral ratio %s, borrow limit %s dUSD, borrowed %s dUSD (unscored: 150%%)%n",
                LendingOutcome.percent(s.collateralRatioBps),
                String.format("%,.2f", new BigDecimal(s.borrowLimit).divide(new BigDecimal(s.loanUnit)).setScale(2, java.math.RoundingMode.DOWN)),
                String.format("%,.2f", new BigDecimal(s.borrowed).divide(new BigDecimal(s.loanUnit)).setScale(2, java.math.RoundingMode.DOWN)));
        if (s.zk != null) {
            s.zk.print(out);
        }
        out.printf("  try it              curl -s -H 'X-API-Key: %s' %s/v1/wallets/%s/score%n", s.lenderKey,
                s.service.baseUrl(), s.borrower);
        out.printf("  service phase       %.1f s%n", s.seconds);
    }

    /** One wallet of each archetype, scored by the trained model as of the chain head, with its top reasons. */
    private void printDemoBorrowers(CreditModel model, ScenarioManifest manifest, Map<String, WalletProfile> profiles) {
        out.println("  credit model        " + model.modelId());
        Set<Archetype> shown = EnumSet.noneOf(Archetype.class);
        for (ScenarioManifest.Wallet wallet : manifest.wallets()) {
            WalletProfile profile = profiles.get(wallet.address().toLowerCase(Locale.ROOT));
            if (profile == null || !shown.add(wallet.archetype())) {
                continue;
            }
            Explanation explanation = model.explain(profile.values(), 2);
            Score score = explanation.score();
            out.printf(Locale.ROOT, "  %-18s %s  PD %5.2f%%  score %d  tier %d  collateral %s%n",
                    wallet.archetype().name().toLowerCase(Locale.ROOT).replace('_', ' '), wallet.address(),
                    100 * score.pd(), score.score(), score.tier(), LendingOutcome.percent(BigInteger.valueOf(score.collateralRatioBps())));
            for (Reason reason : explanation.reasons()) {
                out.println("                       - " + reason.text());
            }
        }
    }

    /** The attestation demo on two fresh anvil accounts the scenario never touches. */
    private LendingOutcome lend(ChainClient chain, Deployment deployment) throws Exception {
        DevnetMarket market = new DevnetMarket(chain, deployment);
        BigInteger loanUnit = BigInteger.TEN.pow(SystemDeployer.DEVNET_LOAN_DECIMALS);
        BigInteger collateralUnit = BigInteger.TEN.pow(SystemDeployer.DEVNET_COLLATERAL_DECIMALS);
        market.postPrice(SystemDeployer.DEVNET_INITIAL_PRICE);
        Credentials scored = DevnetAccounts.SCORED_BORROWER.credentials();
        Credentials unscored = DevnetAccounts.UNSCORED_BORROWER.credentials();
        BigInteger collateral = collateralUnit.multiply(BigInteger.TEN);
        market.postCollateral(scored, collateral);
        market.postCollateral(unscored, collateral);

        long now = chain.latestBlockTimestamp();
        ScoreAttestation attestation = new ScoreAttestation(scored.getAddress(), 812, 5, DevnetScenario.BOOTSTRAP_MODEL_ID,
                Hash.sha3(("features:" + scored.getAddress()).getBytes(StandardCharsets.UTF_8)), now,
                now + ATTESTATION_LIFETIME_SECONDS, BigInteger.ONE);
        TransactionReceipt submitted = market.submit(DevnetAccounts.RELAYER.credentials(), attestation, market.sign(attestation));

        LendingPool pool = market.pool(scored);
        LendingOutcome o = new LendingOutcome();
        o.loanUnit = loanUnit;
        o.scored = pool.positionOf(scored.getAddress()).send();
        o.unscored = pool.positionOf(unscored.getAddress()).send();
        o.scoredRatio = pool.collateralRatioBpsOf(scored.getAddress()).send();
        o.unscoredRatio = pool.collateralRatioBpsOf(unscored.getAddress()).send();
        o.scoredBorrow = o.scored.borrowLimit.multiply(BigInteger.valueOf(96)).divide(BigInteger.valueOf(100));
        o.scoredBorrowed = pool.borrow(o.scoredBorrow, scored.getAddress()).send();
        o.unscoredRefusal = market.simulateBorrow(unscored, o.scoredBorrow);
        o.unscoredBorrow = o.unscored.borrowLimit.multiply(BigInteger.valueOf(96)).divide(BigInteger.valueOf(100));
        o.unscoredBorrowed = market.pool(unscored).borrow(o.unscoredBorrow, unscored.getAddress()).send();
        o.submitted = submitted;

        DevnetClock.advance(chain, ATTESTATION_LIFETIME_SECONDS + 1);
        market.postPrice(SystemDeployer.DEVNET_INITIAL_PRICE);
        o.expired = pool.positionOf(scored.getAddress()).send();
        o.expiredRefusal = market.simulateBorrow(scored, loanUnit);
        return o;
    }

    private Extraction extract(String rpcUrl, Path deploymentFile, Path scenarioFile, long head) {
        long started = System.nanoTime();
        try (Web3jChainSource source = Web3jChainSource.connect(rpcUrl, Anvil.CHAIN_ID, Web3jChainSource.Options.defaults())) {
            Extractor extractor = new Extractor(source, DeploymentAddresses.read(deploymentFile, scenarioFile),
                    new ChainIngestor.Options(AdaptiveLogFetcher.Options.defaults(), 0, 64), null);
            extractor.start(0);
            extractor.ingestTo(head);
            List<TrainingRow> rows = extractor.trainingRows(TrainingSet.DEFAULT_HORIZON_SECONDS);
            List<WalletProfile> profiles = extractor.snapshot(head);
            Extraction e = new Extraction();
            e.trainingFile = outputDir.resolve("training.csv");
            e.profilesFile = outputDir.resolve("profiles.csv");
            TrainingSet.writeCsv(rows, e.trainingFile);
            TrainingSet.writeProfilesCsv(profiles, e.profilesFile);
            e.wallets = extractor.store().wallets().size();
            e.events = extractor.store().eventCount();
            e.blocks = extractor.stats().blocks;
            e.logs = extractor.stats().logs;
            e.rows = rows;
            e.extractor = extractor;
            e.positives = rows.stream().filter(r -> r.label() == 1).count();
            e.profiles = profiles.size();
            for (WalletProfile profile : profiles) {
                e.profileByWallet.put(profile.wallet(), profile);
            }
            e.seconds = (System.nanoTime() - started) / 1e9;
            return e;
        }
    }

    private static final class Extraction {
        Path trainingFile;
        Path profilesFile;
        long wallets;
        long events;
        long blocks;
        long logs;
        List<TrainingRow> rows;
        /** Its event store stays readable after the RPC source is closed: the audit reads cohort signals from it. */
        Extractor extractor;
        long positives;
        long profiles;
        double seconds;
        final Map<String, WalletProfile> profileByWallet = new HashMap<>();
    }

    private static final class LendingOutcome {
        BigInteger loanUnit;
        LendingPool.PositionView scored;
        LendingPool.PositionView unscored;
        LendingPool.PositionView expired;
        BigInteger scoredRatio;
        BigInteger unscoredRatio;
        BigInteger scoredBorrow;
        BigInteger unscoredBorrow;
        TransactionReceipt submitted;
        TransactionReceipt scoredBorrowed;
        TransactionReceipt unscoredBorrowed;
        Optional<String> unscoredRefusal;
        Optional<String> expiredRefusal;

        void print(PrintStream out) {
            out.println("  both borrowers post 10 dETH = " + amount(scored.collateralValue) + " dUSD of collateral");
            out.printf("  scored borrower     tier %s, collateral ratio %s, limit %s dUSD, borrowed %s dUSD%n",
                    scored.tier, percent(scoredRatio), amount(scored.borrowLimit), amount(scoredBorrow));
            out.printf("  unscored borrower   tier %s, collateral ratio %s, limit %s dUSD, borrowed %s dUSD; borrowing %s dUSD: %s%n",
                    unscored.tier, percent(unscoredRatio), amount(unscored.borrowLimit), amount(unscoredBorrow),
                    amount(scoredBorrow), unscoredRefusal.orElse("allowed"));
            out.printf("  after expiry        scored borrower falls to tier %s, limit %s dUSD, liquidatable %s; new borrow: %s%n",
                    expired.tier, amount(expired.borrowLimit), expired.liquidatable ? "yes" : "no", expiredRefusal.orElse("allowed"));
            out.printf("  transaction gas     submitAttestation %,d; borrow (scored) %,d; borrow (unscored) %,d%n"
                            + "                      (whole transactions: 21,000 intrinsic and first-touch storage included; warm-call figures are in lending-contracts/README.md)%n",
                    submitted.getGasUsed(), scoredBorrowed.getGasUsed(), unscoredBorrowed.getGasUsed());
        }

        private String amount(BigInteger baseUnits) {
            return String.format("%,.2f", new BigDecimal(baseUnits).divide(new BigDecimal(loanUnit)));
        }

        private static String percent(BigInteger bps) {
            return new BigDecimal(bps).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
        }
    }
}
