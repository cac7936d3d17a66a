package io.creditlayer.service.outbox;

import io.creditlayer.service.store.OutboxEntry;

import java.util.Optional;

/**
 * Turns outbox entries of one kind into contract calls and follows their fate. Implementations are CDI beans
 * (any scope); the worker finds them by {@link #kind()}, so adding a kind is one class. The worker signs, sends,
 * prices, retries and confirms; a handler only says what to call and what its outcome means for its own records.
 *
 * <p>Callbacks marked "in the worker's transaction" run inside the database transaction that moves the entry to
 * its new state, so the handler's records and the outbox never disagree. They must not call the chain.
 */
public interface OutboxHandler {
    /** The {@link OutboxEntry#kind} this handler serves, e.g. {@code "ATTESTATION"}. */
    String kind();

    /**
     * The call to send for this entry (in the worker's transaction, so it may read the database).
     *
     * @throws OutboxRejection when the entry can never be posted; the entry fails with the rejection's reason
     */
    PreparedCall prepare(OutboxEntry entry);

    /** A transaction carrying the entry was signed and stored, about to be broadcast (in the worker's transaction). */
    default void onSubmitted(OutboxEntry entry, String txHash) {
    }

    /**
     * Whether a revert with this custom error means the effect is already on-chain, landed by an earlier or a
     * foreign submission (an idempotency check such as a used nonce). Called outside any transaction and may read
     * the chain.
     *
     * @param revertError the custom error's name as {@link io.creditlayer.contracts.chain.RevertDecoder} gives it
     * @return where the effect landed, or empty when the revert is a real failure
     */
    default Optional<Landing> alreadyApplied(OutboxEntry entry, String revertError) {
        return Optional.empty();
    }

    /** The call's effect is on-chain with enough confirmations (in the worker's transaction). */
    void onConfirmed(OutboxEntry entry, Landing landing);

    /** The entry will not be posted: refused, reverted, or over a cap; {@code reason} names why (in the worker's transaction). */
    void onFailed(OutboxEntry entry, String reason);
}
