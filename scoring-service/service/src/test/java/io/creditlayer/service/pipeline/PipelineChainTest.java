package io.creditlayer.service.pipeline;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.SystemDeployer;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.features.profile.FeatureCommitment;
import io.creditlayer.features.profile.FeatureSchema;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.data.WalletV1;
import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.governance.GovDevnetResource;
import io.creditlayer.service.governance.GovFixtures;
import io.creditlayer.service.store.AttestationRecord;
import io.creditlayer.service.store.WalletProfileRecord;
import io.creditlayer.service.store.WalletScoreRecord;
import io.creditlayer.service.testing.PostgresTestResource;
import io.creditlayer.service.testing.TestModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline against anvil with the deployed system and real market activity: profiles with provenance and
 * scores after the first run, only changed wallets after later runs, the confirmation depth, resuming from the
 * cursor after a restart, attestation expiry by chain time, and a reorg below the cursor.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(value = GovDevnetResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineChainTest {
    private static final BigInteger DUSD = BigInteger.TEN.pow(SystemDeployer.DEVNET_LOAN_DECIMALS);
    private static final BigInteger DETH = BigInteger.TEN.pow(SystemDeployer.DEVNET_COLLATERAL_DECIMALS);

    @Inject
    ChainPipeline pipeline;
    @Inject
    AttestationIssuer issuer;
    @Inject
    ApiKeys keys;
    @ConfigProperty(name = "creditlayer.chain.rpc-url")
    String rpcUrl;
    @ConfigProperty(name = "creditlayer.chain.deployment-file")
    String deploymentFile;

    private ChainClient chain;
    private DevnetMarket market;
    private String modelId;
    private final String lender = address(DevnetAccounts.LENDER);
    private final String borrower = address(DevnetAccounts.SCORED_BORROWER);
    private final String other = address(DevnetAccounts.UNSCORED_BORROWER);
    private final String deployer = address(DevnetAccounts.DEPLOYER);
    private PipelineRun first;

    @BeforeAll
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        chain = ChainClient.connect(rpcUrl, Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
        market = new DevnetMarket(chain, Deployment.read(Path.of(deploymentFile)));
        modelId = CreditModel.load(TestModel.dir()).modelId();
    }

    /** A model must serve for the pipeline to rescore: the test model, approved through the governance API. */
    private void approveTheTestModel() {
        String governance = GovFixtures.key(keys, Scope.GOVERNANCE);
        AuditReport report = GovFixtures.passingReport(TestModel.dir());
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(report.jsonBytes())
                .when().post("/v1/governance/models/" + modelId + "/fairness-reports").then().statusCode(201);
        given().header("X-API-Key", governance).when().post("/v1/governance/models/" + modelId + "/approve").then()
                .statusCode(200);
    }

    @AfterAll
    void close() {
        chain.close();
    }

    @Test
    @Order(1)
    void theFirstRunProfilesEveryActiveWalletWithProvenanceAndScoresIt() throws Exception {
        approveTheTestModel();
        market.postPrice(SystemDeployer.DEVNET_INITIAL_PRICE);
        market.lend(DevnetAccounts.LENDER.credentials(), DUSD.multiply(BigInteger.valueOf(100_000)));
        market.postCollateral(DevnetAccounts.SCORED_BORROWER.credentials(), DETH.multiply(BigInteger.TEN));
        LendingPool pool = market.pool(DevnetAccounts.SCORED_BORROWER.credentials());
        pool.borrow(DUSD.multiply(BigInteger.valueOf(5_000)), borrower).send();
        mine(GovDevnetResource.CONFIRMATIONS);

        first = pipeline.runOnce();
        long head = head();
        assertEquals(head, first.head());
        assertEquals(head - GovDevnetResource.CONFIRMATIONS, first.asOfBlock(), "the newest blocks wait for confirmations");
        assertEquals(-1 + market.deployment().deployedAtBlock(), first.previousBlock());
        assertTrue(first.refreshed().containsAll(List.of(lender, borrower, deployer)), first.refreshed().toString());
        assertEquals(first.refreshed().size(), first.rescored());
        assertFalse(first.fullRefresh());

        WalletProfileRecord profile = profile(borrower);
        assertEquals(Anvil.CHAIN_ID, profile.chainId);
        assertEquals(ProfileStore.SCHEMA_HASH, profile.featureSchemaHash);
        assertEquals(WalletV1.schema().hash(), profile.featureSchemaHash, "the model's schema is the extractor's");
        assertEquals(first.asOfBlock(), profile.asOfBlock);
        assertEquals(ProfileStore.SOURCE, profile.source);
        var block = chain.web3j().ethGetBlockByNumber(
                org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(first.asOfBlock())), false)
                .send().getBlock();
        assertEquals(block.getTimestamp().longValueExact(), profile.asOfTimestamp);
        String blockHash = QuarkusTransaction.requiringNew().call(() -> new ProfileStore().asOfBlockHash(borrower));
        assertEquals(block.getHash(), blockHash);
        long[] scaled = new long[profile.features.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = FeatureSchema.quantize(profile.features[i]);
        }
        assertEquals(Numeric.toHexString(FeatureCommitment.compute(profile.chainId, profile.asOfBlock, blockHash, borrower,
                scaled)), profile.featureCommitment, "the stored provenance recomputes the commitment");
        assertEquals(1.0, feature(profile, "borrow_count"));
        assertEquals(1.0, feature(profile, "collateral_supply_count"));

        WalletScoreRecord score = latestScore(borrower);
        assertNotNull(score);
        assertEquals(profile.featureCommitment, score.featureCommitment);
        assertEquals(first.asOfBlock(), score.asOfBlock);
        assertEquals(first.asOfBlock(), cursor().lastBlock);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("creditlayer_pipeline_lag_blocks " + GovDevnetResource.CONFIRMATIONS + ".0"),
                "lag gauge: " + metrics.lines().filter(l -> l.contains("pipeline")).toList());
        assertTrue(metrics.contains("creditlayer_pipeline_profiles_refreshed_total"));
    }

    @Test
    @Order(2)
    void laterRunsRefreshOnlyTheWalletsThatChangedOnceConfirmed() throws Exception {
        WalletProfileRecord lenderBefore = profile(lender);
        long scoresBefore = scoreCount(borrower);
        Credentials scored = DevnetAccounts.SCORED_BORROWER.credentials();
        BigInteger repay = DUSD.multiply(BigInteger.valueOf(1_000));
        market.token(market.deployment().loanToken(), scored).approve(market.deployment().lendingPool(), repay).send();
        market.pool(scored).repay(repay, borrower).send();

        PipelineRun early = pipeline.runOnce();
        assertEquals(List.of(), early.refreshed(), "the repayment is not yet confirmed");
        assertEquals(0.0, feature(profile(borrower), "repay_count"));

        mine(GovDevnetResource.CONFIRMATIONS);
        PipelineRun run = pipeline.runOnce();
        assertEquals(List.of(borrower), run.refreshed());
        assertEquals(1, run.rescored());
        WalletProfileRecord after = profile(borrower);
        assertEquals(run.asOfBlock(), after.asOfBlock);
        assertEquals(1.0, feature(after, "repay_count"));
        assertEquals(scoresBefore + 1, scoreCount(borrower));
        WalletProfileRecord lenderAfter = profile(lender);
        assertEquals(lenderBefore.asOfBlock, lenderAfter.asOfBlock, "a quiet wallet keeps its profile");
        assertEquals(lenderBefore.refreshedAt, lenderAfter.refreshedAt);
    }

    @Test
    @Order(3)
    void aRestartedPipelineResumesAfterItsCursor() throws Exception {
        long cursor = cursor().lastBlock;
        pipeline.restart();
        PipelineRun resumed = pipeline.runOnce();
        assertEquals(cursor, resumed.previousBlock());
        assertEquals(List.of(), resumed.refreshed(), "the whole history was re-read but nothing changed after the cursor");

        market.postCollateral(DevnetAccounts.UNSCORED_BORROWER.credentials(), DETH);
        mine(GovDevnetResource.CONFIRMATIONS);
        pipeline.restart();
        PipelineRun next = pipeline.runOnce();
        assertEquals(new TreeSet<>(Set.of(deployer, other)), new TreeSet<>(next.refreshed()),
                "the collateral token's minter and the new borrower");
    }

    @Test
    @Order(4)
    void attestationsExpireByChainTimeUnlessTheyLandedOnChain() throws Exception {
        AttestationRecord issued = issuer.issue(borrower, "pipeline-test", false);
        AttestationRecord landed = issuer.issue(borrower, "pipeline-test", false);
        QuarkusTransaction.requiringNew().run(() -> AttestationRecord.update("status = ?1 where id = ?2",
                AttestationRecord.Status.CONFIRMED, landed.id));
        PipelineRun before = pipeline.runOnce();
        assertEquals(0, before.expired());

        // evm_increaseTime is ignored under anvil's block-timestamp interval; an explicit timestamp is not
        DevnetClock.mineAt(chain, issued.expiresAt);
        mine(GovDevnetResource.CONFIRMATIONS);
        PipelineRun run = pipeline.runOnce();
        assertEquals(1, run.expired());
        AttestationRecord expired = attestation(issued);
        assertEquals(AttestationRecord.Status.EXPIRED, expired.status);
        assertTrue(expired.statusDetail.startsWith("expired at chain time"), expired.statusDetail);
        assertEquals(AttestationRecord.Status.CONFIRMED, attestation(landed).status);
        // a day of chain time later, quiet wallets are refreshed too: wallet age and recency moved
        assertTrue(run.refreshed().containsAll(List.of(lender, borrower, other)), run.refreshed().toString());
        assertTrue(feature(profile(lender), "wallet_age_days") >= 1.0);
    }

    @Test
    @Order(5)
    void aReorgBelowTheCursorRebuildsEveryProfile() throws Exception {
        String snapshot = rpc("evm_snapshot", List.of());
        // a wallet that exists only on the branch about to be abandoned
        market.postCollateral(DevnetAccounts.RELAYER.credentials(), DETH);
        mine(GovDevnetResource.CONFIRMATIONS + 1);
        PipelineRun onBranch = pipeline.runOnce();
        String relayer = address(DevnetAccounts.RELAYER);
        assertTrue(onBranch.refreshed().contains(relayer));
        assertNotNull(profile(relayer));

        assertEquals("true", rpc("evm_revert", List.of(snapshot)));
        // the other branch: longer, different transactions
        market.lend(DevnetAccounts.LIQUIDATOR.credentials(), DUSD);
        mine(GovDevnetResource.CONFIRMATIONS + 6);
        PipelineRun afterReorg = pipeline.runOnce();
        assertTrue(afterReorg.fullRefresh(), "the cursor's block was replaced");
        assertTrue(afterReorg.refreshed().containsAll(List.of(address(DevnetAccounts.LIQUIDATOR), lender, borrower)));
        assertFalse(afterReorg.refreshed().contains(relayer));
        assertEquals(null, profile(relayer), "activity that was reorganised away leaves no profile");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void mine(int blocks) {
        for (int i = 0; i < blocks; i++) {
            DevnetClock.mineAt(chain, chain.latestBlockTimestamp() + 12);
        }
    }

    private long head() throws Exception {
        return chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    private String rpc(String method, List<?> params) throws Exception {
        Response<?> response = new Request<>(method, params, chain.service(), Response.class).send();
        if (response.hasError()) {
            throw new IllegalStateException(method + ": " + response.getError().getMessage());
        }
        return String.valueOf(response.getResult());
    }

    private static String address(DevnetAccounts account) {
        return account.address().toLowerCase(Locale.ROOT);
    }

    private static WalletProfileRecord profile(String address) {
        return QuarkusTransaction.requiringNew().call(() -> WalletProfileRecord.findById(address));
    }

    private static double feature(WalletProfileRecord profile, String name) {
        return profile.features[WalletV1.schema().indexOf(name)];
    }

    private WalletScoreRecord latestScore(String address) {
        return QuarkusTransaction.requiringNew().call(() -> WalletScoreRecord.latest(address, modelId).orElse(null));
    }

    private long scoreCount(String address) {
        return QuarkusTransaction.requiringNew().call(() -> WalletScoreRecord.count("address = ?1 and modelId = ?2",
                address, modelId));
    }

    private static PipelineCursor cursor() {
        return QuarkusTransaction.requiringNew().call(() -> PipelineCursor.findById(PipelineCursor.PROFILES));
    }

    private static AttestationRecord attestation(AttestationRecord record) {
        return QuarkusTransaction.requiringNew().call(() -> AttestationRecord.findById(record.id));
    }
}
