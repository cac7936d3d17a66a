package io.creditlayer.service.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Per-key token buckets: a key may send {@code burst} requests at once and {@code requestsPerSecond} on average.
 * In memory, per service instance (documented: behind a load balancer the limit is per instance).
 */
@ApplicationScoped
public class RateLimiter {
    /** Keys are created by governance, not by callers: a generous bound, reached only by a very large key table. */
    private final TokenBuckets<UUID> buckets = new TokenBuckets<>(1_000_000);

    /** @return 0 when the request may proceed, else the whole seconds to wait before retrying (at least 1) */
    public long acquire(ApiKeyPrincipal key) {
        long now = System.nanoTime();
        return bucket(key, now).take(now);
    }

    /**
     * Takes {@code tokens} more from an admitted request's bucket (a batch costs more than one token). The bucket
     * may go into debt: the key's next requests then wait until it has refilled, so the average rate holds while a
     * batch larger than the burst is still possible.
     */
    public void debit(ApiKeyPrincipal key, double tokens) {
        if (tokens > 0) {
            long now = System.nanoTime();
            bucket(key, now).debit(now, tokens);
        }
    }

    public void forget(UUID keyId) {
        buckets.forget(keyId);
    }

    private TokenBucket bucket(ApiKeyPrincipal key, long now) {
        return buckets.of(key.keyId(), now, key.requestsPerSecond(), key.burst());
    }
}
