package io.creditlayer.service.governance;

import jakarta.inject.Singleton;

/** Registry outbox step {@value ModelRegistrySync#PROPOSE}: proposeModel (PROPOSER_ROLE on the registry). */
@Singleton
public class ProposeModelStep extends RegistrySyncStep {
    public ProposeModelStep(ModelRegistrySync sync) {
        super(sync, ModelRegistrySync.PROPOSE);
    }
}
