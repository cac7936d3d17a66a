package io.creditlayer.service.chain;

import io.creditlayer.service.auth.RequiresScope;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.keys.SigningKeys;
import io.creditlayer.service.outbox.OutboxSender;
import io.creditlayer.service.store.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.web3j.protocol.core.DefaultBlockParameterName;

import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Operators' view of chain posting: the node, the sending account's nonces and balance, and the outbox. */
@Path("/v1/chain/status")
@Tag(name = "operations")
@RequiresScope(Scope.ADMIN)
public class ChainStatusResource {
    private final ChainStatus status;
    private final ChainRpc rpc;
    private final ChainSettings settings;
    private final SigningKeys keys;
    private final ChainProgress progress;

    public ChainStatusResource(ChainStatus status, ChainRpc rpc, ChainSettings settings, SigningKeys keys,
                               ChainProgress progress) {
        this.status = status;
        this.rpc = rpc;
        this.settings = settings;
        this.keys = keys;
        this.progress = progress;
    }

    /**
     * @param chainId            the configured (and verified) chain id
     * @param headBlock          latest block number
     * @param headTimestamp      latest block time, unix seconds
     * @param headAgeSeconds     wall clock minus the latest block time
     * @param lastProcessedBlock the chain-following pipeline's progress (null until it reports)
     * @param sender             the account the outbox sends from (null without a scorer key)
     * @param outbox             entries per status
     */
    public record ChainView(long chainId, long headBlock, long headTimestamp, long headAgeSeconds,
                            Long lastProcessedBlock, SenderView sender, Map<OutboxEntry.Status, Long> outbox) {
    }

    /**
     * @param nextNonceStored the next nonce the outbox will hand out (null before its first tick)
     * @param nonceLatest     transactions of the account mined
     * @param noncePending    transactions of the account known to the node, mined or pending
     */
    public record SenderView(String address, BigInteger balanceWei, Long nextNonceStored, long nonceLatest,
                             long noncePending) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Chain and outbox status", description = "The node's head, the scorer account's nonces and "
            + "balance, and the outbox by status. 503 chain-unavailable while the node does not answer.")
    public ChainView status() {
        ChainStatus.Probe probe = status.requireUp();
        SenderView sender = keys.configured() ? sender(keys.scorerAddress().toLowerCase(Locale.ROOT)) : null;
        Map<OutboxEntry.Status, Long> outbox = QuarkusTransaction.requiringNew().call(() -> {
            Map<OutboxEntry.Status, Long> counts = new EnumMap<>(OutboxEntry.Status.class);
            for (OutboxEntry.Status s : OutboxEntry.Status.values()) {
                counts.put(s, OutboxEntry.count("status", s));
            }
            return counts;
        });
        long processed = progress.lastProcessed().orElse(-1);
        return new ChainView(settings.chainId(), probe.headBlock(), probe.headTimestamp(),
                Instant.now().getEpochSecond() - probe.headTimestamp(), processed < 0 ? null : processed, sender, outbox);
    }

    private SenderView sender(String address) {
        BigInteger balance = rpc.sendOrFail(rpc.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST)).getBalance();
        long latest = rpc.sendOrFail(rpc.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.LATEST))
                .getTransactionCount().longValueExact();
        long pending = rpc.sendOrFail(rpc.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.PENDING))
                .getTransactionCount().longValueExact();
        OutboxSender stored = QuarkusTransaction.requiringNew().call(() ->
                OutboxSender.findById(new OutboxSender.Key(settings.chainId(), address)));
        return new SenderView(address, balance, stored == null ? null : stored.nextNonce, latest, pending);
    }
}
