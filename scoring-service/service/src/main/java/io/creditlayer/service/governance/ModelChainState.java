package io.creditlayer.service.governance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What the chain's ModelRegistry says about a model, as last read by a registry outbox step. */
@Entity
@Table(name = "model_chain_state")
public class ModelChainState extends PanacheEntityBase {
    /** ModelRegistry.ModelStatus, in the contract's order. */
    public enum RegistryStatus {
        NONE, PROPOSED, APPROVED, RETIRED;

        public static RegistryStatus ofContract(int status) {
            if (status < 0 || status >= values().length) {
                throw new IllegalArgumentException("unknown ModelRegistry status " + status);
            }
            return values()[status];
        }
    }

    @Id
    @Column(name = "model_id")
    public String modelId;
    @Enumerated(EnumType.STRING)
    @Column(name = "registry_status")
    public RegistryStatus registryStatus;
    @Column(name = "fairness_report_hash")
    public String fairnessReportHash;
    @Column(name = "fairness_passed")
    public boolean fairnessPassed;
    @Column(name = "last_tx_hash")
    public String lastTxHash;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The row for a model, created (status NONE) on first use; call inside a transaction. */
    public static ModelChainState of(String modelId) {
        ModelChainState state = findById(modelId);
        if (state == null) {
            state = new ModelChainState();
            state.modelId = modelId;
            state.registryStatus = RegistryStatus.NONE;
            state.updatedAt = Instant.now();
            state.persist();
        }
        return state;
    }
}
