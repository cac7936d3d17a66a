package io.creditlayer.service.governance;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A model in full: the artifact (directory, SHA-256, feature-schema hash), every metric and the whole model card,
 * all fairness reports (newest first), the registry's state with the outbox steps still pending, and the
 * governance audit trail.
 */
public record ModelDetailView(String modelId, String status, boolean active, String artifactDir, String artifactSha256,
                              String featureSchemaHash, JsonNode metrics, JsonNode modelCard,
                              List<FairnessReportView> fairnessReports, RegistryView registry,
                              List<HistoryEntry> history, Instant createdAt, Instant approvedAt, Instant retiredAt) {
    public ModelDetailView {
        fairnessReports = List.copyOf(fairnessReports);
        history = List.copyOf(history);
    }

    /** One governance action on the model. */
    public record HistoryEntry(String action, String actor, JsonNode detail, Instant at) {
    }
}
