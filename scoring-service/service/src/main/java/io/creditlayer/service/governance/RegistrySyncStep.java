package io.creditlayer.service.governance;

import io.creditlayer.service.store.OutboxEntry;

import java.util.Optional;

/**
 * One registry outbox kind served by {@link ModelRegistrySync}, which plans every step from what the chain says;
 * the subclasses only name their kind (one singleton bean per kind, as the outbox worker expects; singletons need
 * no client proxy, so this base needs no no-argument constructor).
 */
abstract class RegistrySyncStep implements RegistryOutboxHandler {
    private final ModelRegistrySync sync;
    private final String kind;

    RegistrySyncStep(ModelRegistrySync sync, String kind) {
        this.sync = sync;
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public RegistryStep plan(OutboxEntry entry) {
        return sync.prepare(entry);
    }

    @Override
    public boolean appliedOnChain(OutboxEntry entry, String revertError) {
        return sync.alreadyApplied(entry);
    }

    @Override
    public void onConfirmed(OutboxEntry entry, Optional<String> txHash) {
        sync.onConfirmed(entry, txHash);
    }

    @Override
    public void onFailed(OutboxEntry entry, String reason) {
        sync.onFailed(entry, reason);
    }
}
