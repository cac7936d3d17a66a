package io.creditlayer.service.governance;

import io.creditlayer.service.store.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Registry outbox step {@value ModelRegistrySync#SCHEDULE}: TimelockController.schedule of approveModel or retireModel (PROPOSER_ROLE on the timelock). */
@ApplicationScoped
public class ScheduleTimelockStep implements RegistryOutboxHandler {
    private final ModelRegistrySync sync;

    public ScheduleTimelockStep(ModelRegistrySync sync) {
        this.sync = sync;
    }

    @Override
    public String kind() {
        return ModelRegistrySync.SCHEDULE;
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
