package io.creditlayer.service.zk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One scoring epoch's tier tree: its root, and how far the root got on-chain (tier_epoch, V6). */
@Entity
@Table(name = "tier_epoch")
public class TierEpochRecord extends PanacheEntityBase {
    /**
     * PENDING: queued in the outbox; POSTED: the transaction is signed and sent; CONFIRMED: the oracle holds the root;
     * EXPIRED: past expiresAt in chain time (posted or not); FAILED: the oracle refused it.
     */
    public enum Status { PENDING, POSTED, CONFIRMED, EXPIRED, FAILED }

    @Id
    public Long epoch;
    @Column(name = "model_id")
    public String modelId;
    /** bytes32 hex, lower case. */
    public String root;
    public int size;
    @Column(name = "chain_id")
    public long chainId;
    public String oracle;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Chain time the tree was built at (unix seconds). */
    @Column(name = "built_at")
    public long builtAt;
    /** Chain time the root stops counting (unix seconds), as posted. */
    @Column(name = "expires_at")
    public long expiresAt;
    @Column(name = "outbox_id")
    public Long outboxId;
    @Column(name = "tx_hash")
    public String txHash;
    @Column(name = "block_number")
    public Long blockNumber;
    @Column(name = "status_detail")
    public String statusDetail;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
