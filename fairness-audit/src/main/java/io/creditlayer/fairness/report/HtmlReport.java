package io.creditlayer.fairness.report;

import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.Check;
import io.creditlayer.fairness.CheckStatus;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ModelDetails;
import io.creditlayer.fairness.ReportHash;
import io.creditlayer.fairness.metrics.BetweenMetric;
import io.creditlayer.fairness.metrics.DimensionResult;
import io.creditlayer.fairness.metrics.Estimate;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.GroupResult;
import io.creditlayer.fairness.metrics.Metric;
import io.creditlayer.fairness.metrics.MetricSet;
import io.creditlayer.fairness.metrics.RelativeMetric;
import io.creditlayer.fairness.metrics.ResamplingUnit;
import io.creditlayer.fairness.mitigation.ThresholdAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The report for people: one self-contained HTML page (inline CSS and SVG, no script, no external resource)
 * with the sections of a model card (Mitchell et al. 2019): model details, intended use, factors, data,
 * metrics, the policy checks, disaggregated results with intervals, the threshold analysis, ethical
 * considerations, caveats and limits. Every value printed comes from the report, and the page shows the hash of
 * the JSON report it renders.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;max-width:1100px;margin:0 auto;padding:24px}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:36px}
            h3{font-size:16px;margin-top:26px}code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .badge{display:inline-block;padding:4px 14px;border-radius:4px;font-weight:700;color:#fff;font-size:18px}
            .PASS,.pass{background:#1b7f3b}.FAIL,.fail{background:#b3261e}.insufficient_data{background:#8a8a8a}.undefined{background:#c26a00}
            .status{display:inline-block;padding:1px 7px;border-radius:3px;color:#fff;font-size:12px;white-space:nowrap}
            .muted{color:#666}.hash{word-break:break-all}nav ol{columns:2}dl{display:grid;grid-template-columns:200px 1fr;gap:4px 12px}dt{font-weight:600}dd{margin:0}
            svg{display:block;margin:8px 0 18px;max-width:100%;height:auto}svg text{font-family:system-ui,sans-serif}
            svg .title{font-size:13px;font-weight:600}svg .tick{font-size:10px;fill:#555}svg .axis{font-size:11px;fill:#333}
            svg .label{font-size:11px}svg .ref{font-weight:700}svg .legend{font-size:11px}
            svg .grid{stroke:#e6e6e6;stroke-width:1}svg .frame{fill:none;stroke:#999}svg .whisker{stroke:#0072B2;stroke-width:1.5}
            svg .overall{stroke:#777;stroke-dasharray:4 3;stroke-width:1}svg .diagonal{stroke:#999;stroke-dasharray:5 4}
            """;

    public static String render(AuditReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        ModelDetails m = r.model();
        MetricSet ms = r.metrics();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Fairness report: ").append(esc(m.name())).append(' ').append(esc(m.version())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        h.append("<header>\n<h1>Fairness report: ").append(esc(m.name())).append(" <span class=\"muted\">")
                .append(esc(m.version())).append("</span></h1>\n")
                .append("<p><span class=\"badge ").append(r.verdict().name()).append("\">").append(r.verdict().name())
                .append("</span> ").append(esc(r.verdictReason())).append("</p>\n")
                .append("<p>Report hash (SHA-256 of the JSON report, the ModelRegistry <code>fairnessReportHash</code>): <code class=\"hash\">")
                .append(r.sha256().bytes32()).append("</code><br>Policy <b>").append(esc(r.policy().name()))
                .append("</b> version ").append(esc(r.policy().version())).append(", SHA-256 <code class=\"hash\">")
                .append(ReportHash.of(JsonReport.policyBytes(r.policy())).hex()).append("</code></p>\n</header>\n");

        h.append("<nav><ol><li><a href=\"#model\">Model details</a></li><li><a href=\"#use\">Intended use</a></li>")
                .append("<li><a href=\"#factors\">Factors</a></li><li><a href=\"#data\">Evaluation data</a></li>")
                .append("<li><a href=\"#metrics\">Metrics</a></li><li><a href=\"#checks\">Policy checks</a></li>")
                .append("<li><a href=\"#results\">Disaggregated results</a></li><li><a href=\"#mitigation\">Threshold analysis</a></li>")
                .append("<li><a href=\"#ethics\">Ethical considerations</a></li><li><a href=\"#caveats\">Caveats and limits</a></li></ol></nav>\n");

        section(h, "model", "1. Model details");
        h.append("<dl>");
        dl(h, "Name", m.name());
        dl(h, "Version", m.version());
        dl(h, "Owner", m.owner());
        dl(h, "Description", m.description());
        dl(h, "Training data", m.trainingData());
        h.append("</dl>\n</section>\n");

        section(h, "use", "2. Intended use");
        h.append("<p>").append(esc(m.intendedUse())).append("</p>\n");
        if (!m.outOfScopeUses().isEmpty()) {
            h.append("<p>Out of scope:</p>");
            list(h, m.outOfScopeUses());
        }
        h.append("<p>Decision audited: <b>").append(esc(r.data().approval())).append("</b>.</p>\n</section>\n");

        factors(h, r);
        data(h, r);
        metrics(h, r);
        checks(h, r);
        results(h, r, ms);
        mitigation(h, r);
        ethics(h, r);
        caveats(h, r);

        h.append("<footer><p class=\"muted\">Generated by CreditLayer fairness-audit (").append(JsonReport.SCHEMA)
                .append("). The JSON report is the record; this page renders it. JSON SHA-256 <code class=\"hash\">")
                .append(r.sha256().hex()).append("</code>.</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void factors(StringBuilder h, AuditReport r) {
        section(h, "factors", "3. Factors");
        MetricSet ms = r.metrics();
        h.append("<p>Cohort attributes audited: <b>").append(esc(String.join(", ", r.data().attributes()))).append("</b>")
                .append(r.options().intersectional() && r.data().attributes().size() > 1 ? ", each alone and crossed (intersectional groups)." : ".")
                .append(" A group is judged when it has at least ").append(r.policy().minGroupSize()).append(" rows and at least ")
                .append(r.policy().minOutcomeCount()).append(" rows of each label; smaller groups are reported as insufficient data and never judged.")
                .append(" Each dimension's reference group is ")
                .append(r.policy().referenceGroups().isEmpty() ? "" : "named by the policy where given, otherwise ")
                .append(r.policy().referenceRule().id().equals("largest") ? "the largest judged group." : "the judged group with the highest approval rate (so disparate impact is the four-fifths test).")
                .append("</p>\n<table><tr><th>dimension</th><th>groups</th><th>judged</th><th>reference</th><th>not judged (reason)</th></tr>\n");
        for (DimensionResult d : ms.dimensions()) {
            List<String> skipped = new ArrayList<>();
            for (GroupResult g : d.groups()) {
                if (!g.judged()) {
                    skipped.add(g.key() + " (" + g.reason() + ")");
                }
            }
            h.append("<tr><td>").append(esc(d.name())).append("</td><td class=\"num\">").append(d.groups().size())
                    .append("</td><td class=\"num\">").append(d.judgedGroups().size()).append("</td><td>")
                    .append(d.reference() == null ? "none" : esc(d.reference()) + " <span class=\"muted\">(" + esc(d.referenceSource()) + ")</span>")
                    .append("</td><td>").append(esc(String.join("; ", skipped))).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void data(StringBuilder h, AuditReport r) {
        section(h, "data", "4. Evaluation data");
        ModelDetails m = r.model();
        GroupResult all = r.metrics().overall();
        h.append("<p>").append(esc(m.evaluationData())).append("</p>\n<dl>");
        dl(h, "Rows", Integer.toString(r.data().rows()));
        dl(h, "Sample weights", r.data().weighted() ? "yes (rates use weighted counts; minimum sizes count rows)" : "no");
        dl(h, "Probabilities of default", r.data().hasPd() ? "yes" : "no (calibration and AUC not measured)");
        dl(h, "Defaulted / repaid rows", all.defaulted() + " / " + all.repaid());
        dl(h, "Approved rows", Integer.toString(all.approved()));
        ResamplingUnit unit = r.metrics().resamplingUnit();
        dl(h, "Bootstrap resampling unit", unit.clustered()
                ? "clusters: " + unit.describe() + ", every row of a drawn cluster counted together"
                : "rows: each row drawn on its own (rows treated as independent)");
        dl(h, "Data SHA-256", r.data().sha256().hex());
        h.append("</dl>\n</section>\n");
    }

    private static void metrics(StringBuilder h, AuditReport r) {
        section(h, "metrics", "5. Metrics");
        h.append("<p>Conventions: <b>approved</b> is the favourable decision; the label is <b>defaulted</b> (the adverse outcome), ")
                .append("so the positive class is \"repaid\": TPR is the approval rate among repayers, FPR among defaulters. ")
                .append("PD is the predicted probability of default; calibration and AUC are of PD against defaults. ")
                .append("Intervals are ").append(Math.round(r.options().confidence() * 100)).append("% bootstrap percentile intervals from ")
                .append(r.options().resamples()).append(" resamples (seed ").append(r.options().seed()).append(") of ")
                .append(r.metrics().resamplingUnit().clustered()
                        ? esc(r.metrics().resamplingUnit().describe()) + ", drawn whole, each within the cohort cell of its first row"
                        : "rows, stratified by cohort cell")
                .append(". Checks are judged on point estimates; intervals show how firm each judgement is.</p>\n");
        h.append("<table><tr><th>metric</th><th>scope</th><th>definition</th></tr>\n");
        for (Metric m : Metric.all()) {
            h.append("<tr><td><code>").append(m.id()).append("</code></td><td>").append(m.scope()).append("</td><td>")
                    .append(esc(m.description())).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Policy checks applied</h3>\n<p>").append(esc(r.policy().description()))
                .append("</p>\n<table><tr><th>metric</th><th>bound</th><th>dimensions</th><th>rationale</th></tr>\n");
        for (FairnessPolicy.Rule rule : r.policy().checks()) {
            h.append("<tr><td><code>").append(rule.metric().id()).append("</code></td><td>").append(esc(rule.bounds().describe()))
                    .append(rule.minGroupSize() == null ? "" : "<br><span class=\"muted\">groups of " + rule.minGroupSize() + "+ rows</span>")
                    .append("</td><td>").append(rule.attributes().isEmpty() ? "all" : esc(String.join(", ", rule.attributes())))
                    .append("</td><td>").append(esc(rule.rationale())).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void checks(StringBuilder h, AuditReport r) {
        section(h, "checks", "6. Policy checks");
        h.append("<p><span class=\"badge ").append(r.verdict().name()).append("\">").append(r.verdict().name()).append("</span> ")
                .append(esc(r.verdictReason())).append("</p>\n<p>The verdict is PASS only when at least one check was judged ")
                .append("and every judged check passed; a check whose metric is undefined despite sufficient data fails. ")
                .append("Groups with insufficient data are listed but not judged.</p>\n");
        List<Check> ordered = new ArrayList<>();
        for (CheckStatus s : new CheckStatus[] {CheckStatus.FAIL, CheckStatus.UNDEFINED, CheckStatus.PASS, CheckStatus.INSUFFICIENT_DATA}) {
            r.checks().stream().filter(c -> c.status() == s).forEach(ordered::add);
        }
        h.append("<table><tr><th>status</th><th>metric</th><th>dimension</th><th>group</th><th>vs</th><th>value</th><th>interval</th><th>bound</th><th>note</th></tr>\n");
        for (Check c : ordered) {
            h.append("<tr><td><span class=\"status ").append(c.status().id()).append("\">").append(c.status().id().replace('_', ' '))
                    .append("</span></td><td><code>").append(c.metric()).append("</code></td><td>").append(esc(c.dimension()))
                    .append("</td><td>").append(esc(c.group() == null ? "(between groups)" : c.group())).append("</td><td>")
                    .append(esc(c.reference() == null ? "" : c.reference())).append("</td><td class=\"num\">")
                    .append(c.estimate().defined() ? Svg.fmt3(c.estimate().value()) : "")
                    .append("</td><td class=\"num\">").append(ci(c.estimate()))
                    .append("</td><td>").append(esc(c.bounds().describe())).append("</td><td>")
                    .append(esc(c.reason() == null ? "" : c.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void results(StringBuilder h, AuditReport r, MetricSet ms) {
        section(h, "results", "7. Disaggregated results");
        GroupMetric[] shown = ms.hasPd() ? GroupMetric.values()
                : new GroupMetric[] {GroupMetric.SELECTION_RATE, GroupMetric.DEFAULT_RATE, GroupMetric.TPR, GroupMetric.FPR,
                        GroupMetric.FNR, GroupMetric.TNR, GroupMetric.PRECISION, GroupMetric.GENERALIZED_ENTROPY_INDEX, GroupMetric.THEIL_INDEX};
        h.append("<p>Each cell: point estimate, and below it the bootstrap interval.</p>\n");
        h.append("<h3>All rows</h3>\n");
        groupTable(h, List.of(ms.overall()), shown, null);
        for (DimensionResult d : ms.dimensions()) {
            h.append("<h3>").append(esc(d.name())).append("</h3>\n");
            groupTable(h, d.groups(), shown, d.reference());
            if (d.judgedGroups().isEmpty()) {
                h.append("<p class=\"muted\">No group has enough data to be judged.</p>\n");
                continue;
            }
            h.append(Svg.rates(d, ms.overall())).append('\n');
            relativeTable(h, d);
            betweenTable(h, d);
            if (ms.hasPd()) {
                if (d.judgedGroups().size() > Svg.MAX_CURVES) {
                    h.append("<p class=\"muted\">Curves: the ").append(Svg.MAX_CURVES).append(" largest judged groups.</p>\n");
                }
                h.append(Svg.calibration("Calibration by " + d.name(), d.judgedGroups())).append('\n');
                h.append(Svg.roc("ROC by " + d.name(), d.judgedGroups())).append('\n');
            }
        }
        h.append("</section>\n");
    }

    private static void groupTable(StringBuilder h, List<GroupResult> groups, GroupMetric[] shown, String reference) {
        h.append("<table><tr><th>group</th><th>rows</th><th>defaulted</th><th>approved</th>");
        for (GroupMetric m : shown) {
            h.append("<th>").append(m.id().replace('_', ' ')).append("</th>");
        }
        h.append("</tr>\n");
        for (GroupResult g : groups) {
            h.append("<tr><td>").append(esc(g.key())).append(g.key().equals(reference) ? " <b>(ref)</b>" : "")
                    .append("</td><td class=\"num\">").append(g.n()).append("</td>");
            if (!g.judged()) {
                h.append("<td colspan=\"").append(shown.length + 2).append("\" class=\"muted\">insufficient data: ")
                        .append(esc(g.reason())).append("</td></tr>\n");
                continue;
            }
            h.append("<td class=\"num\">").append(g.defaulted()).append("</td><td class=\"num\">").append(g.approved()).append("</td>");
            for (GroupMetric m : shown) {
                cell(h, g.metric(m));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void relativeTable(StringBuilder h, DimensionResult d) {
        if (d.reference() == null || !d.referenceJudged()) {
            h.append("<p class=\"muted\">No judged reference group: comparisons with a reference are not available.</p>\n");
            return;
        }
        h.append("<p>Against the reference group <b>").append(esc(d.reference())).append("</b>:</p>\n<table><tr><th>group</th>");
        for (RelativeMetric m : RelativeMetric.values()) {
            h.append("<th>").append(m.id().replace('_', ' ')).append("</th>");
        }
        h.append("</tr>\n");
        for (GroupResult g : d.judgedGroups()) {
            if (g.key().equals(d.reference())) {
                continue;
            }
            h.append("<tr><td>").append(esc(g.key())).append("</td>");
            for (RelativeMetric m : RelativeMetric.values()) {
                cell(h, g.relative(m));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void betweenTable(StringBuilder h, DimensionResult d) {
        h.append("<table><tr><th>between judged groups</th><th>value</th><th>interval</th></tr>\n");
        for (BetweenMetric m : BetweenMetric.values()) {
            if (!d.between().containsKey(m)) {
                continue;
            }
            Estimate e = d.between(m);
            h.append("<tr><td><code>").append(m.id()).append("</code></td><td class=\"num\">").append(Svg.fmt3(e.value()))
                    .append("</td><td class=\"num\">").append(ci(e)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void mitigation(StringBuilder h, AuditReport r) {
        section(h, "mitigation", "8. Threshold analysis");
        h.append("<p>What per-group PD cut-offs (approve when PD &le; the group's cut-off) would do if chosen so every judged group ")
                .append("reaches the overall approval rate, or the overall TPR. Point estimates only. This is an analysis, not a recommendation: ")
                .append("deciding with group-specific cut-offs uses the protected attribute at decision time, which credit regulation ")
                .append("generally forbids (disparate treatment). Reweighing the training data (Kamiran and Calders) is the training-time alternative.</p>\n");
        if (r.mitigation().isEmpty()) {
            h.append("<p class=\"muted\">Not run (it needs PD, two judged groups, and the option enabled).</p>\n</section>\n");
            return;
        }
        for (ThresholdAnalysis t : r.mitigation()) {
            h.append("<h3>").append(esc(t.dimension())).append(": equal ").append(t.target().id().replace('_', ' '))
                    .append(" (target ").append(Svg.fmt3(t.targetValue())).append(")</h3>\n")
                    .append("<table><tr><th>group</th><th>PD cut-off</th><th>selection rate before &rarr; after</th>")
                    .append("<th>TPR before &rarr; after</th><th>FPR before &rarr; after</th><th>precision before &rarr; after</th></tr>\n");
            for (ThresholdAnalysis.GroupChange g : t.groups()) {
                h.append("<tr><td>").append(esc(g.group())).append("</td><td class=\"num\">")
                        .append(g.adjusted() ? Svg.fmt3(g.threshold()) : "unchanged").append("</td>");
                arrow(h, g.selectionRateBefore(), g.selectionRateAfter());
                arrow(h, g.tprBefore(), g.tprAfter());
                arrow(h, g.fprBefore(), g.fprAfter());
                arrow(h, g.precisionBefore(), g.precisionAfter());
                h.append("</tr>\n");
            }
            h.append("</table>\n<table><tr><th></th><th>approval rate</th><th>default rate among approved</th>")
                    .append("<th>demographic parity difference</th><th>TPR difference</th><th>equalized odds difference</th></tr>\n");
            summary(h, "before", t.before());
            summary(h, "after", t.after());
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    private static void summary(StringBuilder h, String label, ThresholdAnalysis.Summary s) {
        h.append("<tr><th>").append(label).append("</th>");
        for (double v : new double[] {s.approvalRate(), s.defaultRateAmongApproved(), s.demographicParityDifference(),
                s.tprDifference(), s.equalizedOddsDifference()}) {
            h.append("<td class=\"num\">").append(Svg.fmt3(v)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void ethics(StringBuilder h, AuditReport r) {
        section(h, "ethics", "9. Ethical considerations");
        List<String> items = new ArrayList<>(List.of(
                "Cohort attributes are used here only to measure outcomes, never as model inputs or to decide.",
                "Where attributes are inferred or are proxies (e.g. wallet cohorts standing in for demographic groups), a clean audit shows fairness across the proxies, not necessarily across the people behind them.",
                "Fairness criteria conflict: when default rates differ between groups, calibration within groups and equal error rates cannot all hold at once (Kleinberg et al. 2016; Chouldechova 2017). The policy records which criteria this gate requires.",
                "Repayment is observed only for approved borrowers, so labels carry the history of past decisions (selective labels); error rates on never-approved groups are not measured by this data.",
                "Passing the gate is a minimum, not a certificate of fairness: intersectional and small groups may be under-protected."));
        items.addAll(r.model().ethicalConsiderations());
        list(h, items);
        h.append("</section>\n");
    }

    private static void caveats(StringBuilder h, AuditReport r) {
        section(h, "caveats", "10. Caveats and limits");
        List<String> items = new ArrayList<>(List.of(
                "Checks are judged on point estimates. A check can pass with an interval that crosses its bound, or fail by sampling noise; read the interval.",
                "Multiple testing: " + r.checks().size() + " checks were evaluated. With many groups and metrics some checks fail by chance even for a fair model, and no correction is applied; minimum group sizes are the guard.",
                "Groups below the minimum size are not judged, so the gate says nothing about them.",
                r.metrics().resamplingUnit().clustered()
                        ? "Bootstrap intervals are percentile intervals over whole clusters, stratified so each cohort cell keeps its number of clusters (group row counts vary with the clusters drawn); they ignore uncertainty in the model itself and are approximate for rates near 0 or 1."
                        : "Bootstrap intervals are percentile intervals, stratified so group sizes stay fixed; they treat rows as independent, ignore uncertainty in the model itself and are approximate for rates near 0 or 1.",
                "Binned ECE is biased upward in small groups and depends on the bins (" + r.options().eceBins() + " equal-width bins).",
                "Aequitas disparities are ratios: a reference rate near zero makes them unstable; x / 0 is reported as unbounded and 0 / 0 as parity."));
        items.addAll(r.model().caveats());
        list(h, items);
        h.append("</section>\n");
    }

    private static void arrow(StringBuilder h, double before, double after) {
        h.append("<td class=\"num\">").append(Svg.fmt3(before)).append(" &rarr; ").append(Svg.fmt3(after)).append("</td>");
    }

    private static void cell(StringBuilder h, Estimate e) {
        h.append("<td class=\"num\">").append(Svg.fmt3(e.value()));
        if (e.hasInterval()) {
            h.append("<br><span class=\"muted\">").append(ci(e)).append("</span>");
        }
        h.append("</td>");
    }

    private static String ci(Estimate e) {
        return e.hasInterval() ? "[" + Svg.fmt3(e.lower()) + ", " + Svg.fmt3(e.upper()) + "]" : "";
    }

    private static void section(StringBuilder h, String id, String title) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(title)).append("</h2>\n");
    }

    private static void dl(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private static void list(StringBuilder h, List<String> items) {
        h.append("<ul>");
        items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>"));
        h.append("</ul>\n");
    }

    /** HTML-escapes text and attribute values; group names are data and must never become markup. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
