package io.creditlayer.service.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/** An EIP-712 attestation the service signed, and how far it got on-chain. */
@Entity
@Table(name = "attestation")
public class AttestationRecord extends PanacheEntityBase {
    public enum Status { ISSUED, QUEUED, SUBMITTED, CONFIRMED, FAILED, EXPIRED }

    @Id
    public UUID id;
    public String borrower;
    public int score;
    public int tier;
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "feature_commitment")
    public String featureCommitment;
    @Column(name = "issued_at")
    public long issuedAt;
    @Column(name = "expires_at")
    public long expiresAt;
    public BigInteger nonce;
    public String signature;
    public String digest;
    @Column(name = "chain_id")
    public long chainId;
    public String oracle;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "tx_hash")
    public String txHash;
    @Column(name = "block_number")
    public Long blockNumber;
    @Column(name = "status_detail")
    public String statusDetail;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
