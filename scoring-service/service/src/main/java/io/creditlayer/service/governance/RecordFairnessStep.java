package io.creditlayer.service.governance;

import jakarta.inject.Singleton;

/** Registry outbox step {@value ModelRegistrySync#FAIRNESS}: recordFairnessReport (AUDITOR_ROLE on the registry). */
@Singleton
public class RecordFairnessStep extends RegistrySyncStep {
    public RecordFairnessStep(ModelRegistrySync sync) {
        super(sync, ModelRegistrySync.FAIRNESS);
    }
}
