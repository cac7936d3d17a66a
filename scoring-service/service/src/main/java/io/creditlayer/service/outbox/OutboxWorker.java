package io.creditlayer.service.outbox;

import io.creditlayer.contracts.chain.RevertDecoder;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.contracts.generated.ModelRegistry;
import io.creditlayer.contracts.generated.TimelockController;
import io.creditlayer.service.chain.ChainRpc;
import io.creditlayer.service.chain.ChainUnavailableException;
import io.creditlayer.service.keys.SigningKeys;
import io.creditlayer.service.store.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Posts outbox entries on-chain as EIP-1559 transactions from the scorer account, exactly once in effect.
 *
 * <p>Each tick, under a PostgreSQL advisory lock per (chain, account) so that one worker among all instances
 * sends for an account at a time:
 * <ol>
 *   <li>reconciles the stored next nonce with the node's pending transaction count;</li>
 *   <li>follows every entry in flight (in nonce order): records its receipt; confirms it after
 *       {@code confirmations} blocks or fails it with the decoded custom error (unless the handler recognises the
 *       revert as "already applied"); rebroadcasts the stored raw transaction when the node does not know it (after
 *       a crash, or a node restart); replaces it with fees raised by at least 10 % under the same nonce when it is
 *       not mined within {@code resubmit-after}; queues the entry again if a transaction the worker never signed
 *       used the nonce;</li>
 *   <li>sends due entries: the handler prepares the call, eth_estimateGas checks it (a revert fails the entry
 *       with the error name, an estimate over the cap fails it), fees come from eth_feeHistory under the fee cap;
 *       the nonce is allocated and the signed transaction stored in one database transaction, and only then
 *       broadcast.</li>
 * </ol>
 * RPC failures retry with exponential backoff, per entry and for the whole tick while the node is down.
 */
@ApplicationScoped
public class OutboxWorker {
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    /** Errors of every deployed contract, so reverts of any kind's calls get their names. */
    static final RevertDecoder REVERTS = new RevertDecoder(CreditOracle.class, ModelRegistry.class, LendingPool.class,
            TimelockController.class);

    private final ChainRpc rpc;
    private final SigningKeys keys;
    private final OutboxHandlers handlers;
    private final OutboxSettings settings;
    private final OutboxMetrics metrics;
    private final AccountLock accountLock;
    private final boolean enabled;
    private final ChainCalls calls;
    private final FeeOracle fees;
    private final ReentrantLock running = new ReentrantLock();
    // guarded by running
    private int chainFailures;
    private Instant pausedUntil = Instant.MIN;
    private volatile boolean stopping;

    @Inject
    public OutboxWorker(ChainRpc rpc, SigningKeys keys, OutboxHandlers handlers, OutboxConfig config,
                        OutboxMetrics metrics,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String databaseUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> databaseUser,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword) {
        this(rpc, keys, handlers, OutboxSettings.of(config), metrics,
                new AccountLock(databaseUrl, databaseUser.orElse(null), databasePassword.orElse(null)), config.enabled());
    }

    /**
     * A worker with settings of its own (tests, operators' tools). It competes for the account lock with every
     * other worker on the same database.
     */
    public OutboxWorker withSettings(OutboxSettings other) {
        return new OutboxWorker(rpc, keys, handlers, other, metrics, accountLock.copy(), false);
    }

    private OutboxWorker(ChainRpc rpc, SigningKeys keys, OutboxHandlers handlers, OutboxSettings settings,
                         OutboxMetrics metrics, AccountLock accountLock, boolean enabled) {
        this.rpc = rpc;
        this.keys = keys;
        this.handlers = handlers;
        this.settings = settings;
        this.metrics = metrics;
        this.accountLock = accountLock;
        this.enabled = enabled;
        this.calls = new ChainCalls(rpc, REVERTS);
        this.fees = new FeeOracle(rpc, settings);
    }

    /**
     * What one tick did.
     *
     * @param skipped   why the tick did nothing (null when it ran)
     * @param sent      transactions broadcast (new, replacements and rebroadcasts)
     * @param confirmed entries confirmed
     * @param failed    entries failed
     * @param waiting   entries in flight still waiting for inclusion or confirmations
     */
    public record Tick(String skipped, int sent, int confirmed, int failed, int waiting) {
        static Tick skip(String why) {
            return new Tick(why, 0, 0, 0, 0);
        }
    }

