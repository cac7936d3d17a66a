package io.creditlayer.service.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A transaction the worker signed for an outbox entry, stored before it is broadcast. Fee-bumped replacements
 * share the nonce and count up {@link #replacement}; at most one of them is mined.
 */
@Entity
@Table(name = "outbox_tx")
public class OutboxTransaction extends PanacheEntityBase {
    public enum Status {
        /** stored, not yet accepted by a node (or the node lost it) */
        SIGNED,
        /** accepted by a node, waiting to be mined */
        BROADCAST,
        /** mined (succeeded or reverted, see {@link #succeeded}) */
        MINED,
        /** another transaction of the same entry and nonce was mined */
        REPLACED,
        /** the nonce was used by a transaction the worker did not sign; the entry was queued again */
        DROPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "outbox_id")
    public long outboxId;
    @Column(name = "chain_id")
    public long chainId;
    public String sender;
    public long nonce;
    public int replacement;
    @Column(name = "tx_hash")
    public String txHash;
    @Column(name = "raw_tx")
    public String rawTx;
    @Column(name = "to_address")
    public String toAddress;
    @Column(name = "call_data")
    public String callData;
    @Column(name = "gas_limit")
    public BigInteger gasLimit;
    @Column(name = "max_fee_per_gas")
    public BigInteger maxFeePerGas;
    @Column(name = "max_priority_fee_per_gas")
    public BigInteger maxPriorityFeePerGas;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Column(name = "broadcast_at")
    public Instant broadcastAt;
    @Column(name = "block_number")
    public Long blockNumber;
    @Column(name = "block_hash")
    public String blockHash;
    @Column(name = "gas_used")
    public BigInteger gasUsed;
    @Column(name = "effective_gas_price")
    public BigInteger effectiveGasPrice;
    public Boolean succeeded;
    @Column(name = "revert_error")
    public String revertError;

    /** The entry's transactions, oldest first. */
    public static List<OutboxTransaction> ofEntry(long outboxId) {
        return list("outboxId = ?1 order by replacement", outboxId);
    }

    /** When the node last got it, or when it was signed if it never did. */
    public Instant lastSentAt() {
        return broadcastAt != null ? broadcastAt : signedAt;
    }
}
