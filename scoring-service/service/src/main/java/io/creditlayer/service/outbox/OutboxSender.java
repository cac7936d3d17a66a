package io.creditlayer.service.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The next nonce the outbox worker hands out for one sending account on one chain. */
@Entity
@Table(name = "outbox_sender")
public class OutboxSender extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "next_nonce")
    public long nextNonce;
    @Column(name = "reconciled_at")
    public Instant reconciledAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Chain id and lower-case 0x address. */
    @Embeddable
    public record Key(@Column(name = "chain_id") long chainId, String address) implements Serializable {
    }
}
