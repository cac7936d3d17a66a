package io.creditlayer.service.zk;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.zk.groth16.Groth16FormatException;
import io.creditlayer.zk.groth16.Groth16Verifier;
import io.creditlayer.zk.groth16.Proof;
import io.creditlayer.zk.groth16.SnarkjsJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The pure-Java Groth16 verifier for the build's verification key (the key the oracle's generated verifier was
 * made from), loaded on first use: the key's precomputation takes tens of milliseconds once.
 */
@ApplicationScoped
public class ProofVerifier {
    /** The tier circuit's public signals: root, borrower, tier, modelId, epoch. */
    public static final int PUBLIC_SIGNALS = 5;
    private static final Logger LOG = Logger.getLogger(ProofVerifier.class);

    private final ZkSettings settings;
    private volatile Groth16Verifier verifier;

    public ProofVerifier(ZkSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether the proof is valid for the signals.
     *
     * @throws Groth16FormatException when there are not exactly five signals in the field
     */
    public boolean verify(Proof proof, List<BigInteger> publicSignals) {
        return verifier().verify(proof, publicSignals);
    }

    private Groth16Verifier verifier() {
        Groth16Verifier current = verifier;
        if (current == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = load();
                }
                current = verifier;
            }
        }
        return current;
    }

    private Groth16Verifier load() {
        try {
            if (!Files.isRegularFile(settings.verificationKey())) {
                throw new IllegalStateException("no verification key at " + settings.verificationKey().toAbsolutePath());
            }
            Groth16Verifier loaded = new Groth16Verifier(SnarkjsJson.verificationKey(settings.verificationKey()));
            if (loaded.key().publicInputCount() != PUBLIC_SIGNALS) {
                throw new IllegalStateException("the verification key takes " + loaded.key().publicInputCount()
                        + " public inputs, not the tier circuit's " + PUBLIC_SIGNALS);
            }
            return loaded;
        } catch (IllegalStateException | UncheckedIOException | Groth16FormatException e) {
            LOG.warnf("proof verification unavailable: %s", e.getMessage());
            throw new ApiProblem(503, "verifier-unavailable", "Service unavailable",
                    "proof verification is not set up on this service (no valid verification key)", Map.of(),
                    Map.of("Retry-After", "60"));
        }
    }
}
