package io.creditlayer.service.governance;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.service.store.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stands in for the outbox worker in the governance tests: takes the registry steps in order, sends what they
 * prepare from the scorer account (web3j, EIP-1559), and records the outcome as the worker would. A step that must
 * wait for the timelock delay moves the devnet clock past it (a block with an explicit timestamp).
 */
final class RegistryOutboxDriver {
    private final Map<String, RegistryOutboxHandler> handlers;
    private final ChainClient chain;
    private final TransactionManager sender;

    /** What happened to each entry, in order: "KIND:sent", "KIND:done", "KIND:refused", "KIND:waited". */
    final List<String> log = new ArrayList<>();

    private final long timelockDelaySeconds;

    RegistryOutboxDriver(List<RegistryOutboxHandler> handlers, ChainClient chain, Credentials scorer,
                         long timelockDelaySeconds) {
        this.timelockDelaySeconds = timelockDelaySeconds;
        this.handlers = handlers.stream().collect(Collectors.toMap(RegistryOutboxHandler::kind, Function.identity()));
        this.chain = chain;
        this.sender = chain.transactionManager(scorer);
    }

    /** Runs every pending registry step (and the steps they queue) to completion. */
    List<String> drain() throws Exception {
        log.clear();
        for (int guard = 0; guard < 50; guard++) {
            Optional<OutboxEntry> next = QuarkusTransaction.requiringNew().call(() ->
                    OutboxEntry.<OutboxEntry>find("kind in ?1 and status = ?2 order by id", List.copyOf(handlers.keySet()),
                            OutboxEntry.Status.PENDING).firstResultOptional());
            if (next.isEmpty()) {
                return List.copyOf(log);
            }
            OutboxEntry entry = next.get();
            RegistryOutboxHandler handler = handlers.get(entry.kind);
            switch (handler.plan(entry)) {
                case RegistryStep.Send send -> {
                    TransactionReceipt receipt = send(send.call());
                    if (receipt.isStatusOK()) {
                        finish(entry, OutboxEntry.Status.CONFIRMED, null,
                                () -> handler.onConfirmed(entry, Optional.of(receipt.getTransactionHash())));
                        log.add(entry.kind + ":sent");
                    } else if (handler.appliedOnChain(entry, "reverted")) {
                        finish(entry, OutboxEntry.Status.CONFIRMED, null, () -> handler.onConfirmed(entry, Optional.empty()));
                        log.add(entry.kind + ":already-applied");
                    } else {
                        finish(entry, OutboxEntry.Status.FAILED, "reverted",
                                () -> handler.onFailed(entry, "transaction reverted: " + receipt.getTransactionHash()));
                        log.add(entry.kind + ":reverted");
                    }
                }
                case RegistryStep.Done done -> {
                    finish(entry, OutboxEntry.Status.CONFIRMED, null, () -> handler.onConfirmed(entry, Optional.empty()));
                    log.add(entry.kind + ":done");
                }
                case RegistryStep.Refuse refuse -> {
                    finish(entry, OutboxEntry.Status.FAILED, refuse.reason(), () -> handler.onFailed(entry, refuse.reason()));
                    log.add(entry.kind + ":refused");
                }
                case RegistryStep.NotYet wait -> {
                    // past the whole delay: the step's retryAfter is capped (creditlayer.governance.timelock-recheck)
                    DevnetClock.mineAt(chain, chain.latestBlockTimestamp() + timelockDelaySeconds + 1);
                    log.add(entry.kind + ":waited");
                }
            }
        }
        throw new IllegalStateException("registry steps did not settle: " + log);
    }

    private TransactionReceipt send(RegistryCall call) throws Exception {
        ChainClient.GasPolicy gas = chain.gasPolicy();
        EthSendTransaction sent = sender.sendEIP1559Transaction(chain.chainId(), gas.maxPriorityFeePerGas(),
                gas.maxFeePerGas(), gas.gasLimit(), call.to(), call.data(), BigInteger.ZERO);
        if (sent.hasError()) {
            throw new IllegalStateException(call.description() + " was rejected: " + sent.getError().getMessage());
        }
        return new PollingTransactionReceiptProcessor(chain.web3j(), 50, 2400)
                .waitForTransactionReceipt(sent.getTransactionHash());
    }

    /** Marks the entry and runs the handler's callback in one transaction, as the worker does. */
    private static void finish(OutboxEntry entry, OutboxEntry.Status status, String error, Runnable callback) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEntry row = OutboxEntry.findById(entry.id);
            row.status = status;
            row.attempts++;
            row.lastError = error;
            row.updatedAt = Instant.now();
            callback.run();
        });
    }
}
