package io.creditlayer.service.governance;

import jakarta.inject.Singleton;

/** Registry outbox step {@value ModelRegistrySync#SCHEDULE}: TimelockController.schedule of approveModel or retireModel (PROPOSER_ROLE on the timelock). */
@Singleton
public class ScheduleTimelockStep extends RegistrySyncStep {
    public ScheduleTimelockStep(ModelRegistrySync sync) {
        super(sync, ModelRegistrySync.SCHEDULE);
    }
}
