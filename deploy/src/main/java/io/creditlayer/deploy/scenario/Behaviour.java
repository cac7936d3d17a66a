package io.creditlayer.deploy.scenario;

/**
 * The behaviour parameters of one {@link Archetype}: every random draw the scenario makes for a wallet of that
 * archetype comes from these numbers and the wallet's own seeded random stream. The defaults are tabulated on
 * {@link Archetype} and in docs/devnet-scenario.md.
 *
 * @param startWindow        when the wallet appears, as a fraction of the scenario's days (uniform in the range)
 * @param scoredShare        share of the archetype's wallets that receive credit attestations
 * @param tierMean           mean attested tier (1..5) before noise
 * @param tierNoise          standard deviation of the Gaussian noise added to the tier (then rounded, clamped 1..5)
 * @param refreshProbability chance an expiring attestation is refreshed; otherwise the wallet falls to tier 0
 * @param collateralEth      dETH the wallet receives and posts as collateral (uniform in the range)
 * @param borrowProbability  chance the wallet borrows at all
 * @param utilization        target debt as a share of the borrow limit when borrowing
 * @param rampUtilization    for {@link Archetype#LIQUIDATED}: the share of the limit it levers up to in the days before
 *                           the crash (zero range: no ramp)
 * @param loanDays           days from a borrow to its repayment due date
 * @param onTimeProbability  chance a due repayment is made on its due day
 * @param lateDays           delay, in days, of a repayment that is not on time
 * @param repayFraction      share of the debt repaid at a repayment (1 = in full; 0 = never repays)
 * @param releverPerDay      daily chance, while a loan is open, of borrowing back up to the target utilization
 * @param defaultShare       share of the archetype's borrowers that never repay at all
 * @param overreachProbability chance a borrow is first attempted above the borrow limit (that transaction reverts)
 * @param swapsPerDay        expected DEX swaps per active day
 * @param riskReaction       chance the wallet posts more collateral when its position nears liquidation
 * @param lendProbability    chance the wallet also deposits idle dUSD in the pool as a lender
 */
public record Behaviour(
        Range startWindow,
        double scoredShare,
        double tierMean,
        double tierNoise,
        double refreshProbability,
        Range collateralEth,
        double borrowProbability,
        Range utilization,
        Range rampUtilization,
        Range loanDays,
        double onTimeProbability,
        Range lateDays,
        double repayFraction,
        double releverPerDay,
        double defaultShare,
        double overreachProbability,
        double swapsPerDay,
        double riskReaction,
        double lendProbability) {

    public Behaviour {
        requireShare("scoredShare", scoredShare);
        requireShare("refreshProbability", refreshProbability);
        requireShare("borrowProbability", borrowProbability);
        requireShare("onTimeProbability", onTimeProbability);
        requireShare("repayFraction", repayFraction);
        requireShare("releverPerDay", releverPerDay);
        requireShare("defaultShare", defaultShare);
        requireShare("overreachProbability", overreachProbability);
        requireShare("riskReaction", riskReaction);
        requireShare("lendProbability", lendProbability);
        if (startWindow.min() < 0 || startWindow.max() > 1) {
            throw new IllegalArgumentException("startWindow must lie within 0..1");
        }
        if (tierMean < 1 || tierMean > 5 || tierNoise < 0) {
            throw new IllegalArgumentException("tierMean must be within 1..5 and tierNoise non-negative");
        }
        if (utilization.max() >= 1 || rampUtilization.max() >= 1 || collateralEth.min() <= 0 || swapsPerDay < 0) {
            throw new IllegalArgumentException("utilizations must stay below 1, collateral and swaps positive");
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1: " + value);
        }
    }

    /** A closed range {@code min..max} with {@code min <= max}. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max) || min < 0) {
                throw new IllegalArgumentException("range must satisfy 0 <= min <= max: " + min + ".." + max);
            }
        }

        public static Range of(double min, double max) {
            return new Range(min, max);
        }

        public static Range none() {
            return new Range(0, 0);
        }

        public boolean isEmpty() {
            return max == 0;
        }
    }
}
