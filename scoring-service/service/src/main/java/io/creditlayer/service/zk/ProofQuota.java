package io.creditlayer.service.zk;

import io.creditlayer.service.auth.TokenBucket;
import io.creditlayer.service.auth.TokenBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Locale;

/**
 * How many server-side proofs one wallet may have made: {@code creditlayer.zk.proofs-per-wallet} at once, refilled
 * over {@code creditlayer.zk.proof-quota-window}. A proof costs seconds of CPU and the prover has few slots, so one
 * signed-in wallet must not keep them busy for everyone; the slots' own 503 prover-busy covers bursts across
 * wallets. In memory, per service instance, like the API keys' rate limits.
 */
@ApplicationScoped
public class ProofQuota {
    /** Full buckets are forgotten once this many wallets are tracked (a full bucket is the same as none). */
    static final int PRUNE_AT = 10_000;

    private final int perWallet;
    private final double perSecond;
    private final TokenBuckets<String> buckets = new TokenBuckets<>(PRUNE_AT);

    public ProofQuota(@ConfigProperty(name = "creditlayer.zk.proofs-per-wallet", defaultValue = "5") int perWallet,
                      @ConfigProperty(name = "creditlayer.zk.proof-quota-window", defaultValue = "1h") Duration window) {
        if (perWallet < 1) {
            throw new IllegalArgumentException("creditlayer.zk.proofs-per-wallet must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("creditlayer.zk.proof-quota-window must be positive");
        }
        this.perWallet = perWallet;
        this.perSecond = perWallet / (window.toNanos() / 1e9);
    }

    /** @return 0 when the wallet may have a proof made now, else the whole seconds until it may */
    public long acquire(String wallet) {
        long now = System.nanoTime();
        return buckets.of(wallet.toLowerCase(Locale.ROOT), now, perSecond, perWallet).take(now);
    }

    /** Returns the proof taken by {@link #acquire} when none was made (every slot busy, snarkjs failed). */
    public void refund(String wallet) {
        TokenBucket bucket = buckets.existing(wallet.toLowerCase(Locale.ROOT));
        if (bucket != null) {
            bucket.refund(System.nanoTime());
        }
    }

    public int perWallet() {
        return perWallet;
    }
}
