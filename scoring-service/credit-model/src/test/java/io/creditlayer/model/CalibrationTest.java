package io.creditlayer.model;

import io.creditlayer.model.calibration.CalibrationSelection;
import io.creditlayer.model.calibration.Calibrator;
import io.creditlayer.model.calibration.Downturn;
import io.creditlayer.model.calibration.IsotonicCalibration;
import io.creditlayer.model.calibration.PlattScaling;
import io.creditlayer.model.metrics.Metrics;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {
    /** Scores s ~ N(0, 1.5²), labels from P = σ(a·s + b). */
    private static Object[] logistic(int n, double a, double b, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1.5 * gaussian(r);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(a * s[i] + b))) ? 1 : 0;
        }
        return new Object[]{s, y};
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void plattRecoversKnownParameters() {
        Object[] d = logistic(50_000, 1.5, -0.7, 1);
        PlattScaling p = PlattScaling.fit((double[]) d[0], (int[]) d[1]);
        assertEquals(1.5, p.a(), 0.05);
        assertEquals(-0.7, p.b(), 0.05);
        assertEquals(1 / (1 + Math.exp(-(1.5 * 2 - 0.7))), p.pd(2.0), 0.01);
    }

    @Test
    void plattOnSeparableDataStaysFiniteAndOrdered() {
        double[] s = {-2, -1, 1, 2};
        int[] y = {0, 0, 1, 1};
        PlattScaling p = PlattScaling.fit(s, y);
        assertTrue(Double.isFinite(p.a()) && p.a() > 0);
        assertTrue(p.pd(-2) < p.pd(2));
        assertTrue(p.pd(100) <= Calibrator.PD_MAX && p.pd(-100) >= Calibrator.PD_MIN);
    }

    @Test
    void isotonicIsMonotone() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 3000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.round(gaussian(r) * 20) / 10.0; // ties
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-s[i])) ? 1 : 0;
        }
        IsotonicCalibration iso = IsotonicCalibration.fit(s, y);
        double previous = -1;
        for (double x = -8; x <= 8; x += 0.01) {
            double p = iso.pd(x);
            assertTrue(p >= previous - 1e-15, "monotone at " + x);
            assertTrue(p >= Calibrator.PD_MIN && p <= Calibrator.PD_MAX);
            previous = p;
        }
        // knots increase strictly in x, weakly in y
        for (int k = 1; k < iso.x().length; k++) {
            assertTrue(iso.x()[k] > iso.x()[k - 1]);
            assertTrue(iso.y()[k] >= iso.y()[k - 1]);
        }
        // equal inputs get one output
        assertEquals(iso.pd(0.3), iso.pd(0.3));
    }

    @Test
    void isotonicPoolsAdjacentViolators() {
        // rates by score: 0 -> 0, 1 -> 1, 2 -> 0, 3 -> 1: (1, 2) pool to 0.5
        IsotonicCalibration iso = IsotonicCalibration.fit(new double[]{0, 1, 2, 3}, new int[]{0, 1, 0, 1});
        assertArrayEquals(new double[]{0, 1.5, 3}, iso.x(), 1e-12);
        assertArrayEquals(new double[]{0, 0.5, 1}, iso.y(), 1e-12);
        assertEquals(0.25, iso.pd(0.75), 1e-12); // linear between knots
        assertEquals(Calibrator.PD_MIN, iso.pd(-1), 1e-15);
        assertEquals(Calibrator.PD_MAX, iso.pd(9), 1e-15);
    }

    @Test
    void isotonicPoolsTiedScores() {
        IsotonicCalibration iso = IsotonicCalibration.fit(new double[]{1, 1, 1, 1, 2}, new int[]{0, 1, 1, 0, 1});
        assertArrayEquals(new double[]{1, 2}, iso.x(), 1e-12);
        assertArrayEquals(new double[]{0.5, 1}, iso.y(), 1e-12);
    }

    @Test
    void calibratingShiftedLogOddsRestoresCalibration() {
        // a learner trained on class-balanced rows is shifted by a constant: calibration removes the shift
        Object[] d = logistic(40_000, 1.0, -2.0, 9);
        double[] s = (double[]) d[0];
        int[] y = (int[]) d[1];
        double[] shifted = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            shifted[i] = s[i] + 1.8;
        }
        double[] raw = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            raw[i] = 1 / (1 + Math.exp(-shifted[i]));
        }
        assertTrue(Metrics.ece(raw, y) > 0.1, "uncalibrated");
        CalibrationSelection sel = CalibrationSelection.fit(shifted, y, 5, 1);
        assertTrue(Metrics.ece(sel.chosen().pd(shifted), y) < 0.01, "calibrated");
        // logistic data: Platt is the right family and wins the cross-validated comparison
        assertInstanceOf(PlattScaling.class, sel.chosen());
        assertTrue(sel.plattLogLoss() <= sel.isotonicLogLoss());
    }

    @Test
    void isotonicWinsOnAStepShapedTruth() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 20_000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = 4 * r.nextDouble() - 2;
            double p = s[i] < 0 ? 0.05 : 0.6; // not logistic in s
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
        CalibrationSelection sel = CalibrationSelection.fit(s, y, 5, 2);
        assertInstanceOf(IsotonicCalibration.class, sel.chosen());
    }

    @Test
    void selectionFallsBackToPlattWithFewDefaults() {
        double[] s = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] y = {0, 0, 0, 0, 0, 0, 1, 1};
        CalibrationSelection sel = CalibrationSelection.fit(s, y, 5, 1);
        assertInstanceOf(PlattScaling.class, sel.chosen());
        assertEquals(0, sel.folds());
    }

    @Test
    void invalidCalibratorsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IsotonicCalibration(new double[]{1, 0}, new double[]{0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new IsotonicCalibration(new double[]{0, 1}, new double[]{1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new PlattScaling(Double.NaN, 0));
    }

    @Test
    void plattNeverInvertsTheRanking() {
        // calibration rows where higher raw scores default less: the fit would want a negative slope
        double[] s = {-2, -1, 0, 1, 2, 3};
        int[] y = {1, 1, 1, 0, 0, 0};
        PlattScaling p = PlattScaling.fit(s, y);
        assertEquals(0.0, p.a(), 0.0);
        assertEquals(0.0, p.b(), 1e-12, "logit of the default rate 1/2");
    }

    @Test
    void downturnWindowIsTheWorstRunOfConsecutiveRows() {
        int[] y = {0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0};
        assertEquals(3 / 4.0, Downturn.worstWindowRate(y, 4));
        assertEquals(1.0, Downturn.worstWindowRate(y, 3));
        assertEquals(4 / 12.0, Downturn.worstWindowRate(y, 12));
        assertThrows(IllegalArgumentException.class, () -> Downturn.worstWindowRate(y, 13));
    }

    @Test
    void downturnShiftRaisesTheMeanPdToTheTargetAndKeepsTheRanking() {
        Object[] d = logistic(20_000, 1.2, -3.0, 5);
        double[] s = (double[]) d[0];
        int[] y = (int[]) d[1];
        for (Calibrator c : new Calibrator[]{PlattScaling.fit(s, y), IsotonicCalibration.fit(s, y)}) {
            double[] pd = c.pd(s);
            double delta = Downturn.shift(pd, 0.15);
            assertTrue(delta > 0, c.method());
            Calibrator shifted = Downturn.shifted(c, delta);
            assertEquals(c.method(), shifted.method(), "the same kind of calibrator, stored as before");
            double[] raised = shifted.pd(s);
            double mean = java.util.Arrays.stream(raised).average().orElseThrow();
            // isotonic interpolates linearly in PD between shifted knots, so its mean is close, Platt's exact
            assertEquals(0.15, mean, c instanceof PlattScaling ? 1e-9 : 0.01, c.method());
            assertEquals(Metrics.auc(pd, y), Metrics.auc(raised, y), 1e-3, "monotone: the ranking stays");
            for (int i = 0; i < s.length; i++) {
                assertTrue(raised[i] >= pd[i] - 1e-12, "never lowers a PD");
            }
            assertEquals(0.0, Downturn.shift(pd, 0.01), "a target below the mean PD leaves the calibrator as it is");
            assertTrue(Downturn.shifted(c, 0.0) == c);
        }
    }
}
