package io.creditlayer.fairness.report;

import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.Check;
import io.creditlayer.fairness.metrics.DimensionResult;
import io.creditlayer.fairness.metrics.Estimate;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.GroupResult;
import io.creditlayer.fairness.metrics.RelativeMetric;
import io.creditlayer.fairness.metrics.ResamplingUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A short Markdown summary of one or more audits of the same rows (a model before and after a mitigation, say):
 * one line per model with its verdict, the key per-group figures with their intervals for every single-attribute
 * dimension, and the failed checks. For documents and terminals; the JSON report stays the record.
 */
public final class MarkdownSummary {
    /** One audited model and how to call it in the tables. */
    public record Entry(String label, AuditReport report) {
        public Entry {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(report, "report");
        }
    }

    private MarkdownSummary() {
    }

    /** The summary of audits that share their rows, attributes, policy and options (the first one's are described). */
    public static String of(List<Entry> audited) {
        if (audited.isEmpty()) {
            throw new IllegalArgumentException("nothing to summarise");
        }
        AuditReport first = audited.getFirst().report();
        boolean onePolicy = audited.stream().allMatch(a -> a.report().policy().equals(first.policy()));
        StringBuilder s = new StringBuilder();
        if (onePolicy) {
            s.append(String.format(Locale.ROOT, "Audited: %d decisions per model under policy `%s` (approval: %s), "
                            + "%d bootstrap resamples%s, %.0f%% intervals, seed %d.%n%n", first.data().rows(), first.policy().name(),
                    first.data().approval(), first.options().resamples(), resampledUnits(first), 100 * first.options().confidence(),
                    first.options().seed()));
            s.append("| model | model id | AUC | approval rate | default rate of approved | verdict | checks failed or undefined | report SHA-256 |\n");
            s.append("|---|---|---|---|---|---|---|---|\n");
        } else {
            s.append(String.format(Locale.ROOT, "Audited: %d decisions per model, %d bootstrap resamples%s, %.0f%% intervals, "
                            + "seed %d; each row names its policy and approval rule.%n%n", first.data().rows(),
                    first.options().resamples(), resampledUnits(first), 100 * first.options().confidence(), first.options().seed()));
            s.append("| model | policy (approval) | model id | AUC | approval rate | default rate of approved | verdict | checks failed or undefined | report SHA-256 |\n");
            s.append("|---|---|---|---|---|---|---|---|---|\n");
        }
        for (Entry a : audited) {
            GroupResult all = a.report().metrics().overall();
            s.append("| ").append(a.label());
            if (!onePolicy) {
                s.append(" | `").append(a.report().policy().name()).append("` (").append(a.report().data().approval()).append(')');
            }
            s.append(" | `").append(shortId(a.report().model().version())).append("` | ")
                    .append(f3(all.metric(GroupMetric.AUC).value())).append(" | ")
                    .append(f3(all.metric(GroupMetric.SELECTION_RATE).value())).append(" | ")
                    .append(f3(1 - all.metric(GroupMetric.PRECISION).value())).append(" | **")
                    .append(a.report().verdict()).append("** | ").append(a.report().failures().size()).append(" | `")
                    .append(shortId(a.report().sha256().hex())).append("` |\n");
        }
        s.append('\n');
        s.append("Per group (point estimate [95% bootstrap interval]; DI = disparate impact, EOD = equal opportunity "
                + "difference, AOD = average odds difference, all against the reference group):\n\n");
        s.append("| attribute | group | model | rows | defaults | approval rate | AUC | DI | EOD | AOD | FNR disparity |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (DimensionResult dim : first.metrics().dimensions()) {
            if (dim.intersectional()) {
                continue;
            }
            for (GroupResult g0 : dim.groups()) {
                for (Entry a : audited) {
                    DimensionResult d = a.report().metrics().dimension(dim.name());
                    GroupResult g = d.requireGroup(g0.key());
                    boolean reference = g.key().equals(d.reference());
                    s.append("| ").append(dim.name()).append(" | ").append(g.key()).append(reference ? " (ref.)" : "")
                            .append(" | ").append(a.label()).append(" | ").append(g.n()).append(" | ").append(g.defaulted())
                            .append(" | ");
                    if (!g.judged()) {
                        s.append("not judged: ").append(g.reason()).append(" | | | | | |\n");
                        continue;
                    }
                    s.append(ci(g.metric(GroupMetric.SELECTION_RATE))).append(" | ")
                            .append(ci(g.metric(GroupMetric.AUC))).append(" | ");
                    if (reference) {
                        s.append("– | – | – | – |\n");
                        continue;
                    }
                    s.append(ci(g.relative(RelativeMetric.DISPARATE_IMPACT))).append(" | ")
                            .append(ci(g.relative(RelativeMetric.EQUAL_OPPORTUNITY_DIFFERENCE))).append(" | ")
                            .append(ci(g.relative(RelativeMetric.AVERAGE_ODDS_DIFFERENCE))).append(" | ")
                            .append(ci(g.relative(RelativeMetric.FNR_DISPARITY))).append(" |\n");
                }
            }
        }
        s.append('\n');
        for (Entry a : audited) {
            s.append("Checks failed or undefined, ").append(a.label()).append(": ");
            List<Check> failures = a.report().failures();
            if (failures.isEmpty()) {
                s.append("none.\n");
                continue;
            }
            List<String> parts = new ArrayList<>();
            int undefined = 0;
            for (Check c : failures) {
                if (c.estimate().defined() && c.reason() == null) {
                    parts.add("`" + c.id() + "` " + ci(c.estimate()) + " (bound " + c.bounds().describe() + ")");
                } else {
                    undefined++;
                }
            }
            if (undefined > 0) {
                String reason = failures.stream().filter(c -> c.reason() != null).map(Check::reason).findFirst().orElse("no value");
                parts.add(undefined + " undefined (" + reason + ")");
            }
            s.append(String.join("; ", parts)).append(".\n");
        }
        return s.toString();
    }

    /**
     * What the resamples drew, when it is not single rows: " of 412 clusters (drawn whole)". Summaries of row
     * bootstraps read as they always have, so the committed summaries of unclustered audits stay current.
     */
    private static String resampledUnits(AuditReport report) {
        ResamplingUnit unit = report.metrics().resamplingUnit();
        return unit.clustered() ? " of " + unit.describe() + " (drawn whole)" : "";
    }

    /** A value with its interval: "0.688 [0.525, 0.874]". */
    public static String ci(Estimate e) {
        if (!e.defined()) {
            return "undefined";
        }
        if (!e.hasInterval()) {
            return f3(e.value());
        }
        return f3(e.value()) + " [" + f3(e.lower()) + ", " + f3(e.upper()) + "]";
    }

    private static String shortId(String hex) {
        if (hex == null) {
            return "–";
        }
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        return h.length() > 12 ? h.substring(0, 12) + "…" : h;
    }

    private static String f3(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
