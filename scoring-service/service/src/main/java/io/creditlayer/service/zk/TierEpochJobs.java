package io.creditlayer.service.zk;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.chain.ChainRpc;
import io.creditlayer.service.chain.ChainUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The epochs' clockwork: a new epoch once the latest one is {@code creditlayer.zk.epoch-interval} old (checked every
 * minute, so a restart neither skips nor doubles an epoch), expiry of roots past their {@code expiresAt} in chain
 * time, the oracle's clock, and deletion of expired epochs' leaves once {@code creditlayer.zk.expired-leaf-retention}
 * has passed (a leaf holds a score and the salt that hides it; nothing can be proven against an expired root). Also
 * exposes the live epoch as gauges: {@code creditlayer.zk.epoch.live} (its number) and
 * {@code creditlayer.zk.epoch.live.leaves} (wallets committed), NaN when no root is live.
 */
@ApplicationScoped
@Startup // the gauges exist from the first scrape, before any job has run
public class TierEpochJobs {
    private static final Logger LOG = Logger.getLogger(TierEpochJobs.class);

    private final TierEpochs epochs;
    private final ZkSettings settings;
    private final ChainRpc rpc;

    public TierEpochJobs(TierEpochs epochs, ZkSettings settings, ChainRpc rpc, MeterRegistry metrics) {
        this.epochs = epochs;
        this.settings = settings;
        this.rpc = rpc;
        Gauge.builder("creditlayer.zk.epoch.live", this, jobs -> jobs.live(true))
                .description("number of the latest confirmed tier epoch whose root is live").register(metrics);
        Gauge.builder("creditlayer.zk.epoch.live.leaves", this, jobs -> jobs.live(false))
                .description("wallets committed in the live tier epoch").register(metrics);
    }

    private double live(boolean number) {
        try {
            return epochs.latestConfirmed().map(e -> (double) (number ? e.epoch : e.size)).orElse(Double.NaN);
        } catch (RuntimeException databaseDown) {
            return Double.NaN;
        }
    }

    /** What one expiry run did, at which chain time (0: the chain was not reachable, nothing was done). */
    public record Expired(int epochs, int queued, long chainTime) {
    }

    @Scheduled(every = "${creditlayer.zk.check-interval:60s}", delayed = "${creditlayer.zk.initial-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!settings.epochsEnabled()) {
            return;
        }
        try {
            Expired expired = expire();
            if (expired.chainTime() > 0) {
                pruneAt(expired.chainTime());
            }
            if (due(Instant.now())) {
                epochs.build("scheduler");
            }
        } catch (TierEpochs.Skipped skipped) {
            LOG.debugf("tier epoch skipped: %s", skipped.getMessage());
        } catch (ApiProblem | IllegalStateException unavailable) {
            LOG.debugf("tier epoch job: %s", unavailable.getMessage());
        }
    }

    /** Whether the newest epoch that did not fail is at least an interval old (or there is none). */
    boolean due(Instant now) {
        Instant latest = QuarkusTransaction.requiringNew().call(() -> TierEpochRecord.getEntityManager()
                .createQuery("select max(e.createdAt) from TierEpochRecord e where e.status <> ?1", Instant.class)
                .setParameter(1, TierEpochRecord.Status.FAILED).getSingleResult());
        return latest == null || Duration.between(latest, now).compareTo(settings.epochInterval()) >= 0;
    }

    /** Expires at the chain's current time. */
    public Expired expire() {
        try {
            return expireAt(rpc.head().timestamp());
        } catch (ChainUnavailableException e) {
            return new Expired(0, 0, 0);
        }
    }

    /**
     * Marks roots whose {@code expiresAt} is at or before {@code chainTime} EXPIRED: confirmed ones (the oracle stops
     * accepting proofs against them by itself), and queued ones together with their outbox entry, unless the
     * worker holds that entry (it then meets CreditOracleExpired). Roots in flight are left to their receipt.
     */
    public Expired expireAt(long chainTime) {
        Expired expired = QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = TierEpochRecord.getEntityManager();
            String detail = "expired at chain time " + chainTime;
            @SuppressWarnings("unchecked")
            List<Number> entries = em.createNativeQuery("""
                    SELECT o.id FROM outbox o JOIN tier_epoch e ON e.outbox_id = o.id
                    WHERE o.kind = ?1 AND o.status = 'PENDING' AND e.status = 'PENDING' AND e.expires_at <= ?2
                    ORDER BY o.id FOR UPDATE OF o SKIP LOCKED""")
                    .setParameter(1, TierEpochs.OUTBOX_KIND).setParameter(2, chainTime).getResultList();
            int queued = 0;
            for (Number id : entries) {
                em.createNativeQuery("""
                        UPDATE outbox SET status = 'FAILED', last_error = ?1, updated_at = now() WHERE id = ?2""")
                        .setParameter(1, "CreditOracleExpired: tier root " + detail + " before it was posted")
                        .setParameter(2, id.longValue()).executeUpdate();
                queued += em.createNativeQuery("""
                        UPDATE tier_epoch SET status = 'EXPIRED', status_detail = ?1, updated_at = now()
                        WHERE outbox_id = ?2 AND status = 'PENDING'""")
                        .setParameter(1, detail + " before it was posted").setParameter(2, id.longValue()).executeUpdate();
            }
            int confirmed = em.createNativeQuery("""
                    UPDATE tier_epoch SET status = 'EXPIRED', status_detail = ?1, updated_at = now()
                    WHERE status = 'CONFIRMED' AND expires_at <= ?2""")
                    .setParameter(1, detail).setParameter(2, chainTime).executeUpdate();
            return new Expired(confirmed, queued, chainTime);
        });
        if (expired.epochs() + expired.queued() > 0) {
            LOG.infof("expired %d posted and %d queued tier root(s) at chain time %d", expired.epochs(), expired.queued(),
                    chainTime);
        }
        return expired;
    }

    /**
     * Deletes the leaves of epochs that expired or failed at least the retention before {@code chainTime}; the epoch
     * rows (root, size, status, transaction) stay as the record of what was posted.
     *
     * @return the leaves deleted
     */
    public int pruneAt(long chainTime) {
        long before = chainTime - settings.expiredLeafRetention().toSeconds();
        int deleted = QuarkusTransaction.requiringNew().call(() -> TierEpochRecord.getEntityManager().createNativeQuery("""
                DELETE FROM tier_leaf l USING tier_epoch e
                WHERE l.epoch = e.epoch AND e.status IN ('EXPIRED', 'FAILED') AND e.expires_at <= ?1""")
                .setParameter(1, before).executeUpdate());
        if (deleted > 0) {
            LOG.infof("deleted %d leaves of tier epochs expired before chain time %d", deleted, before);
        }
        return deleted;
    }
}
