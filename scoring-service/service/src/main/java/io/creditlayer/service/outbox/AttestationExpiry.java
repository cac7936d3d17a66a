package io.creditlayer.service.outbox;

import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.chain.ChainRpc;
import io.creditlayer.service.chain.ChainUnavailableException;
import io.creditlayer.service.store.AttestationRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Marks attestations that never landed and can no longer land as EXPIRED: past their {@code expiresAt} in chain
 * time (the oracle compares with the block timestamp, and a devnet's clock may run ahead of the wall clock).
 * Issued-only attestations expire; queued ones expire together with their outbox entry, unless the worker holds
 * the entry at that moment (it then meets CreditOracleExpired itself). Attestations already in flight are left to
 * the worker, whose receipt decides.
 */
@ApplicationScoped
public class AttestationExpiry {
    private static final Logger LOG = Logger.getLogger(AttestationExpiry.class);

    private final ChainRpc rpc;
    private final OutboxMetrics metrics;
    private final boolean enabled;

    public AttestationExpiry(ChainRpc rpc, OutboxMetrics metrics, OutboxConfig config) {
        this.rpc = rpc;
        this.metrics = metrics;
        this.enabled = config.enabled();
    }

    /** What one run expired. */
    public record Expired(int issued, int queued) {
    }

    @Scheduled(every = "${creditlayer.attestation.expiry-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            expire();
        } catch (ChainUnavailableException e) {
            LOG.debugf("attestation expiry skipped: %s", e.getMessage());
        }
    }

    /** Expires at the chain's current time. */
    public Expired expire() {
        return expireAt(rpc.head().timestamp());
    }

    /** Expires everything whose {@code expiresAt} is at or before {@code chainTime} (unix seconds). */
    public Expired expireAt(long chainTime) {
        Expired expired = QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = AttestationRecord.getEntityManager();
            String detail = "expired at chain time " + chainTime + " before it was posted";
            // the outbox rows first, in the same order the worker locks them (entry, then attestation)
            @SuppressWarnings("unchecked")
            List<Number> entries = em.createNativeQuery("""
                    SELECT o.id FROM outbox o JOIN attestation a ON CAST(a.id AS text) = o.aggregate_id
                    WHERE o.kind = ?1 AND o.status = 'PENDING' AND a.status = 'QUEUED' AND a.expires_at <= ?2
                    ORDER BY o.id FOR UPDATE OF o SKIP LOCKED""")
                    .setParameter(1, AttestationIssuer.OUTBOX_KIND).setParameter(2, chainTime).getResultList();
            int queued = 0;
            for (Number id : entries) {
                em.createNativeQuery("""
                        UPDATE outbox SET status = 'FAILED', last_error = ?1, updated_at = now() WHERE id = ?2""")
                        .setParameter(1, "CreditOracleExpired: attestation " + detail).setParameter(2, id.longValue())
                        .executeUpdate();
                queued += em.createNativeQuery("""
                        UPDATE attestation SET status = 'EXPIRED', status_detail = ?1, updated_at = now()
                        WHERE CAST(id AS text) = (SELECT aggregate_id FROM outbox WHERE id = ?2) AND status = 'QUEUED'""")
                        .setParameter(1, detail).setParameter(2, id.longValue()).executeUpdate();
            }
            int issued = AttestationRecord.update("status = ?1, statusDetail = ?2, updatedAt = ?3 where status = ?4 and expiresAt <= ?5",
                    AttestationRecord.Status.EXPIRED, "expired at chain time " + chainTime, Instant.now(),
                    AttestationRecord.Status.ISSUED, chainTime);
            return new Expired(issued, queued);
        });
        for (int i = 0; i < expired.queued(); i++) {
            metrics.failed();
        }
        if (expired.issued() + expired.queued() > 0) {
            LOG.infof("expired %d issued and %d queued attestation(s) at chain time %d", expired.issued(), expired.queued(),
                    chainTime);
        }
        return expired;
    }
}
