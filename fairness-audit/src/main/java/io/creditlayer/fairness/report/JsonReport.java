package io.creditlayer.fairness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.Bounds;
import io.creditlayer.fairness.Check;
import io.creditlayer.fairness.CheckStatus;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ModelDetails;
import io.creditlayer.fairness.ReportHash;
import io.creditlayer.fairness.metrics.BetweenMetric;
import io.creditlayer.fairness.metrics.CalibrationBin;
import io.creditlayer.fairness.metrics.DimensionResult;
import io.creditlayer.fairness.metrics.Estimate;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.GroupResult;
import io.creditlayer.fairness.metrics.MetricSet;
import io.creditlayer.fairness.metrics.RelativeMetric;
import io.creditlayer.fairness.metrics.ResamplingUnit;
import io.creditlayer.fairness.metrics.RocPoint;
import io.creditlayer.fairness.mitigation.ThresholdAnalysis;

import java.util.List;
import java.util.Map;

/**
 * The machine-readable report. Deterministic by construction: keys are written in a fixed order (Jackson's tree
 * keeps insertion order), there is no timestamp, numbers are written with Java's shortest round-trip
 * representation, and the indenter uses "\n" rather than the platform line separator (which would change the
 * bytes, and so the hash, on Windows). Undefined values are null; an unbounded ratio is the string "Infinity".
 */
public final class JsonReport {

