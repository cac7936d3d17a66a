package io.creditlayer.service.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A lender's API key: only the SHA-256 of its secret is kept. */
@Entity
@Table(name = "api_key")
public class ApiKeyRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    public String prefix;
    @Column(name = "secret_sha256")
    public String secretSha256;
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] scopes;
    @Column(name = "requests_per_second")
    public int requestsPerSecond;
    public int burst;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
