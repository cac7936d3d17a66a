package io.creditlayer.fairness.metrics;

import java.util.List;

/**
 * Everything measured: the overall group, each dimension, what the bootstrap resampled (the meaning of every
 * interval), and the settings that produced them.
 */
public record MetricSet(int rows, boolean weighted, boolean hasPd, ResamplingUnit resamplingUnit, GroupResult overall,
                        List<DimensionResult> dimensions, FairnessMetrics.Settings settings) {

    public MetricSet {
        if (resamplingUnit == null) {
            throw new IllegalArgumentException("resamplingUnit is required");
        }
        dimensions = List.copyOf(dimensions);
    }

    public DimensionResult dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dimension " + name));
    }
}
