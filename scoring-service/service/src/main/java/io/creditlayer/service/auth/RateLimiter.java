package io.creditlayer.service.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-key token buckets: a key may send {@code burst} requests at once and {@code requestsPerSecond} on average.
 * In memory, per service instance (documented: behind a load balancer the limit is per instance).
 */
@ApplicationScoped
public class RateLimiter {
    private final ConcurrentMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    /** @return 0 when the request may proceed, else the whole seconds to wait before retrying (at least 1) */
    public long acquire(ApiKeyPrincipal key) {
        return buckets.computeIfAbsent(key.keyId(), id -> new Bucket(key.requestsPerSecond(), key.burst()))
                .take(System.nanoTime());
    }

    /**
     * Takes {@code tokens} more from an admitted request's bucket (a batch costs more than one token). The bucket
     * may go into debt: the key's next requests then wait until it has refilled, so the average rate holds while a
     * batch larger than the burst is still possible.
     */
    public void debit(ApiKeyPrincipal key, double tokens) {
        if (tokens > 0) {
            buckets.computeIfAbsent(key.keyId(), id -> new Bucket(key.requestsPerSecond(), key.burst()))
                    .debit(System.nanoTime(), tokens);
        }
    }

    public void forget(UUID keyId) {
        buckets.remove(keyId);
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(int perSecond, int burst) {
            this.perNano = perSecond / 1e9;
            this.capacity = burst;
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized void debit(long now, double amount) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano) - amount;
            last = now;
        }
    }
}
