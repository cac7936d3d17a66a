package io.creditlayer.fairness.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results for one dimension: every group, the reference group (null when none could be chosen), and the
 * between-group metrics over the judged groups.
 *
 * @param referenceSource "policy" when named by the policy, otherwise the rule that chose it
 */
public record DimensionResult(String name, List<String> attributes, String reference, String referenceSource,
                              boolean referenceJudged, List<GroupResult> groups, Map<BetweenMetric, Estimate> between) {

    public DimensionResult {
        attributes = List.copyOf(attributes);
        groups = List.copyOf(groups);
        between = Collections.unmodifiableMap(between.isEmpty() ? new EnumMap<>(BetweenMetric.class) : new EnumMap<>(between));
    }

    public Optional<GroupResult> group(String key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst();
    }

    public GroupResult requireGroup(String key) {
        return group(key).orElseThrow(() -> new IllegalArgumentException("no group " + key + " in " + name));
    }

    public Estimate between(BetweenMetric m) {
        return between.getOrDefault(m, Estimate.undefined());
    }

    public List<GroupResult> judgedGroups() {
        return groups.stream().filter(GroupResult::judged).toList();
    }

    public boolean intersectional() {
        return attributes.size() > 1;
    }
}
