package io.creditlayer.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.StructReturns;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.SystemDeployer;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.deploy.service.ServiceClient;
import io.creditlayer.zk.groth16.Groth16Verifier;
import io.creditlayer.zk.groth16.Proof;
import io.creditlayer.zk.groth16.SnarkjsJson;
import io.creditlayer.zk.prover.SnarkjsProver;
import io.creditlayer.zk.prover.TierProof;
import io.creditlayer.zk.prover.TierProofInput;
import io.creditlayer.zk.tree.MerklePath;
import io.creditlayer.zk.tree.TierEntry;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The zero-knowledge tier proof on the devnet, end to end through the running scoring service (issue 7): governance
 * triggers a scoring epoch, the service posts its Poseidon root through the outbox, a scored borrower signs in with
 * Ethereum, fetches their witness (score, secret salt, Merkle path), proves their tier locally with snarkjs (the
 * score never leaves the borrower and the service), a lender checks the proof with the service's verify endpoint,
 * the demo checks it again in pure Java, the borrower submits it to {@code CreditOracle.proveTier} from their own
 * account and borrows at the proven tier.
 *
 * <p>The service must find snarkjs and the circuit files: {@link #serviceConfig(Path)} gives the keys to add to its
 * configuration when it does not run at the repository root.
 */
public final class ZkDemo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONFIRM_WITHIN = Duration.ofMinutes(3);

    private final PrintStream out;
    private final ChainClient chain;
    private final Deployment deployment;
    private final Path repositoryRoot;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param repositoryRoot where {@code node_modules/snarkjs} and the ceremony's {@code .cache/zk} are (the borrower's
     *                       local prover and the Java verifier use them)
     */
    public ZkDemo(PrintStream out, ChainClient chain, Deployment deployment, Path repositoryRoot) {
        this.out = out;
        this.chain = chain;
        this.deployment = deployment;
        this.repositoryRoot = repositoryRoot;
    }

    /** Service configuration that points its prover and verifier at the repository's snarkjs and circuit files. */
    public static Map<String, String> serviceConfig(Path repositoryRoot) {
        Path root = repositoryRoot.toAbsolutePath();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("creditlayer.zk.artifacts-dir", root.resolve(".cache/zk").toString());
        config.put("creditlayer.zk.snarkjs-dir", root.resolve("node_modules/snarkjs").toString());
        return config;
    }

    /** What the summary prints. */
    public static final class Outcome {
        public long epoch;
        public String root;
        public int epochSize;
        public String rootTx;
        public String borrower;
        public int tier;
        public List<Integer> tiersCleared;
        public long localProvingMillis;
        public long localProverWallMillis;
        public double javaVerifyMillis;
        public double javaVerifyMedianMillis;
        public boolean serviceSaysValid;
        public boolean serviceSaysUsable;
        public long serviceVerifyMicros;
        public boolean tamperedRejected;
        public String proveTierTx;
        public BigInteger proveTierGas;
        public BigInteger tierOnChain;
        public BigInteger collateralRatioBps;
        public BigInteger borrowLimit;
        public BigInteger borrowed;
        public BigInteger loanUnit;
        public double seconds;

        public void print(PrintStream out) {
            out.printf("  zk tier proof       epoch %d (%,d wallets) root %s posted through the outbox in %s%n", epoch,
                    epochSize, root, rootTx);
            out.printf("                      borrower %s proved tier %d of %s locally with snarkjs in %d ms (%d ms with node start-up); the score stayed off-chain%n",
                    borrower, tier, tiersCleared, localProvingMillis, localProverWallMillis);
            out.printf(Locale.ROOT, "                      verified in Java in %.2f ms (median of 9: %.2f ms); service verify endpoint: valid %s, usable %s (%d µs); tampered signal rejected: %s%n",
                    javaVerifyMillis, javaVerifyMedianMillis, serviceSaysValid, serviceSaysUsable, serviceVerifyMicros,
                    tamperedRejected);
            out.printf("                      proveTier %s: %s gas (whole transaction); tierOf = %s; collateral ratio %s, borrowed %s of %s dUSD%n",
                    proveTierTx, proveTierGas, tierOnChain, percent(collateralRatioBps), units(borrowed), units(borrowLimit));
            out.printf(Locale.ROOT, "  zk phase            %.1f s%n", seconds);
        }

        private String units(BigInteger amount) {
            return amount == null ? "-" : new java.math.BigDecimal(amount).divide(new java.math.BigDecimal(loanUnit))
                    .setScale(2, java.math.RoundingMode.DOWN).toPlainString();
        }

        private static String percent(BigInteger bps) {
            return bps == null ? "-" : new java.math.BigDecimal(bps).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
        }
    }

    /**
     * @param governance a client with a governance-scope key
     * @param lender     a client with a scores:read key
     * @param candidates scored borrowers' keys; the first with a witness and no tier on-chain yet is used (so the tier
     *                   it ends with comes from the proof), else the first with a witness
     */
    public Outcome run(ServiceClient governance, ServiceClient lender, String baseUrl, List<Credentials> candidates)
            throws Exception {
        long started = System.nanoTime();
        Outcome o = new Outcome();
        out.println("zero-knowledge tier proof ...");

        JsonNode built = governance.post("/v1/governance/tier-epochs", Map.of()).require("building a tier epoch");
        o.epoch = built.path("epoch").asLong();
        o.root = built.path("root").asText();
        o.epochSize = built.path("size").asInt();
        out.printf("  epoch %d: %,d wallets committed under model %s, root %s queued for postTierRoot%n", o.epoch,
                o.epochSize, built.path("modelId").asText(), o.root);
        JsonNode confirmed = awaitConfirmed(governance, o.epoch);
        o.rootTx = confirmed.path("txHash").asText();
        out.printf("  root CONFIRMED on the CreditOracle (tx %s), expires at chain time %d%n", o.rootTx,
                confirmed.path("expiresAt").asLong());

        CreditOracle anyone = new DevnetMarket(chain, deployment).oracle(candidates.getFirst());
        Credentials borrower = null;
        String token = null;
        JsonNode witness = null;
        for (Credentials candidate : candidates) {
            String session = signIn(baseUrl, candidate);
            Answer answer = get(baseUrl, "/v1/me/tier-witness", session);
            if (answer.status() != 200) {
                continue;
            }
            boolean fresh = anyone.tierOf(candidate.getAddress()).send().signum() == 0;
            if (borrower == null || fresh) {
                borrower = candidate;
                token = session;
                witness = answer.body();
            }
            if (fresh) {
                break;
            }
        }
        if (borrower == null) {
            throw new IllegalStateException("none of the " + candidates.size() + " candidate borrowers is in epoch " + o.epoch);
        }
        o.borrower = borrower.getAddress().toLowerCase(Locale.ROOT);
        o.tiersCleared = new ArrayList<>();
        witness.path("tiers").forEach(t -> o.tiersCleared.add(t.asInt()));
        o.tier = o.tiersCleared.getLast();
        out.printf("  %s signed in with Ethereum and fetched its witness: leaf %d of epoch %d, tiers cleared %s (salt and path stay with the borrower)%n",
                o.borrower, witness.path("leafIndex").asInt(), o.epoch, o.tiersCleared);

        // the borrower proves on their own machine: the score and salt never go anywhere else
        TierProofInput input = input(witness, o.borrower, o.tier);
        TierProof proof = new SnarkjsProver(SnarkjsProver.Options.fromRepository(repositoryRoot)).prove(input);
        o.localProvingMillis = proof.provingTime().toMillis();
        o.localProverWallMillis = proof.wallTime().toMillis();
        out.printf("  proved tier %d locally with snarkjs: %d ms proving, %d ms with node start-up%n", o.tier,
                o.localProvingMillis, o.localProverWallMillis);

        verifyInJava(proof, o);
        out.printf(Locale.ROOT, "  verified in pure Java (Groth16, BN254): %.2f ms, median of 9 more %.2f ms%n",
                o.javaVerifyMillis, o.javaVerifyMedianMillis);

        String body = "{\"proof\":" + proof.proofJson() + ",\"publicSignals\":" + proof.publicSignalsJson() + "}";
        JsonNode verdict = lender.post("/v1/proofs/verify", body).require("verifying the proof with the service");
        o.serviceSaysValid = verdict.path("valid").asBoolean();
        o.serviceSaysUsable = verdict.path("usable").asBoolean();
        o.serviceVerifyMicros = verdict.path("verificationMicros").asLong();
        List<String> signals = new ArrayList<>(proof.publicSignals().stream().map(BigInteger::toString).toList());
        signals.set(2, Integer.toString(o.tier == 1 ? 2 : o.tier - 1));
        String tampered = "{\"proof\":" + proof.proofJson() + ",\"publicSignals\":" + JSON.writeValueAsString(signals) + "}";
        JsonNode tamperedVerdict = lender.post("/v1/proofs/verify", tampered).require("verifying a tampered proof");
        o.tamperedRejected = !tamperedVerdict.path("valid").asBoolean();
        out.printf("  lender's check (POST /v1/proofs/verify): valid %s, live root of an approved model %s; with another tier: valid %s (%s)%n",
                o.serviceSaysValid, o.serviceSaysUsable, tamperedVerdict.path("valid").asBoolean(),
                tamperedVerdict.path("reason").asText());

        CreditOracle asBorrower = new DevnetMarket(chain, deployment).oracle(borrower);
        TransactionReceipt receipt = asBorrower.proveTier(BigInteger.valueOf(o.tier),
                Numeric.hexStringToByteArray(witness.path("root").asText()), proof.calldata()).send();
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException("proveTier reverted in " + receipt.getTransactionHash());
        }
        o.proveTierTx = receipt.getTransactionHash();
        o.proveTierGas = receipt.getGasUsed();
        o.tierOnChain = asBorrower.tierOf(o.borrower).send();
        out.printf("  proveTier from the borrower's account: %s gas, tierOf(borrower) = %s%n", o.proveTierGas, o.tierOnChain);

        borrowAtProvenTier(borrower, o);
        out.printf("  borrowed at the proven tier: collateral ratio %s, %s of a %s dUSD limit%n",
                Outcome.percent(o.collateralRatioBps), o.units(o.borrowed), o.units(o.borrowLimit));
        o.seconds = (System.nanoTime() - started) / 1e9;
        return o;
    }

    private JsonNode awaitConfirmed(ServiceClient governance, long epoch) throws Exception {
        long deadline = System.nanoTime() + CONFIRM_WITHIN.toNanos();
        while (true) {
            JsonNode view = governance.get("/v1/governance/tier-epochs/" + epoch).require("reading the tier epoch");
            String status = view.path("status").asText();
            if (status.equals("CONFIRMED")) {
                return view;
            }
            if (status.equals("FAILED") || status.equals("EXPIRED")) {
                throw new IllegalStateException("tier epoch " + epoch + " ended " + status + ": " + view.path("statusDetail").asText());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tier epoch " + epoch + " not confirmed within " + CONFIRM_WITHIN
                        + " (status " + status + "); see the service log");
            }
            Thread.sleep(500);
        }
    }

    /** The circuit input, from nothing but the witness the service handed out (checked against the root). */
    static TierProofInput input(JsonNode witness, String borrower, int tier) {
        TierEntry entry = new TierEntry(TierEntry.borrowerField(borrower), witness.path("score").asInt(),
                TierEntry.modelIdField(witness.path("modelId").asText()), witness.path("epoch").asLong(),
                new BigInteger(witness.path("salt").asText()));
        List<BigInteger> elements = new ArrayList<>();
        witness.path("pathElements").forEach(e -> elements.add(new BigInteger(e.asText())));
        List<Integer> indices = new ArrayList<>();
        witness.path("pathIndices").forEach(i -> indices.add(i.asInt()));
        MerklePath path = new MerklePath(witness.path("leafIndex").asInt(), entry.leaf(), elements, indices);
        return new TierProofInput(Numeric.toBigInt(witness.path("root").asText()), entry, tier, path);
    }

    private void verifyInJava(TierProof proof, Outcome o) {
        Groth16Verifier verifier = new Groth16Verifier(SnarkjsJson.verificationKey(
                repositoryRoot.resolve(".cache/zk/verification_key.json")));
        Proof parsed = SnarkjsJson.proof(proof.proofJson());
        long t0 = System.nanoTime();
        boolean valid = verifier.verify(parsed, proof.publicSignals());
        o.javaVerifyMillis = (System.nanoTime() - t0) / 1e6;
        if (!valid) {
            throw new IllegalStateException("the Java verifier refuses the borrower's proof");
        }
        double[] runs = new double[9];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            verifier.verify(parsed, proof.publicSignals());
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(runs);
        o.javaVerifyMedianMillis = runs[runs.length / 2];
    }

    private void borrowAtProvenTier(Credentials borrower, Outcome o) throws Exception {
        DevnetMarket market = new DevnetMarket(chain, deployment);
        o.loanUnit = BigInteger.TEN.pow(SystemDeployer.DEVNET_LOAN_DECIMALS);
        market.postCollateral(borrower, BigInteger.TEN.pow(SystemDeployer.DEVNET_COLLATERAL_DECIMALS).multiply(BigInteger.TEN));
        LendingPool pool = market.pool(borrower);
        o.collateralRatioBps = pool.collateralRatioBpsOf(o.borrower).send();
        LendingPool.PositionView position = position(pool, o.borrower);
        BigInteger debt = position.debt;
        o.borrowLimit = position.borrowLimit;
        o.borrowed = o.borrowLimit.subtract(debt).multiply(BigInteger.valueOf(90)).divide(BigInteger.valueOf(100));
        if (o.borrowed.signum() <= 0) {
            // a scenario wallet may carry debt from its history; the proven tier still shows in the ratio
            o.borrowed = BigInteger.ZERO;
            return;
        }
        TransactionReceipt receipt = pool.borrow(o.borrowed, o.borrower).send();
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException("the borrow at the proven tier reverted");
        }
    }

    /** LendingPool.positionOf's borrower view (StructReturns: the demo also runs inside a Quarkus test's loaders). */
    private LendingPool.PositionView position(LendingPool pool, String borrower) throws IOException {
        RemoteFunctionCall<LendingPool.PositionView> call = pool.positionOf(borrower);
        EthCall result = chain.web3j().ethCall(Transaction.createEthCallTransaction(null, deployment.lendingPool(),
                call.encodeFunctionCall()), DefaultBlockParameterName.LATEST).send();
        if (result.hasError() || result.isReverted()) {
            throw new IllegalStateException("positionOf(" + borrower + ") failed: "
                    + (result.hasError() ? result.getError().getMessage() : result.getRevertReason()));
        }
        return StructReturns.decode(call, result.getValue(), LendingPool.PositionView.class);
    }

    // --- Sign-In with Ethereum, as a wallet does it (EIP-4361 message, personal_sign)

    private record Answer(int status, JsonNode body) {
    }

    private String signIn(String baseUrl, Credentials wallet) throws IOException, InterruptedException {
        JsonNode nonce = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/siwe/nonce"))
                .POST(HttpRequest.BodyPublishers.noBody())).body();
        String domain = nonce.path("domain").asText();
        String message = domain + " wants you to sign in with your Ethereum account:\n"
                + Keys.toChecksumAddress(wallet.getAddress()) + "\n\n"
                + "Sign in to CreditLayer to prove my credit tier.\n\n"
                + "URI: http://" + domain + "/login\n"
                + "Version: 1\n"
                + "Chain ID: " + nonce.path("chainId").asLong() + "\n"
                + "Nonce: " + nonce.path("nonce").asText() + "\n"
                + "Issued At: " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), wallet.getEcKeyPair());
        byte[] rsv = new byte[65];
        System.arraycopy(signature.getR(), 0, rsv, 0, 32);
        System.arraycopy(signature.getS(), 0, rsv, 32, 32);
        rsv[64] = signature.getV()[0];
        String body = JSON.writeValueAsString(Map.of("message", message, "signature", Numeric.toHexString(rsv)));
        Answer session = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/siwe/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (session.status() != 200) {
            throw new IllegalStateException("sign-in failed: HTTP " + session.status() + " " + session.body().path("detail").asText());
        }
        return session.body().path("token").asText();
    }

    private Answer get(String baseUrl, String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token).GET());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Answer(response.statusCode(), text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
    }
}
