package io.creditlayer.model.scoring;

/**
 * PD to score by points to double the odds (PDO). With good:bad odds = (1 − PD) / PD,
 * <pre>
 *   factor = PDO / ln 2
 *   offset = baseScore − factor · ln(baseOdds)
 *   score  = clamp(round(offset + factor · ln(odds)), minScore, maxScore)
 * </pre>
 * The defaults (PDO 20, 600 at 30:1, clamped to [300, 850]) give factor = 28.8539 and offset = 501.8622: odds of
 * 30:1 (PD = 1/31) score 600, 60:1 score 620, 15:1 score 580. Rounding is half-up.
 *
 * @param pdo       points to double the odds
 * @param baseScore score at the base odds
 * @param baseOdds  good:bad odds that score {@code baseScore}
 * @param minScore  lowest score
 * @param maxScore  highest score
 */
public record ScoreScale(double pdo, double baseScore, double baseOdds, int minScore, int maxScore) {
    public ScoreScale {
        if (!(pdo > 0) || !(baseOdds > 0) || !Double.isFinite(baseScore) || minScore >= maxScore) {
            throw new IllegalArgumentException("invalid score scale: pdo=" + pdo + ", baseOdds=" + baseOdds
                    + ", range=[" + minScore + ", " + maxScore + "]");
        }
    }

    public static ScoreScale standard() {
        // 600 points at 9:1 good:bad odds (PD 10%), 50 points to double the odds: PD 4% scores about 670, 1.5% about
        // 740 and 0.7% about 800, so every tier of the policy is reachable by a borrower a lender would fund. (With
        // the textbook 20 points at 30:1, tier 5 would need PD below 0.004%.)
        return new ScoreScale(50, 600, 9, 300, 850);
    }

    public double factor() {
        return pdo / Math.log(2);
    }

    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    /** Unrounded, unclamped score of a PD. */
    public double rawScore(double pd) {
        if (!(pd > 0 && pd < 1)) {
            throw new IllegalArgumentException("PD must be in (0, 1): " + pd);
        }
        return offset() + factor() * Math.log((1 - pd) / pd);
    }

    /** The integer score of a PD, rounded half-up and clamped to [minScore, maxScore]. */
    public int score(double pd) {
        double raw = rawScore(pd);
        long rounded = (long) Math.floor(raw + 0.5);
        return (int) Math.max(minScore, Math.min(maxScore, rounded));
    }

    /** The PD whose raw score is {@code score} (inverse of {@link #rawScore}). */
    public double pdAt(double score) {
        double odds = Math.exp((score - offset()) / factor());
        return 1 / (1 + odds);
    }
}