    private static final class Counts {
        int sent;
        int confirmed;
        int failed;
        int waiting;

        Tick tick() {
            return new Tick(null, sent, confirmed, failed, waiting);
        }
    }

    void onStart(@Observes StartupEvent event) {
        List<String> kinds = handlers.kinds();
        if (enabled) {
            LOG.infof("outbox worker on: kinds %s, %d confirmation(s), gas cap %s, max fee %s wei%s", kinds,
                    settings.confirmations(), settings.gasCap(), settings.maxFeeCap(),
                    settings.crashAfter() == CrashPoint.NONE ? "" : ", TEST CRASH AFTER " + settings.crashAfter());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${creditlayer.outbox.interval:1s}", delayed = "${creditlayer.outbox.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledTick() {
        if (enabled) {
            runOnce();
        }
    }

    public OutboxSettings settings() {
        return settings;
    }

    /** Runs one tick now (skipped if this worker is already ticking or another instance holds the account). */
    public Tick runOnce() {
        if (!running.tryLock()) {
            return Tick.skip("a tick is already running");
        }
        try {
            if (stopping) {
                return Tick.skip("shutting down");
            }
            if (!keys.configured()) {
                return Tick.skip("no scorer key configured");
            }
            if (Instant.now().isBefore(pausedUntil)) {
                return Tick.skip("chain unavailable, next try at " + pausedUntil);
            }
            Credentials sender = keys.scorer();
            String address = sender.getAddress().toLowerCase(Locale.ROOT);
            if (!lockAccount(address)) {
                return Tick.skip("another worker is sending for " + address);
            }
            try {
                Counts counts = new Counts();
                reconcile(address);
                track(address, counts);
                sendDue(sender, address, counts);
                if (chainFailures > 0) {
                    LOG.infof("outbox worker resumed after %d failed tick(s)", chainFailures);
                }
                chainFailures = 0;
                return counts.tick();
            } finally {
                unlockAccount(address);
            }
        } catch (ChainUnavailableException e) {
            chainFailures++;
            pausedUntil = Instant.now().plus(settings.backoff(chainFailures));
            if (chainFailures == 1) {
                LOG.warnf("outbox worker paused: %s", e.getMessage());
            }
            return Tick.skip(e.getMessage());
        } catch (RuntimeException e) {
            if (stopping) {
                // the datasource closes under a tick that was running at shutdown; what it stored stays valid
                LOG.debugf("outbox tick interrupted by shutdown: %s", e);
                return Tick.skip("shutting down");
            }
            LOG.errorf("outbox tick failed: %s", e.toString());
            return Tick.skip(e.toString());
        } finally {
            running.unlock();
        }
    }

    /* ---------------------------------------------------------------- nonces */

    /**
     * The stored next nonce never falls below the node's pending count (another signer used the account, or the
     * database was restored); above it is expected while stored transactions wait to be rebroadcast.
     */
    private void reconcile(String address) {
        long pending = calls.transactionCount(address, DefaultBlockParameterName.PENDING);
        inTx(() -> {
            OutboxSender.Key key = new OutboxSender.Key(rpc.chainId(), address);
            OutboxSender sender = OutboxSender.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (sender == null) {
                sender = new OutboxSender();
                sender.key = key;
                sender.nextNonce = pending;
                sender.updatedAt = Instant.now();
                sender.persist();
                LOG.infof("outbox sender %s on chain %d starts at nonce %d", address, rpc.chainId(), pending);
            } else if (sender.nextNonce < pending) {
                LOG.warnf("account %s was used outside the outbox: next nonce %d -> %d", address, sender.nextNonce, pending);
                sender.nextNonce = pending;
                sender.updatedAt = Instant.now();
            }
            sender.reconciledAt = Instant.now();
            return null;
        });
    }

    /* ---------------------------------------------------------------- in flight */

    private record InFlight(OutboxEntry entry, List<OutboxTransaction> txs) {
        long nonce() {
            return txs.getFirst().nonce;
        }

        OutboxTransaction newest() {
            return txs.getLast();
        }
    }

    private void track(String address, Counts counts) {
        long latestCount = calls.transactionCount(address, DefaultBlockParameterName.LATEST);
        ChainRpc.Head head = rpc.head();
        List<InFlight> inFlight = inTx(() -> {
            List<InFlight> found = new ArrayList<>();
            for (OutboxEntry entry : OutboxEntry.<OutboxEntry>list("status = ?1 order by id", OutboxEntry.Status.SENT)) {
                List<OutboxTransaction> txs = OutboxTransaction.ofEntry(entry.id).stream()
                        .filter(t -> t.status != OutboxTransaction.Status.DROPPED).toList();
                if (txs.isEmpty()) {
                    requeue(entry.id, "in flight without a stored transaction");
                } else if (txs.getFirst().chainId == rpc.chainId() && txs.getFirst().sender.equals(address)) {
                    found.add(new InFlight(entry, txs));
                }
            }
            found.sort(Comparator.comparingLong(InFlight::nonce));
            return found;
        });
        for (InFlight flight : inFlight) {
            trackOne(flight, address, head, latestCount, counts);
        }
    }

    private void trackOne(InFlight flight, String address, ChainRpc.Head head, long latestCount, Counts counts) {
        for (OutboxTransaction tx : flight.txs()) {
            Optional<TransactionReceipt> receipt = calls.receipt(tx.txHash);
            if (receipt.isPresent()) {
                mined(flight, tx, receipt.get(), address, head, counts);
                return;
            }
        }
        if (latestCount > flight.nonce()) {
            // no transaction of this entry was mined, yet its nonce is spent: a transaction the worker never
            // signed took it. Sending again is safe, the handler's idempotency check sees an earlier landing.
            inTx(() -> {
                for (OutboxTransaction tx : flight.txs()) {
                    OutboxTransaction.update("status = ?1 where id = ?2", OutboxTransaction.Status.DROPPED, tx.id);
                }
                requeue(flight.entry().id, "nonce " + flight.nonce() + " was used by a transaction the outbox did not sign");
                return null;
            });
            LOG.warnf("outbox entry %d: nonce %d used elsewhere, queued again", flight.entry().id, flight.nonce());
            return;
        }
        OutboxTransaction newest = flight.newest();
        if (!calls.known(newest.txHash)) {
            LOG.infof("outbox entry %d: node does not know %s (nonce %d), rebroadcasting the stored transaction",
                    flight.entry().id, newest.txHash, newest.nonce);
            if (broadcast(flight.entry().id, newest, false)) {
                counts.sent++;
            }
            counts.waiting++;
            return;
        }
        if (newest.lastSentAt().plus(settings.resubmitAfter()).isBefore(Instant.now())) {
            if (replace(flight, address)) {
                counts.sent++;
            }
        }
        counts.waiting++;
    }

    private void mined(InFlight flight, OutboxTransaction tx, TransactionReceipt receipt, String address,
                       ChainRpc.Head head, Counts counts) {
        long block = receipt.getBlockNumber().longValueExact();
        boolean succeeded = receipt.isStatusOK();
        BigInteger gasUsed = receipt.getGasUsed();
        if (tx.blockNumber == null || tx.blockNumber != block || !receipt.getBlockHash().equals(tx.blockHash)) {
            inTx(() -> {
                OutboxTransaction stored = OutboxTransaction.findById(tx.id);
                stored.status = OutboxTransaction.Status.MINED;
                stored.blockNumber = block;
                stored.blockHash = receipt.getBlockHash();
                stored.gasUsed = gasUsed;
                stored.effectiveGasPrice = receipt.getEffectiveGasPrice() == null ? null
                        : Numeric.decodeQuantity(receipt.getEffectiveGasPrice());
                stored.succeeded = succeeded;
                for (OutboxTransaction other : flight.txs()) {
                    if (!other.id.equals(tx.id)) {
                        OutboxTransaction.update("status = ?1 where id = ?2", OutboxTransaction.Status.REPLACED, other.id);
                    }
                }
                return null;
            });
        }
        if (head.number() - block + 1 < settings.confirmations()) {
            counts.waiting++;
            return;
        }
        long entryId = flight.entry().id;
        if (succeeded) {
            confirm(entryId, new Landing(tx.txHash, block, gasUsed, true));
            counts.confirmed++;
            return;
        }
        // the receipt carries no revert data: replay the call on the state its block left
        String error = calls.revertReason(address, tx.toAddress, tx.callData, block);
        inTx(() -> OutboxTransaction.update("revertError = ?1 where id = ?2", error, tx.id));
        Optional<Landing> landed = handler(flight.entry()).flatMap(h -> h.alreadyApplied(flight.entry(), error));
        if (landed.isPresent()) {
            LOG.infof("outbox entry %d: %s reverted with %s, already applied on-chain (%s)", entryId, tx.txHash, error,
                    landed.get().txHash());
            confirm(entryId, landed.get());
            counts.confirmed++;
        } else {
            fail(entryId, error + " (transaction " + tx.txHash + " reverted in block " + block + ")");
            counts.failed++;
        }
    }

    /** Same nonce, same call, fees raised: whichever of the entry's transactions is mined, the others cannot be. */
    private boolean replace(InFlight flight, String address) {
        OutboxTransaction newest = flight.newest();
        Optional<Fees> raised = fees.bump(new Fees(newest.maxFeePerGas, newest.maxPriorityFeePerGas));
        long entryId = flight.entry().id;
        if (raised.isEmpty()) {
            inTx(() -> OutboxEntry.update("lastError = ?1, updatedAt = ?2 where id = ?3",
                    "not mined and the max-fee cap leaves no room for a replacement; waiting", Instant.now(), entryId));
            return false;
        }
        OutboxTransaction replacement = inTx(() -> {
            OutboxEntry entry = OutboxEntry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
            if (entry.status != OutboxEntry.Status.SENT) {
                return null;
            }
            OutboxTransaction signed = sign(entryId, newest.nonce, newest.replacement + 1, newest.gasLimit,
                    new PreparedCall(newest.toAddress, newest.callData, BigInteger.ZERO, "replacement"), raised.get(),
                    keys.scorer(), address);
            entry.attempts++;
            entry.updatedAt = Instant.now();
            handler(entry).ifPresent(h -> h.onSubmitted(entry, signed.txHash));
            return signed;
        });
        if (replacement == null) {
            return false;
        }
        LOG.infof("outbox entry %d: %s not mined after %s, replaced by %s (nonce %d, max fee %s -> %s wei)", entryId,
                newest.txHash, settings.resubmitAfter(), replacement.txHash, newest.nonce, newest.maxFeePerGas,
                replacement.maxFeePerGas);
        return broadcast(entryId, replacement, true);
    }

    /* ---------------------------------------------------------------- new entries */

    private void sendDue(Credentials sender, String address, Counts counts) {
        List<Long> due = inTx(() -> OutboxEntry.<OutboxEntry>find("status = ?1 and nextAttemptAt <= ?2 order by id",
                OutboxEntry.Status.PENDING, Instant.now()).page(0, settings.batchSize()).list()
                .stream().map(e -> e.id).toList());
        for (long id : due) {
            sendOne(id, sender, address, counts);
        }
    }

    private record Prepared(OutboxEntry entry, OutboxHandler handler, PreparedCall call) {
    }

    private void sendOne(long entryId, Credentials sender, String address, Counts counts) {
        Prepared prepared;
        try {
            prepared = inTx(() -> {
                OutboxEntry entry = OutboxEntry.findById(entryId);
                if (entry == null || entry.status != OutboxEntry.Status.PENDING) {
                    return null;
                }
                OutboxHandler handler = handler(entry).orElseThrow(() ->
                        new OutboxRejection("no outbox handler for kind " + entry.kind));
                return new Prepared(entry, handler, handler.prepare(entry));
            });
        } catch (OutboxRejection rejection) {
            fail(entryId, rejection.getMessage());
            counts.failed++;
            return;
        } catch (OutboxAlreadyApplied done) {
            LOG.infof("outbox entry %d needs no transaction: %s", entryId, done.getMessage());
            confirm(entryId, new Landing(null, null, null, false));
            counts.confirmed++;
            return;
        } catch (OutboxDeferral deferral) {
            inTx(() -> {
                OutboxEntry entry = OutboxEntry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
                entry.nextAttemptAt = Instant.now().plus(deferral.retryAfter());
                entry.lastError = deferral.getMessage();
                entry.updatedAt = Instant.now();
                return null;
            });
            return;
        }
        if (prepared == null) {
            return;
        }
        ChainCalls.Estimate estimate;
        try {
            estimate = calls.estimate(address, prepared.call());
        } catch (ChainUnavailableException e) {
            retryLater(entryId, e.getMessage());
            throw e;
        }
        switch (estimate) {
            case ChainCalls.Estimate.Reverts reverts -> {
                Optional<Landing> landed = prepared.handler().alreadyApplied(prepared.entry(), reverts.error());
                if (landed.isPresent()) {
                    LOG.infof("outbox entry %d: %s would revert with %s, already applied on-chain (%s)", entryId,
                            prepared.call().description(), reverts.error(), landed.get().txHash());
                    confirm(entryId, landed.get());
                    counts.confirmed++;
                } else {
                    fail(entryId, reverts.error());
                    counts.failed++;
                }
                return;
            }
            case ChainCalls.Estimate.Refused refused -> {
                retryLater(entryId, "eth_estimateGas refused: " + refused.message());
                return;
            }
            case ChainCalls.Estimate.Gas gas -> {
                if (gas.amount().compareTo(settings.gasCap()) > 0) {
                    fail(entryId, "gas estimate " + gas.amount() + " exceeds the cap of " + settings.gasCap());
                    counts.failed++;
                    return;
                }
                Optional<Fees> priced = fees.suggest();
                if (priced.isEmpty()) {
                    retryLater(entryId, "base fee above the max-fee cap of " + settings.maxFeeCap() + " wei");
                    return;
                }
                BigInteger gasLimit = gas.amount().multiply(BigInteger.valueOf(100L + settings.gasHeadroomPercent()))
                        .divide(BigInteger.valueOf(100)).min(settings.gasCap());
                send(entryId, prepared, gasLimit, priced.get(), sender, address, counts);
            }
        }
    }

    private void send(long entryId, Prepared prepared, BigInteger gasLimit, Fees priced, Credentials sender,
                      String address, Counts counts) {
        OutboxTransaction signed = inTx(() -> {
            OutboxEntry entry = OutboxEntry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
            if (entry.status != OutboxEntry.Status.PENDING) {
                return null;
            }
            OutboxSender account = OutboxSender.findById(new OutboxSender.Key(rpc.chainId(), address),
                    LockModeType.PESSIMISTIC_WRITE);
            long nonce = account.nextNonce;
            account.nextNonce = nonce + 1;
            account.updatedAt = Instant.now();
            OutboxTransaction tx = sign(entryId, nonce, 0, gasLimit, prepared.call(), priced, sender, address);
            entry.status = OutboxEntry.Status.SENT;
            entry.attempts++;
            entry.lastError = null;
            entry.updatedAt = Instant.now();
            prepared.handler().onSubmitted(entry, tx.txHash);
            return tx;
        });
        if (signed == null) {
            return;
        }
        LOG.infof("outbox entry %d: %s as %s (nonce %d, gas limit %s, max fee %s wei)", entryId,
                prepared.call().description(), signed.txHash, signed.nonce, gasLimit, priced.maxFeePerGas());
        crashIf(CrashPoint.PERSIST);
        if (broadcast(entryId, signed, true)) {
            counts.sent++;
        }
        counts.waiting++;
    }

    /** Signs and stores (in the caller's transaction) one transaction; returns it, not yet broadcast. */
    private OutboxTransaction sign(long entryId, long nonce, int replacement, BigInteger gasLimit, PreparedCall call,
                                   Fees priced, Credentials sender, String address) {
        RawTransaction raw = RawTransaction.createTransaction(rpc.chainId(), BigInteger.valueOf(nonce), gasLimit,
                call.to(), call.value(), call.data(), priced.maxPriorityFeePerGas(), priced.maxFeePerGas());
        byte[] signed = TransactionEncoder.signMessage(raw, sender);
        OutboxTransaction tx = new OutboxTransaction();
        tx.outboxId = entryId;
        tx.chainId = rpc.chainId();
        tx.sender = address;
        tx.nonce = nonce;
        tx.replacement = replacement;
        tx.txHash = Numeric.toHexString(Hash.sha3(signed));
        tx.rawTx = Numeric.toHexString(signed);
        tx.toAddress = call.to().toLowerCase(Locale.ROOT);
        tx.callData = call.data();
        tx.gasLimit = gasLimit;
        tx.maxFeePerGas = priced.maxFeePerGas();
        tx.maxPriorityFeePerGas = priced.maxPriorityFeePerGas();
        tx.status = OutboxTransaction.Status.SIGNED;
        tx.signedAt = Instant.now();
        tx.persist();
        return tx;
    }

    /**
     * Hands a stored transaction to the node. A failure leaves it stored: the next tick sees the node does not
     * know it and tries again.
     *
     * @return whether the node accepted it
     */
    private boolean broadcast(long entryId, OutboxTransaction tx, boolean fresh) {
        ChainCalls.Broadcast outcome = calls.broadcast(tx.rawTx);
        if (fresh) {
            crashIf(CrashPoint.BROADCAST);
        }
        switch (outcome) {
            case ChainCalls.Broadcast.Accepted accepted -> {
                inTx(() -> OutboxTransaction.update("status = ?1, broadcastAt = ?2 where id = ?3 and status = ?4",
                        OutboxTransaction.Status.BROADCAST, Instant.now(), tx.id, OutboxTransaction.Status.SIGNED));
                if (fresh) {
                    metrics.sent();
                }
                return true;
            }
            case ChainCalls.Broadcast.NonceSpent spent -> {
                LOG.infof("outbox entry %d: node says nonce %d is spent (%s); the receipt decides", entryId, tx.nonce,
                        spent.message());
                return false;
            }
            case ChainCalls.Broadcast.Rejected rejected -> {
                LOG.warnf("outbox entry %d: node refused %s: %s", entryId, tx.txHash, rejected.message());
                inTx(() -> OutboxEntry.update("lastError = ?1, updatedAt = ?2 where id = ?3",
                        "broadcast refused: " + rejected.message(), Instant.now(), entryId));
                return false;
            }
        }
    }

    /* ---------------------------------------------------------------- outcomes */

    private void confirm(long entryId, Landing landing) {
        inTx(() -> {
            OutboxEntry entry = OutboxEntry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
            entry.status = OutboxEntry.Status.CONFIRMED;
            entry.lastError = null;
            entry.updatedAt = Instant.now();
            handler(entry).ifPresent(h -> h.onConfirmed(entry, landing));
            return null;
        });
        metrics.confirmed();
    }

    private void fail(long entryId, String reason) {
        LOG.warnf("outbox entry %d failed: %s", entryId, reason);
        inTx(() -> {
            OutboxEntry entry = OutboxEntry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
            entry.status = OutboxEntry.Status.FAILED;
            entry.lastError = reason;
            entry.updatedAt = Instant.now();
            handler(entry).ifPresent(h -> h.onFailed(entry, reason));
            return null;
        });
        metrics.failed();
    }

    private void retryLater(long entryId, String reason) {
        inTx(() -> {
            OutboxEntry entry = OutboxEntry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
            entry.attempts++;
            entry.nextAttemptAt = Instant.now().plus(settings.backoff(entry.attempts));
            entry.lastError = reason;
            entry.updatedAt = Instant.now();
            LOG.debugf("outbox entry %d retries at %s: %s", entryId, entry.nextAttemptAt, reason);
            return null;
        });
    }

    /** In the caller's transaction. */
    private static void requeue(long entryId, String reason) {
        OutboxEntry.update("status = ?1, nextAttemptAt = ?2, lastError = ?3, updatedAt = ?2 where id = ?4",
                OutboxEntry.Status.PENDING, Instant.now(), reason, entryId);
    }

    private Optional<OutboxHandler> handler(OutboxEntry entry) {
        return handlers.forKind(entry.kind);
    }

    private void crashIf(CrashPoint point) {
        if (settings.crashAfter() == point) {
            System.err.println("creditlayer.outbox.crash-after=" + point + ": halting the JVM (test fault injection)");
            System.err.flush();
            Runtime.getRuntime().halt(point.exitStatus());
        }
    }

    private static <T> T inTx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    private boolean lockAccount(String address) {
        return accountLock.tryLock(lockKey(address));
    }

    private void unlockAccount(String address) {
        accountLock.unlock(lockKey(address));
    }

    private String lockKey(String address) {
        return "creditlayer.outbox:" + rpc.chainId() + ":" + address;
    }

    /** Ends the account lock's session (for workers made by {@link #withSettings}; CDI closes its own). */
    @PreDestroy
    public void close() {
        accountLock.close();
    }
}
