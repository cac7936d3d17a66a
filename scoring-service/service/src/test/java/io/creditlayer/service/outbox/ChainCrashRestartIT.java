package io.creditlayer.service.outbox;

import io.creditlayer.contracts.attestation.AttestationSigner;
import io.creditlayer.contracts.attestation.OracleDomain;
import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.service.chain.ChainDevnet;
import io.creditlayer.service.db.EmbeddedDatabase;
import io.creditlayer.service.testing.TestModel;
import io.creditlayer.model.CreditModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill the service mid-post, restart it, and the attestation lands exactly once.
 *
 * <p>The real thing: the packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by quarkus:build in
 * the package phase, so this runs in failsafe's integration-test phase) runs as a child process on a real
 * PostgreSQL and an anvil devnet. The test-only switch {@code creditlayer.outbox.crash-after} makes the worker
 * halt the JVM ({@code Runtime.halt}, no shutdown hooks: as abrupt as kill -9) right after it committed the signed
 * transaction ({@code persist}, never broadcast) or right after the node accepted it ({@code broadcast}, never
 * recorded as sent). A second process on the same database must then finish the job: rebroadcast the stored raw
 * transaction, or find its receipt. The chain shows one accepted attestation and one transaction carrying it; the
 * records say CONFIRMED; the stored next nonce equals the account's transaction count.
 */
class ChainCrashRestartIT {
    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Duration READY = Duration.ofSeconds(180);

    private static ChainDevnet devnet;
    private static String adminUrl;
    private static String database;
    private static String jdbcUrl;
    private static Path logs;

