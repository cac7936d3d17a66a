package io.creditlayer.service.store;

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

/**
 * A chain transaction to post, written in the same database transaction as the state change it carries, so a
 * crash can delay a post but never lose it.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {
    public enum Status { PENDING, SENT, CONFIRMED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    @Column(name = "aggregate_id")
    public String aggregateId;
    @ColumnTransformer(write = "?::jsonb")
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static long depth() {
        return count("status in ?1", java.util.List.of(Status.PENDING, Status.SENT));
    }
}
