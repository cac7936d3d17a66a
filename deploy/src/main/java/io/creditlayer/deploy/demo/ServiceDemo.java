package io.creditlayer.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.contracts.devnet.Toolchain;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.contracts.generated.ModelRegistry;
import io.creditlayer.contracts.generated.TimelockController;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.TimelockGovernance;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.deploy.scenario.DevnetScenario;
import io.creditlayer.deploy.scenario.ScenarioManifest;
import io.creditlayer.deploy.service.ScoringServiceProcess;
import io.creditlayer.deploy.service.ServiceClient;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scoring service on the devnet, driven through its API the way operators, governance and lenders use it:
 * start the packaged service (embedded PostgreSQL), create API keys, submit the fairness report and approve the
 * trained model (the ModelRegistry follows through the outbox and the timelock), let the pipeline build the
 * wallets' profiles from the chain, score every scenario wallet in batches, post an attestation through the
 * outbox and let that borrower borrow at the attested tier.
 */
final class ServiceDemo {
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final PrintStream out;
    private final ChainClient chain;
    private final Anvil anvil;
    private final Deployment deployment;
    private final Path outputDir;

    ServiceDemo(PrintStream out, ChainClient chain, Anvil anvil, Deployment deployment, Path outputDir) {
        this.out = out;
        this.chain = chain;
        this.anvil = anvil;
        this.deployment = deployment;
        this.outputDir = outputDir;
    }

    /** What the summary prints. */
    static final class Outcome {
        ScoringServiceProcess service;
        String lenderKey;
        String modelId;
        String gate;
        boolean approved;
        int scored;
        int wallets;
        Map<Integer, Integer> tiers = new java.util.TreeMap<>();
        String borrower;
        int borrowerTier;
        int borrowerScore;
        String attestationId;
        String attestationTx;
        BigInteger collateralRatioBps;
        BigInteger borrowed;
        BigInteger borrowLimit;
        BigInteger loanUnit;
        ZkDemo.Outcome zk;
        double seconds;
    }

    Outcome run(Path modelDir, Path fairnessReport, Path fairnessPolicy, Path scenarioFile, ScenarioManifest manifest, long seed)
            throws Exception {
        long started = System.nanoTime();
        Outcome o = new Outcome();
        Path workDir = outputDir.resolve("service");
        deleteRecursively(workDir.resolve("postgres")); // a new devnet chain: the service starts from an empty database
        String adminKey = newApiKey();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(port()));
        config.put("creditlayer.chain.rpc-url", anvil.rpcUrl());
        config.put("creditlayer.chain.chain-id", Long.toString(Anvil.CHAIN_ID));
        config.put("creditlayer.chain.deployment-file", outputDir.resolve("deployment.json").toAbsolutePath().toString());
        config.put("creditlayer.model.dir", modelDir.toAbsolutePath().toString());
        config.put("creditlayer.pipeline.scenario-file", scenarioFile.toAbsolutePath().toString());
        config.put("creditlayer.pipeline.confirmations", "0");
        config.put("creditlayer.pipeline.interval", "2s");
        config.put("creditlayer.pipeline.initial-delay", "1s");
        config.put("creditlayer.outbox.confirmations", "1");
        config.put("creditlayer.governance.fairness-policy", fairnessPolicy.toString());
        config.put("creditlayer.siwe.domain", "localhost:" + config.get("quarkus.http.port"));
        // the server-side prover and the verify endpoint use the build's circuit, key and snarkjs
        config.putAll(ZkDemo.serviceConfig(Toolchain.root()));
        Map<String, String> secrets = Map.of(
                "CREDITLAYER_SCORER_KEY", Numeric.toHexStringWithPrefixZeroPadded(
                        DevnetAccounts.SCORER.credentials().getEcKeyPair().getPrivateKey(), 64),
                "CREDITLAYER_ADMIN_API_KEY", adminKey);
        out.println("starting the scoring service (embedded PostgreSQL, outbox worker, chain pipeline) ...");
        o.service = ScoringServiceProcess.start(config, secrets, workDir, READY_WITHIN);
        ServiceClient admin = new ServiceClient(o.service.baseUrl(), adminKey);
        o.lenderKey = createKey(admin, "devnet lender", List.of("scores:read", "attestations:write"));
        ServiceClient governance = admin.withKey(createKey(admin, "devnet governance", List.of("governance")));
        ServiceClient lender = admin.withKey(o.lenderKey);

