package io.creditlayer.service.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * How far the pipeline got: every wallet with activity up to {@code lastBlock} has a refreshed profile. Bound to
 * the chain and start block it was built from.
 */
@Entity
@Table(name = "pipeline_cursor")
public class PipelineCursor extends PanacheEntityBase {
    /** The cursor of the profile refresh. */
    public static final String PROFILES = "profiles";

    @Id
    public String name;
    @Column(name = "chain_id")
    public long chainId;
    @Column(name = "from_block")
    public long fromBlock;
    @Column(name = "last_block")
    public long lastBlock;
    @Column(name = "last_block_hash")
    public String lastBlockHash;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
