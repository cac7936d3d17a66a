package io.creditlayer.service.zk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.outbox.Landing;
import io.creditlayer.service.outbox.OutboxHandler;
import io.creditlayer.service.outbox.OutboxRejection;
import io.creditlayer.service.outbox.PreparedCall;
import io.creditlayer.service.store.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts epoch roots: {@code CreditOracle.postTierRoot(root, modelId, epoch, expiresAt)} from the scorer account,
 * encoded by the generated wrapper. The oracle posts a root once and reverts {@code CreditOracleTierRootExists}
 * for a second time; when the root it holds carries this epoch's model and number, an earlier broadcast of this
 * entry landed it, so the entry is done: exactly once in effect.
 */
@ApplicationScoped
public class TierRootOutboxHandler implements OutboxHandler {
    static final String ROOT_EXISTS = "CreditOracleTierRootExists";
    static final String EXPIRED = "CreditOracleExpired";

    private final ChainSettings chain;
    private final TierRootReader reader;
    private final ObjectMapper json;

    public TierRootOutboxHandler(ChainSettings chain, TierRootReader reader, ObjectMapper json) {
        this.chain = chain;
        this.reader = reader;
        this.json = json;
    }

    @Override
    public String kind() {
        return TierEpochs.OUTBOX_KIND;
    }

    @Override
    public PreparedCall prepare(OutboxEntry entry) {
        TierEpochRecord epoch = record(entry);
        if (epoch.status != TierEpochRecord.Status.PENDING && epoch.status != TierEpochRecord.Status.POSTED) {
            throw new OutboxRejection("tier epoch " + epoch.epoch + " is " + epoch.status + ", not waiting to be posted");
        }
        if (epoch.chainId != chain.chainId()) {
            throw new OutboxRejection("tier epoch " + epoch.epoch + " was built for chain " + epoch.chainId
                    + " but the service posts to chain " + chain.chainId());
        }
        String data = reader.encoder(epoch.oracle).postTierRoot(Numeric.hexStringToByteArray(epoch.root),
                Numeric.hexStringToByteArray(epoch.modelId), BigInteger.valueOf(epoch.epoch),
                BigInteger.valueOf(epoch.expiresAt)).encodeFunctionCall();
        return PreparedCall.of(epoch.oracle, data, "postTierRoot(epoch " + epoch.epoch + ")");
    }

    @Override
    public void onSubmitted(OutboxEntry entry, String txHash) {
        TierEpochRecord epoch = record(entry);
        epoch.status = TierEpochRecord.Status.POSTED;
        epoch.txHash = txHash;
        epoch.statusDetail = null;
        epoch.updatedAt = Instant.now();
    }

    /** A known root is ours when the oracle stored it with this epoch's model and number. */
    @Override
    public Optional<Landing> alreadyApplied(OutboxEntry entry, String revertError) {
        if (!ROOT_EXISTS.equals(revertError)) {
            return Optional.empty();
        }
        TierEpochRecord epoch = QuarkusTransaction.requiringNew().call(() -> record(entry));
        TierRootReader.OnChainRoot onChain = reader.read(epoch.oracle, epoch.root);
        if (onChain.postedAt() == 0 || !onChain.modelId().equalsIgnoreCase(epoch.modelId) || onChain.epoch() != epoch.epoch) {
            return Optional.empty();
        }
        return Optional.of(new Landing(null, null, null, false));
    }

    @Override
    public void onConfirmed(OutboxEntry entry, Landing landing) {
        TierEpochRecord epoch = record(entry);
        epoch.status = TierEpochRecord.Status.CONFIRMED;
        if (landing.txHash() != null) {
            epoch.txHash = landing.txHash();
        }
        if (landing.blockNumber() != null) {
            epoch.blockNumber = landing.blockNumber();
        }
        epoch.statusDetail = landing.byWorker() ? null : "already on-chain (the oracle holds the root), posted earlier";
        epoch.updatedAt = Instant.now();
    }

    @Override
    public void onFailed(OutboxEntry entry, String reason) {
        TierEpochRecord epoch = record(entry);
        if (epoch.status == TierEpochRecord.Status.CONFIRMED) {
            return;
        }
        epoch.status = reason.startsWith(EXPIRED) ? TierEpochRecord.Status.EXPIRED : TierEpochRecord.Status.FAILED;
        epoch.statusDetail = reason;
        epoch.updatedAt = Instant.now();
    }

    private TierEpochRecord record(OutboxEntry entry) {
        long id;
        try {
            JsonNode payload = json.readTree(entry.payload);
            JsonNode epoch = payload.path("epoch");
            if (!epoch.canConvertToLong()) {
                throw new IllegalArgumentException("no epoch");
            }
            id = epoch.longValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new OutboxRejection("outbox entry " + entry.id + " has no valid epoch in its payload");
        }
        TierEpochRecord record = TierEpochRecord.findById(id);
        if (record == null) {
            throw new OutboxRejection("tier epoch " + id + " does not exist");
        }
        return record;
    }
}
