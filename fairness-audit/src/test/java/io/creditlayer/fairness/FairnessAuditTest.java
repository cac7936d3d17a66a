package io.creditlayer.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.RelativeMetric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairnessAuditTest {

    /** Fewer resamples than production keeps the suite fast; the bootstrap itself is tested elsewhere. */
    static final FairnessAudit.Options OPTIONS = FairnessAudit.Options.defaults().withBootstrap(200, 7);

    @Test
    void unbiasedModelPasses() {
        AuditReport r = FairnessAudit.run(Synthetic.applicants(6000, 1, 0.0), FairnessPolicy.defaults(), OPTIONS);
        assertEquals(Verdict.PASS, r.verdict(), () -> r.verdictReason() + "\n" + r.failures());
        assertTrue(r.passed());
        assertTrue(r.counts().get(CheckStatus.PASS) > 0);
    }

    @Test
    void biasedModelFailsTheFourFifthsRuleForTheDisadvantagedGroup() {
        AuditReport r = FairnessAudit.run(Synthetic.applicants(6000, 1, 0.06), FairnessPolicy.defaults(), OPTIONS);
        assertEquals(Verdict.FAIL, r.verdict());
        Check di = r.checks().stream().filter(c -> c.id().equals("disparate_impact/sex/sex=female")).findFirst().orElseThrow();
        assertEquals(CheckStatus.FAIL, di.status());
        assertEquals("sex=male", di.reference());
        assertTrue(di.estimate().value() < 0.8);
        // the interval is reported with the judgement and brackets the point estimate
        assertTrue(di.estimate().lower() <= di.estimate().value() && di.estimate().value() <= di.estimate().upper());
        // the bias also shows as miscalibration for women
        Check ece = r.checks().stream().filter(c -> c.id().equals("ece/sex/sex=female")).findFirst().orElseThrow();
        assertEquals(CheckStatus.FAIL, ece.status());
    }

    @Test
    void smallGroupsAreReportedButNeverJudged() {
        AuditReport r = FairnessAudit.run(Synthetic.applicants(6000, 1, 0.0), FairnessPolicy.defaults(), OPTIONS);
        var island = r.metrics().dimension("region").requireGroup("region=island");
        assertFalse(island.judged());
        assertTrue(island.reason().contains("< minimum 30"), island.reason());
        assertTrue(island.metrics().isEmpty(), "no rates for a group that is not judged");
        List<Check> islandChecks = r.checks().stream().filter(c -> "region=island".equals(c.group())).toList();
        assertFalse(islandChecks.isEmpty());
        assertTrue(islandChecks.stream().allMatch(c -> c.status() == CheckStatus.INSUFFICIENT_DATA));
        // the intersection has small cells too, and they are not judged either
        assertTrue(r.metrics().dimension("sex & age & region").groups().stream().anyMatch(g -> !g.judged()));
    }

    @Test
    void nothingJudgedFails() {
        FairnessPolicy strict = policy("""
                {"version":"1","name":"huge-groups","approval":{"rule":"tier_at_least","tier":4},
                 "minGroupSize":100000,"minOutcomeCount":10,
                 "checks":[{"metric":"disparate_impact","min":0.8}]}""");
        AuditReport r = FairnessAudit.run(Synthetic.applicants(2000, 1, 0.0), strict, OPTIONS.withBootstrap(0, 1));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.verdictReason().startsWith("no check could be judged"), r.verdictReason());
    }

    @Test
    void undefinedCheckFailsClosed() {
        // the policy asks for calibration, the input carries decisions only
        FairnessPolicy p = policy("""
                {"version":"1","name":"calibration","approval":{"rule":"decision"},"minGroupSize":30,"minOutcomeCount":10,
                 "checks":[{"metric":"ece","max":0.05},{"metric":"disparate_impact","min":0.8}]}""");
        AuditInput withPd = Synthetic.applicants(3000, 2, 0.0);
        boolean[] approved = new boolean[withPd.size()];
        int[] tier = withPd.tier();
        for (int i = 0; i < approved.length; i++) {
            approved[i] = tier[i] >= 4;
        }
        AuditInput decisions = AuditInput.of(approved, withPd.defaulted()).withAttribute("sex", withPd.attributes().get("sex"));
        AuditReport r = FairnessAudit.run(decisions, p, OPTIONS.withBootstrap(0, 1));
        Check ece = r.checks().stream().filter(c -> c.metric().equals("ece")).findFirst().orElseThrow();
        assertEquals(CheckStatus.UNDEFINED, ece.status());
        assertEquals("the input has no PD", ece.reason());
        assertEquals(Verdict.FAIL, r.verdict());
    }

    @Test
    void sameInputsSameBytesSameHash() {
        AuditInput in = Synthetic.applicants(3000, 3, 0.02);
        AuditReport a = FairnessAudit.run(in, FairnessPolicy.defaults(), OPTIONS);
        AuditReport b = FairnessAudit.run(in, FairnessPolicy.defaults(), OPTIONS.withParallel(false));
        assertArrayEquals(a.jsonBytes(), b.jsonBytes());
        assertEquals(a.sha256(), b.sha256());
        assertEquals(a.toHtml(), b.toHtml());
        AuditReport c = FairnessAudit.run(in, FairnessPolicy.defaults(), OPTIONS.withBootstrap(200, 8));
        assertNotEquals(a.sha256(), c.sha256(), "the seed is part of the report");
    }

    @Test
    void hashIsSha256OfTheJsonBytesAndBytes32Ready() throws Exception {
        AuditReport r = FairnessAudit.run(Synthetic.applicants(1500, 4, 0.0), FairnessPolicy.defaults(), OPTIONS.withBootstrap(50, 1));
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(r.jsonBytes());
        assertArrayEquals(digest, r.sha256().bytes());
        assertEquals(HexFormat.of().formatHex(digest), r.sha256().hex());
        assertTrue(r.sha256().bytes32().matches("0x[0-9a-f]{64}"));
        assertFalse(r.toJson().contains("\r"), "line ends are \\n on every platform");
    }

    @Test
    void jsonHasStableTopLevelOrderAndTheNumbersBehindEachCheck() throws Exception {
        AuditReport r = FairnessAudit.run(Synthetic.applicants(3000, 5, 0.0), FairnessPolicy.defaults(), OPTIONS.withBootstrap(100, 1));
        JsonNode root = new ObjectMapper().readTree(r.toJson());
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertEquals(List.of("schema", "verdict", "verdictReason", "checkCounts", "model", "policy", "options",
                "conventions", "data", "checks", "overall", "dimensions", "thresholdAnalysis"), keys);
        assertEquals(r.verdict().name(), root.get("verdict").asText());
        JsonNode check = root.get("checks").get(0);
        assertEquals("disparate_impact", check.get("metric").asText());
        assertTrue(check.has("value") && check.has("ci") && check.has("threshold") && check.has("status"));
        assertEquals(0.8, check.get("threshold").get("min").asDouble());
        assertEquals(r.checks().size(), root.get("checks").size());
        assertEquals(64, root.get("data").get("sha256").asText().length());
        assertEquals(FairnessPolicy.defaults().toJson(), root.get("policy").get("document"));
    }

    @Test
    void htmlIsSelfContainedAndHasTheModelCardSections() {
        AuditInput in = Synthetic.applicants(3000, 6, 0.03);
        String[] sex = in.attributes().get("sex");
        for (int i = 0; i < sex.length; i++) {
            if (sex[i].equals("female")) {
                sex[i] = "<script>alert(1)</script>";
            }
        }
        AuditReport r = FairnessAudit.run(in.withAttribute("sex", sex), FairnessPolicy.defaults(), OPTIONS.withBootstrap(100, 1));
        String html = r.toHtml();
        for (String forbidden : List.of("<script", "http:", "https:", "src=", "url(", "@import", "<link")) {
            assertFalse(html.contains(forbidden), "page must not contain " + forbidden);
        }
        // a value starting with '<' joins its attribute name directly (as in "age<=25"), and is escaped
        assertTrue(html.contains("sex&lt;script&gt;alert(1)&lt;/script&gt;"), "group names are escaped");
        for (String id : List.of("model", "use", "factors", "data", "metrics", "checks", "results", "mitigation", "ethics", "caveats")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertTrue(html.contains(r.sha256().bytes32()));
        assertTrue(html.contains("<svg") && html.contains("polyline"), "charts are inline SVG");
        assertTrue(html.contains("aria-label=\"Calibration by sex\"") && html.contains("aria-label=\"ROC by sex\""));
    }

    @Test
    void policyApprovalRuleDecidesWhatApprovedMeans() {
        AuditInput in = Synthetic.applicants(2000, 9, 0.0);
        FairnessPolicy byPd = policy("""
                {"version":"1","name":"pd","approval":{"rule":"pd_at_most","threshold":0.1},"minGroupSize":30,"minOutcomeCount":10,
                 "checks":[{"metric":"disparate_impact","min":0.8}]}""");
        AuditReport r = FairnessAudit.run(in, byPd, OPTIONS.withBootstrap(0, 1));
        double[] pd = in.pd();
        long approved = 0;
        for (double p : pd) {
            approved += p <= 0.1 ? 1 : 0;
        }
        assertEquals(approved, r.metrics().overall().approved());
        assertEquals("approved when PD <= 0.1", r.data().approval());
        // an approved array that contradicts the rule is an error, not a silent override
        boolean[] all = new boolean[in.size()];
        java.util.Arrays.fill(all, true);
        assertThrows(IllegalArgumentException.class, () -> FairnessAudit.run(in.withApproved(all), byPd, OPTIONS));
    }

    @Test
    void policyMistakesAreLoud() {
        AuditInput in = Synthetic.applicants(500, 10, 0.0);
        FairnessPolicy requires = policy("""
                {"version":"1","name":"r","approval":{"rule":"tier_at_least","tier":4},"minGroupSize":30,"minOutcomeCount":10,
                 "requiredAttributes":["ethnicity"],"checks":[{"metric":"disparate_impact","min":0.8}]}""");
        assertThrows(IllegalArgumentException.class, () -> FairnessAudit.run(in, requires, OPTIONS));
        FairnessPolicy unknownDimension = policy("""
                {"version":"1","name":"r","approval":{"rule":"tier_at_least","tier":4},"minGroupSize":30,"minOutcomeCount":10,
                 "checks":[{"metric":"disparate_impact","min":0.8,"attributes":["gender"]}]}""");
        assertThrows(IllegalArgumentException.class, () -> FairnessAudit.run(in, unknownDimension, OPTIONS));
        FairnessPolicy unknownReference = policy("""
                {"version":"1","name":"r","approval":{"rule":"tier_at_least","tier":4},"minGroupSize":30,"minOutcomeCount":10,
                 "reference":{"groups":{"sex":"sex=other"}},"checks":[{"metric":"disparate_impact","min":0.8}]}""");
        assertThrows(IllegalArgumentException.class, () -> FairnessAudit.run(in, unknownReference, OPTIONS));
    }

    @Test
    void explicitReferenceAndScopedChecks() {
        FairnessPolicy p = policy("""
                {"version":"1","name":"scoped","approval":{"rule":"tier_at_least","tier":4},"minGroupSize":30,"minOutcomeCount":10,
                 "reference":{"rule":"largest","groups":{"sex":"sex=female"}},
                 "checks":[{"metric":"disparate_impact","min":0.8,"attributes":["sex"]},
                           {"metric":"disparate_impact","min":0.9,"attributes":["age"]},
                           {"metric":"demographic_parity_ratio","min":0.8}]}""");
        AuditReport r = FairnessAudit.run(Synthetic.applicants(3000, 11, 0.0), p, OPTIONS.withBootstrap(0, 1));
        assertEquals("sex=female", r.metrics().dimension("sex").reference());
        assertEquals("policy", r.metrics().dimension("sex").referenceSource());
        assertEquals("largest", r.metrics().dimension("age").referenceSource());
        assertEquals("age>25", r.metrics().dimension("age").reference());
        List<String> ids = r.checks().stream().map(Check::id).toList();
        assertTrue(ids.contains("disparate_impact/sex/sex=male#0"), ids.toString());
        assertTrue(ids.contains("disparate_impact/age/age<=25#1"), ids.toString());
        assertTrue(ids.contains("demographic_parity_ratio/sex & age & region"), ids.toString());
        assertEquals(ids.size(), ids.stream().distinct().count(), "check ids are unique");
    }

    @Test
    void weightsFlowThroughTheAudit() {
        AuditInput in = Synthetic.applicants(2000, 12, 0.0);
        double[] w = new double[in.size()];
        java.util.Arrays.fill(w, 2.5);
        AuditReport plain = FairnessAudit.run(in, FairnessPolicy.defaults(), OPTIONS.withBootstrap(0, 1));
        AuditReport weighted = FairnessAudit.run(in.withWeights(w), FairnessPolicy.defaults(), OPTIONS.withBootstrap(0, 1));
        // a constant weight changes no rate
        var a = plain.metrics().dimension("sex").requireGroup("sex=female");
        var b = weighted.metrics().dimension("sex").requireGroup("sex=female");
        for (GroupMetric m : GroupMetric.values()) {
            assertEquals(a.metric(m).value(), b.metric(m).value(), 1e-12, m.id());
        }
        assertEquals(a.relative(RelativeMetric.DISPARATE_IMPACT).value(), b.relative(RelativeMetric.DISPARATE_IMPACT).value(), 1e-12);
        assertEquals(2.5 * a.weight(), b.weight(), 1e-9);
        assertEquals(plain.verdict(), weighted.verdict());
    }

    @Test
    void thresholdAnalysisIsReported() {
        AuditReport r = FairnessAudit.run(Synthetic.applicants(4000, 13, 0.05), FairnessPolicy.defaults(), OPTIONS.withBootstrap(0, 1));
        assertFalse(r.mitigation().isEmpty());
        var sr = r.mitigation().stream().filter(t -> t.dimension().equals("sex") && t.target().id().equals("selection_rate")).findFirst().orElseThrow();
        assertTrue(sr.after().demographicParityDifference() < sr.before().demographicParityDifference());
        assertTrue(sr.after().demographicParityDifference() < 0.01, "cut-offs on continuous PD meet the target closely");
    }

    @Test
    void aModelThatApprovesNobodyCannotPassOnZeroRatesAtParity() {
        AuditInput in = Synthetic.applicants(6000, 1, 0.0);
        int[] lowTiers = new int[in.defaulted().length];
        java.util.Arrays.fill(lowTiers, 2);
        AuditReport r = FairnessAudit.run(in.withTier(lowTiers), FairnessPolicy.defaults(), OPTIONS);
        assertEquals(0, r.metrics().overall().approved());
        assertEquals(Verdict.FAIL, r.verdict(), "0/0 = 1 would otherwise pass every approval check");
        Check di = r.checks().stream().filter(c -> c.id().equals("disparate_impact/sex/sex=female")).findFirst().orElseThrow();
        assertEquals(CheckStatus.UNDEFINED, di.status());
        assertEquals(1.0, di.estimate().value(), "the value is still reported");
        assertTrue(di.reason().contains("approves no row"), di.reason());
        assertTrue(r.checks().stream().filter(c -> c.metric().equals("ece")).allMatch(c -> c.status() != CheckStatus.UNDEFINED),
                "calibration does not depend on approvals");
    }

    static FairnessPolicy policy(String json) {
        return FairnessPolicy.parse(json);
    }

}