        JsonNode models = governance.get("/v1/governance/models").require("listing models");
        o.modelId = models.path(0).path("modelId").asText();
        out.println("  governance: model " + o.modelId + " registered as " + models.path(0).path("status").asText());
        if (!approve(governance, o, fairnessReport)) {
            o.seconds = (System.nanoTime() - started) / 1e9;
            return o;
        }

        out.println("  waiting for the pipeline to read the chain into wallet profiles ...");
        List<String> addresses = manifest.wallets().stream().map(w -> w.address().toLowerCase(Locale.ROOT)).toList();
        Map<String, JsonNode> scores = scoreAll(lender, addresses);
        o.wallets = addresses.size();
        o.scored = scores.size();
        scores.values().forEach(s -> o.tiers.merge(s.path("tier").asInt(), 1, Integer::sum));

        Map<String, Credentials> keys = walletKeys(manifest, seed);
        borrowAtAttestedTier(lender, scores, keys, o);

        // another scored wallet proves its tier in zero knowledge and borrows at it (issue 7)
        List<Credentials> provers = scores.values().stream()
                .filter(s -> s.path("tier").asInt() >= 2 && !s.path("address").asText().equals(o.borrower))
                .sorted(Comparator.comparingInt((JsonNode s) -> s.path("score").asInt()).reversed())
                .map(s -> keys.get(s.path("address").asText())).filter(java.util.Objects::nonNull).limit(50).toList();
        if (!provers.isEmpty()) {
            o.zk = new ZkDemo(out, chain, deployment, Toolchain.root()).run(governance, lender, o.service.baseUrl(), provers);
        }
        o.seconds = (System.nanoTime() - started) / 1e9;
        return o;
    }

    /** Fairness report, then approval: refused without a passing report; the registry follows through the outbox. */
    private boolean approve(ServiceClient governance, Outcome o, Path fairnessReport) throws Exception {
        String modelPath = "/v1/governance/models/" + o.modelId;
        ServiceClient.Answer refused = governance.post(modelPath + "/approve", Map.of());
        out.println("  governance: approval without a fairness report -> HTTP " + refused.status() + " "
                + refused.body().path("type").asText().replace("https://creditlayer.io/problems/", ""));
        JsonNode report = governance.post(modelPath + "/fairness-reports", Files.readString(fairnessReport))
                .require("submitting the fairness report");
        out.println("  governance: fairness report " + report.path("verdict").asText() + " " + report.path("reportHash").asText());
        grantServiceTimelockRoles();
        // from here on the outbox may schedule at any moment: the wait below reads the timelock's logs from this block
        BigInteger before = chain.web3j().ethBlockNumber().send().getBlockNumber();
        ServiceClient.Answer approval = governance.post(modelPath + "/approve", Map.of());
        if (!approval.ok()) {
            // the gate did its job: no model serves scores, so the rest of the service demo cannot run
            o.gate = "approval refused (HTTP " + approval.status() + "): " + approval.body().path("detail").asText();
            out.println("  governance: " + o.gate);
            return false;
        }
        o.gate = "refused without a report (HTTP " + refused.status() + "), approved with report "
                + report.path("verdict").asText() + " " + report.path("reportHash").asText();
        o.approved = true;
        awaitOnChainApproval(Numeric.hexStringToByteArray(o.modelId), before);
        out.println("  governance: model approved; the ModelRegistry on-chain says approved, fairness report hash recorded");
        return true;
    }

    /**
     * On the devnet the deployer is the timelock's governor; it lets the service's account propose and execute
     * (a timelock operation on the timelock itself), so the service's outbox can carry the approval alone.
     * Production keeps scheduling with the governors (ADR 0014).
     */
    private void grantServiceTimelockRoles() throws Exception {
        TimelockController timelock = TimelockController.load(deployment.timelock(), chain.web3j(),
                chain.transactionManager(DevnetAccounts.DEPLOYER.credentials()), chain.gasProvider());
        String scorer = DevnetAccounts.SCORER.credentials().getAddress();
        TimelockGovernance governors = new TimelockGovernance(chain, DevnetAccounts.DEPLOYER.credentials(), deployment.timelock());
        for (byte[] role : List.of(timelock.PROPOSER_ROLE().send(), timelock.EXECUTOR_ROLE().send())) {
            if (timelock.hasRole(role, scorer).send()) {
                continue;
            }
            String call = timelock.grantRole(role, scorer).encodeFunctionCall();
            governors.scheduleAndExecute(Hash.sha3(("creditlayer.demo.grant/" + Numeric.toHexString(role)).getBytes(StandardCharsets.UTF_8)),
                    deployment.timelock(), call, delay -> DevnetClock.mineAt(chain, chain.latestBlockTimestamp() + delay + 1));
        }
    }

    /**
     * Waits for the outbox to propose, record the report and schedule; moves the devnet clock past the delay each
     * time a new operation is scheduled (the service may schedule more than one), so the outbox can execute them.
     *
     * @param from the block before the approval request: the outbox may schedule before this wait starts
     */
    private void awaitOnChainApproval(byte[] modelId, BigInteger from) throws Exception {
        ModelRegistry registry = ModelRegistry.load(deployment.modelRegistry(), chain.web3j(),
                chain.transactionManager(DevnetAccounts.DEPLOYER.credentials()), chain.gasProvider());
        TimelockController timelock = TimelockController.load(deployment.timelock(), chain.web3j(),
                chain.transactionManager(DevnetAccounts.DEPLOYER.credentials()), chain.gasProvider());
        long delay = timelock.getMinDelay().send().longValueExact();
        String scheduled = EventEncoder.encode(TimelockController.CALLSCHEDULED_EVENT);
        int advancedFor = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!registry.isApproved(modelId).send()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ModelRegistry did not approve the model within 3 minutes; see the service log");
            }
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(from), DefaultBlockParameterName.LATEST,
                    deployment.timelock()).addSingleTopic(scheduled);
            int operations = chain.web3j().ethGetLogs(filter).send().getLogs().size();
            if (operations > advancedFor) {
                DevnetClock.mineAt(chain, chain.latestBlockTimestamp() + delay + 1);
                advancedFor = operations;
            }
            Thread.sleep(500);
        }
    }

    /** Batch-scores every wallet until the pipeline has profiled them (or stops making progress). */
    private Map<String, JsonNode> scoreAll(ServiceClient lender, List<String> addresses) throws Exception {
        Map<String, JsonNode> scores = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        int lastCount = -1;
        int stableRounds = 0;
        while (System.nanoTime() < deadline) {
            scores.clear();
            for (int from = 0; from < addresses.size(); from += 1000) {
                List<String> batch = addresses.subList(from, Math.min(addresses.size(), from + 1000));
                ServiceClient.Answer reply = lender.post("/v1/wallets/scores", Map.of("addresses", batch));
                if (reply.status() == 503 && System.nanoTime() < deadline) {
                    break; // the service activates the approved model when it reads the registry: try again shortly
                }
                JsonNode answer = reply.require("batch scoring");
                for (JsonNode result : answer.path("results")) {
                    if (result.path("status").asInt() == 200) {
                        scores.put(result.path("address").asText(), result.path("score"));
                    }
                }
            }
            stableRounds = scores.size() == lastCount && scores.size() > 0 ? stableRounds + 1 : 0;
            lastCount = scores.size();
            if (scores.size() == addresses.size() || stableRounds >= 3) {
                break;
            }
            Thread.sleep(2000);
        }
        if (scores.isEmpty()) {
            throw new IllegalStateException("the pipeline produced no profiles; see the service log");
        }
        return scores;
    }

    /**
     * The best-scored scenario wallet gets an attestation posted through the outbox, then borrows at its tier's
     * collateral ratio.
     */
    private void borrowAtAttestedTier(ServiceClient lender, Map<String, JsonNode> scores, Map<String, Credentials> keys,
                                      Outcome o) throws Exception {
        List<JsonNode> candidates = new ArrayList<>(scores.values());
        candidates.removeIf(s -> !keys.containsKey(s.path("address").asText()) || s.path("tier").asInt() < 1);
        candidates.sort(Comparator.comparingInt((JsonNode s) -> s.path("score").asInt()).reversed());
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no scenario wallet has a tier to attest");
        }
        // the best-scored wallet without debt, so the borrow shows the attested tier's limit, not an old loan
        DevnetMarket market = new DevnetMarket(chain, deployment);
        LendingPool reader = market.pool(DevnetAccounts.DEPLOYER.credentials());
        JsonNode best = null;
        for (JsonNode candidate : candidates) {
            if (reader.positionOf(candidate.path("address").asText()).send().debt.signum() == 0) {
                best = candidate;
                break;
            }
        }
        if (best == null) {
            throw new IllegalStateException("every scored scenario wallet with a tier has debt outstanding");
        }
        o.borrower = best.path("address").asText();
        o.borrowerTier = best.path("tier").asInt();
        o.borrowerScore = best.path("score").asInt();
        JsonNode issued = lender.post("/v1/attestations", Map.of("borrower", o.borrower, "post", true))
                .require("issuing an attestation");
        o.attestationId = issued.path("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode status = issued;
        while (!status.path("status").asText().equals("CONFIRMED")) {
            if (System.nanoTime() > deadline || status.path("status").asText().matches("FAILED|EXPIRED")) {
                throw new IllegalStateException("attestation " + o.attestationId + " ended " + status.path("status").asText()
                        + ": " + status.path("statusDetail").asText());
            }
            Thread.sleep(500);
            status = lender.get("/v1/attestations/" + o.attestationId).require("attestation status");
        }
        o.attestationTx = status.path("txHash").asText();

        Credentials borrower = keys.get(o.borrower);
        // the devnet clock moved past the timelock delay: the pool accepts a price for an hour, so post it again
        // (the price the run command last posted, LendingDemo.lend)
        market.postPrice(io.creditlayer.deploy.SystemDeployer.DEVNET_INITIAL_PRICE);
        o.loanUnit = BigInteger.TEN.pow(io.creditlayer.deploy.SystemDeployer.DEVNET_LOAN_DECIMALS);
        market.postCollateral(borrower, BigInteger.TEN.pow(io.creditlayer.deploy.SystemDeployer.DEVNET_COLLATERAL_DECIMALS)
                .multiply(BigInteger.TEN));
        LendingPool pool = market.pool(borrower);
        LendingPool.PositionView position = pool.positionOf(o.borrower).send();
        o.collateralRatioBps = pool.collateralRatioBpsOf(o.borrower).send();
        o.borrowLimit = position.borrowLimit;
        BigInteger headroom = position.borrowLimit.subtract(position.debt);
        o.borrowed = headroom.multiply(BigInteger.valueOf(90)).divide(BigInteger.valueOf(100));
        BigInteger liquidity = pool.availableLiquidity().send();
        if (liquidity.compareTo(o.borrowed) < 0) {
            market.lend(DevnetAccounts.LENDER.credentials(), o.borrowed.subtract(liquidity).multiply(BigInteger.TWO));
        }
        TransactionReceipt receipt = pool.borrow(o.borrowed, o.borrower).send();
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException("the attested borrower's borrow reverted");
        }
    }

    /** The scenario wallets' keys by lower-case address. */
    private static Map<String, Credentials> walletKeys(ScenarioManifest manifest, long seed) {
        Map<String, Credentials> keys = new HashMap<>();
        for (int i = 0; i < manifest.wallets().size(); i++) {
            Credentials c = DevnetScenario.walletCredentials(seed, i);
            keys.put(c.getAddress().toLowerCase(Locale.ROOT), c);
        }
        return keys;
    }

    private static String createKey(ServiceClient admin, String name, List<String> scopes) throws Exception {
        return admin.post("/v1/admin/api-keys", Map.of("name", name, "scopes", scopes, "requestsPerSecond", 1000,
                "burst", 2000)).require("creating an API key").path("key").asText();
    }

    /** A fresh bootstrap admin key in the service's format (cl_ + 8-character prefix + _ + secret). */
    private static String newApiKey() {
        SecureRandom random = new SecureRandom();
        byte[] prefix = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(prefix);
        random.nextBytes(secret);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "cl_" + b64.encodeToString(prefix).replace('_', 'x').replace('-', 'y') + "_" + b64.encodeToString(secret);
    }

    /** 8080 when free (the README's curl line), else any free port. */
    private static int port() throws IOException {
        try (ServerSocket socket = new ServerSocket(8080)) {
            return 8080;
        } catch (IOException busy) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