    public static final String SCHEMA = "creditlayer.fairness-report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonReport() {
    }

    public static String write(AuditReport report) {
        ObjectNode root = F.objectNode();
        root.put("schema", SCHEMA);
        root.put("verdict", report.verdict().name());
        root.put("verdictReason", report.verdictReason());
        ObjectNode counts = root.putObject("checkCounts");
        report.counts().forEach((s, n) -> counts.put(s.id(), n));
        root.set("model", model(report.model()));
        root.set("policy", policy(report.policy()));
        root.set("options", options(report.options(), report.metrics().resamplingUnit()));
        root.set("conventions", conventions());
        root.set("data", data(report));
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(c -> checks.add(check(c)));
        MetricSet m = report.metrics();
        root.set("overall", group(m.overall(), m.hasPd()));
        ArrayNode dims = root.putArray("dimensions");
        m.dimensions().forEach(d -> dims.add(dimension(d, m.hasPd())));
        ArrayNode mitigation = root.putArray("thresholdAnalysis");
        report.mitigation().forEach(t -> mitigation.add(threshold(t)));
        return pretty(root);
    }

    /** Canonical compact bytes of the policy document, whose SHA-256 identifies the policy version applied. */
    public static byte[] policyBytes(FairnessPolicy policy) {
        try {
            return MAPPER.writeValueAsBytes(policy.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(ObjectNode root) {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        // arrays stay on one line (fixed spaces, no line separator involved): ROC points and intervals read better
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(lf);
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode model(ModelDetails m) {
        ObjectNode o = F.objectNode();
        o.put("name", m.name());
        o.put("version", m.version());
        o.put("owner", m.owner());
        o.put("description", m.description());
        o.put("intendedUse", m.intendedUse());
        strings(o.putArray("outOfScopeUses"), m.outOfScopeUses());
        o.put("trainingData", m.trainingData());
        o.put("evaluationData", m.evaluationData());
        strings(o.putArray("ethicalConsiderations"), m.ethicalConsiderations());
        strings(o.putArray("caveats"), m.caveats());
        return o;
    }

    private static ObjectNode policy(FairnessPolicy p) {
        ObjectNode o = F.objectNode();
        o.put("sha256", ReportHash.of(policyBytes(p)).hex());
        o.set("document", p.toJson());
        return o;
    }

    /**
     * A row bootstrap is described as it was before clusters existed (no resampling-unit keys), so reports of
     * unclustered data keep their bytes and hashes; a cluster bootstrap says so and how many clusters it drew from.
     */
    private static ObjectNode options(FairnessAudit.Options opt, ResamplingUnit unit) {
        ObjectNode o = F.objectNode();
        o.put("bootstrapResamples", opt.resamples());
        o.put("confidence", opt.confidence());
        o.put("seed", opt.seed());
        if (unit.clustered()) {
            o.put("bootstrap", "percentile, resampling whole clusters, each in the stratum of its first row's cell "
                    + "(the cross-product of all attributes)");
            o.put("resamplingUnit", unit.kind().id());
            o.put("clusters", unit.count());
        } else {
            o.put("bootstrap", "percentile, stratified by the cross-product of all attributes");
        }
        o.put("eceBins", opt.eceBins());
        o.put("geiAlpha", opt.geiAlpha());
        o.put("intersectional", opt.intersectional());
        o.put("thresholdAnalysis", opt.thresholdAnalysis());
        return o;
    }

    private static ObjectNode conventions() {
        ObjectNode o = F.objectNode();
        o.put("approved", "the favourable decision (predicted positive), from the policy's approval rule");
        o.put("label", "defaulted = 1 is the adverse outcome; repaid is the favourable label (positive class)");
        o.put("tpr", "approved among repaid");
        o.put("fpr", "approved among defaulted");
        o.put("pd", "predicted probability of default; calibration and AUC are of PD against defaulted");
        o.put("benefit", "b = approved - repaid + 1");
        o.put("judgement", "checks are judged on point estimates; intervals are shown, not used to judge");
        o.put("weights", "rates use weighted counts; minimum sizes count rows");
        return o;
    }

    private static ObjectNode data(AuditReport report) {
        AuditReport.DataSummary d = report.data();
        ObjectNode o = F.objectNode();
        o.put("rows", d.rows());
        o.put("weighted", d.weighted());
        o.put("hasPd", d.hasPd());
        o.put("approval", d.approval());
        strings(o.putArray("attributes"), d.attributes());
        o.put("sha256", d.sha256().hex());
        return o;
    }

    private static ObjectNode check(Check c) {
        ObjectNode o = F.objectNode();
        o.put("id", c.id());
        o.put("metric", c.metric());
        o.put("scope", c.scope());
        o.put("dimension", c.dimension());
        o.put("group", c.group());
        o.put("reference", c.reference());
        o.put("status", c.status().id());
        estimate(o, c.estimate());
        o.set("threshold", bounds(c.bounds()));
        o.put("thresholdText", c.bounds().describe());
        o.put("reason", c.reason());
        return o;
    }

    private static ObjectNode bounds(Bounds b) {
        ObjectNode o = F.objectNode();
        if (b.min() != null) {
            o.put("min", b.min());
        }
        if (b.max() != null) {
            o.put("max", b.max());
        }
        if (b.maxAbs() != null) {
            o.put("maxAbs", b.maxAbs());
        }
        if (b.tau() != null) {
            o.put("tau", b.tau());
        }
        return o;
    }

    private static ObjectNode dimension(DimensionResult d, boolean hasPd) {
        ObjectNode o = F.objectNode();
        o.put("name", d.name());
        strings(o.putArray("attributes"), d.attributes());
        o.put("reference", d.reference());
        o.put("referenceSource", d.referenceSource());
        o.put("referenceJudged", d.referenceJudged());
        ArrayNode groups = o.putArray("groups");
        d.groups().forEach(g -> groups.add(group(g, hasPd)));
        ObjectNode between = o.putObject("between");
        for (BetweenMetric m : BetweenMetric.values()) {
            if (d.between().containsKey(m)) {
                estimate(between.putObject(m.id()), d.between(m));
            }
        }
        return o;
    }

    private static ObjectNode group(GroupResult g, boolean hasPd) {
        ObjectNode o = F.objectNode();
        o.put("group", g.key());
        o.put("status", g.judged() ? "judged" : CheckStatus.INSUFFICIENT_DATA.id());
        o.put("reason", g.reason());
        o.put("n", g.n());
        number(o, "weight", g.weight());
        if (!g.judged()) {
            return o; // sizes only: rates of tiny groups are noise and may disclose individuals
        }
        o.put("defaulted", g.defaulted());
        o.put("repaid", g.repaid());
        o.put("approved", g.approved());
        ObjectNode metrics = o.putObject("metrics");
        for (Map.Entry<GroupMetric, Estimate> e : g.metrics().entrySet()) {
            estimate(metrics.putObject(e.getKey().id()), e.getValue());
        }
        if (!g.relative().isEmpty()) {
            ObjectNode rel = o.putObject("vsReference");
            for (Map.Entry<RelativeMetric, Estimate> e : g.relative().entrySet()) {
                estimate(rel.putObject(e.getKey().id()), e.getValue());
            }
        }
        if (hasPd) {
            ArrayNode bins = o.putArray("calibration");
            for (CalibrationBin b : g.calibration()) {
                ObjectNode bo = bins.addObject();
                bo.put("bin", b.index());
                number(bo, "lower", b.lower());
                number(bo, "upper", b.upper());
                bo.put("n", b.count());
                number(bo, "weight", b.weight());
                number(bo, "meanPd", b.meanPd());
                number(bo, "defaultRate", b.defaultRate());
            }
            ArrayNode roc = o.putArray("roc");
            for (RocPoint p : g.roc()) {
                ArrayNode pt = roc.addArray();
                number(pt, p.fpr());
                number(pt, p.tpr());
            }
        }
        return o;
    }

    private static ObjectNode threshold(ThresholdAnalysis t) {
        ObjectNode o = F.objectNode();
        o.put("dimension", t.dimension());
        o.put("target", t.target().id());
        number(o, "targetValue", t.targetValue());
        ArrayNode groups = o.putArray("groups");
        for (ThresholdAnalysis.GroupChange g : t.groups()) {
            ObjectNode go = groups.addObject();
            go.put("group", g.group());
            go.put("adjusted", g.adjusted());
            number(go, "pdThreshold", g.threshold());
            number(go, "selectionRateBefore", g.selectionRateBefore());
            number(go, "selectionRateAfter", g.selectionRateAfter());
            number(go, "tprBefore", g.tprBefore());
            number(go, "tprAfter", g.tprAfter());
            number(go, "fprBefore", g.fprBefore());
            number(go, "fprAfter", g.fprAfter());
            number(go, "precisionBefore", g.precisionBefore());
            number(go, "precisionAfter", g.precisionAfter());
        }
        o.set("before", summary(t.before()));
        o.set("after", summary(t.after()));
        return o;
    }

    private static ObjectNode summary(ThresholdAnalysis.Summary s) {
        ObjectNode o = F.objectNode();
        number(o, "approvalRate", s.approvalRate());
        number(o, "defaultRateAmongApproved", s.defaultRateAmongApproved());
        number(o, "demographicParityDifference", s.demographicParityDifference());
        number(o, "tprDifference", s.tprDifference());
        number(o, "equalizedOddsDifference", s.equalizedOddsDifference());
        return o;
    }

    private static void estimate(ObjectNode o, Estimate e) {
        number(o, "value", e.value());
        if (e.hasInterval()) {
            ArrayNode ci = o.putArray("ci");
            number(ci, e.lower());
            number(ci, e.upper());
        } else {
            o.putNull("ci");
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else if (Double.isInfinite(v)) {
            o.put(key, v > 0 ? "Infinity" : "-Infinity");
        } else {
            o.put(key, v);
        }
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isNaN(v)) {
            a.addNull();
        } else if (Double.isInfinite(v)) {
            a.add(v > 0 ? "Infinity" : "-Infinity");
        } else {
            a.add(v);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
