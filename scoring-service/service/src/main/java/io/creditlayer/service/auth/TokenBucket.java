package io.creditlayer.service.auth;

/**
 * A token bucket: holds at most {@code capacity} tokens and refills at {@code perSecond}. Callers pass
 * {@link System#nanoTime()} so tests and callers share one clock.
 */
public final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, double capacity, long now) {
        if (!(perSecond > 0) || !(capacity >= 1)) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and room for one token");
        }
        this.perNano = perSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = now;
    }

    /** @return 0 when a token was taken, else the whole seconds until one will be there (at least 1) */
    public synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }

    /** Takes {@code amount} more tokens; the bucket may go into debt, which later requests wait out. */
    public synchronized void debit(long now, double amount) {
        refill(now);
        tokens -= amount;
    }

    /** Gives back a token taken for work that did not happen. */
    public synchronized void refund(long now) {
        refill(now);
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Whether the bucket is full, i.e. forgetting it changes nothing. */
    public synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
