package io.creditlayer.service.zk;

import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.deploy.SystemDeployer;
import io.creditlayer.deploy.demo.ZkDemo;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.deploy.service.ServiceClient;
import io.creditlayer.model.CreditModel;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.borrower.BorrowerProfiles;
import io.creditlayer.service.chain.ChainDevnet;
import io.creditlayer.service.chain.ChainDevnetResource;
import io.creditlayer.service.chain.ChainTestData;
import io.creditlayer.service.outbox.OutboxWorker;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.siwe.SiweTestClient;
import io.creditlayer.service.store.OutboxEntry;
import io.creditlayer.service.testing.PostgresTestResource;
import io.creditlayer.service.testing.TestModel;
import io.creditlayer.zk.prover.SnarkjsProver;
import io.creditlayer.zk.prover.TierProof;
import io.creditlayer.zk.prover.TierProofInput;
import io.creditlayer.zk.tree.MerklePath;
import io.creditlayer.zk.tree.TierEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tier proofs end to end on anvil, PostgreSQL and snarkjs: an epoch is built from the active model's scores, its
 * root posted through the outbox and confirmed, the borrower (and only the borrower) gets the witness, proofs made
 * by the service and by the borrower verify in Java and on the CreditOracle, and roots expire.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ZkDevnetProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZkTierProofTest {
    private static final String GOVERNANCE_EPOCHS = "/v1/governance/tier-epochs";

    @Inject
    ScoringEngine scoring;
    @Inject
    OutboxWorker worker;
    @Inject
    ApiKeys apiKeys;
    @Inject
    TierEpochJobs jobs;
    @Inject
    TierRootReader roots;

    private final SiweTestClient wallet = new SiweTestClient(ZkDevnetProfile.DOMAIN, Anvil.CHAIN_ID);

    /** Shared by the ordered tests: one application, one devnet. */
    private static ECKeyPair borrowerKey;
    private static int borrowerScore;
    private static String governanceKey;
    private static String lenderKey;
    private static JsonPath serverProof;

    @BeforeEach
    void prepare() throws Exception {
        ChainTestData.prepare(scoring);
        if (borrowerKey == null) {
            CreditModel model = CreditModel.load(TestModel.dir());
            // a borrower whose score clears tier 2 but not tier 5: proofs of a tier it clears and refusals above it
            BorrowerProfiles.Row row = BorrowerProfiles.rows().stream()
                    .filter(r -> model.score(r.features()).score() >= 580 && model.score(r.features()).score() < 800)
                    .findFirst().orElseThrow();
            borrowerScore = model.score(row.features()).score();
            borrowerKey = Keys.createEcKeyPair();
            BorrowerProfiles.insert(address(borrowerKey), row);
            devnet().control("anvil_setBalance", address(borrowerKey), "0x56BC75E2D63100000");
            governanceKey = apiKeys.create("zk governance", Set.of(Scope.GOVERNANCE), 100, 100).key();
            lenderKey = apiKeys.create("zk lender", Set.of(Scope.SCORES_READ), 100, 100).key();
        }
    }

    @Test
    @Order(1)
    void anEpochIsBuiltPostedThroughTheOutboxAndConfirmedOnChain() throws Exception {
        given().when().post(GOVERNANCE_EPOCHS).then().statusCode(401);
        given().header("X-API-Key", lenderKey).when().post(GOVERNANCE_EPOCHS).then().statusCode(403);
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        given().header("Authorization", token).when().get("/v1/me/tier-witness").then().statusCode(404)
                .body("type", equalTo("https://creditlayer.io/problems/no-tier-epoch"));

        JsonPath built = given().header("X-API-Key", governanceKey).when().post(GOVERNANCE_EPOCHS).then()
                .statusCode(201).header("Location", containsString(GOVERNANCE_EPOCHS + "/"))
                .body("status", equalTo("PENDING")).body("size", greaterThan(100))
                .body("modelId", equalTo(devnet().modelId()))
                .body("oracle", equalTo(devnet().deployment().creditOracle().toLowerCase(Locale.ROOT)))
                .extract().jsonPath();
        long epoch = built.getLong("epoch");
        String root = built.getString("root");
        OutboxEntry entry = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.findById(built.getLong("outboxId")));
        assertEquals(TierEpochs.OUTBOX_KIND, entry.kind);
        assertEquals(Long.toString(epoch), entry.aggregateId);

        JsonPath confirmed = confirm(epoch);
        assertEquals(root, confirmed.getString("root"));
        assertTrue(confirmed.getString("txHash").startsWith("0x"));

        // the oracle's own record of the root (an eth_call of tierRootOf)
        TierRootReader.OnChainRoot onChain = roots.read(devnet().deployment().creditOracle(), root);
        assertEquals(devnet().modelId(), onChain.modelId());
        assertEquals(epoch, onChain.epoch());
        assertEquals(built.getLong("expiresAt"), onChain.expiresAt());
        assertTrue(onChain.postedAt() >= built.getLong("builtAt"));
        assertEquals(built.getLong("builtAt") + 6 * 3600, built.getLong("expiresAt"));

        given().header("X-API-Key", governanceKey).when().get(GOVERNANCE_EPOCHS).then().statusCode(200)
                .body("[0].epoch", equalTo((int) epoch)).body("[0].status", equalTo("CONFIRMED"));
        given().header("X-API-Key", governanceKey).when().get(GOVERNANCE_EPOCHS + "/999999").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(2)
    void onlyTheSignedInBorrowerGetsTheirWitness() {
        String borrower = address(borrowerKey);
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        JsonPath w = given().header("Authorization", token).when().get("/v1/me/tier-witness").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("borrower", equalTo(borrower)).body("score", equalTo(borrowerScore))
                .body("pathElements.size()", equalTo(16)).body("circuitInput.salt", notNullValue())
                .extract().jsonPath();

        // the witness alone rebuilds the leaf and the posted root, as the circuit will
        TierEntry entry = new TierEntry(TierEntry.borrowerField(borrower), w.getInt("score"),
                TierEntry.modelIdField(w.getString("modelId")), w.getLong("epoch"), new BigInteger(w.getString("salt")));
        MerklePath path = new MerklePath(w.getInt("leafIndex"), new BigInteger(w.getString("leaf")),
                w.getList("pathElements", String.class).stream().map(BigInteger::new).toList(),
                w.getList("pathIndices", Integer.class));
        assertEquals(entry.leaf(), path.leaf());
        assertEquals(new BigInteger(w.getString("root").substring(2), 16), path.computeRoot());
        List<Integer> tiers = w.getList("tiers", Integer.class);
        assertEquals(highestTier(borrowerScore), tiers.getLast());
        assertEquals(Integer.toString(tiers.getLast()), w.getString("circuitInput.tier"));

        // nobody else: no session, a bad token, another wallet (which has no entry of its own)
        given().when().get("/v1/me/tier-witness").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer not-a-session").when().get("/v1/me/tier-witness").then().statusCode(401);
        String other = SiweTestClient.bearer(wallet.signIn(newKey()));
        given().header("Authorization", other).when().get("/v1/me/tier-witness").then().statusCode(404)
                .body("type", equalTo("https://creditlayer.io/problems/no-tier-witness"))
                .body("detail", containsString("has no entry"));
        // a lender's API key is not a session
        given().header("X-API-Key", lenderKey).when().get("/v1/me/tier-witness").then().statusCode(401);
    }

    @Test
    @Order(3)
    void aServerSideProofVerifiesInJavaAndOnTheOracle() throws Exception {
        String borrower = address(borrowerKey);
        int tier = highestTier(borrowerScore);
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        serverProof = given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("tier", tier))
                .when().post("/v1/me/tier-proofs").then().statusCode(200)
                .body("tier", equalTo(tier)).body("calldata.size()", equalTo(8))
                .body("publicSignals[1]", equalTo(new BigInteger(borrower.substring(2), 16).toString()))
                .body("publicSignals[2]", equalTo(Integer.toString(tier)))
                .extract().jsonPath();
        System.out.printf("server-side tier proof: %d ms in snarkjs, %d ms wall%n", serverProof.getLong("provingMillis"),
                serverProof.getLong("wallMillis"));

        Map<String, Object> body = Map.of("proof", serverProof.getMap("proof"),
                "publicSignals", serverProof.getList("publicSignals"));
        given().header("X-API-Key", lenderKey).contentType(ContentType.JSON).body(body).when().post("/v1/proofs/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("usable", equalTo(true))
                .body("signals.borrower", equalTo(borrower)).body("signals.tier", equalTo(tier))
                .body("root.checked", equalTo(true)).body("root.posted", equalTo(true)).body("root.live", equalTo(true))
                .body("root.modelApproved", equalTo(true)).body("root.matchesSignals", equalTo(true))
                .body("root.knownEpoch", equalTo(serverProof.getInt("epoch")));

        // the borrower submits it from their own account
        List<BigInteger> calldata = serverProof.getList("calldata", String.class).stream().map(BigInteger::new).toList();
        Credentials credentials = Credentials.create(borrowerKey);
        TransactionReceipt receipt = oracle(credentials).proveTier(BigInteger.valueOf(tier),
                Numeric.hexStringToByteArray(serverProof.getString("root")), calldata).send();
        assertTrue(receipt.isStatusOK());
        assertEquals(BigInteger.valueOf(tier), oracle(credentials).tierOf(borrower).send());
        System.out.printf("proveTier gas used: %s%n", receipt.getGasUsed());
    }

    @Test
    @Order(4)
    void tamperedAndMalformedProofsAreToldApart() {
        Map<String, Object> proof = serverProof.getMap("proof");
        List<String> signals = serverProof.getList("publicSignals", String.class);
        int tier = Integer.parseInt(signals.get(2));

        // another tier, another borrower: well-formed, false, with the reason
        List<String> otherTier = new java.util.ArrayList<>(signals);
        otherTier.set(2, Integer.toString(tier - 1));
        verify(Map.of("proof", proof, "publicSignals", otherTier)).statusCode(200).body("valid", equalTo(false))
                .body("usable", equalTo(false)).body("reason", containsString("verification equation"));
        List<String> otherBorrower = new java.util.ArrayList<>(signals);
        otherBorrower.set(1, new BigInteger(address(newKey()).substring(2), 16).toString());
        verify(Map.of("proof", proof, "publicSignals", otherBorrower)).statusCode(200).body("valid", equalTo(false));
        List<String> tierSeven = new java.util.ArrayList<>(signals);
        tierSeven.set(2, "7");
        verify(Map.of("proof", proof, "publicSignals", tierSeven)).statusCode(200).body("valid", equalTo(false))
                .body("reason", containsString("not 1 to 5"));
        // a tampered point that is still on the curve: C replaced by A
        Map<String, Object> swapped = new HashMap<>(proof);
        swapped.put("pi_c", proof.get("pi_a"));
        verify(Map.of("proof", swapped, "publicSignals", signals)).statusCode(200).body("valid", equalTo(false));

        // malformed: 400 problem+json
        verify(Map.of("proof", proof, "publicSignals", signals.subList(0, 4))).statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://creditlayer.io/problems/malformed-proof"))
                .body("detail", containsString("5 public signals"));
        List<String> nonCanonical = new java.util.ArrayList<>(signals);
        nonCanonical.set(2, "0" + tier);
        verify(Map.of("proof", proof, "publicSignals", nonCanonical)).statusCode(400);
        List<String> outOfField = new java.util.ArrayList<>(signals);
        outOfField.set(0, TierEntry.modelIdField("0x" + "ff".repeat(32)).shiftLeft(8).toString());
        verify(Map.of("proof", proof, "publicSignals", outOfField)).statusCode(400);
        Map<String, Object> offCurve = new HashMap<>(proof);
        List<String> a = new java.util.ArrayList<>(serverProof.getList("proof.pi_a", String.class));
        a.set(1, new BigInteger(a.get(1)).add(BigInteger.ONE).toString());
        offCurve.put("pi_a", a);
        verify(Map.of("proof", offCurve, "publicSignals", signals)).statusCode(400);
        verify(Map.of("proof", proof, "publicSignals", signals, "extra", 1)).statusCode(400)
                .body("detail", containsString("unknown field"));
        verify(Map.of("publicSignals", signals)).statusCode(400);
        verify("{\"proof\": {}, \"publicSignals\": [] ").statusCode(400);
        verify("{\"proof\": 1, \"proof\": 2}").statusCode(400);
        verify("[]").statusCode(400);

        // lenders only
        given().contentType(ContentType.JSON).body(Map.of("proof", proof, "publicSignals", signals))
                .when().post("/v1/proofs/verify").then().statusCode(401);
        given().header("X-API-Key", governanceKey).contentType(ContentType.JSON)
                .body(Map.of("proof", proof, "publicSignals", signals)).when().post("/v1/proofs/verify").then()
                .statusCode(403);
    }

    @Test
    @Order(5)
    void theBorrowerProvesLocallyFromTheWitness() {
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        JsonPath w = given().header("Authorization", token).when().get("/v1/me/tier-witness").then().statusCode(200)
                .extract().jsonPath();
        TierEntry entry = new TierEntry(TierEntry.borrowerField(address(borrowerKey)), w.getInt("score"),
                TierEntry.modelIdField(w.getString("modelId")), w.getLong("epoch"), new BigInteger(w.getString("salt")));
        MerklePath path = new MerklePath(w.getInt("leafIndex"), new BigInteger(w.getString("leaf")),
                w.getList("pathElements", String.class).stream().map(BigInteger::new).toList(),
                w.getList("pathIndices", Integer.class));
        TierProofInput input = new TierProofInput(new BigInteger(w.getString("root").substring(2), 16), entry, 1, path);
        TierProof proof = new SnarkjsProver(SnarkjsProver.Options.fromRepository(
                Path.of(System.getProperty("creditlayer.root")))).prove(input);
        verify("{\"proof\": " + proof.proofJson() + ", \"publicSignals\": " + proof.publicSignalsJson() + "}")
                .statusCode(200).body("valid", equalTo(true)).body("usable", equalTo(true)).body("signals.tier", equalTo(1));
    }

    @Test
    @Order(6)
    void eachWalletHasAFewServerProofsPerWindow() {
        // the profile allows two per wallet; aServerSideProofVerifiesInJavaAndOnTheOracle had the first made
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        int tier = highestTier(borrowerScore);
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("tier", tier))
                .when().post("/v1/me/tier-proofs").then().statusCode(200).body("tier", equalTo(tier));
        String retryAfter = given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("tier", tier))
                .when().post("/v1/me/tier-proofs").then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://creditlayer.io/problems/proof-rate-limited"))
                .body("detail", containsString("2 proofs"))
                .extract().header("Retry-After");
        long wait = Long.parseLong(retryAfter);
        assertTrue(wait >= 1 && wait <= 1_800, "half an hour refills one of two proofs an hour: " + wait);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("creditlayer_zk_proofs_total{outcome=\"made\"} 2.0"), metrics);
        assertTrue(metrics.contains("creditlayer_zk_proofs_total{outcome=\"rate_limited\"} 1.0"), metrics);
        assertTrue(metrics.matches("(?s).*\ncreditlayer_zk_epoch_live [1-9][0-9]*\\.0\n.*"), "the live epoch's number");
        assertTrue(metrics.matches("(?s).*\ncreditlayer_zk_epoch_live_leaves [1-9][0-9]*\\.0\n.*"), "its leaves");
        // requests refused before proving are answered as before and cost nothing
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("tier", 0))
                .when().post("/v1/me/tier-proofs").then().statusCode(400);
        // the local route stays open: the witness is not limited
        given().header("Authorization", token).when().get("/v1/me/tier-witness").then().statusCode(200);
    }

    @Test
    @Order(7)
    void claimsAboveTheScoreAndInvalidTiersAreRefused() {
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        int above = highestTier(borrowerScore) + 1;
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("tier", above))
                .when().post("/v1/me/tier-proofs").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://creditlayer.io/problems/tier-not-cleared"))
                .body("maxTier", equalTo(above - 1))
                .body("detail", containsString("floor of " + TierProofInput.floorOf(above)));
        for (Object tier : List.of(0, 6, -1)) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("tier", tier))
                    .when().post("/v1/me/tier-proofs").then().statusCode(400)
                    .body("type", equalTo("https://creditlayer.io/problems/invalid-tier"));
        }
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of())
                .when().post("/v1/me/tier-proofs").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("tier", 1)).when().post("/v1/me/tier-proofs").then()
                .statusCode(401);
        // another wallet cannot have a proof made: the service only proves for the session's own entry
        String other = SiweTestClient.bearer(wallet.signIn(newKey()));
        given().header("Authorization", other).contentType(ContentType.JSON).body(Map.of("tier", 1))
                .when().post("/v1/me/tier-proofs").then().statusCode(404)
                .body("type", equalTo("https://creditlayer.io/problems/no-tier-witness"));
    }

    @Test
    @Order(8)
    void aRootAlreadyOnChainIsConfirmedWithoutASecondPosting() throws Exception {
        JsonPath built = given().header("X-API-Key", governanceKey).when().post(GOVERNANCE_EPOCHS).then()
                .statusCode(201).extract().jsonPath();
        long epoch = built.getLong("epoch");
        // the same call lands first from elsewhere (an earlier broadcast the service lost track of)
        TransactionReceipt foreign = oracle(DevnetAccounts.SCORER.credentials()).postTierRoot(
                Numeric.hexStringToByteArray(built.getString("root")), Numeric.hexStringToByteArray(built.getString("modelId")),
                BigInteger.valueOf(epoch), BigInteger.valueOf(built.getLong("expiresAt"))).send();
        assertTrue(foreign.isStatusOK());

        JsonPath confirmed = confirm(epoch);
        assertTrue(confirmed.getString("statusDetail").contains("already on-chain"), confirmed.getString("statusDetail"));
        long transactions = QuarkusTransaction.requiringNew().call(() -> io.creditlayer.service.outbox.OutboxTransaction
                .count("outboxId", built.getLong("outboxId")));
        assertEquals(0, transactions);

        // the newest confirmed epoch is what borrowers now get, with fresh salts
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        given().header("Authorization", token).when().get("/v1/me/tier-witness").then().statusCode(200)
                .body("epoch", equalTo((int) epoch)).body("root", equalTo(built.getString("root")));
        assertNotEquals(serverProof.getString("root"), built.getString("root"));
    }

    @Test
    @Order(9)
    void theRunCommandsDemoProvesLocallyAndBorrowsAtTheProvenTier() throws Exception {
        // a scored borrower with no tier on-chain yet, so the tier it ends with comes from its proof
        CreditModel model = CreditModel.load(TestModel.dir());
        BorrowerProfiles.Row row = BorrowerProfiles.rows().stream()
                .filter(r -> model.score(r.features()).score() >= 670).findFirst().orElseThrow();
        ECKeyPair fresh = Keys.createEcKeyPair();
        BorrowerProfiles.insert(address(fresh), row);
        devnet().control("anvil_setBalance", address(fresh), "0x56BC75E2D63100000");
        DevnetMarket market = devnet().market();
        market.lend(DevnetAccounts.LENDER.credentials(), BigInteger.TEN.pow(SystemDeployer.DEVNET_LOAN_DECIMALS + 6));

        // the run command's service runs its outbox worker on a schedule; here the test plays the schedule
        AtomicBoolean done = new AtomicBoolean();
        Thread outbox = Thread.ofVirtual().start(() -> {
            while (!done.get()) {
                worker.runOnce();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        String baseUrl = "http://localhost:" + io.restassured.RestAssured.port;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ZkDemo.Outcome o;
        try {
            o = new ZkDemo(new PrintStream(printed, true, StandardCharsets.UTF_8), devnet().chain(), devnet().deployment(),
                    Path.of(System.getProperty("creditlayer.root")))
                    .run(new ServiceClient(baseUrl, governanceKey), new ServiceClient(baseUrl, lenderKey), baseUrl,
                            List.of(Credentials.create(borrowerKey), Credentials.create(fresh)));
        } finally {
            done.set(true);
            outbox.join();
        }
        o.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));

        assertEquals(address(fresh), o.borrower);
        assertEquals(highestTier(model.score(row.features()).score()), o.tier);
        assertEquals(BigInteger.valueOf(o.tier), o.tierOnChain);
        assertTrue(o.serviceSaysValid && o.serviceSaysUsable && o.tamperedRejected);
        assertTrue(o.proveTierGas.compareTo(BigInteger.valueOf(200_000)) > 0);
        assertEquals(market.pool(Credentials.create(fresh)).collateralRatioBpsOf(o.borrower).send(), o.collateralRatioBps);
        assertTrue(o.borrowed.signum() > 0 && o.borrowed.compareTo(o.borrowLimit) < 0);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("proveTier from the borrower's account"));
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains(row.commitment()));
    }

    @Test
    @Order(10)
    void rootsExpireInChainTime() {
        // a queued root whose expiry passes before it is posted fails with its outbox entry
        JsonPath queued = given().header("X-API-Key", governanceKey).when().post(GOVERNANCE_EPOCHS).then()
                .statusCode(201).extract().jsonPath();
        TierEpochJobs.Expired expired = jobs.expireAt(queued.getLong("expiresAt"));
        assertTrue(expired.queued() == 1 && expired.epochs() >= 2, expired.toString());
        given().header("X-API-Key", governanceKey).when().get(GOVERNANCE_EPOCHS + "/" + queued.getLong("epoch")).then()
                .statusCode(200).body("status", equalTo("EXPIRED"));
        OutboxEntry entry = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.findById(queued.getLong("outboxId")));
        assertEquals(OutboxEntry.Status.FAILED, entry.status);
        assertTrue(entry.lastError.startsWith("CreditOracleExpired"));
        worker.runOnce();
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> io.creditlayer.service.outbox.OutboxTransaction
                .count("outboxId", queued.getLong("outboxId"))));

        // no live root left: no witness
        String token = SiweTestClient.bearer(wallet.signIn(borrowerKey));
        given().header("Authorization", token).when().get("/v1/me/tier-witness").then().statusCode(404)
                .body("type", equalTo("https://creditlayer.io/problems/no-tier-epoch"));
        given().header("X-API-Key", governanceKey).when().get(GOVERNANCE_EPOCHS).then().statusCode(200)
                .body("findAll { it.status == 'CONFIRMED' }.size()", equalTo(0));
    }

    @Test
    @Order(11)
    void expiredEpochsLoseTheirLeavesAfterTheRetention() {
        long firstExpiry = expiry("min");
        long lastExpiry = expiry("max");
        long expiredLeaves = expiredLeaves();
        assertTrue(expiredLeaves > 0, "the expired epochs still hold their leaves");
        long retention = java.time.Duration.ofDays(7).toSeconds();
        assertEquals(0, jobs.pruneAt(firstExpiry + retention - 1), "kept for the retention past expiry");
        assertEquals(expiredLeaves, jobs.pruneAt(lastExpiry + retention));
        assertEquals(0, expiredLeaves());
        // the epochs themselves remain, as the record of what was posted
        given().header("X-API-Key", governanceKey).when().get(GOVERNANCE_EPOCHS).then().statusCode(200)
                .body("findAll { it.status == 'EXPIRED' }.size()", greaterThan(0));
    }

    private static long expiry(String which) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TierEpochRecord.getEntityManager()
                .createNativeQuery("SELECT " + which + "(expires_at) FROM tier_epoch WHERE status = 'EXPIRED'")
                .getSingleResult()).longValue());
    }

    private static long expiredLeaves() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TierEpochRecord.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM tier_leaf l JOIN tier_epoch e ON e.epoch = l.epoch WHERE e.status = 'EXPIRED'")
                .getSingleResult()).longValue());
    }

    @Test
    @Order(12)
    void noEpochWithoutAnActiveModel() {
        scoring.deactivate();
        QuarkusTransaction.requiringNew().run(() -> io.creditlayer.service.store.CreditModelRecord
                .update("active = false where active = true"));
        given().header("X-API-Key", governanceKey).when().post(GOVERNANCE_EPOCHS).then().statusCode(409)
                .body("type", equalTo("https://creditlayer.io/problems/tier-epoch-skipped"))
                .body("reason", equalTo("no-active-model"));
    }

    private JsonPath confirm(long epoch) {
        JsonPath view = null;
        for (int i = 0; i < 6; i++) {
            worker.runOnce();
            view = given().header("X-API-Key", governanceKey).when().get(GOVERNANCE_EPOCHS + "/" + epoch).then()
                    .statusCode(200).extract().jsonPath();
            if ("CONFIRMED".equals(view.getString("status"))) {
                return view;
            }
        }
        throw new AssertionError("epoch " + epoch + " not confirmed: " + view.prettify());
    }

    private static io.restassured.response.ValidatableResponse verify(Object body) {
        return given().header("X-API-Key", lenderKey).contentType(ContentType.JSON).body(body)
                .when().post("/v1/proofs/verify").then();
    }

    private static CreditOracle oracle(Credentials credentials) {
        ChainDevnet devnet = devnet();
        return CreditOracle.load(devnet.deployment().creditOracle(), devnet.chain().web3j(),
                devnet.chain().transactionManager(credentials), devnet.chain().gasProvider());
    }

    private static ChainDevnet devnet() {
        return ChainDevnetResource.devnet();
    }

    private static int highestTier(int score) {
        int tier = 1;
        for (int t = 2; t <= 5; t++) {
            if (score >= TierProofInput.floorOf(t)) {
                tier = t;
            }
        }
        return tier;
    }

    private static ECKeyPair newKey() {
        try {
            return Keys.createEcKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(ECKeyPair key) {
        return "0x" + Keys.getAddress(key.getPublicKey()).toLowerCase(Locale.ROOT);
    }
}
