package io.creditlayer.service.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link TokenBucket} per key (an API key, a wallet, a client address), made full on first use. Keys that
 * anyone can mint (addresses) would grow the map without end, so once {@code pruneAt} keys are tracked the full
 * buckets are forgotten: a full bucket and no bucket admit the same requests.
 */
public final class TokenBuckets<K> {
    private final int pruneAt;
    private final ConcurrentMap<K, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** The size that triggers the next prune: when a prune keeps many buckets (all in use), the next one waits until
     * the map has doubled, so a flood of clients in debt cannot make every request scan the whole map. */
    private volatile int nextPruneAt;

    public TokenBuckets(int pruneAt) {
        if (pruneAt < 1) {
            throw new IllegalArgumentException("pruneAt must be at least 1");
        }
        this.pruneAt = pruneAt;
        this.nextPruneAt = pruneAt;
    }

    /** The key's bucket, made with {@code perSecond} and {@code capacity} if the key has none. */
    public TokenBucket of(K key, long now, double perSecond, double capacity) {
        if (buckets.size() >= nextPruneAt) {
            buckets.values().removeIf(bucket -> bucket.full(now));
            nextPruneAt = Math.max(pruneAt, 2 * buckets.size());
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, capacity, now));
    }

    /** The key's bucket if it has one (a forgotten bucket was full: nothing to give back or take). */
    public TokenBucket existing(K key) {
        return buckets.get(key);
    }

    public void forget(K key) {
        buckets.remove(key);
    }

    int size() {
        return buckets.size();
    }
}
