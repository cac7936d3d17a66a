package io.creditlayer.features.cohort;

import java.util.Arrays;

/**
 * What the chain says about a wallet that a fairness audit groups wallets by (never features, never protected
 * classes): where its first money came from, when in the UTC day it transacts, and which chain it lives on. Point in
 * time like a profile: built only from history at or before {@code asOfBlock}.
 *
 * @param wallet        lower-case address
 * @param chainId       the chain
 * @param asOfBlock     only history at or before this block was read
 * @param asOfTimestamp that block's time
 * @param firstInflow   the first value received, or null if none was seen by then
 * @param utcHourCounts 24 counts: transactions the wallet sent (failed ones included) by UTC hour of their block
 */
public record CohortSignals(String wallet, long chainId, long asOfBlock, long asOfTimestamp, FirstInflow firstInflow,
                            int[] utcHourCounts) {
    public CohortSignals {
        if (utcHourCounts.length != 24) {
            throw new IllegalArgumentException("utcHourCounts needs 24 hours: " + utcHourCounts.length);
        }
        utcHourCounts = utcHourCounts.clone();
    }

    @Override
    public int[] utcHourCounts() {
        return utcHourCounts.clone();
    }

    /** Transactions the wallet sent by {@code asOfBlock}. */
    public int transactions() {
        return Arrays.stream(utcHourCounts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CohortSignals s && wallet.equals(s.wallet) && chainId == s.chainId && asOfBlock == s.asOfBlock
                && asOfTimestamp == s.asOfTimestamp && java.util.Objects.equals(firstInflow, s.firstInflow)
                && Arrays.equals(utcHourCounts, s.utcHourCounts);
    }

    @Override
    public int hashCode() {
        return 31 * wallet.hashCode() + Long.hashCode(asOfBlock) + Arrays.hashCode(utcHourCounts);
    }

    @Override
    public String toString() {
        return "CohortSignals[" + wallet + " @" + asOfBlock + ", first inflow " + firstInflow + ", hours "
                + Arrays.toString(utcHourCounts) + "]";
    }
}
