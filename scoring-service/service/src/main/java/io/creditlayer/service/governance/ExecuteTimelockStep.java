package io.creditlayer.service.governance;

import jakarta.inject.Singleton;

/** Registry outbox step {@value ModelRegistrySync#EXECUTE}: TimelockController.execute once the delay has passed in chain time (EXECUTOR_ROLE on the timelock). */
@Singleton
public class ExecuteTimelockStep extends RegistrySyncStep {
    public ExecuteTimelockStep(ModelRegistrySync sync) {
        super(sync, ModelRegistrySync.EXECUTE);
    }
}
