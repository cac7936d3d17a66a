package io.creditlayer.service.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.chain.ChainRpc;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.store.AttestationRecord;
import io.creditlayer.service.store.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts attestations: {@code CreditOracle.submitAttestation(attestation, signature)}, encoded by the generated
 * wrapper. The oracle's per-borrower nonce makes a second submission of the same attestation revert with
 * {@code CreditOracleNonceUsed}; that revert means an earlier broadcast (or someone else, since anyone may relay
 * a signed attestation) already landed it, so the entry is done: exactly once in effect.
 */
@ApplicationScoped
public class AttestationOutboxHandler implements OutboxHandler {
    static final String NONCE_USED = "CreditOracleNonceUsed";
    static final String EXPIRED = "CreditOracleExpired";
    /** Blocks per eth_getLogs request when looking for where a foreign submission landed (providers cap ranges). */
    private static final long LOG_WINDOW = 5_000;

    private final ChainSettings chain;
    private final ChainRpc rpc;
    private final ObjectMapper json;

    public AttestationOutboxHandler(ChainSettings chain, ChainRpc rpc, ObjectMapper json) {
        this.chain = chain;
        this.rpc = rpc;
        this.json = json;
    }

    @Override
    public String kind() {
        return AttestationIssuer.OUTBOX_KIND;
    }

    @Override
    public PreparedCall prepare(OutboxEntry entry) {
        AttestationRecord record = record(entry);
        if (record.status != AttestationRecord.Status.QUEUED && record.status != AttestationRecord.Status.SUBMITTED) {
            throw new OutboxRejection("attestation " + record.id + " is " + record.status + ", not waiting to be posted");
        }
        if (record.chainId != chain.chainId()) {
            throw new OutboxRejection("attestation " + record.id + " was signed for chain " + record.chainId
                    + " but the service posts to chain " + chain.chainId());
        }
        String data = oracle(record.oracle).submitAttestation(struct(record),
                Numeric.hexStringToByteArray(record.signature)).encodeFunctionCall();
        return PreparedCall.of(record.oracle, data, "submitAttestation(" + record.borrower + ", nonce " + record.nonce + ")");
    }

    @Override
    public void onSubmitted(OutboxEntry entry, String txHash) {
        AttestationRecord record = record(entry);
        record.status = AttestationRecord.Status.SUBMITTED;
        record.txHash = txHash;
        record.statusDetail = null;
        record.updatedAt = Instant.now();
    }

    /**
     * A used nonce means the attestation is on-chain already (the oracle only consumes a nonce when it accepts an
     * attestation, and the signature binds the nonce to this exact attestation). Its AttestationAccepted event
     * names the transaction and block.
     */
    @Override
    public Optional<Landing> alreadyApplied(OutboxEntry entry, String revertError) {
        if (!NONCE_USED.equals(revertError)) {
            return Optional.empty();
        }
        AttestationRecord record = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> record(entry));
        return Optional.of(findAcceptance(record).orElse(new Landing(null, null, null, false)));
    }

    @Override
    public void onConfirmed(OutboxEntry entry, Landing landing) {
        AttestationRecord record = record(entry);
        record.status = AttestationRecord.Status.CONFIRMED;
        if (landing.txHash() != null) {
            record.txHash = landing.txHash();
        }
        record.blockNumber = landing.blockNumber();
        record.statusDetail = landing.byWorker() ? null
                : landing.txHash() == null ? "already on-chain (nonce used), submitted by another party"
                : "already on-chain, submitted by another party";
        record.updatedAt = Instant.now();
    }

    @Override
    public void onFailed(OutboxEntry entry, String reason) {
        AttestationRecord record = record(entry);
        if (record.status == AttestationRecord.Status.CONFIRMED) {
            return;
        }
        record.status = reason.startsWith(EXPIRED) ? AttestationRecord.Status.EXPIRED : AttestationRecord.Status.FAILED;
        record.statusDetail = reason;
        record.updatedAt = Instant.now();
    }

    private AttestationRecord record(OutboxEntry entry) {
        UUID id;
        try {
            JsonNode payload = json.readTree(entry.payload);
            id = UUID.fromString(payload.path("attestationId").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new OutboxRejection("outbox entry " + entry.id + " has no valid attestationId in its payload");
        }
        AttestationRecord record = AttestationRecord.findById(id);
        if (record == null) {
            throw new OutboxRejection("attestation " + id + " does not exist");
        }
        return record;
    }

    /** Only for encoding: the wrapper never sends, the worker signs and broadcasts itself. */
    private CreditOracle oracle(String address) {
        return CreditOracle.load(address, rpc.web3j(), new ReadonlyTransactionManager(rpc.web3j(), address),
                new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
    }

    static CreditOracle.ScoreAttestation struct(AttestationRecord r) {
        return new CreditOracle.ScoreAttestation(r.borrower, BigInteger.valueOf(r.score), BigInteger.valueOf(r.tier),
                Numeric.hexStringToByteArray(r.modelId), Numeric.hexStringToByteArray(r.featureCommitment),
                BigInteger.valueOf(r.issuedAt), BigInteger.valueOf(r.expiresAt), r.nonce);
    }

    /**
     * The AttestationAccepted event of this borrower and nonce, searched backwards from the head in windows. The
     * oracle refuses attestations issued in the future, so the search stops at the first window whose start block
     * is older than the attestation's issuedAt (or at the deployment block).
     */
    Optional<Landing> findAcceptance(AttestationRecord record) {
        String topic = EventEncoder.encode(CreditOracle.ATTESTATIONACCEPTED_EVENT);
        String borrowerTopic = "0x" + TypeEncoder.encode(new Address(record.borrower));
        long floor = Math.max(0, chain.contracts().deployedAtBlock());
        long to = rpc.head().number();
        while (to >= floor) {
            long from = Math.max(floor, to - LOG_WINDOW + 1);
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), record.oracle);
            filter.addSingleTopic(topic);
            filter.addOptionalTopics(borrowerTopic);
            EthLog logs = rpc.sendOrFail(rpc.web3j().ethGetLogs(filter));
            for (EthLog.LogResult<?> result : logs.getLogs()) {
                Log log = (Log) result.get();
                CreditOracle.AttestationAcceptedEventResponse event = CreditOracle.getAttestationAcceptedEventFromLog(log);
                if (event.nonce.equals(record.nonce)) {
                    return Optional.of(new Landing(log.getTransactionHash(), log.getBlockNumber().longValueExact(), null, false));
                }
            }
            if (from == floor || blockTimestamp(from) < record.issuedAt) {
                break;
            }
            to = from - 1;
        }
        return Optional.empty();
    }

    private long blockTimestamp(long number) {
        EthBlock.Block block = rpc.sendOrFail(rpc.web3j().ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)).getBlock();
        return block == null ? Long.MAX_VALUE : block.getTimestamp().longValueExact();
    }
}
