package io.creditlayer.service.governance;

import java.time.Instant;
import java.util.List;

/**
 * The chain's ModelRegistry as the service last read it for this model, and the outbox steps still to run.
 *
 * @param status             NONE, PROPOSED, APPROVED or RETIRED (ModelRegistry.ModelStatus)
 * @param fairnessReportHash the report hash the registry holds, or null
 * @param lastError          why the last step failed, until a later step succeeds
 */
public record RegistryView(String status, String fairnessReportHash, boolean fairnessPassed, String lastTxHash,
                           String lastError, List<PendingStep> pendingSteps, Instant updatedAt) {
    public RegistryView {
        pendingSteps = List.copyOf(pendingSteps);
    }

    /** An outbox entry of the model that has not completed. */
    public record PendingStep(long outboxId, String kind, String status, int attempts, Instant nextAttemptAt,
                              String lastError) {
    }
}
