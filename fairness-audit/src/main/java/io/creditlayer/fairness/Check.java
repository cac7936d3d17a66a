package io.creditlayer.fairness;

import io.creditlayer.fairness.metrics.Estimate;

/**
 * One judged (or not judged) comparison of a metric with its policy bounds. Judged on the point estimate; the
 * bootstrap interval is shown alongside so a reader can see how firm the judgement is.
 *
 * @param id        stable identifier: metric/dimension[/group]
 * @param group     the group, null for a between-groups metric
 * @param reference the reference group, for relative metrics
 * @param reason    why the check was not judged or is undefined; null otherwise
 */
public record Check(String id, String metric, String scope, String dimension, String group, String reference,
                    Estimate estimate, Bounds bounds, CheckStatus status, String reason, String rationale) {

    public boolean passed() {
        return status == CheckStatus.PASS;
    }
}
