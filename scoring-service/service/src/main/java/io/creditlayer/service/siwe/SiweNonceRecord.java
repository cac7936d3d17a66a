package io.creditlayer.service.siwe;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A nonce the service handed out for a Sign-In with Ethereum message, and whether a sign-in consumed it. */
@Entity
@Table(name = "siwe_nonce")
public class SiweNonceRecord extends PanacheEntityBase {
    @Id
    public String nonce;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "used_by")
    public String usedBy;
}