    @BeforeAll
    static void start() throws IOException {
        logs = Files.createDirectories(Path.of("target/chain-crash-it"));
        adminUrl = reachable() ? LOCAL_SERVER + "postgres" : EmbeddedDatabase.start(Path.of("target/embedded-postgres-it"), 0);
        database = "creditlayer_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(adminUrl, "CREATE DATABASE " + database);
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?');
        jdbcUrl = adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        devnet = ChainDevnet.start();
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
        if (database != null) {
            execute(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void crashAfterPersistingTheSignedTransactionThenRestartLandsItOnce() throws Exception {
        crashAndRestart(CrashPoint.PERSIST, DevnetAccounts.SCORED_BORROWER.address());
    }

    @Test
    void crashRightAfterBroadcastThenRestartLandsItOnce() throws Exception {
        crashAndRestart(CrashPoint.BROADCAST, DevnetAccounts.UNSCORED_BORROWER.address());
    }

    private void crashAndRestart(CrashPoint point, String borrower) throws Exception {
        UUID id;
        String stored;
        try (ServiceProcess crashing = ServiceProcess.start(point, "crash-" + point.name().toLowerCase(Locale.ROOT))) {
            crashing.awaitReady();
            long nonceBefore = scorerNonce(DefaultBlockParameterName.LATEST);
            id = queueAttestation(borrower);
            int exit = crashing.awaitExit(Duration.ofSeconds(120));
            assertEquals(point.exitStatus(), exit, () -> "the service should halt at " + point + "\n" + crashing.tail());

            // what the crash left behind: the transaction stored, the entry in flight, nothing recorded as sent
            List<Map<String, Object>> txs = rows("SELECT tx_hash, status, nonce FROM outbox_tx WHERE outbox_id = "
                    + "(SELECT id FROM outbox WHERE aggregate_id = ?)", id.toString());
            assertEquals(1, txs.size(), txs::toString);
            assertEquals("SIGNED", txs.getFirst().get("status"));
            assertEquals(nonceBefore, ((Number) txs.getFirst().get("nonce")).longValue());
            assertEquals("SENT", value("SELECT status FROM outbox WHERE aggregate_id = ?", id.toString()));
            assertEquals("SUBMITTED", value("SELECT status FROM attestation WHERE id = CAST(? AS uuid)", id.toString()));
            stored = (String) txs.getFirst().get("tx_hash");
            boolean onChain = devnet.chain().web3j().ethGetTransactionReceipt(stored).send().getTransactionReceipt().isPresent();
            assertEquals(point == CrashPoint.BROADCAST, onChain, "broadcast before the crash: " + point);
            assertEquals(point == CrashPoint.BROADCAST ? 1 : 0, acceptances(borrower).size());
        }

        try (ServiceProcess restarted = ServiceProcess.start(CrashPoint.NONE, "restart-" + point.name().toLowerCase(Locale.ROOT))) {
            restarted.awaitReady();
            await(() -> "CONFIRMED".equals(value("SELECT status FROM attestation WHERE id = CAST(? AS uuid)", id.toString())),
                    Duration.ofSeconds(90), restarted);
        }

        assertEquals("CONFIRMED", value("SELECT status FROM outbox WHERE aggregate_id = ?", id.toString()));
        List<Map<String, Object>> txs = rows("SELECT tx_hash, status, succeeded, call_data FROM outbox_tx WHERE outbox_id = "
                + "(SELECT id FROM outbox WHERE aggregate_id = ?)", id.toString());
        assertEquals(1, txs.size(), "the restart must not sign a second transaction: " + txs);
        assertEquals(stored, txs.getFirst().get("tx_hash"));
        assertEquals("MINED", txs.getFirst().get("status"));
        assertEquals(Boolean.TRUE, txs.getFirst().get("succeeded"));
        assertEquals(stored, value("SELECT tx_hash FROM attestation WHERE id = CAST(? AS uuid)", id.toString()));

        List<CreditOracle.AttestationAcceptedEventResponse> accepted = acceptances(borrower);
        assertEquals(1, accepted.size(), "one AttestationAccepted for the borrower and nonce");
        assertEquals(stored, accepted.getFirst().log.getTransactionHash());
        assertEquals(1, transactionsCarrying((String) txs.getFirst().get("call_data")),
                "one transaction on the chain carries the attestation");

        long latest = scorerNonce(DefaultBlockParameterName.LATEST);
        assertEquals(latest, scorerNonce(DefaultBlockParameterName.PENDING));
        assertEquals(latest, ((Number) value("SELECT next_nonce FROM outbox_sender WHERE address = ?",
                DevnetAccounts.SCORER.address().toLowerCase(Locale.ROOT))).longValue());
    }

    /** Signs an attestation as the service does and queues it with its outbox entry in one transaction. */
    private static UUID queueAttestation(String borrower) throws Exception {
        CreditModel model = CreditModel.load(TestModel.dir());
        String oracle = devnet.deployment().creditOracle().toLowerCase(Locale.ROOT);
        OracleDomain domain = new OracleDomain(31337, oracle);
        long issuedAt = devnet.chain().latestBlockTimestamp();
        byte[] commitment = Hash.sha3(("crash test " + borrower).getBytes(StandardCharsets.UTF_8));
        ScoreAttestation attestation = new ScoreAttestation(borrower.toLowerCase(Locale.ROOT), 712, 3,
                Numeric.hexStringToByteArray(model.modelId()), commitment, issuedAt, issuedAt + 86_400, BigInteger.ZERO);
        byte[] signature = new AttestationSigner(DevnetAccounts.SCORER.credentials(), domain).sign(attestation);
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO attestation (id, borrower, score, tier, model_id, feature_commitment, issued_at, expires_at,
                        nonce, signature, digest, chain_id, oracle, status, requested_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 'crash-test')""")) {
                insert.setObject(1, id);
                insert.setString(2, attestation.borrower());
                insert.setInt(3, attestation.score());
                insert.setInt(4, attestation.tier());
                insert.setString(5, model.modelId());
                insert.setString(6, Numeric.toHexString(commitment));
                insert.setLong(7, issuedAt);
                insert.setLong(8, attestation.expiresAt());
                insert.setBigDecimal(9, java.math.BigDecimal.ZERO);
                insert.setString(10, Numeric.toHexString(signature));
                insert.setString(11, Numeric.toHexString(AttestationSigner.digest(domain, attestation)));
                insert.setLong(12, 31337);
                insert.setString(13, oracle);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO outbox (kind, aggregate_id, payload, status) VALUES ('ATTESTATION', ?, CAST(? AS jsonb), 'PENDING')""")) {
                insert.setString(1, id.toString());
                insert.setString(2, "{\"attestationId\":\"" + id + "\"}");
                insert.executeUpdate();
            }
            c.commit();
        }
        return id;
    }

