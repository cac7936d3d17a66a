package io.creditlayer.fairness.cohorts;

/**
 * Cohorts for wallets, derived from profile features. These are <b>proxies</b> chosen to reveal whether a model
 * treats kinds of wallets differently (new against established, small against large holders); they are not, and must
 * never be presented as, protected classes of the people behind the wallets, which the chain does not reveal.
 * Bands are fixed and documented so that reports of different models compare.
 */
public final class WalletCohorts {
    public static final String WALLET_AGE = "wallet_age";
    public static final String HOLDINGS = "holdings";

    private WalletCohorts() {
    }

    /** Wallet-age band from wallet_age_days: under 30 days, 30–90, 90–180, 180 and more. */
    public static String ageBand(double walletAgeDays) {
        if (walletAgeDays < 30) {
            return "<30d";
        }
        if (walletAgeDays < 90) {
            return "30-90d";
        }
        return walletAgeDays < 180 ? "90-180d" : ">=180d";
    }

    /** Holdings tier from stable_balance_max_usd (the highest running stablecoin balance): under 1k, 1k–10k, 10k and more. */
    public static String holdingsTier(double stableBalanceMaxUsd) {
        if (stableBalanceMaxUsd < 1_000) {
            return "<1k";
        }
        return stableBalanceMaxUsd < 10_000 ? "1k-10k" : ">=10k";
    }
}
