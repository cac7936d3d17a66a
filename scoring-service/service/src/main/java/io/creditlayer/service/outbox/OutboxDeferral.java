package io.creditlayer.service.outbox;

import java.time.Duration;

/**
 * Thrown by {@link OutboxHandler#prepare} when the entry cannot be sent yet (a timelock delay still running): the
 * worker tries again after {@code retryAfter} without counting a failed attempt.
 */
public class OutboxDeferral extends RuntimeException {
    private final Duration retryAfter;

    public OutboxDeferral(Duration retryAfter, String reason) {
        super(reason, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
