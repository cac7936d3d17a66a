package io.creditlayer.fairness.cohorts;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Cohorts for wallets, derived from what the chain shows: profile features (wallet age, holdings) and the
 * extractor's cohort signals (first inflow, UTC hours of activity, chain). These are <b>proxies</b> chosen to reveal
 * whether a model treats kinds of wallets differently (new against established, small against large holders,
 * exchange-funded against peer- or mixer-funded, by time zone of activity, by chain); they are not, and must never be
 * presented as, protected classes of the people behind the wallets, which the chain does not reveal. An activity
 * region in particular is a guess from clock hours, not a nationality or a residence. Bands are fixed and documented
 * so that reports of different models compare.
 */
public final class WalletCohorts {
    public static final String WALLET_AGE = "wallet_age";
    public static final String HOLDINGS = "holdings";
    public static final String FUNDING_SOURCE = "funding_source";
    public static final String ACTIVITY_REGION = "activity_region";
    public static final String CHAIN = "chain";

    /** Funding-source value when no inflow was seen before the decision. */
    public static final String NO_INFLOW = "none";
    /** Funding-source value for a payer without a public label: another wallet or an unknown contract. */
    public static final String PEER = "peer";
    /** Activity-region value when a wallet has sent too few transactions to tell. */
    public static final String UNKNOWN_REGION = "unknown";

    /**
     * Local hour at which activity is assumed to peak. People transact in their waking hours; the afternoon is a
     * conventional centre for those. A constant offset error moves every wallet the same way, so it shifts band
     * boundaries but does not mix wallets of one time zone.
     */
    public static final int ASSUMED_LOCAL_PEAK_HOUR = 14;
    /** Fewest own transactions for an activity region: below this a peak is mostly chance. */
    public static final int MIN_REGION_TRANSACTIONS = 3;

    private static final Map<String, String> LABELLED_SOURCES = Map.of(
            "exchange", "exchange", "bridge", "bridge", "faucet", "faucet", "mixer", "mixer");
    private static final Map<Long, String> CHAINS = Map.of(
            1L, "ethereum", 10L, "optimism", 56L, "bnb", 137L, "polygon", 8453L, "base", 42161L, "arbitrum",
            11155111L, "sepolia", 31337L, "devnet");

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

    /**
     * Funding source of the wallet's first inflow: the payer's public label (exchange, bridge, faucet, mixer),
     * {@value #PEER} for an unlabelled payer, {@value #NO_INFLOW} when nothing was received before the decision.
     *
     * @param inflowSeen whether any inflow was seen
     * @param payerLabel the payer's label, or null when it has none
     * @throws IllegalArgumentException for a label outside the four above (a typo would silently make a new cohort)
     */
    public static String fundingSource(boolean inflowSeen, String payerLabel) {
        if (!inflowSeen) {
            return NO_INFLOW;
        }
        if (payerLabel == null) {
            return PEER;
        }
        String source = LABELLED_SOURCES.get(payerLabel.toLowerCase(Locale.ROOT));
        if (source == null) {
            throw new IllegalArgumentException("unknown payer label '" + payerLabel + "' (exchange, bridge, faucet, mixer)");
        }
        return source;
    }

    /**
     * The UTC hour of peak activity: the hour h whose circular three-hour window (h−1, h, h+1) holds the most
     * transactions, the earliest such hour on ties. Empty when fewer than {@value #MIN_REGION_TRANSACTIONS}
     * transactions were sent.
     *
     * @param utcHourCounts 24 counts, index = UTC hour
     */
    public static OptionalInt peakUtcHour(int[] utcHourCounts) {
        if (utcHourCounts == null || utcHourCounts.length != 24) {
            throw new IllegalArgumentException("need 24 hourly counts");
        }
        int total = 0;
        for (int c : utcHourCounts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative hourly count: " + c);
            }
            total += c;
        }
        if (total < MIN_REGION_TRANSACTIONS) {
            return OptionalInt.empty();
        }
        int best = -1;
        int bestWindow = -1;
        int bestCentre = -1;
        for (int h = 0; h < 24; h++) {
            int window = utcHourCounts[(h + 23) % 24] + utcHourCounts[h] + utcHourCounts[(h + 1) % 24];
            // the centre count breaks ties between windows, so a single busy hour is its own peak
            if (window > bestWindow || window == bestWindow && utcHourCounts[h] > bestCentre) {
                best = h;
                bestWindow = window;
                bestCentre = utcHourCounts[h];
            }
        }
        return OptionalInt.of(best);
    }

    /**
     * The inferred UTC offset in hours, −11 … +12: {@link #ASSUMED_LOCAL_PEAK_HOUR} minus the peak UTC hour, wrapped.
     * Empty when there are too few transactions.
     */
    public static OptionalInt utcOffset(int[] utcHourCounts) {
        OptionalInt peak = peakUtcHour(utcHourCounts);
        if (peak.isEmpty()) {
            return OptionalInt.empty();
        }
        int offset = Math.floorMod(ASSUMED_LOCAL_PEAK_HOUR - peak.getAsInt() + 11, 24) - 11;
        return OptionalInt.of(offset);
    }

    /**
     * Activity region: a band of inferred UTC offsets, "UTC-11..-3" (roughly the Americas), "UTC-2..+3" (roughly
     * Europe and Africa), "UTC+4..+12" (roughly Asia and Oceania), or {@value #UNKNOWN_REGION} with fewer than
     * {@value #MIN_REGION_TRANSACTIONS} own transactions. Named by offsets, not places: clock hours say when a
     * wallet is active, not where its owner lives (shift work, bots and travel all move the peak).
     */
    public static String activityRegion(int[] utcHourCounts) {
        OptionalInt offset = utcOffset(utcHourCounts);
        if (offset.isEmpty()) {
            return UNKNOWN_REGION;
        }
        int o = offset.getAsInt();
        if (o <= -3) {
            return "UTC-11..-3";
        }
        return o <= 3 ? "UTC-2..+3" : "UTC+4..+12";
    }

    /** Chain cohort from the EIP-155 chain id: a common name where known (31337, the local devnet id, is "devnet"), else "chain-ID". */
    public static String chain(long chainId) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive: " + chainId);
        }
        return CHAINS.getOrDefault(chainId, "chain-" + chainId);
    }
}
