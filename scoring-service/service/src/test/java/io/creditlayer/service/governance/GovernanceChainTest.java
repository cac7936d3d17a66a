package io.creditlayer.service.governance;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.contracts.generated.ModelRegistry;
import io.creditlayer.contracts.generated.TimelockController;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.TimelockGovernance;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.model.CreditModel;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.outbox.OutboxWorker;
import io.creditlayer.service.store.OutboxEntry;
import io.creditlayer.service.testing.PostgresTestResource;
import io.creditlayer.service.testing.TestModel;
import io.quarkus.arc.All;
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
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Approval and retirement reach the chain: on anvil with the deployed system, the registry steps the service
 * queues are sent from the scorer account (the role the devnet deployment gives it on the registry) and through the
 * TimelockController, and the ModelRegistry ends up with the model approved and the service's report hash.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(value = GovDevnetResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceChainTest {
    private static final String MODELS = "/v1/governance/models";
    private static final BigInteger PROPOSED = BigInteger.ONE;
    private static final BigInteger APPROVED = BigInteger.TWO;
    private static final BigInteger RETIRED = BigInteger.valueOf(3);

    @Inject
    ApiKeys keys;
    @Inject
    ScoringEngine scoring;
    @Inject
    OutboxWorker worker;
    @Inject
    @All
    List<RegistryOutboxHandler> handlers;
    @ConfigProperty(name = "creditlayer.chain.rpc-url")
    String rpcUrl;
    @ConfigProperty(name = "creditlayer.chain.deployment-file")
    String deploymentFile;

    private ChainClient chain;
    private Deployment deployment;
    private ModelRegistry registry;
    private RegistryOutboxDriver outbox;
    private String governance;
    private String modelId;
    private String reportHash;

    @BeforeAll
    void connect() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        chain = ChainClient.connect(rpcUrl, Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
        deployment = Deployment.read(Path.of(deploymentFile));
        registry = ModelRegistry.load(deployment.modelRegistry(), chain.web3j(),
                chain.transactionManager(DevnetAccounts.GUARDIAN.credentials()), chain.gasProvider());
        outbox = new RegistryOutboxDriver(handlers, chain, DevnetAccounts.SCORER.credentials(), timelockDelay());
        governance = GovFixtures.key(keys, Scope.GOVERNANCE);
        modelId = CreditModel.load(TestModel.dir()).modelId();
    }

    @AfterAll
    void close() {
        chain.close();
    }

    @Test
    @Order(1)
    void everyRegistryKindHasAHandler() {
        assertEquals(ModelRegistrySync.KINDS.stream().sorted().toList(),
                handlers.stream().map(RegistryOutboxHandler::kind).sorted().toList());
    }

    @Test
    @Order(2)
    void withoutTimelockRolesTheRegistryGetsTheModelAndReportButNotTheApproval() throws Exception {
        AuditReport report = GovFixtures.passingReport(TestModel.dir());
        reportHash = given().header("X-API-Key", governance).contentType(ContentType.JSON).body(report.jsonBytes())
                .when().post(MODELS + "/" + modelId + "/fairness-reports").then().statusCode(201)
                .extract().path("reportHash");
        given().header("X-API-Key", governance).when().post(MODELS + "/" + modelId + "/approve").then().statusCode(200);

        // the devnet timelock's proposer and executor is the deployer: the scorer may propose and audit, not govern
        assertEquals(List.of("MODEL_PROPOSE:sent", "MODEL_FAIRNESS:sent", "MODEL_TIMELOCK_SCHEDULE:refused"), outbox.drain());
        OnChainModel onChain = onChain(modelId);
        assertEquals(PROPOSED, onChain.status);
        assertEquals(reportHash, onChain.fairnessReportHash);
        assertTrue(onChain.fairnessPassed);
        given().header("X-API-Key", governance).when().get(MODELS + "/" + modelId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("active", equalTo(true))
                .body("registry.status", equalTo("PROPOSED"))
                .body("registry.fairnessReportHash", equalTo(reportHash))
                .body("registry.lastError", containsString("lacks PROPOSER_ROLE on the timelock"))
                .body("registry.pendingSteps", hasSize(0));
    }

    @Test
    @Order(3)
    void onceGovernanceGrantsTheRolesApprovalGoesThroughTheTimelock() throws Exception {
        grantTimelockRoles(DevnetAccounts.SCORER.address());
        // approving again re-queues the registry steps; those already on-chain are recognised as done
        given().header("X-API-Key", governance).when().post(MODELS + "/" + modelId + "/approve").then().statusCode(200)
                .body("registry.pendingSteps", hasSize(1));
        assertEquals(List.of("MODEL_PROPOSE:done", "MODEL_FAIRNESS:done", "MODEL_TIMELOCK_SCHEDULE:sent",
                "MODEL_TIMELOCK_EXECUTE:waited", "MODEL_TIMELOCK_EXECUTE:sent"), outbox.drain());

        CreditModel model = CreditModel.load(TestModel.dir());
        OnChainModel onChain = onChain(modelId);
        assertEquals(APPROVED, onChain.status);
        assertTrue(registry.isApproved(bytes(modelId)).send());
        assertEquals(reportHash, onChain.fairnessReportHash, "hash on-chain");
        assertTrue(onChain.fairnessPassed);
        assertEquals(model.artifact().hash(), onChain.artifactHash);
        assertEquals(model.schema().hash(), onChain.featureSchemaHash);
        given().header("X-API-Key", governance).when().get(MODELS + "/" + modelId).then().statusCode(200)
                .body("registry.status", equalTo("APPROVED")).body("registry.lastError", nullValue())
                .body("registry.lastTxHash", containsString("0x"))
                .body("registry.pendingSteps", hasSize(0));
        given().header("X-API-Key", governance).when().get(MODELS + "/" + modelId + "/fairness-reports").then()
                .body("[0].reportHash", equalTo(reportHash));
    }

    @Test
    @Order(4)
    void aStepRepeatedAfterACrashIsRecognisedAsDone() {
        // a worker that died after sending but before recording finds each effect already on-chain
        for (String kind : List.of(ModelRegistrySync.PROPOSE, ModelRegistrySync.FAIRNESS, ModelRegistrySync.SCHEDULE,
                ModelRegistrySync.EXECUTE)) {
            OutboxEntry entry = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find(
                    "aggregateId = ?1 and kind = ?2 and status = ?3 order by id desc", modelId, kind,
                    OutboxEntry.Status.CONFIRMED).firstResult());
            RegistryOutboxHandler handler = handlers.stream().filter(h -> h.kind().equals(kind)).findFirst().orElseThrow();
            assertInstanceOf(RegistryStep.Done.class, handler.plan(entry), kind);
            assertTrue(handler.appliedOnChain(entry, "a revert of the duplicate"), kind);
        }
    }

    @Test
    @Order(5)
    void retirementReachesTheRegistryThroughTheRealWorkerAndTheTimelock() throws Exception {
        given().header("X-API-Key", governance).when().post(MODELS + "/" + modelId + "/retire").then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        assertTrue(scoring.activeModel().isEmpty());

        // the outbox worker itself (its schedule is off in tests): it schedules on the timelock, waits out the delay
        // in chain time (which governance's clock moves here, as the devnet does) and executes
        long delay = timelockDelay();
        boolean clockMoved = false;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!RETIRED.equals(onChain(modelId).status) || QuarkusTransaction.requiringNew()
                .call(() -> registrySteps(modelId)).stream().anyMatch(e -> e.status != OutboxEntry.Status.CONFIRMED
                        && e.status != OutboxEntry.Status.FAILED)) {
            assertTrue(System.nanoTime() < deadline, "the worker did not retire the model within 60 s: "
                    + describe(QuarkusTransaction.requiringNew().call(() -> registrySteps(modelId))));
            OutboxWorker.Tick tick = worker.runOnce();
            assertEquals(0, tick.failed(), tick.toString());
            boolean executeWaiting = QuarkusTransaction.requiringNew().call(() -> registrySteps(modelId)).stream()
                    .anyMatch(e -> e.kind.equals(ModelRegistrySync.EXECUTE) && e.status == OutboxEntry.Status.PENDING);
            if (executeWaiting && !clockMoved) {
                DevnetClock.mineAt(chain, chain.latestBlockTimestamp() + delay + 1);
                clockMoved = true;
            }
            Thread.sleep(250);
        }
        assertTrue(clockMoved, "the execute step waited for the timelock delay");
        List<OutboxEntry> steps = QuarkusTransaction.requiringNew().call(() -> registrySteps(modelId));
        assertTrue(steps.stream().filter(e -> e.kind.equals(ModelRegistrySync.EXECUTE))
                .allMatch(e -> e.status == OutboxEntry.Status.CONFIRMED), () -> describe(steps).toString());
        assertFalse(registry.isApproved(bytes(modelId)).send());
        given().header("X-API-Key", governance).when().get(MODELS + "/" + modelId).then()
                .body("registry.status", equalTo("RETIRED"));
    }

    @Test
    @Order(6)
    void retiringAModelTheRegistryNeverSawSendsNothing() throws Exception {
        String second = given().header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("artifactDir", GovFixtures.secondModel().toString())).when().post(MODELS).then()
                .statusCode(201).extract().path("modelId");
        given().header("X-API-Key", governance).when().post(MODELS + "/" + second + "/retire").then().statusCode(200);
        assertEquals(List.of("MODEL_TIMELOCK_SCHEDULE:done"), outbox.drain());
        assertEquals(BigInteger.ZERO, onChain(second).status);
    }

    private long timelockDelay() {
        try {
            return TimelockController.load(deployment.timelock(), chain.web3j(),
                    chain.transactionManager(DevnetAccounts.DEPLOYER.credentials()), chain.gasProvider())
                    .getMinDelay().send().longValueExact();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> describe(List<OutboxEntry> steps) {
        return steps.stream().map(e -> e.kind + ":" + e.status + ":" + e.lastError).toList();
    }

    private static List<OutboxEntry> registrySteps(String modelId) {
        return OutboxEntry.list("aggregateId = ?1 and kind in ?2 order by id", modelId, ModelRegistrySync.KINDS);
    }

    /** Governance (the deployer, the devnet timelock's proposer) grants the service the timelock roles. */
    private void grantTimelockRoles(String account) throws Exception {
        TimelockController timelock = TimelockController.load(deployment.timelock(), chain.web3j(),
                chain.transactionManager(DevnetAccounts.DEPLOYER.credentials()), chain.gasProvider());
        TimelockGovernance governor = new TimelockGovernance(chain, DevnetAccounts.DEPLOYER.credentials(),
                deployment.timelock());
        for (byte[] role : List.of(timelock.PROPOSER_ROLE().send(), timelock.EXECUTOR_ROLE().send())) {
            String grant = timelock.grantRole(role, account).encodeFunctionCall();
            governor.scheduleAndExecute(Hash.sha3(grant.getBytes(StandardCharsets.US_ASCII)), deployment.timelock(), grant,
                    delay -> DevnetClock.mineAt(chain, chain.latestBlockTimestamp() + delay + 1));
        }
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE().send(), account).send());
    }

    /** ModelRegistry.Model as the chain returns it. */
    private record OnChainModel(String artifactHash, String featureSchemaHash, String fairnessReportHash,
                                boolean fairnessPassed, BigInteger status) {
    }

    /**
     * getModel through the wrapper's call encoding and eth_call; the five words of the static struct are read here
     * because web3j's reflective struct decoding fails under Quarkus' class loading.
     */
    private OnChainModel onChain(String id) throws Exception {
        String data = registry.getModel(bytes(id)).encodeFunctionCall();
        String value = chain.web3j().ethCall(org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(
                        DevnetAccounts.GUARDIAN.address(), deployment.modelRegistry(), data),
                org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getValue();
        byte[] w = Numeric.hexStringToByteArray(value);
        assertEquals(160, w.length);
        return new OnChainModel(Numeric.toHexString(java.util.Arrays.copyOfRange(w, 0, 32)),
                Numeric.toHexString(java.util.Arrays.copyOfRange(w, 32, 64)),
                Numeric.toHexString(java.util.Arrays.copyOfRange(w, 64, 96)), w[127] != 0,
                BigInteger.valueOf(w[159] & 0xff));
    }

    private static byte[] bytes(String hex) {
        return Numeric.hexStringToByteArray(hex);
    }
}
