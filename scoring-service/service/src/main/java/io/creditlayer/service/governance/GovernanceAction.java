package io.creditlayer.service.governance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.List;

/** One entry of the governance audit trail: who did what to which model. */
@Entity
@Table(name = "governance_action")
public class GovernanceAction extends PanacheEntityBase {
    public enum Kind { REGISTER, FAIRNESS_REPORT, APPROVE, RETIRE, REGISTRY_CONFIRMED, REGISTRY_FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "model_id")
    public String modelId;
    @Enumerated(EnumType.STRING)
    public Kind action;
    public String actor;
    @ColumnTransformer(write = "?::jsonb")
    public String detail;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** Appends to the trail; call inside a transaction. {@code detail} is a JSON object. */
    public static void record(String modelId, Kind action, String actor, String detail) {
        GovernanceAction entry = new GovernanceAction();
        entry.modelId = modelId;
        entry.action = action;
        entry.actor = actor;
        entry.detail = detail;
        entry.persist();
    }

    public static List<GovernanceAction> history(String modelId) {
        return list("modelId = ?1 order by id", modelId);
    }
}
