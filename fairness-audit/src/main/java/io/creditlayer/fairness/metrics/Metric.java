package io.creditlayer.fairness.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric the audit computes, named by a stable snake_case id (used in the policy file and the JSON report).
 * Three scopes: a value per group ({@link GroupMetric}), a value per group against the dimension's reference group
 * ({@link RelativeMetric}), and one value per dimension across its groups ({@link BetweenMetric}).
 */
public sealed interface Metric permits GroupMetric, RelativeMetric, BetweenMetric {

    String id();

    /** "group", "relative" or "between". */
    String scope();

    /** One line for people: what the number is. */
    String description();

    static Metric parse(String id) {
        for (Metric m : all()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "'; known: " + all().stream().map(Metric::id).toList());
    }

    static List<Metric> all() {
        List<Metric> all = new ArrayList<>();
        all.addAll(List.of(GroupMetric.values()));
        all.addAll(List.of(RelativeMetric.values()));
        all.addAll(List.of(BetweenMetric.values()));
        return all;
    }
}
