package io.creditlayer.service.governance;

import io.creditlayer.service.store.OutboxEntry;

import java.util.Optional;

/**
 * One kind of ModelRegistry outbox entry, in the shape of the outbox worker's handlers (kind, prepare → call,
 * onConfirmed, onFailed). The worker sends {@link RegistryStep.Send} calls from the service's account
 * ({@code SigningKeys.scorer()}); the adapter that plugs these handlers into the worker maps the other outcomes
 * (see {@link RegistryStep}). Steps run one at a time per model: each confirmation plans the next step from
 * what the chain then says.
 */
public interface RegistryOutboxHandler {

    /** The outbox kind this handler serves. */
    String kind();

    /**
     * Reads the chain and says what this entry needs now; records the registry state it saw. May throw a 503 problem
     * ({@code ChainUnavailableException}) when the chain is unreachable: try again later.
     */
    RegistryStep prepare(OutboxEntry entry);

    /**
     * After the entry's call reverted: whether the chain nevertheless shows its effect (an earlier or foreign
     * submission landed it first), so the entry counts as confirmed. Reads the chain; call outside a transaction.
     *
     * @param revertError the custom error's name, for logs (the chain's state decides)
     */
    boolean alreadyApplied(OutboxEntry entry, String revertError);

    /**
     * The entry's call was confirmed (or {@link RegistryStep.Done} needed none): records the registry state and
     * queues the model's next step, in the caller's transaction (or a new one). Reads only the database.
     *
     * @param txHash the confirmed transaction, empty when nothing was sent
     */
    void onConfirmed(OutboxEntry entry, Optional<String> txHash);

    /** The entry failed for good (reverted, refused, out of attempts): records why for governance to see. */
    void onFailed(OutboxEntry entry, String reason);
}
