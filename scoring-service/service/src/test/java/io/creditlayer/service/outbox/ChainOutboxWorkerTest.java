package io.creditlayer.service.outbox;

import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.chain.ChainDevnet;
import io.creditlayer.service.chain.ChainDevnetProfile;
import io.creditlayer.service.chain.ChainDevnetResource;
import io.creditlayer.service.chain.ChainTestData;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.store.AttestationRecord;
import io.creditlayer.service.store.OutboxEntry;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox worker against a real anvil devnet and PostgreSQL: posting, receipts, duplicates landed by someone
 * else, reverts, caps, fee bumps, lost transactions, confirmation depth, the account lock, expiry, readiness,
 * the status endpoint and the metrics.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ChainDevnetProfile.class)
class ChainOutboxWorkerTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    @Inject
    OutboxWorker worker;
    @Inject
    AttestationIssuer issuer;
    @Inject
    ScoringEngine scoring;
    @Inject
    AttestationExpiry expiry;
    @Inject
    OutboxMetrics metrics;
    @Inject
    ApiKeys apiKeys;

    @BeforeEach
    void prepare() {
        ChainTestData.prepare(scoring);
        devnet().automine(true);
    }

    @AfterEach
    void settle() {
        devnet().automine(true);
        for (int i = 0; i < 10 && open() > 0; i++) {
            worker.runOnce();
        }
    }

    @Test
    void postsAnAttestationAndRecordsTheReceipt() throws Exception {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        assertEquals(AttestationRecord.Status.QUEUED, issued.status);

        OutboxWorker.Tick sending = tick();
        assertEquals(1, sending.sent());
        AttestationRecord submitted = record(issued.id);
        assertEquals(AttestationRecord.Status.SUBMITTED, submitted.status);
        assertNotNull(submitted.txHash);

        OutboxWorker.Tick confirming = tick();
        assertEquals(1, confirming.confirmed());
        AttestationRecord confirmed = record(issued.id);
        OutboxEntry entry = entryOf(issued.id);
        List<OutboxTransaction> txs = txsOf(entry.id);
        assertEquals(AttestationRecord.Status.CONFIRMED, confirmed.status);
        assertEquals(OutboxEntry.Status.CONFIRMED, entry.status);
        assertEquals(1, txs.size());
        OutboxTransaction tx = txs.getFirst();
        assertEquals(OutboxTransaction.Status.MINED, tx.status);
        assertEquals(Boolean.TRUE, tx.succeeded);
        assertEquals(tx.txHash, confirmed.txHash);
        assertEquals(tx.blockNumber, confirmed.blockNumber);
        assertTrue(tx.gasUsed.signum() > 0 && tx.gasUsed.compareTo(tx.gasLimit) <= 0, "gas used " + tx.gasUsed);
        assertNotNull(tx.effectiveGasPrice);
        assertNotNull(tx.broadcastAt);

        CreditOracle oracle = oracle();
        assertTrue(oracle.isNonceUsed(issued.borrower, issued.nonce).send());
        assertEquals(BigInteger.valueOf(issued.tier), oracle.tierOf(issued.borrower).send());
        TransactionReceipt receipt = devnet().chain().web3j().ethGetTransactionReceipt(tx.txHash).send()
                .getTransactionReceipt().orElseThrow();
        assertEquals(DevnetAccounts.SCORER.address().toLowerCase(Locale.ROOT), receipt.getFrom().toLowerCase(Locale.ROOT));
        assertEquals(1, acceptances(issued).size());
        assertNonceConsistent();
    }

    @Test
    void anAttestationSomeoneElseSubmittedFirstIsDoneNotFailed() throws Exception {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        TransactionReceipt foreign = devnet().market().submit(DevnetAccounts.RELAYER.credentials(), attestation(issued),
                Numeric.hexStringToByteArray(issued.signature));
        assertTrue(foreign.isStatusOK());

        OutboxWorker.Tick tick = tick();
        assertEquals(0, tick.sent());
        assertEquals(1, tick.confirmed());
        AttestationRecord record = record(issued.id);
        assertEquals(AttestationRecord.Status.CONFIRMED, record.status);
        assertEquals(foreign.getTransactionHash(), record.txHash);
        assertEquals(foreign.getBlockNumber().longValueExact(), record.blockNumber);
        assertTrue(record.statusDetail.contains("another party"), record.statusDetail);
        assertEquals(OutboxEntry.Status.CONFIRMED, entryOf(issued.id).status);
        assertTrue(txsOf(entryOf(issued.id).id).isEmpty(), "nothing may be sent for an attestation already on-chain");
        assertEquals(1, acceptances(issued).size());
        assertNonceConsistent();
    }

    @Test
    void aDuplicateMinedAheadOfTheWorkersTransactionCountsAsDone() throws Exception {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        devnet().automine(false);
        assertEquals(1, tick().sent());
        // a relayer tipping more overtakes the worker's pending transaction in the same block
        String foreign = relay(issued, attestation(issued), Numeric.hexStringToByteArray(issued.signature));
        devnet().mine();

        OutboxWorker.Tick tick = tick();
        assertEquals(1, tick.confirmed());
        AttestationRecord record = record(issued.id);
        assertEquals(AttestationRecord.Status.CONFIRMED, record.status);
        assertEquals(foreign, record.txHash);
        OutboxTransaction ours = txsOf(entryOf(issued.id).id).getFirst();
        assertEquals(OutboxTransaction.Status.MINED, ours.status);
        assertEquals(Boolean.FALSE, ours.succeeded);
        assertEquals(AttestationOutboxHandler.NONCE_USED, ours.revertError);
        assertEquals(1, acceptances(issued).size());
        assertNonceConsistent();
    }

    @Test
    void aRevertOnChainFailsTheEntryWithTheCustomErrorName() throws Exception {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        devnet().automine(false);
        assertEquals(1, tick().sent());
        // a newer attestation of the same borrower lands first: the worker's becomes stale
        ScoreAttestation original = attestation(issued);
        ScoreAttestation newer = new ScoreAttestation(original.borrower(), original.score(), original.tier(),
                original.modelId(), original.featureCommitment(), original.issuedAt() + 1, original.expiresAt() + 1,
                original.nonce().add(BigInteger.valueOf(1_000)));
        relay(issued, newer, devnet().market().sign(newer));
        devnet().mine();

        OutboxWorker.Tick tick = tick();
        assertEquals(1, tick.failed());
        AttestationRecord record = record(issued.id);
        assertEquals(AttestationRecord.Status.FAILED, record.status);
        assertTrue(record.statusDetail.startsWith("CreditOracleStaleAttestation"), record.statusDetail);
        OutboxEntry entry = entryOf(issued.id);
        assertEquals(OutboxEntry.Status.FAILED, entry.status);
        assertTrue(entry.lastError.contains("reverted in block"), entry.lastError);
        assertEquals("CreditOracleStaleAttestation", txsOf(entry.id).getFirst().revertError);
        assertNonceConsistent();
    }

    @Test
    void anEstimateAboveTheGasCapFailsTheEntryWithoutSending() {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        OutboxWorker capped = worker.withSettings(worker.settings().withGasCap(30_000));
        try {
            OutboxWorker.Tick tick = capped.runOnce();
            assertNull(tick.skipped());
            assertEquals(1, tick.failed());
        } finally {
            capped.close();
        }
        OutboxEntry entry = entryOf(issued.id);
        assertEquals(OutboxEntry.Status.FAILED, entry.status);
        assertTrue(entry.lastError.matches("gas estimate \\d+ exceeds the cap of 30000"), entry.lastError);
        assertEquals(AttestationRecord.Status.FAILED, record(issued.id).status);
        assertTrue(txsOf(entry.id).isEmpty());
    }

    @Test
    void aBaseFeeAboveTheFeeCapPostponesTheEntry() throws Exception {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        OutboxWorker cheap = worker.withSettings(worker.settings().withMaxFeeCap(BigInteger.ONE));
        try {
            OutboxWorker.Tick tick = cheap.runOnce();
            assertNull(tick.skipped());
            assertEquals(0, tick.sent() + tick.failed());
        } finally {
            cheap.close();
        }
        OutboxEntry waiting = entryOf(issued.id);
        assertEquals(OutboxEntry.Status.PENDING, waiting.status);
        assertEquals(1, waiting.attempts);
        assertTrue(waiting.lastError.startsWith("base fee above the max-fee cap"), waiting.lastError);
        assertTrue(waiting.nextAttemptAt.isAfter(waiting.updatedAt.minusMillis(1)));

        Thread.sleep(worker.settings().backoff(1).toMillis() + 50);
        tick();
        tick();
        assertEquals(AttestationRecord.Status.CONFIRMED, record(issued.id).status);
    }

    @Test
    void aTransactionNotMinedInTimeIsReplacedWithHigherFeesUnderTheSameNonce() throws Exception {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        OutboxWorker impatient = worker.withSettings(worker.settings().withResubmitAfter(Duration.ofMillis(1)));
        try {
            devnet().automine(false);
            assertEquals(1, impatient.runOnce().sent());
            Thread.sleep(20);
            assertEquals(1, impatient.runOnce().sent());
            List<OutboxTransaction> txs = txsOf(entryOf(issued.id).id);
            assertEquals(2, txs.size());
            OutboxTransaction first = txs.get(0);
            OutboxTransaction second = txs.get(1);
            assertEquals(first.nonce, second.nonce);
            assertEquals(1, second.replacement);
            assertNotEquals(first.txHash, second.txHash);
            assertTrue(second.maxFeePerGas.multiply(BigInteger.TEN).compareTo(first.maxFeePerGas.multiply(BigInteger.valueOf(11))) >= 0);
            assertTrue(second.maxPriorityFeePerGas.multiply(BigInteger.TEN)
                    .compareTo(first.maxPriorityFeePerGas.multiply(BigInteger.valueOf(11))) >= 0);
            assertEquals(second.txHash, record(issued.id).txHash);

            devnet().mine();
            assertEquals(1, impatient.runOnce().confirmed());
            txs = txsOf(entryOf(issued.id).id);
            assertEquals(OutboxTransaction.Status.REPLACED, txs.get(0).status);
            assertEquals(OutboxTransaction.Status.MINED, txs.get(1).status);
            assertEquals(second.txHash, record(issued.id).txHash);
            assertTrue(devnet().chain().web3j().ethGetTransactionReceipt(first.txHash).send().getTransactionReceipt().isEmpty());
        } finally {
            impatient.close();
        }
        assertEquals(1, acceptances(issued).size());
        assertNonceConsistent();
    }

    @Test
    void aTransactionTheNodeLostIsRebroadcastFromTheStoredRawBytes() throws Exception {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        devnet().automine(false);
        assertEquals(1, tick().sent());
        OutboxTransaction sent = txsOf(entryOf(issued.id).id).getFirst();
        devnet().control("anvil_dropTransaction", sent.txHash);
        assertTrue(devnet().chain().web3j().ethGetTransactionByHash(sent.txHash).send().getTransaction().isEmpty());

        assertEquals(1, tick().sent());
        assertTrue(devnet().chain().web3j().ethGetTransactionByHash(sent.txHash).send().getTransaction().isPresent());
        devnet().mine();
        assertEquals(1, tick().confirmed());
        assertEquals(sent.txHash, record(issued.id).txHash);
        assertEquals(1, txsOf(entryOf(issued.id).id).size());
        assertNonceConsistent();
    }

    @Test
    void confirmationDepthHoldsTheEntryUntilEnoughBlocks() {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        OutboxWorker deep = worker.withSettings(worker.settings().withConfirmations(2));
        try {
            assertEquals(1, deep.runOnce().sent());
            OutboxWorker.Tick oneBlock = deep.runOnce();
            assertEquals(0, oneBlock.confirmed());
            assertEquals(1, oneBlock.waiting());
            OutboxTransaction mined = txsOf(entryOf(issued.id).id).getFirst();
            assertEquals(OutboxTransaction.Status.MINED, mined.status);
            assertNotNull(mined.blockNumber);
            assertEquals(OutboxEntry.Status.SENT, entryOf(issued.id).status);
            assertEquals(AttestationRecord.Status.SUBMITTED, record(issued.id).status);

            devnet().mine();
            assertEquals(1, deep.runOnce().confirmed());
        } finally {
            deep.close();
        }
        assertEquals(AttestationRecord.Status.CONFIRMED, record(issued.id).status);
    }

    @Test
    void oneWorkerAtATimeSendsForTheAccount() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String key = "creditlayer.outbox:31337:" + DevnetAccounts.SCORER.address().toLowerCase(Locale.ROOT);
        try (Connection holder = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
            lock.setString(1, key);
            lock.executeQuery().close();
            OutboxWorker.Tick blocked = worker.runOnce();
            assertNotNull(blocked.skipped());
            assertTrue(blocked.skipped().startsWith("another worker is sending"), blocked.skipped());
        }

        List<AttestationRecord> issued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            issued.add(issuer.issue(ChainTestData.freshWallet(), "chain-test", true));
        }
        OutboxWorker second = worker.withSettings(worker.settings());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> loops = List.of(drain(worker), drain(second));
            for (Future<Void> done : threads.invokeAll(loops)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
            second.close();
        }
        List<Long> nonces = new ArrayList<>();
        for (AttestationRecord a : issued) {
            assertEquals(AttestationRecord.Status.CONFIRMED, record(a.id).status);
            List<OutboxTransaction> txs = txsOf(entryOf(a.id).id);
            assertEquals(1, txs.size(), "one transaction per entry");
            nonces.add(txs.getFirst().nonce);
            assertEquals(1, acceptances(a).size());
        }
        assertEquals(6, nonces.stream().distinct().count());
        assertEquals(5, nonces.stream().mapToLong(Long::longValue).max().orElseThrow()
                - nonces.stream().mapToLong(Long::longValue).min().orElseThrow(), "nonces are contiguous: " + nonces);
        assertNonceConsistent();
    }

    @Test
    void anAttestationPastItsExpiryIsRefusedByTheOracleAndMarkedExpired() {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        DevnetClock.mineAt(devnet().chain(), issued.expiresAt + 1);
        OutboxWorker.Tick tick = tick();
        assertEquals(1, tick.failed());
        AttestationRecord record = record(issued.id);
        assertEquals(AttestationRecord.Status.EXPIRED, record.status);
        assertEquals("CreditOracleExpired", record.statusDetail);
        assertEquals(OutboxEntry.Status.FAILED, entryOf(issued.id).status);
        assertTrue(txsOf(entryOf(issued.id).id).isEmpty());
    }

    @Test
    void theExpiryJobExpiresIssuedAndQueuedAttestationsInChainTime() {
        AttestationRecord kept = issuer.issue(ChainTestData.freshWallet(), "chain-test", false);
        AttestationRecord queued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        assertEquals(new AttestationExpiry.Expired(0, 0), expiry.expireAt(kept.issuedAt));

        DevnetClock.mineAt(devnet().chain(), Math.max(kept.expiresAt, queued.expiresAt));
        AttestationExpiry.Expired expired = expiry.expire();
        assertTrue(expired.issued() >= 1 && expired.queued() >= 1, expired.toString());
        assertEquals(AttestationRecord.Status.EXPIRED, record(kept.id).status);
        assertEquals(AttestationRecord.Status.EXPIRED, record(queued.id).status);
        OutboxEntry entry = entryOf(queued.id);
        assertEquals(OutboxEntry.Status.FAILED, entry.status);
        assertTrue(entry.lastError.startsWith("CreditOracleExpired"), entry.lastError);
    }

    @Test
    void readinessReportsTheChainAndTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'chain' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'chain' }.data.chainId", equalTo(31337))
                .body("checks.find { it.name == 'chain' }.data.headBlock", notNullValue())
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.schemaVersion", notNullValue());
    }

    @Test
    void theStatusEndpointShowsTheAccountAndTheOutbox() {
        tick();
        String admin = apiKeys.create("chain-ops", EnumSet.of(Scope.ADMIN), 100, 100).key();
        given().when().get("/v1/chain/status").then().statusCode(401);
        given().header("X-API-Key", admin).when().get("/v1/chain/status").then().statusCode(200)
                .body("chainId", equalTo(31337))
                .body("sender.address", equalTo(DevnetAccounts.SCORER.address().toLowerCase(Locale.ROOT)))
                .body("sender.nextNonceStored", notNullValue())
                .body("outbox.CONFIRMED", notNullValue());
    }

    @Test
    void metricsExposeDepthLagAndTransactionCounters() {
        AttestationRecord issued = issuer.issue(ChainTestData.freshWallet(), "chain-test", true);
        metrics.refresh();
        assertTrue(metrics.depth() >= 1, "depth " + metrics.depth());
        tick();
        tick();
        assertEquals(AttestationRecord.Status.CONFIRMED, record(issued.id).status);
        metrics.refresh();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("creditlayer_outbox_depth"))
                .body(containsString("creditlayer_outbox_tx_total{outcome=\"sent\"}"))
                .body(containsString("creditlayer_outbox_tx_total{outcome=\"confirmed\"}"))
                .body(containsString("creditlayer_outbox_tx_total{outcome=\"failed\"}"))
                .body(containsString("creditlayer_chain_head_age_seconds"))
                .body(containsString("creditlayer_chain_lag_blocks"));
    }

    /* ---------------------------------------------------------------- helpers */

    private static ChainDevnet devnet() {
        return ChainDevnetResource.devnet();
    }

    private OutboxWorker.Tick tick() {
        OutboxWorker.Tick tick = worker.runOnce();
        assertNull(tick.skipped(), "tick skipped: " + tick.skipped());
        return tick;
    }

    private static Callable<Void> drain(OutboxWorker w) {
        return () -> {
            for (int i = 0; i < 200 && open() > 0; i++) {
                w.runOnce();
                Thread.sleep(5);
            }
            return null;
        };
    }

    private static long open() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("status in ?1",
                List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.SENT)));
    }

    private static AttestationRecord record(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> AttestationRecord.findById(id));
    }

    private static OutboxEntry entryOf(UUID attestationId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEntry.<OutboxEntry>find("aggregateId", attestationId.toString()).firstResult());
    }

    private static List<OutboxTransaction> txsOf(long entryId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxTransaction.ofEntry(entryId));
    }

    private static ScoreAttestation attestation(AttestationRecord r) {
        return new ScoreAttestation(r.borrower, r.score, r.tier, Numeric.hexStringToByteArray(r.modelId),
                Numeric.hexStringToByteArray(r.featureCommitment), r.issuedAt, r.expiresAt, r.nonce);
    }

    private static CreditOracle oracle() {
        return devnet().market().oracle(DevnetAccounts.RELAYER.credentials());
    }

    /** Sends submitAttestation from the relayer with a high tip, without waiting for it to be mined. */
    private static String relay(AttestationRecord issued, ScoreAttestation attestation, byte[] signature) throws Exception {
        String data = oracle().submitAttestation(DevnetMarket.toStruct(attestation), signature).encodeFunctionCall();
        TransactionManager relayer = devnet().chain().transactionManager(DevnetAccounts.RELAYER.credentials());
        EthSendTransaction sent = relayer.sendEIP1559Transaction(31337, GWEI.multiply(BigInteger.valueOf(50)),
                GWEI.multiply(BigInteger.valueOf(200)), BigInteger.valueOf(500_000), issued.oracle, data, BigInteger.ZERO);
        assertFalse(sent.hasError(), () -> sent.getError().getMessage());
        return sent.getTransactionHash();
    }

    /** AttestationAccepted events for this borrower and nonce, read with the generated wrapper. */
    static List<CreditOracle.AttestationAcceptedEventResponse> acceptances(AttestationRecord a) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO), DefaultBlockParameterName.LATEST,
                a.oracle);
        filter.addSingleTopic(org.web3j.abi.EventEncoder.encode(CreditOracle.ATTESTATIONACCEPTED_EVENT));
        EthLog logs = devnet().chain().web3j().ethGetLogs(filter).send();
        List<CreditOracle.AttestationAcceptedEventResponse> found = new ArrayList<>();
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            CreditOracle.AttestationAcceptedEventResponse event = CreditOracle.getAttestationAcceptedEventFromLog((Log) result.get());
            if (event.borrower.equalsIgnoreCase(a.borrower) && event.nonce.equals(a.nonce)) {
                found.add(event);
            }
        }
        return found;
    }

    /** The stored next nonce is the account's mined transaction count once nothing is in flight. */
    private static void assertNonceConsistent() throws Exception {
        String scorer = DevnetAccounts.SCORER.address().toLowerCase(Locale.ROOT);
        OutboxSender sender = QuarkusTransaction.requiringNew().call(() ->
                OutboxSender.findById(new OutboxSender.Key(31337, scorer)));
        long latest = devnet().chain().web3j().ethGetTransactionCount(scorer, DefaultBlockParameterName.LATEST).send()
                .getTransactionCount().longValueExact();
        long pending = devnet().chain().web3j().ethGetTransactionCount(scorer, DefaultBlockParameterName.PENDING).send()
                .getTransactionCount().longValueExact();
        assertEquals(latest, sender.nextNonce);
        assertEquals(latest, pending);
    }
}
