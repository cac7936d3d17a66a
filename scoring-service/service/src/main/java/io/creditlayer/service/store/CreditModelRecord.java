package io.creditlayer.service.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.Optional;

/** A credit model the service knows, with its governance state. */
@Entity
@Table(name = "credit_model")
public class CreditModelRecord extends PanacheEntityBase {
    public enum Status { CANDIDATE, APPROVED, RETIRED }

    @Id
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "artifact_dir")
    public String artifactDir;
    @Column(name = "artifact_sha256")
    public String artifactSha256;
    @Column(name = "feature_schema_hash")
    public String featureSchemaHash;
    @ColumnTransformer(write = "?::jsonb")
    public String metrics;
    @Column(name = "model_card")
    @ColumnTransformer(write = "?::jsonb")
    public String modelCard;
    @Enumerated(EnumType.STRING)
    public Status status;
    public boolean active;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "retired_at")
    public Instant retiredAt;

    public static Optional<CreditModelRecord> active() {
        return find("active", true).firstResultOptional();
    }
}
