package io.creditlayer.service.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.Optional;

/** A fairness-audit report for a model (the JSON report, its hash and verdict). */
@Entity
@Table(name = "fairness_report")
public class FairnessReportRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "model_id")
    public String modelId;
    public String verdict;
    @Column(name = "report_hash")
    public String reportHash;
    @ColumnTransformer(write = "?::jsonb")
    public String report;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<FairnessReportRecord> latestFor(String modelId) {
        return find("modelId = ?1 order by createdAt desc, id desc", modelId).firstResultOptional();
    }
}
