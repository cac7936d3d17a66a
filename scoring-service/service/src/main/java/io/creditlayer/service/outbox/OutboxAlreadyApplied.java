package io.creditlayer.service.outbox;

/**
 * Thrown by {@link OutboxHandler#prepare} when the entry's effect is already on-chain (or no longer wanted): the
 * worker confirms the entry without sending anything.
 */
public class OutboxAlreadyApplied extends RuntimeException {
    public OutboxAlreadyApplied(String reason) {
        super(reason, null, false, false);
    }
}
