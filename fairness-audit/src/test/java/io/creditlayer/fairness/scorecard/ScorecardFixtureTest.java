package io.creditlayer.fairness.scorecard;

import io.creditlayer.fairness.metrics.Auc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Fixture case 4: scorecard conventions (Siddiqi, "Credit Risk Scorecards", points to double the odds and the
 * population stability index with its customary bands; KS and Gini as defined there).
 */
class ScorecardFixtureTest {

    @Test
    void pdoScaling() {
        // 600 points at 50:1 odds, 20 points to double the odds
        ScorecardMath.PdoScaling s = ScorecardMath.PdoScaling.of(600, 50, 20);
        assertEquals(28.853901, s.factor(), 0.5e-6);
        assertEquals(487.122876, s.offset(), 0.5e-6);
        assertEquals(600, s.score(50), 1e-9);
        assertEquals(620, s.score(100), 1e-9);  // doubling the odds adds PDO points
        assertEquals(600, s.scoreOfPd(1.0 / 51), 1e-9);
    }

    @Test
    void psiAndBand() {
        long[] actual = {149, 86, 108, 157};
        long[] expected = {144, 112, 105, 139};
        double psi = ScorecardMath.psiFromCounts(actual, expected);
        assertEquals(0.018630024627491467, psi, 1e-15);
        assertEquals(ScorecardMath.PsiBand.STABLE, ScorecardMath.PsiBand.of(psi));
    }

    @Test
    void psiBandEdges() {
        assertEquals(ScorecardMath.PsiBand.STABLE, ScorecardMath.PsiBand.of(0.0999));
        assertEquals(ScorecardMath.PsiBand.WATCH, ScorecardMath.PsiBand.of(0.1));
        assertEquals(ScorecardMath.PsiBand.WATCH, ScorecardMath.PsiBand.of(0.2499));
        assertEquals(ScorecardMath.PsiBand.SHIFT, ScorecardMath.PsiBand.of(0.25));
        assertThrows(IllegalArgumentException.class, () -> ScorecardMath.psi(new double[] {0, 1}, new double[] {0.5, 0.5}));
    }

    /**
     * KS = max |cumulative bad share - cumulative good share|; Gini = 2 AUC - 1. Hand-computed: ascending scores,
     * bads at 0.3, 0.5, 0.6: the cumulative gaps are 1/3, 2/3, 1/3, 2/3, 1/3, 0, so KS = 2/3; bads beat 8 of the 9
     * bad-good pairs, so AUC = 8/9 and Gini = 7/9.
     */
    @Test
    void ksAndGini() {
        double[] score = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        boolean[] bad = {false, false, true, false, true, true};
        assertEquals(2.0 / 3, ScorecardMath.ks(score, bad), 1e-12);
        assertEquals(8.0 / 9, Auc.of(score, bad, null), 1e-12);
        assertEquals(7.0 / 9, ScorecardMath.gini(score, bad), 1e-12);
        assertEquals(2 * 0.75 - 1, ScorecardMath.gini(0.75), 1e-12);
    }

    @Test
    void ksDoesNotSplitTies() {
        // one tie block holding a bad and a good: no threshold separates them
        double[] score = {0.5, 0.5};
        boolean[] bad = {true, false};
        assertEquals(0.0, ScorecardMath.ks(score, bad), 1e-12);
        assertEquals(0.5, Auc.of(score, bad, null), 1e-12);
    }
}
