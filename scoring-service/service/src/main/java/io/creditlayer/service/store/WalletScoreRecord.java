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

/** One score served for a wallet under a model, with its reasons (JSON array). */
@Entity
@Table(name = "wallet_score")
public class WalletScoreRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String address;
    @Column(name = "model_id")
    public String modelId;
    public double pd;
    public int score;
    public int tier;
    @Column(name = "collateral_ratio_bps")
    public int collateralRatioBps;
    @ColumnTransformer(write = "?::jsonb")
    public String reasons;
    @Column(name = "as_of_block")
    public long asOfBlock;
    @Column(name = "feature_commitment")
    public String featureCommitment;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<WalletScoreRecord> latest(String address, String modelId) {
        return find("address = ?1 and modelId = ?2 order by id desc", address, modelId).firstResultOptional();
    }
}
