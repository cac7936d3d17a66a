package io.creditlayer.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.fairness.metrics.ResamplingUnit;
import io.creditlayer.fairness.report.MarkdownSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit with rows clustered into wallets: what changes (intervals, how the report describes them) and what not. */
class ClusteredAuditTest {

    /**
     * {@link HashMain#report()}'s hash computed at commit f379573, before cluster ids existed: an audit without
     * clusters must keep its bytes, so reports already recorded on chain can still be reproduced.
     */
    static final String UNCLUSTERED_HASH_BEFORE_CLUSTERS = "6b9a4a06d1f8f371918c384cc54ac10fbbb260a7a4a572347cfa89b6f1a49d15";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutClustersTheReportIsByteForByteWhatItWas() {
        assertEquals(UNCLUSTERED_HASH_BEFORE_CLUSTERS, HashMain.report().sha256().hex());
    }

    @Test
    void clustersMoveIntervalsOnlyNeverAValueAStatusOrTheVerdict() {
        AuditReport rows = HashMain.report();
        AuditReport wallets = HashMain.clusteredReport();
        assertEquals(rows.verdict(), wallets.verdict());
        assertEquals(rows.verdictReason(), wallets.verdictReason());
        assertEquals(rows.checks().size(), wallets.checks().size());
        int intervalsMoved = 0;
        for (int i = 0; i < rows.checks().size(); i++) {
            Check r = rows.checks().get(i);
            Check w = wallets.checks().get(i);
            assertEquals(r.id(), w.id());
            assertEquals(r.status(), w.status(), r.id());
            assertEquals(r.estimate().value(), w.estimate().value(), r.id());
            intervalsMoved += r.estimate().equals(w.estimate()) ? 0 : 1;
        }
        assertTrue(intervalsMoved > rows.checks().size() / 2, intervalsMoved + " of " + rows.checks().size() + " intervals moved");
        assertNotEquals(rows.data().sha256(), wallets.data().sha256(), "the data digest covers the cluster ids");
    }

    @Test
    void theJsonReportStatesTheResamplingUnitOnlyWhenItIsNotRows() throws Exception {
        JsonNode rows = JSON.readTree(HashMain.report().toJson()).path("options");
        assertFalse(rows.has("resamplingUnit"), "reports of unclustered rows keep their keys (and hashes)");
        assertEquals("percentile, stratified by the cross-product of all attributes", rows.path("bootstrap").asText());

        AuditReport wallets = HashMain.clusteredReport();
        JsonNode options = JSON.readTree(wallets.toJson()).path("options");
        assertEquals("clusters", options.path("resamplingUnit").asText());
        assertEquals(700, options.path("clusters").asInt());
        assertTrue(options.path("bootstrap").asText().contains("whole clusters"), options.toString());
        assertEquals(ResamplingUnit.clusters(700), wallets.metrics().resamplingUnit());
    }

    @Test
    void theHtmlAndMarkdownStateTheResamplingUnitEitherWay() {
        AuditReport rows = HashMain.report();
        AuditReport wallets = HashMain.clusteredReport();
        assertTrue(rows.toHtml().contains("<dt>Bootstrap resampling unit</dt><dd>rows: each row drawn on its own"), "rows");
        assertTrue(rows.toHtml().contains("of rows, stratified by cohort cell"));
        assertTrue(wallets.toHtml().contains("<dt>Bootstrap resampling unit</dt><dd>clusters: 700 clusters"), "clusters");
        assertTrue(wallets.toHtml().contains("of 700 clusters, drawn whole"));
        String summary = MarkdownSummary.of(List.of(new MarkdownSummary.Entry("wallets", wallets)));
        assertTrue(summary.contains("150 bootstrap resamples of 700 clusters (drawn whole), 95% intervals"), summary);
        assertFalse(MarkdownSummary.of(List.of(new MarkdownSummary.Entry("rows", rows))).contains("clusters"));
    }

    @Test
    void aClusteredAuditIsReproducibleWithOrWithoutThreads() {
        AuditReport a = HashMain.clusteredReport();
        AuditReport b = HashMain.clusteredReport();
        assertArrayEquals(a.jsonBytes(), b.jsonBytes());
        AuditInput input = Synthetic.applicants(1500, 4, 0.0).withClusters(wallets(1500, 400));
        FairnessAudit.Options options = FairnessAudit.Options.defaults().withBootstrap(120, 11);
        AuditReport parallel = FairnessAudit.run(input, FairnessPolicy.defaults(), options);
        AuditReport sequential = FairnessAudit.run(input, FairnessPolicy.defaults(), options.withParallel(false));
        assertEquals(parallel.sha256(), sequential.sha256());
        AuditReport otherSeed = FairnessAudit.run(input, FairnessPolicy.defaults(), options.withBootstrap(120, 12));
        assertNotEquals(parallel.sha256(), otherSeed.sha256());
    }

    @Test
    void clusterIdsAreValidatedWhenGivenAndCopiedInAndOut() {
        AuditInput input = AuditInput.of(new boolean[] {true, false, false, true});
        assertNull(input.clusters(), "no clusters unless given");
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> input.withClusters(new String[] {"0xa", "0xb"}));
        assertEquals("clusters has 2 ids, expected one per row (4)", length.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> input.withClusters(new String[] {"0xa", null, "0xb", "0xa"}));
        assertEquals("cluster id of row 1 is null: every row needs the id of its cluster (e.g. its wallet)", missing.getMessage());

        String[] ids = {"0xa", "0xb", "0xb", "0xa"};
        AuditInput clustered = input.withClusters(ids).withPd(new double[] {0.1, 0.2, 0.3, 0.4});
        ids[0] = "0xc";
        assertArrayEquals(new String[] {"0xa", "0xb", "0xb", "0xa"}, clustered.clusters(), "copied in, kept by withers");
        clustered.clusters()[1] = "0xc";
        assertEquals("0xb", clustered.clusters()[1], "copied out");
        assertNull(clustered.withClusters(null).clusters(), "withClusters(null) returns to independent rows");
    }

    static String[] wallets(int rows, int wallets) {
        String[] ids = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = "0x" + Integer.toHexString(i % wallets * 31 + 7);
        }
        return ids;
    }
}
