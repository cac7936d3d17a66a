package io.creditlayer.service.attest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.contracts.attestation.AttestationSigner;
import io.creditlayer.contracts.attestation.OracleDomain;
import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.keys.SigningKeys;
import io.creditlayer.service.scoring.ScoreView;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.store.AttestationRecord;
import io.creditlayer.service.store.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Issues EIP-712 attestations exactly as the CreditOracle verifies them: the wallet's current score under the
 * active model, dated in chain time, valid for {@code creditlayer.attestation.lifetime}, with the next unused
 * per-borrower nonce. With {@code post}, the same database transaction queues it in the outbox, so it reaches
 * the chain even if the service dies right after answering.
 */
@ApplicationScoped
public class AttestationIssuer {
    /** Outbox kind of an attestation submission; the payload names the attestation id. */
    public static final String OUTBOX_KIND = "ATTESTATION";

    private final ScoringEngine scoring;
    private final ChainSettings chain;
    private final SigningKeys keys;
    private final ObjectMapper json;
    private final Duration lifetime;

    public AttestationIssuer(ScoringEngine scoring, ChainSettings chain, SigningKeys keys, ObjectMapper json,
                             @ConfigProperty(name = "creditlayer.attestation.lifetime", defaultValue = "PT24H") Duration lifetime) {
        this.scoring = scoring;
        this.chain = chain;
        this.keys = keys;
        this.json = json;
        this.lifetime = lifetime;
    }

    /**
     * @param address     lower-case 0x address of the borrower
     * @param requestedBy audit label of the caller (API key or SIWE session)
     * @param post        queue the attestation for on-chain submission
     */
    public AttestationRecord issue(String address, String requestedBy, boolean post) {
        ScoreView view = scoring.score(address);
        if (view.tier() < 1) {
            throw new ApiProblem(422, "unscored-wallet", "Unprocessable entity",
                    "wallet " + address + " has no score to attest (tier 0)");
        }
        ChainSettings.Contracts contracts;
        AttestationSigner signer;
        OracleDomain domain;
        try {
            contracts = chain.contracts();
            domain = new OracleDomain(chain.chainId(), contracts.creditOracle());
            signer = new AttestationSigner(keys.scorer(), domain);
        } catch (IllegalStateException misconfigured) {
            // no deployment file or no scorer key: the operator's to fix, the caller may retry later
            throw ApiProblem.unavailable("attestation-unavailable", "attestations are unavailable: " + misconfigured.getMessage());
        }
        long issuedAt = chain.latestBlockTimestamp();
        long expiresAt = issuedAt + lifetime.toSeconds();
        return QuarkusTransaction.requiringNew().call(() -> {
            BigInteger nonce = nextNonce(address);
            ScoreAttestation attestation = new ScoreAttestation(address, view.score(), view.tier(),
                    Numeric.hexStringToByteArray(view.modelId()), Numeric.hexStringToByteArray(view.featureCommitment()),
                    issuedAt, expiresAt, nonce);
            AttestationRecord record = new AttestationRecord();
            record.id = UUID.randomUUID();
            record.borrower = address;
            record.score = view.score();
            record.tier = view.tier();
            record.modelId = view.modelId();
            record.featureCommitment = view.featureCommitment();
            record.issuedAt = issuedAt;
            record.expiresAt = expiresAt;
            record.nonce = nonce;
            record.signature = Numeric.toHexString(signer.sign(attestation));
            record.digest = Numeric.toHexString(AttestationSigner.digest(domain, attestation));
            record.chainId = chain.chainId();
            record.oracle = contracts.creditOracle();
            record.status = post ? AttestationRecord.Status.QUEUED : AttestationRecord.Status.ISSUED;
            record.requestedBy = requestedBy;
            record.updatedAt = Instant.now();
            record.persist();
            if (post) {
                OutboxEntry entry = new OutboxEntry();
                entry.kind = OUTBOX_KIND;
                entry.aggregateId = record.id.toString();
                entry.payload = json.writeValueAsString(Map.of("attestationId", record.id.toString()));
                entry.status = OutboxEntry.Status.PENDING;
                entry.nextAttemptAt = Instant.now();
                entry.updatedAt = Instant.now();
                entry.persist();
            }
            return record;
        });
    }

    /** The next nonce for a borrower: sequential, so consecutive nonces share one bitmap word on-chain. */
    private static BigInteger nextNonce(String borrower) {
        // the advisory lock serialises issuers for one borrower across instances; the unique key is the backstop
        AttestationRecord.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, borrower).getSingleResult();
        Object max = AttestationRecord.getEntityManager()
                .createNativeQuery("SELECT coalesce(max(nonce) + 1, 0) FROM attestation WHERE borrower = ?1")
                .setParameter(1, borrower).getSingleResult();
        return new BigInteger(max.toString());
    }
}
