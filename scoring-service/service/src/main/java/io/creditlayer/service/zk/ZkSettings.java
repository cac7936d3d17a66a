package io.creditlayer.service.zk;

import io.creditlayer.zk.prover.SnarkjsProver;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the tier circuit's artifacts live and how epochs and proofs are paced ({@code creditlayer.zk.*}). Paths
 * default to the repository layout (the run command starts the service at the repository root): the ceremony
 * publishes the wasm, the proving key and the verification key to {@code .cache/zk}, npm installs snarkjs under
 * {@code node_modules}.
 */
@ApplicationScoped
public class ZkSettings {
    private final Path artifactsDir;
    private final Path snarkjsDir;
    private final String node;
    private final Duration proofTimeout;
    private final int maxConcurrentProofs;
    private final Duration proofQueueWait;
    private final boolean epochsEnabled;
    private final Duration epochInterval;
    private final Duration rootLifetime;
    private final Duration expiredLeafRetention;

    public ZkSettings(@ConfigProperty(name = "creditlayer.zk.artifacts-dir", defaultValue = ".cache/zk") String artifactsDir,
                      @ConfigProperty(name = "creditlayer.zk.snarkjs-dir", defaultValue = "node_modules/snarkjs") String snarkjsDir,
                      @ConfigProperty(name = "creditlayer.zk.node", defaultValue = "node") String node,
                      @ConfigProperty(name = "creditlayer.zk.proof-timeout", defaultValue = "60s") Duration proofTimeout,
                      @ConfigProperty(name = "creditlayer.zk.max-concurrent-proofs", defaultValue = "1") int maxConcurrentProofs,
                      @ConfigProperty(name = "creditlayer.zk.proof-queue-wait", defaultValue = "2s") Duration proofQueueWait,
                      @ConfigProperty(name = "creditlayer.zk.epochs.enabled", defaultValue = "true") boolean epochsEnabled,
                      @ConfigProperty(name = "creditlayer.zk.epoch-interval", defaultValue = "24h") Duration epochInterval,
                      @ConfigProperty(name = "creditlayer.zk.root-lifetime", defaultValue = "48h") Duration rootLifetime,
                      @ConfigProperty(name = "creditlayer.zk.expired-leaf-retention", defaultValue = "7d") Duration expiredLeafRetention) {
        if (maxConcurrentProofs < 1) {
            throw new IllegalArgumentException("creditlayer.zk.max-concurrent-proofs must be at least 1");
        }
        if (proofQueueWait.isNegative()) {
            throw new IllegalArgumentException("creditlayer.zk.proof-queue-wait must not be negative");
        }
        if (epochInterval.isNegative() || epochInterval.isZero()) {
            throw new IllegalArgumentException("creditlayer.zk.epoch-interval must be positive");
        }
        if (rootLifetime.toSeconds() < 60) {
            throw new IllegalArgumentException("creditlayer.zk.root-lifetime must be at least a minute");
        }
        if (expiredLeafRetention.isNegative()) {
            throw new IllegalArgumentException("creditlayer.zk.expired-leaf-retention must not be negative");
        }
        this.artifactsDir = Path.of(artifactsDir);
        this.snarkjsDir = Path.of(snarkjsDir);
        this.node = node;
        this.proofTimeout = proofTimeout;
        this.maxConcurrentProofs = maxConcurrentProofs;
        this.proofQueueWait = proofQueueWait;
        this.epochsEnabled = epochsEnabled;
        this.epochInterval = epochInterval;
        this.rootLifetime = rootLifetime;
        this.expiredLeafRetention = expiredLeafRetention;
    }

    /** The build's verification key (the one the oracle's generated verifier was made from). */
    public Path verificationKey() {
        return artifactsDir.resolve("verification_key.json");
    }

    /**
     * The prover's options.
     *
     * @throws IllegalArgumentException naming the missing file when snarkjs or an artifact is absent
     */
    public SnarkjsProver.Options proverOptions() {
        return new SnarkjsProver.Options(node, snarkjsDir, artifactsDir.resolve("tier_proof.wasm"),
                artifactsDir.resolve("tier_proof_final.zkey"), proofTimeout);
    }

    public int maxConcurrentProofs() {
        return maxConcurrentProofs;
    }

    public Duration proofQueueWait() {
        return proofQueueWait;
    }

    public boolean epochsEnabled() {
        return epochsEnabled;
    }

    public Duration epochInterval() {
        return epochInterval;
    }

    public Duration rootLifetime() {
        return rootLifetime;
    }

    /** How long the leaves (scores and salts) of an expired or failed epoch are kept, in chain time past its expiry. */
    public Duration expiredLeafRetention() {
        return expiredLeafRetention;
    }
}
