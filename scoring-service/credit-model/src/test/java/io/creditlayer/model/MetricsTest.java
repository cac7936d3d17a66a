package io.creditlayer.model;

import io.creditlayer.model.metrics.CalibrationCurve;
import io.creditlayer.model.metrics.MetricSet;
import io.creditlayer.model.metrics.Metrics;
import io.creditlayer.model.metrics.Psi;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    @Test
    void aucCountsTiesAsHalf() {
        // pairs (pos, neg): (0.8,0.1) 1, (0.8,0.4) 1, (0.8,0.8) 0.5, (0.4,0.1) 1, (0.4,0.4) 0.5, (0.4,0.8) 0
        double[] score = {0.8, 0.4, 0.1, 0.4, 0.8};
        int[] y = {1, 1, 0, 0, 0};
        assertEquals(4.0 / 6.0, Metrics.auc(score, y), 1e-12);
        assertEquals(2 * 4.0 / 6.0 - 1, Metrics.gini(Metrics.auc(score, y)), 1e-12);
    }

    @Test
    void aucOfPerfectAndReversedRankings() {
        double[] score = {0.1, 0.2, 0.3, 0.9};
        assertEquals(1.0, Metrics.auc(score, new int[]{0, 0, 1, 1}), 1e-12);
        assertEquals(0.0, Metrics.auc(score, new int[]{1, 1, 0, 0}), 1e-12);
        assertEquals(0.5, Metrics.auc(new double[]{0.5, 0.5, 0.5, 0.5}, new int[]{1, 0, 1, 0}), 1e-12);
    }

    @Test
    void aucMatchesPairCountingOnRandomData() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.floor(r.nextDouble() * 20); // many ties
            y[i] = r.nextDouble() < 0.3 + s[i] / 60 ? 1 : 0;
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Metrics.auc(s, y), 1e-12);
    }

    @Test
    void ksIsTheLargestGapBetweenClassCdfs() {
        double[] score = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        int[] y = {0, 0, 1, 0, 1, 1};
        // after 0.2: F0 = 2/3, F1 = 0 -> 0.667
        assertEquals(2.0 / 3.0, Metrics.ks(score, y), 1e-12);
        // tied scores are one threshold
        assertEquals(0.0, Metrics.ks(new double[]{0.5, 0.5}, new int[]{0, 1}), 1e-12);
    }

    @Test
    void brierAndLogLoss() {
        double[] p = {0.9, 0.2};
        int[] y = {1, 0};
        assertEquals((0.01 + 0.04) / 2, Metrics.brier(p, y), 1e-12);
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2, Metrics.logLoss(p, y), 1e-12);
        // clipped, finite
        assertTrue(Double.isFinite(Metrics.logLoss(new double[]{0.0}, new int[]{1})));
    }

    @Test
    void eceOfAPerfectlyCalibratedPredictorIsNearZero() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 200_000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble();
            y[i] = r.nextDouble() < p[i] ? 1 : 0;
        }
        assertEquals(0, Metrics.ece(p, y), 0.005);
        // a predictor off by 0.1 everywhere has ECE about 0.1
        double[] shifted = p.clone();
        for (int i = 0; i < n; i++) {
            shifted[i] = Math.min(1, p[i] + 0.1);
        }
        assertEquals(0.1, Metrics.ece(shifted, y), 0.01);
    }

    @Test
    void eceIsTheCountWeightedGapOfTenEqualWidthBins() {
        double[] p = {0.05, 0.05, 0.95, 0.95};
        int[] y = {0, 1, 1, 1};
        CalibrationCurve curve = CalibrationCurve.of(p, y);
        assertEquals(10, curve.bins().size());
        assertEquals(2, curve.bins().get(0).count());
        assertEquals(0.5, curve.bins().get(0).observed(), 1e-12);
        assertEquals(2, curve.bins().get(9).count());
        assertTrue(Double.isNaN(curve.bins().get(5).observed()));
        assertEquals(0.5 * 0.45 + 0.5 * 0.05, curve.ece(), 1e-12);
        assertEquals(9, Metrics.bin(1.0, 10));
    }

    @Test
    void metricSetAndOneClassRefusal() {
        MetricSet m = MetricSet.of(new double[]{0.1, 0.9}, new int[]{0, 1});
        assertEquals(1.0, m.auc(), 1e-12);
        assertEquals(1, m.positives());
        assertThrows(IllegalArgumentException.class, () -> Metrics.auc(new double[]{0.1}, new int[]{1}));
    }

    @Test
    void psiIsZeroForTheSameDistributionAndGrowsWithShift() {
        SplittableRandom r = new SplittableRandom(5);
        double[] train = new double[20_000];
        double[] same = new double[20_000];
        double[] shifted = new double[20_000];
        for (int i = 0; i < train.length; i++) {
            train[i] = r.nextDouble();
            same[i] = r.nextDouble();
            shifted[i] = r.nextDouble() * 0.6;
        }
        Psi.Bins bins = Psi.numeric("x", train);
        assertEquals(9, bins.cuts().length);
        assertEquals(0, bins.psi(same), 0.01);
        assertTrue(bins.psi(shifted) > 0.25, "shifted population");
        // an empty bin stays finite thanks to the epsilon
        double[] allLow = new double[100];
        assertTrue(Double.isFinite(bins.psi(allLow)));
        // ties collapse quantile cuts: a count feature mostly 0
        double[] counts = new double[1000];
        for (int i = 900; i < 1000; i++) {
            counts[i] = i % 3 + 1;
        }
        Psi.Bins c = Psi.numeric("count", counts);
        assertEquals(1, c.cuts().length);
        assertEquals(0.9, c.expected()[0], 1e-12);
    }
}