    private static List<CreditOracle.AttestationAcceptedEventResponse> acceptances(String borrower) throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO), DefaultBlockParameterName.LATEST,
                devnet.deployment().creditOracle());
        filter.addSingleTopic(EventEncoder.encode(CreditOracle.ATTESTATIONACCEPTED_EVENT));
        List<CreditOracle.AttestationAcceptedEventResponse> found = new ArrayList<>();
        for (EthLog.LogResult<?> result : devnet.chain().web3j().ethGetLogs(filter).send().getLogs()) {
            CreditOracle.AttestationAcceptedEventResponse event = CreditOracle.getAttestationAcceptedEventFromLog((Log) result.get());
            if (event.borrower.equalsIgnoreCase(borrower) && event.nonce.signum() == 0) {
                found.add(event);
            }
        }
        return found;
    }

    /** Transactions in any block, reverted or not, whose input is this exact call. */
    private static long transactionsCarrying(String callData) throws IOException {
        Web3j web3j = devnet.chain().web3j();
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        long count = 0;
        for (long n = devnet.deployment().deployedAtBlock(); n <= head; n++) {
            EthBlock.Block block = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), true)
                    .send().getBlock();
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                Transaction tx = (Transaction) result.get();
                if (callData.equalsIgnoreCase(tx.getInput())) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long scorerNonce(DefaultBlockParameterName block) throws IOException {
        return devnet.chain().web3j().ethGetTransactionCount(DevnetAccounts.SCORER.address(), block).send()
                .getTransactionCount().longValueExact();
    }

    /* ---------------------------------------------------------------- the service process */

    /** The packaged service as a child process, its output in target/chain-crash-it/NAME.log. */
    private static final class ServiceProcess implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;

        private ServiceProcess(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static ServiceProcess start(CrashPoint crashAfter, String name) throws IOException {
            Path jar = Path.of(System.getProperty("creditlayer.service.jar", "target/quarkus-app/quarkus-run.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run this test after quarkus:build "
                        + "(mvn verify runs it in the integration-test phase)");
            }
            int port = freePort();
            Path log = logs.resolve(name + ".log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                    "-Dquarkus.datasource.username=postgres",
                    "-Dcreditlayer.chain.rpc-url=" + devnet.rpcUrl(),
                    "-Dcreditlayer.chain.deployment-file=" + devnet.deploymentFile(),
                    "-Dcreditlayer.model.dir=" + TestModel.dir(),
                    "-Dcreditlayer.outbox.interval=1s",
                    "-Dcreditlayer.outbox.crash-after=" + crashAfter.name().toLowerCase(Locale.ROOT),
                    "-jar", jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // the key goes through the environment, as in production, never on the command line
            builder.environment().put("CREDITLAYER_SCORER_KEY", ChainDevnet.scorerKey());
            return new ServiceProcess(builder.start(), log, port);
        }

        void awaitReady() {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + READY.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the service exited with " + process.exitValue() + " before it was ready\n" + tail());
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
                sleep(250);
            }
            throw new AssertionError("the service was not ready within " + READY + "\n" + tail());
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the service did not halt within " + timeout + "\n" + tail());
            }
            return process.exitValue();
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log at " + log + ")";
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /* ---------------------------------------------------------------- plumbing */

    private static void await(BooleanSupplier condition, Duration timeout, ServiceProcess service) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "\n" + service.tail());
            }
            assertTrue(service.process.isAlive(), () -> "the restarted service died\n" + service.tail());
            sleep(250);
        }
    }

    private static Object value(String sql, Object parameter) {
        List<Map<String, Object>> rows = rows(sql, parameter);
        assertFalse(rows.isEmpty(), "no row for " + sql);
        return rows.getFirst().values().iterator().next();
    }

    private static List<Map<String, Object>> rows(String sql, Object parameter) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
