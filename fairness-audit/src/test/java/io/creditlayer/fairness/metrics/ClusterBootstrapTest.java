package io.creditlayer.fairness.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterBootstrapTest {

    static final FairnessMetrics.Settings SETTINGS = BootstrapTest.SETTINGS.withBootstrap(400, 0.95, 42);

    /** Metrics whose intervals the width comparisons below look at, in every judged group. */
    static final GroupMetric[] WIDTH_METRICS = {GroupMetric.SELECTION_RATE, GroupMetric.TPR, GroupMetric.FPR,
            GroupMetric.DEFAULT_RATE, GroupMetric.AUC};

    @Test
    void aClusterPerRowDrawsExactlyWhatTheRowBootstrapDraws() {
        Population p = MetricPropertiesTest.random(900, 21);
        String[] own = new String[p.size()];
        for (int i = 0; i < own.length; i++) {
            own[i] = "wallet-" + i;
        }
        MetricSet rows = FairnessMetrics.compute(p, SETTINGS);
        MetricSet singletons = FairnessMetrics.compute(p.withClusters(own), SETTINGS);
        assertEquals(rows.overall(), singletons.overall());
        assertEquals(rows.dimensions(), singletons.dimensions());
        assertEquals(ResamplingUnit.rows(900), rows.resamplingUnit());
        assertEquals(ResamplingUnit.clusters(900), singletons.resamplingUnit());
    }

    @Test
    void everyRowOfADrawnClusterIsDrawnWithItAndEachStratumKeepsItsClusterCount() {
        // cells: rows 0-4 in cell 0, rows 5-9 in cell 1; cluster ids by first appearance: A=0, B=1, C=2, D=3
        int[] cell = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        String[] ids = {"A", "B", "A", "C", "B", "D", "C", "D", "D", "A"};
        Population p = Population.of(new boolean[10], new boolean[10]).withClusters(ids);
        int[] cluster = p.clusterIndexOfRows();
        assertEquals(List.of(0, 1, 0, 2, 1, 3, 2, 3, 3, 0), boxed(cluster));
        Bootstrap.Strata strata = Bootstrap.Strata.of(cell, cluster);
        assertEquals(4, strata.units());
        int[] firstRow = {0, 1, 3, 5};
        for (int b = 0; b < 200; b++) {
            int[] counts = Bootstrap.draw(strata, Bootstrap.seedFor(3, b));
            for (int i = 0; i < ids.length; i++) {
                assertEquals(counts[firstRow[cluster[i]]], counts[i], "row " + i + " moves with cluster " + ids[i]);
            }
            // A, B and C start in cell 0 (C's second row and A's third lie in cell 1), D in cell 1
            assertEquals(3, counts[0] + counts[1] + counts[3], "cell 0 draws its three clusters");
            assertEquals(1, counts[5], "cell 1 holds one cluster, drawn once");
        }
    }

    /**
     * The defining property: k copies of every row under one cluster id each are the de-duplicated data, so their
     * cluster bootstrap gives the de-duplicated row bootstrap's intervals (here to rounding: the strata and the
     * random stream are the same), while treating the copies as independent rows shrinks every interval by about
     * sqrt(k).
     */
    @Test
    void duplicatedRowsUnderOneClusterGiveTheDeduplicatedIntervalsAndAsRowsTooNarrowOnes() {
        int k = 4;
        Population original = MetricPropertiesTest.random(1200, 5);
        Population copies = copies(original, k);
        String[] clusterOfCopy = new String[copies.size()];
        for (int i = 0; i < clusterOfCopy.length; i++) {
            clusterOfCopy[i] = "row-" + i % original.size();
        }
        MetricSet deduplicated = FairnessMetrics.compute(original, SETTINGS);
        MetricSet clustered = FairnessMetrics.compute(copies.withClusters(clusterOfCopy), SETTINGS);
        MetricSet asRows = FairnessMetrics.compute(copies, SETTINGS);

        List<Double> shrink = new ArrayList<>();
        for (DimensionResult d : deduplicated.dimensions()) {
            for (GroupResult g : d.judgedGroups()) {
                GroupResult c = clustered.dimension(d.name()).requireGroup(g.key());
                GroupResult r = asRows.dimension(d.name()).requireGroup(g.key());
                for (GroupMetric m : WIDTH_METRICS) {
                    Estimate e = g.metric(m);
                    assertEquals(e.value(), c.metric(m).value(), 1e-12, g.key() + " " + m + ": point estimates never move");
                    assertEquals(e.lower(), c.metric(m).lower(), 1e-9, g.key() + " " + m);
                    assertEquals(e.upper(), c.metric(m).upper(), 1e-9, g.key() + " " + m);
                    shrink.add(width(r.metric(m)) / width(e));
                }
            }
        }
        double mean = shrink.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(Math.abs(mean - 1 / Math.sqrt(k)) < 0.05, "row intervals of the copies, relative width " + mean);
        assertTrue(shrink.stream().allMatch(s -> s > 0.35 && s < 0.65), "every relative width near 0.5: " + shrink);
    }

    /**
     * Coverage with correlated rows: 120 wallets with 1 to 10 borrows each, a wallet approved at 5% or 65% of its
     * borrows (true approval rate 0.35). Over 200 seeded samples the cluster bootstrap's 95% interval holds 0.35
     * about 95% of the time; the row bootstrap, blind to the correlation, much less (design effect about 2.8, so
     * about 76% in theory).
     */
    @Test
    void withCorrelatedRowsClusterIntervalsCoverTheTruthAndRowIntervalsDoNot() {
        Random rng = new Random(2026);
        int trials = 200;
        int clusterCovered = 0;
        int rowCovered = 0;
        FairnessMetrics.Settings settings = BootstrapTest.SETTINGS.withMinimums(1, 0);
        for (int t = 0; t < trials; t++) {
            List<Boolean> approved = new ArrayList<>();
            List<String> wallet = new ArrayList<>();
            for (int w = 0; w < 120; w++) {
                double propensity = rng.nextBoolean() ? 0.05 : 0.65;
                int borrows = 1 + rng.nextInt(10);
                for (int j = 0; j < borrows; j++) {
                    approved.add(rng.nextDouble() < propensity);
                    wallet.add("0xw" + w);
                }
            }
            boolean[] a = new boolean[approved.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = approved.get(i);
            }
            Population p = Population.of(a, new boolean[a.length]);
            FairnessMetrics.Settings seeded = settings.withBootstrap(200, 0.95, t);
            Estimate byWallet = FairnessMetrics.compute(p.withClusters(wallet.toArray(String[]::new)), seeded)
                    .overall().metric(GroupMetric.SELECTION_RATE);
            Estimate byRow = FairnessMetrics.compute(p, seeded).overall().metric(GroupMetric.SELECTION_RATE);
            clusterCovered += byWallet.lower() <= 0.35 && 0.35 <= byWallet.upper() ? 1 : 0;
            rowCovered += byRow.lower() <= 0.35 && 0.35 <= byRow.upper() ? 1 : 0;
        }
        double clusterCoverage = (double) clusterCovered / trials;
        double rowCoverage = (double) rowCovered / trials;
        assertTrue(clusterCoverage > 0.89 && clusterCoverage < 0.99, "cluster bootstrap coverage " + clusterCoverage);
        assertTrue(rowCoverage < 0.85, "row bootstrap coverage " + rowCoverage);
    }

    @Test
    void sameSeedSameClusteredIntervalsWithOrWithoutThreads() {
        Population p = walletsOf(MetricPropertiesTest.random(1000, 13), 150);
        MetricSet a = FairnessMetrics.compute(p, SETTINGS);
        MetricSet again = FairnessMetrics.compute(p, SETTINGS);
        MetricSet sequential = FairnessMetrics.compute(p, SETTINGS.withParallel(false));
        assertEquals(a.dimensions(), again.dimensions());
        assertEquals(a.overall(), sequential.overall());
        assertEquals(a.dimensions(), sequential.dimensions());
        MetricSet otherSeed = FairnessMetrics.compute(p, SETTINGS.withBootstrap(400, 0.95, 43));
        Estimate e = a.overall().metric(GroupMetric.SELECTION_RATE);
        assertNotEquals(e, otherSeed.overall().metric(GroupMetric.SELECTION_RATE));
        assertEquals(e.value(), otherSeed.overall().metric(GroupMetric.SELECTION_RATE).value());
    }

    @Test
    void clustersChangeIntervalsButNeverPointEstimates() {
        Population rows = MetricPropertiesTest.random(1000, 14);
        MetricSet byRow = FairnessMetrics.compute(rows, SETTINGS);
        MetricSet byWallet = FairnessMetrics.compute(walletsOf(rows, 150), SETTINGS);
        int intervalsMoved = 0;
        for (DimensionResult d : byRow.dimensions()) {
            DimensionResult w = byWallet.dimension(d.name());
            assertEquals(d.reference(), w.reference());
            for (GroupResult g : d.groups()) {
                GroupResult gw = w.requireGroup(g.key());
                assertEquals(g.judged(), gw.judged());
                for (var m : g.metrics().entrySet()) {
                    assertEquals(m.getValue().value(), gw.metric(m.getKey()).value(), g.key() + " " + m.getKey());
                    intervalsMoved += m.getValue().equals(gw.metric(m.getKey())) ? 0 : 1;
                }
                for (var m : g.relative().entrySet()) {
                    assertEquals(m.getValue().value(), gw.relative(m.getKey()).value(), g.key() + " " + m.getKey());
                }
            }
        }
        assertTrue(intervalsMoved > 0);
        assertEquals(ResamplingUnit.clusters(150), byWallet.resamplingUnit());
    }

    @Test
    void clusterIdsAreCheckedWithMessagesThatSayWhatIsWrong() {
        Population p = Population.of(new boolean[4], new boolean[4]);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> p.withClusters(new String[] {"a", "b", "c"}));
        assertEquals("clusters has 3 ids, expected one per row (4)", length.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> p.withClusters(new String[] {"a", "b", null, "a"}));
        assertEquals("cluster id of row 2 is null: every row needs the id of its cluster (e.g. its wallet)", missing.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> p.withClusters(new String[] {" ", "b", "c", "a"}));
        assertTrue(blank.getMessage().startsWith("cluster id of row 0 is blank"), blank.getMessage());
    }

    @Test
    void clusterIdsAreCopiedInAndOut() {
        String[] ids = {"a", "b", "a"};
        Population p = Population.of(new boolean[3], new boolean[3]).withClusters(ids);
        ids[0] = "changed";
        assertEquals("a", p.clusters()[0]);
        p.clusters()[1] = "changed";
        assertEquals("b", p.clusters()[1]);
        assertEquals(2, p.clusterCount());
        assertNotEquals(p, p.withClusters(new String[] {"a", "b", "c"}), "clusters are part of a population's identity");
    }

    /** Each row repeated k times: copy j of row i at index j * n + i, so a cluster's rows are far apart. */
    static Population copies(Population p, int k) {
        int n = p.size();
        boolean[] approved = p.approved();
        boolean[] defaulted = p.defaulted();
        double[] pd = p.pd();
        boolean[] a = new boolean[n * k];
        boolean[] d = new boolean[n * k];
        double[] q = new double[n * k];
        List<String[]> columns = new ArrayList<>();
        p.attributes().values().forEach(v -> columns.add(new String[n * k]));
        List<String[]> source = new ArrayList<>(p.attributes().values());
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                a[j * n + i] = approved[i];
                d[j * n + i] = defaulted[i];
                q[j * n + i] = pd[i];
                for (int c = 0; c < columns.size(); c++) {
                    columns.get(c)[j * n + i] = source.get(c)[i];
                }
            }
        }
        Population out = Population.of(a, d).withPd(q);
        List<String> names = new ArrayList<>(p.attributes().keySet());
        for (int c = 0; c < names.size(); c++) {
            out = out.withAttribute(names.get(c), columns.get(c));
        }
        return out;
    }

    /**
     * Rows assigned to {@code wallets} wallets (the first rows one each, so every wallet occurs; the rest at random,
     * seeded), so wallets span cohort cells.
     */
    static Population walletsOf(Population p, int wallets) {
        Random rng = new Random(wallets);
        String[] ids = new String[p.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "0x" + Integer.toHexString(i < wallets ? i : rng.nextInt(wallets));
        }
        return p.withClusters(ids);
    }

    private static double width(Estimate e) {
        return e.upper() - e.lower();
    }

    private static List<Integer> boxed(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
