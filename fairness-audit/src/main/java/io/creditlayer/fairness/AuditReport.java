package io.creditlayer.fairness;

import io.creditlayer.fairness.metrics.MetricSet;
import io.creditlayer.fairness.metrics.Population;
import io.creditlayer.fairness.mitigation.ThresholdAnalysis;
import io.creditlayer.fairness.report.HtmlReport;
import io.creditlayer.fairness.report.JsonReport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of an audit. The JSON bytes are produced once, deterministically (fixed key order, no timestamps,
 * "\n" line ends), and their SHA-256 is the report hash; the HTML page is a rendering of the same content for
 * people and shows that hash.
 */
public final class AuditReport {

    /** What was audited, without the rows themselves. */
    public record DataSummary(int rows, boolean weighted, boolean hasPd, List<String> attributes, String approval,
                              ReportHash sha256) {
        public DataSummary {
            attributes = List.copyOf(attributes);
        }
    }

    private final ModelDetails model;
    private final FairnessPolicy policy;
    private final FairnessAudit.Options options;
    private final DataSummary data;
    private final MetricSet metrics;
    private final List<Check> checks;
    private final List<ThresholdAnalysis> mitigation;
    private final Verdict verdict;
    private final String verdictReason;
    private final byte[] json;
    private final ReportHash hash;

    AuditReport(ModelDetails model, FairnessPolicy policy, FairnessAudit.Options options, Population population,
                MetricSet metrics, List<Check> checks, List<ThresholdAnalysis> mitigation) {
        this.model = model;
        this.policy = policy;
        this.options = options;
        this.data = new DataSummary(population.size(), population.weighted(), population.hasPd(),
                List.copyOf(population.attributes().keySet()), policy.approval().describe(), DataDigest.of(population));
        this.metrics = metrics;
        this.checks = List.copyOf(checks);
        this.mitigation = List.copyOf(mitigation);
        this.verdict = FairnessAudit.verdict(this.checks);
        this.verdictReason = reason(this.checks, verdict);
        this.json = JsonReport.write(this).getBytes(StandardCharsets.UTF_8);
        this.hash = ReportHash.of(json);
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean passed() {
        return verdict.passed();
    }

    /** One sentence: counts by status and, on failure, which checks failed. */
    public String verdictReason() {
        return verdictReason;
    }

    public List<Check> checks() {
        return checks;
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.UNDEFINED).toList();
    }

    public MetricSet metrics() {
        return metrics;
    }

    public List<ThresholdAnalysis> mitigation() {
        return mitigation;
    }

    public ModelDetails model() {
        return model;
    }

    public FairnessPolicy policy() {
        return policy;
    }

    public FairnessAudit.Options options() {
        return options;
    }

    public DataSummary data() {
        return data;
    }

    /** The JSON report (UTF-8 text of {@link #jsonBytes()}). */
    public String toJson() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** The exact bytes the hash is taken over. */
    public byte[] jsonBytes() {
        return json.clone();
    }

    public String toHtml() {
        return HtmlReport.render(this);
    }

    /** SHA-256 of {@link #jsonBytes()}: {@code sha256().bytes32()} is the ModelRegistry report hash. */
    public ReportHash sha256() {
        return hash;
    }

    /** Checks counted by status, in enum order. */
    public Map<CheckStatus, Integer> counts() {
        Map<CheckStatus, Integer> counts = new TreeMap<>();
        for (CheckStatus s : CheckStatus.values()) {
            counts.put(s, 0);
        }
        checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return counts;
    }

    private static String reason(List<Check> checks, Verdict verdict) {
        Map<CheckStatus, Integer> counts = new TreeMap<>();
        checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        int pass = counts.getOrDefault(CheckStatus.PASS, 0);
        int fail = counts.getOrDefault(CheckStatus.FAIL, 0);
        int undefined = counts.getOrDefault(CheckStatus.UNDEFINED, 0);
        int insufficient = counts.getOrDefault(CheckStatus.INSUFFICIENT_DATA, 0);
        String tally = pass + " passed, " + fail + " failed, " + undefined + " undefined, " + insufficient
                + " not judged (insufficient data)";
        if (verdict == Verdict.PASS) {
            return "every judged check passed: " + tally;
        }
        if (pass + fail == 0 && undefined == 0) {
            return "no check could be judged: " + tally;
        }
        List<String> failed = checks.stream()
                .filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.UNDEFINED)
                .map(Check::id).limit(5).toList();
        return tally + "; first failing: " + String.join(", ", failed);
    }
}
