package io.creditlayer.deploy.scenario;

import java.util.Objects;

/**
 * What to simulate. The same options on the same fresh devnet give the same chain, block for block.
 *
 * @param seed    seeds every random draw (wallet keys, archetype assignment, behaviour, price path)
 * @param wallets number of simulated wallets (1..20,000), not counting the helper accounts (exchange, faucet,
 *                sybil sources, mixer depositors, market maker, liquidator, lender)
 * @param days    simulated days (7..3,650), one epoch per day; a correction comes at a third of them, the crash at four fifths
 * @param mix     archetype weights
 */
public record ScenarioOptions(long seed, int wallets, int days, ArchetypeMix mix) {
    public static final int DEFAULT_WALLETS = 1_000;
    public static final int DEFAULT_DAYS = 180;
    public static final long DEFAULT_SEED = 42;

    public ScenarioOptions {
        Objects.requireNonNull(mix, "mix");
        if (wallets < 1 || wallets > 20_000) {
            throw new IllegalArgumentException("wallets must be within 1..20000: " + wallets);
        }
        if (days < 7 || days > 3_650) {
            throw new IllegalArgumentException("days must be within 7..3650: " + days);
        }
    }

    /** 1,000 wallets, 180 days, seed 42, the default mix. */
    public static ScenarioOptions defaults() {
        return new ScenarioOptions(DEFAULT_SEED, DEFAULT_WALLETS, DEFAULT_DAYS, ArchetypeMix.defaults());
    }

    public ScenarioOptions withSeed(long newSeed) {
        return new ScenarioOptions(newSeed, wallets, days, mix);
    }

    public ScenarioOptions withWallets(int newWallets) {
        return new ScenarioOptions(seed, newWallets, days, mix);
    }

    public ScenarioOptions withDays(int newDays) {
        return new ScenarioOptions(seed, wallets, newDays, mix);
    }

    public ScenarioOptions withMix(ArchetypeMix newMix) {
        return new ScenarioOptions(seed, wallets, days, newMix);
    }
}
