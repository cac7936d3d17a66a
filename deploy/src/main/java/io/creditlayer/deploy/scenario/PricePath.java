package io.creditlayer.deploy.scenario;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * The dETH price the scenario posts to the devnet feed, one answer per day (8 decimals, dUSD per dETH): a seeded
 * random walk with an upward drift (a bull run that invites leverage), a correction of about −25% over a few days at
 * a third of the scenario, the bull run again, a crash of about −35% over a few days at four fifths of the scenario,
 * a partial recovery of about +20% over up to 30 days, then a driftless walk. Two stress events, not one, so that a
 * time-ordered train/validation/test split finds market-driven defaults both in its training window and in its
 * holdout: a model can then be judged on a stress it did not see.
 *
 * <table>
 *   <caption>Phases (daily log-returns: drift + volatility × standard normal)</caption>
 *   <tr><th>phase</th><th>days</th><th>drift per day</th><th>volatility</th></tr>
 *   <tr><td>bull run</td><td>1 .. crashStart−1</td><td>+0.15%</td><td>2.5%</td></tr>
 *   <tr><td>crash</td><td>crashStart .. crashStart+crashDays−1 (crashDays = days/40, 2..5)</td><td>ln(0.65)/crashDays</td><td>1%</td></tr>
 *   <tr><td>recovery</td><td>next min(30, rest) days</td><td>ln(1.2)/recoveryDays</td><td>1.5%</td></tr>
 *   <tr><td>after</td><td>rest</td><td>0</td><td>2%</td></tr>
 * </table>
 * Day 0 is the devnet feed's initial 2,000 dUSD; prices are clamped to 200..20,000.
 */
public final class PricePath {
    public static final long INITIAL_ANSWER = 2_000L * 100_000_000L;
    static final double CRASH_FACTOR = 0.65;
    static final double CORRECTION_FACTOR = 0.75;
    static final double RECOVERY_FACTOR = 1.2;

    private final long[] answers;
    private final int crashStart;
    private final int crashDays;

    private PricePath(long[] answers, int crashStart, int crashDays) {
        this.answers = answers;
        this.crashStart = crashStart;
        this.crashDays = crashDays;
    }

    /** The path for {@code days} days (answers for day 0 .. days−1) drawn from {@code seed}. */
    public static PricePath generate(long seed, int days) {
        if (days < 7) {
            throw new IllegalArgumentException("a price path needs at least 7 days");
        }
        SplittableRandom random = new SplittableRandom(Seeds.of(seed, "price-path"));
        int crashDays = Math.clamp(days / 40, 2, 5);
        int correctionStart = Math.max(1, (int) Math.round(days / 3.0));
        int correctionEnd = correctionStart + crashDays;
        int crashStart = Math.max(correctionEnd + 1, (int) Math.round(days * 0.8));
        int crashEnd = Math.min(days, crashStart + crashDays);
        int recoveryDays = Math.min(30, days - crashEnd);
        long[] answers = new long[days];
        double price = INITIAL_ANSWER / 1e8;
        answers[0] = INITIAL_ANSWER;
        for (int day = 1; day < days; day++) {
            double drift;
            double volatility;
            if (day >= correctionStart && day < correctionEnd) {
                drift = Math.log(CORRECTION_FACTOR) / crashDays;
                volatility = 0.01;
            } else if (day < crashStart) {
                drift = 0.0015;
                volatility = 0.025;
            } else if (day < crashEnd) {
                drift = Math.log(CRASH_FACTOR) / crashDays;
                volatility = 0.01;
            } else if (day < crashEnd + recoveryDays) {
                drift = Math.log(RECOVERY_FACTOR) / recoveryDays;
                volatility = 0.015;
            } else {
                drift = 0;
                volatility = 0.02;
            }
            price = Math.clamp(price * Math.exp(drift + volatility * random.nextGaussian()), 200.0, 20_000.0);
            answers[day] = Math.round(price * 1e8);
        }
        return new PricePath(answers, crashStart, crashDays);
    }

    /** The feed answer (8 decimals) posted on {@code day}. */
    public BigInteger answer(int day) {
        return BigInteger.valueOf(answers[day]);
    }

    /** The price on {@code day} in dUSD per dETH. */
    public double price(int day) {
        return answers[day] / 1e8;
    }

    public int days() {
        return answers.length;
    }

    /** First day of the crash. */
    public int crashStart() {
        return crashStart;
    }

    /** Days the crash lasts. */
    public int crashDays() {
        return crashDays;
    }

    /** Answers for every day, feed units. */
    public long[] answers() {
        return answers.clone();
    }
}
