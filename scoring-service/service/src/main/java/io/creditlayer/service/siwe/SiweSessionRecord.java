package io.creditlayer.service.siwe;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A borrower session opened by a verified sign-in: the SHA-256 of its bearer token, never the token. */
@Entity
@Table(name = "siwe_session")
public class SiweSessionRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "token_sha256")
    public String tokenSha256;
    public String address;
    @Column(name = "chain_id")
    public long chainId;
    public String nonce;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
