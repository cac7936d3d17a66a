package io.creditlayer.fairness.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One group's results. A group that is not judged (too few rows, or too few of either outcome) carries only its
 * sizes and the reason: its rates would be noise, and with a handful of rows could disclose individuals.
 *
 * @param n          rows (unweighted)
 * @param weight     total weight
 * @param defaulted  rows with label defaulted
 * @param repaid     rows with label repaid
 * @param approved   rows approved
 */
public record GroupResult(String key, int n, double weight, int defaulted, int repaid, int approved, boolean judged,
                          String reason, Map<GroupMetric, Estimate> metrics, Map<RelativeMetric, Estimate> relative,
                          List<CalibrationBin> calibration, List<RocPoint> roc) {

    public GroupResult {
        metrics = Collections.unmodifiableMap(metrics.isEmpty() ? new EnumMap<>(GroupMetric.class) : new EnumMap<>(metrics));
        relative = Collections.unmodifiableMap(relative.isEmpty() ? new EnumMap<>(RelativeMetric.class) : new EnumMap<>(relative));
        calibration = List.copyOf(calibration);
        roc = List.copyOf(roc);
    }

    /** The estimate, or an undefined one when the metric was not computed for this group. */
    public Estimate metric(GroupMetric m) {
        return metrics.getOrDefault(m, Estimate.undefined());
    }

    public Estimate relative(RelativeMetric m) {
        return relative.getOrDefault(m, Estimate.undefined());
    }
}
