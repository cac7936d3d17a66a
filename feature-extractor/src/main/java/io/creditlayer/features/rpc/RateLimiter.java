package io.creditlayer.features.rpc;

/**
 * A token bucket: at most {@code requestsPerSecond} requests on average, bursts up to one second's worth.
 * Public endpoints throttle or ban clients that exceed their plan; this keeps the extractor under it.
 */
public final class RateLimiter {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    public RateLimiter(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive");
        }
        this.ratePerNano = requestsPerSecond / 1e9;
        this.capacity = Math.max(1, requestsPerSecond);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Blocks until {@code permits} requests may be sent. */
    public synchronized void acquire(int permits) {
        while (true) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens >= permits || tokens >= capacity) {
                tokens -= permits;
                return;
            }
            long waitNanos = (long) ((permits - tokens) / ratePerNano);
            try {
                Thread.sleep(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rate limiting", e);
            }
        }
    }
}
