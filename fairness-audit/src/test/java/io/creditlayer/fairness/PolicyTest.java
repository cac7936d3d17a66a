package io.creditlayer.fairness;

import io.creditlayer.fairness.metrics.FairnessMetrics;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.RelativeMetric;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTest {

    static final String MINIMAL = """
            {"version":"1","name":"p","approval":{"rule":"decision"},"minGroupSize":30,"minOutcomeCount":10,
             "checks":[{"metric":"disparate_impact","min":0.8}]}""";

    @Test
    void bundledPolicyLoads() {
        FairnessPolicy p = FairnessPolicy.defaults();
        assertEquals("1", p.version());
        assertEquals(new FairnessPolicy.TierAtLeast(4), p.approval());
        assertEquals(30, p.minGroupSize());
        assertEquals(10, p.minOutcomeCount());
        assertEquals(FairnessMetrics.ReferenceRule.MAX_SELECTION_RATE, p.referenceRule());
        assertEquals(RelativeMetric.DISPARATE_IMPACT, p.checks().getFirst().metric());
        assertEquals(Bounds.atLeast(0.8), p.checks().getFirst().bounds());
        FairnessPolicy.Rule ece = p.checks().stream().filter(r -> r.metric() == GroupMetric.ECE).findFirst().orElseThrow();
        assertEquals(1000, ece.minGroupSize());
        assertFalse(ece.rationale().isEmpty());
    }

    @Test
    void canonicalJsonRoundTrips() {
        FairnessPolicy p = FairnessPolicy.defaults();
        FairnessPolicy again = FairnessPolicy.parse(p.toJson().toString());
        assertEquals(p, again);
        assertEquals(p.toJson(), again.toJson());
    }

    @Test
    void referenceGroupsSerialiseInSortedOrder() {
        FairnessPolicy p = FairnessPolicy.parse(MINIMAL.replace("\"checks\"",
                "\"reference\":{\"groups\":{\"sex\":\"sex=male\",\"age\":\"age>25\",\"region\":\"region=north\"}},\"checks\""));
        java.util.List<String> keys = new java.util.ArrayList<>();
        p.toJson().get("reference").get("groups").fieldNames().forEachRemaining(keys::add);
        assertEquals(java.util.List.of("age", "region", "sex"), keys, "an order that cannot vary between JVM runs");
    }

    @Test
    void strictParsing() {
        assertEquals("p", FairnessPolicy.parse(MINIMAL).name());
        // a misspelt bound must not be ignored: it would silently weaken the gate
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("\"min\":0.8", "\"minimum\":0.8")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("\"version\":\"1\"", "\"version\":\"2\"")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("\"version\":\"1\"", "\"version\":1")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("disparate_impact", "disparate_imapct")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("\"min\":0.8", "\"tau\":1.5")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace(",\"minOutcomeCount\":10", "")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("{\"metric\":\"disparate_impact\",\"min\":0.8}", "")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("\"decision\"", "\"tier_at_least\",\"tier\":9")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(MINIMAL.replace("\"min\":0.8", "\"min\":0.8,\"minGroupSize\":0")));
        // a per-check minimum cannot apply to a between-groups metric (it would change which groups are compared)
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse(
                MINIMAL.replace("\"metric\":\"disparate_impact\",\"min\":0.8", "\"metric\":\"demographic_parity_ratio\",\"min\":0.8,\"minGroupSize\":100")));
        assertThrows(IllegalArgumentException.class, () -> FairnessPolicy.parse("{not json"));
    }

    @Test
    void approvalRules() {
        AuditInput in = AuditInput.of(new boolean[] {false, true, false}).withTier(new int[] {5, 3, 4}).withPd(new double[] {0.02, 0.2, 0.1});
        assertArrayEquals(new boolean[] {true, false, true}, new FairnessPolicy.TierAtLeast(4).resolve(in));
        assertArrayEquals(new boolean[] {true, false, true}, new FairnessPolicy.PdAtMost(0.1).resolve(in));
        assertThrows(IllegalArgumentException.class, () -> new FairnessPolicy.Decision().resolve(in));
        assertArrayEquals(new boolean[] {true, false, true},
                new FairnessPolicy.TierAtLeast(4).resolve(in.withApproved(new boolean[] {true, false, true})));
        assertThrows(IllegalArgumentException.class,
                () -> new FairnessPolicy.TierAtLeast(4).resolve(in.withApproved(new boolean[] {true, true, true})));
    }

    @Test
    void bounds() {
        assertTrue(Bounds.atLeast(0.8).test(0.8));
        assertTrue(Bounds.atLeast(0.8).test(4.0 / 5 - 1e-15), "representation error does not fail a bound");
        assertFalse(Bounds.atLeast(0.8).test(0.7999));
        assertTrue(Bounds.absAtMost(0.1).test(-0.1));
        assertFalse(Bounds.absAtMost(0.1).test(-0.1001));
        assertTrue(Bounds.band(0.8).test(1.25));
        assertFalse(Bounds.band(0.8).test(Double.POSITIVE_INFINITY));
        assertEquals("0.8 <= value <= 1.25", Bounds.band(0.8).describe());
        assertEquals("|value| <= 0.1", Bounds.absAtMost(0.1).describe());
        assertThrows(IllegalArgumentException.class, () -> new Bounds(null, null, null, null));
    }
}
