package io.creditlayer.service.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The latest point-in-time profile of a wallet, with where and when it was read. */
@Entity
@Table(name = "wallet_profile")
public class WalletProfileRecord extends PanacheEntityBase {
    @Id
    public String address;
    @Column(name = "chain_id")
    public long chainId;
    @Column(name = "feature_schema_hash")
    public String featureSchemaHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public double[] features;
    @Column(name = "feature_commitment")
    public String featureCommitment;
    @Column(name = "as_of_block")
    public long asOfBlock;
    @Column(name = "as_of_timestamp")
    public long asOfTimestamp;
    public String source;
    @Column(name = "refreshed_at")
    public Instant refreshedAt;
}
