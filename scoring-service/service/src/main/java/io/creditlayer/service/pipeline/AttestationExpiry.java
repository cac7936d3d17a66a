package io.creditlayer.service.pipeline;

import io.creditlayer.service.store.AttestationRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Marks attestations EXPIRED once chain time reaches their expiresAt (the CreditOracle's rule: valid while
 * block.timestamp &lt; expiresAt). Only attestations that are not on-chain and not in flight change:
 * ISSUED (never posted), QUEUED (waiting in the outbox: the oracle would refuse it now) and FAILED. A CONFIRMED
 * attestation stays CONFIRMED: it did land, and the oracle simply stops counting it at expiresAt. A SUBMITTED one is
 * left to the outbox worker, which will see it confirmed (mined before expiry) or failed; a later run then expires a
 * failed one.
 */
@ApplicationScoped
public class AttestationExpiry {
    static final List<AttestationRecord.Status> EXPIRABLE = List.of(AttestationRecord.Status.ISSUED,
            AttestationRecord.Status.QUEUED, AttestationRecord.Status.FAILED);

    /** @param chainTime the latest block's timestamp */
    public int expireBefore(long chainTime) {
        return QuarkusTransaction.requiringNew().call(() -> AttestationRecord.update(
                "status = ?1, updatedAt = ?2, statusDetail = ?3 where expiresAt <= ?4 and status in ?5",
                AttestationRecord.Status.EXPIRED, Instant.now(), "expired at chain time " + chainTime, chainTime,
                EXPIRABLE));
    }
}
