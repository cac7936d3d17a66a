package io.creditlayer.service.governance;

import io.creditlayer.service.outbox.Landing;
import io.creditlayer.service.outbox.OutboxAlreadyApplied;
import io.creditlayer.service.outbox.OutboxDeferral;
import io.creditlayer.service.outbox.OutboxHandler;
import io.creditlayer.service.outbox.OutboxRejection;
import io.creditlayer.service.outbox.PreparedCall;
import io.creditlayer.service.store.OutboxEntry;

import java.util.Optional;

/**
 * One kind of ModelRegistry outbox entry, in the shape of the outbox worker's handlers (kind, prepare → call,
 * onConfirmed, onFailed). The worker sends {@link RegistryStep.Send} calls from the service's account
 * ({@code SigningKeys.scorer()}); the adapter that plugs these handlers into the worker maps the other outcomes
 * (see {@link RegistryStep}). Steps run one at a time per model: each confirmation plans the next step from
 * what the chain then says.
 */
public interface RegistryOutboxHandler extends OutboxHandler {

    /** Reads the chain and says what this entry needs now. May throw a 503 problem when the chain is unreachable. */
    RegistryStep plan(OutboxEntry entry);

    /** The worker's view of {@link #plan}: a call to send, or the outcome as the worker's exceptions. */
    @Override
    default PreparedCall prepare(OutboxEntry entry) {
        return switch (plan(entry)) {
            case RegistryStep.Send send -> PreparedCall.of(send.call().to(), send.call().data(), send.call().description());
            case RegistryStep.Done done -> throw new OutboxAlreadyApplied(done.reason());
            case RegistryStep.NotYet wait -> throw new OutboxDeferral(wait.retryAfter(), wait.reason());
            case RegistryStep.Refuse refuse -> throw new OutboxRejection(refuse.reason());
        };
    }

    @Override
    default void onConfirmed(OutboxEntry entry, Landing landing) {
        onConfirmed(entry, Optional.ofNullable(landing.txHash()));
    }

    /**
     * After the entry's call reverted: whether the chain nevertheless shows its effect (an earlier or foreign
     * submission landed it first), so the entry counts as confirmed. Reads the chain; call outside a transaction.
     *
     * @param revertError the custom error's name, for logs (the chain's state decides)
     */
    boolean appliedOnChain(OutboxEntry entry, String revertError);

    /** The worker's view of {@link #appliedOnChain}: a landing by an earlier or foreign submission. */
    @Override
    default Optional<Landing> alreadyApplied(OutboxEntry entry, String revertError) {
        return appliedOnChain(entry, revertError) ? Optional.of(new Landing(null, null, null, false)) : Optional.empty();
    }

    /**
     * The entry's call was confirmed (or {@link RegistryStep.Done} needed none): records the registry state and
     * queues the model's next step, in the caller's transaction (or a new one). Reads only the database.
     *
     * @param txHash the confirmed transaction, empty when nothing was sent
     */
    void onConfirmed(OutboxEntry entry, Optional<String> txHash);

    /** The entry failed for good (reverted, refused, out of attempts): records why for governance to see. */
    @Override
    void onFailed(OutboxEntry entry, String reason);
}
