package io.creditlayer.service.governance;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A model in the governance list: status, whether it serves scores, headline held-out metrics, the model card's
 * name and intended use, the latest fairness report and the registry's state.
 */
public record ModelSummaryView(String modelId, String status, boolean active, JsonNode metrics, JsonNode modelCard,
                               FairnessReportView latestFairnessReport, RegistryView registry, Instant createdAt,
                               Instant approvedAt, Instant retiredAt) {
}
