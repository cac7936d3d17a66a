package io.creditlayer.service.governance;

import java.time.Duration;

/**
 * What a registry outbox entry needs now, as {@link RegistryOutboxHandler#prepare} reads the chain. Every step
 * first checks whether its effect is already on-chain, so a step that is repeated after a crash (sent, but the
 * confirmation never recorded) is recognised as done instead of reverting.
 */
public sealed interface RegistryStep {

    /** Send this call; then {@link RegistryOutboxHandler#onConfirmed} with its transaction hash. */
    record Send(RegistryCall call) implements RegistryStep {
    }

    /**
     * Nothing to send: the effect is already on-chain, or no longer wanted (the model was retired meanwhile).
     * The entry counts as confirmed: call {@link RegistryOutboxHandler#onConfirmed} without a transaction.
     */
    record Done(String reason) implements RegistryStep {
    }

    /**
     * Not sendable yet (a timelock operation still inside its delay): try again after {@code retryAfter}, without
     * counting a failed attempt. The wait is in chain time, which a devnet may move faster or slower.
     */
    record NotYet(Duration retryAfter, String reason) implements RegistryStep {
    }

    /**
     * Can never succeed as things stand (the service account lacks a role, the chain holds another artifact under
     * the id): mark the entry failed without sending and call {@link RegistryOutboxHandler#onFailed}.
     */
    record Refuse(String reason) implements RegistryStep {
    }
}
