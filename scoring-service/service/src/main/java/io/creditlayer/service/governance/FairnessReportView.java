package io.creditlayer.service.governance;

import java.time.Instant;

/**
 * A stored fairness report. {@code reportHash} is SHA-256 of the report's canonical bytes (served at
 * {@code GET .../fairness-reports/{id}}), the value recorded in ModelRegistry.recordFairnessReport.
 */
public record FairnessReportView(long id, String modelId, String verdict, String reportHash, String verdictReason,
                                 String policySha256, String source, String submittedBy, Instant createdAt) {
}
