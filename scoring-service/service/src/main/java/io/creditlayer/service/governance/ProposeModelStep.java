package io.creditlayer.service.governance;

import io.creditlayer.service.store.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Registry outbox step {@value ModelRegistrySync#PROPOSE}: proposeModel (PROPOSER_ROLE on the registry). */
@ApplicationScoped
public class ProposeModelStep implements RegistryOutboxHandler {
    private final ModelRegistrySync sync;

    public ProposeModelStep(ModelRegistrySync sync) {
        this.sync = sync;
    }

    @Override
    public String kind() {
        return ModelRegistrySync.PROPOSE;
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
