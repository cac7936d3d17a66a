package io.creditlayer.service.zk;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.zk.prover.SnarkjsProver;
import io.creditlayer.zk.prover.TierProof;
import io.creditlayer.zk.prover.TierProofInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Server-side proving for borrowers who cannot run snarkjs. A proof costs about 2.5 CPU-seconds in a node process,
 * so at most {@code creditlayer.zk.max-concurrent-proofs} run at once; a request that finds no free slot within
 * {@code creditlayer.zk.proof-queue-wait} gets 503 prover-busy with Retry-After instead of piling up threads.
 * Missing snarkjs or circuit files are checked on each call (not at start), so the rest of the service runs
 * without them and proving recovers once they appear.
 */
@ApplicationScoped
public class TierProver {
    private static final Logger LOG = Logger.getLogger(TierProver.class);

    private final ZkSettings settings;
    private final Semaphore slots;
    private volatile SnarkjsProver prover;

    public TierProver(ZkSettings settings) {
        this.settings = settings;
        this.slots = new Semaphore(settings.maxConcurrentProofs(), true);
    }

    /** Proves the claim; the input's salt goes to snarkjs on stdin only. */
    public TierProof prove(TierProofInput input) {
        SnarkjsProver current = prover();
        boolean acquired;
        try {
            acquired = slots.tryAcquire(settings.proofQueueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return current.prove(input);
        } catch (SnarkjsProver.ProvingException e) {
            // snarkjs's message never contains the input (SnarkjsProver keeps it on stdin)
            LOG.warnf("server-side tier proof failed: %s", e.getMessage());
            throw new ApiProblem(503, "proving-failed", "Service unavailable",
                    "the prover could not make the proof; retry later", Map.of(), Map.of("Retry-After", "10"));
        } finally {
            slots.release();
        }
    }

    private SnarkjsProver prover() {
        SnarkjsProver current = prover;
        if (current == null) {
            try {
                current = new SnarkjsProver(settings.proverOptions());
            } catch (IllegalArgumentException missing) {
                LOG.warnf("server-side tier proving unavailable: %s", missing.getMessage());
                throw new ApiProblem(503, "prover-unavailable", "Service unavailable",
                        "server-side proving is not set up on this service (snarkjs or the circuit files are missing)",
                        Map.of(), Map.of("Retry-After", "60"));
            }
            prover = current;
        }
        return current;
    }

    private static ApiProblem busy() {
        return new ApiProblem(503, "prover-busy", "Service unavailable",
                "every proving slot is busy; retry in a few seconds", Map.of(), Map.of("Retry-After", "5"));
    }
}
