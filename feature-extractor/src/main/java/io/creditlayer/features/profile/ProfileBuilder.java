package io.creditlayer.features.profile;

import io.creditlayer.features.ingest.EventStore;
import io.creditlayer.features.ingest.WalletEntry;
import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.model.Protocol;
import io.creditlayer.features.rpc.BlockData;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import static io.creditlayer.features.profile.Feature.*;

/**
 * Builds point-in-time profiles from an {@link EventStore}: a profile as of block B reads only the wallet's
 * history at or before B (entries are in chain order, so the scan stops at the first later one), which is what
 * makes profiles stable when later blocks arrive.
 */
public final class ProfileBuilder {
    private static final double WEI_PER_ETH = 1e18;
    private static final double DAY = 86_400;
    private static final double NEVER_DAYS = 3_650;
    private static final double NO_COLLATERAL = 1_000_000;
    private static final Set<Protocol> LENDING = EnumSet.of(Protocol.AAVE_V2, Protocol.AAVE_V3, Protocol.COMPOUND_V3,
            Protocol.CREDITLAYER_POOL);

    private final EventStore store;
    private final long chainId;
    private final Set<String> stablecoins;
    private final Set<String> mixers;
    private final ToIntFunction<String> decimals;

    /**
     * @param stablecoins lower-case addresses of tokens counted as 1 USD per whole token
     * @param mixers      lower-case addresses of known mixer contracts
     * @param decimals    token address → decimals (for normalising amounts to whole tokens)
     */
    public ProfileBuilder(EventStore store, long chainId, Set<String> stablecoins, Set<String> mixers,
                          ToIntFunction<String> decimals) {
        this.store = store;
        this.chainId = chainId;
        this.stablecoins = Set.copyOf(stablecoins);
        this.mixers = Set.copyOf(mixers);
        this.decimals = decimals;
    }

    /**
     * The wallet's profile as of {@code asOfBlock}, which must have been ingested.
     *
     * @throws IllegalArgumentException if the block is not in the store
     */
    public WalletProfile build(String wallet, long asOfBlock) {
        EventStore.BlockInfo asOf = store.block(asOfBlock)
                .orElseThrow(() -> new IllegalArgumentException("block " + asOfBlock + " has not been ingested"));
        String address = wallet.toLowerCase(java.util.Locale.ROOT);
        double[] f = aggregate(store.history(address), asOf);
        long[] scaled = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            scaled[i] = FeatureSchema.quantize(f[i]);
        }
        return new WalletProfile(address, chainId, asOf.number(), asOf.hash(), asOf.timestamp(), FeatureSchema.VERSION,
                scaled, FeatureCommitment.compute(chainId, asOf.number(), asOf.hash(), address, scaled));
    }

    private double[] aggregate(List<WalletEntry> history, EventStore.BlockInfo asOf) {
        double[] f = new double[FeatureSchema.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long firstBorrow = Long.MAX_VALUE;
        long lastLiquidation = Long.MIN_VALUE;
        Set<Long> days = new HashSet<>();
        Set<String> counterparties = new HashSet<>();
        Set<String> seenTx = new HashSet<>();
        EnumSet<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        double failed = 0;
        double tokenTransfers = 0;
        double stableTransfers = 0;
        double stableBalance = 0;
        double stableMin = 0;
        double stableMax = 0;
        double collateral = 0;
        double liquidatedRepaid = 0;
        double writtenOff = 0;

        for (WalletEntry entry : history) {
            if (entry.block() > asOf.number()) {
                break;
            }
            long t = entry.timestamp();
            first = Math.min(first, t);
            last = Math.max(last, t);
            BlockData.Tx tx = entry.tx();
            if (tx != null) {
                if (entry.outgoing()) {
                    days.add(t / 86_400);
                    f[TX_COUNT.ordinal()]++;
                    if (!tx.success()) {
                        failed++;
                    }
                    f[GAS_PAID_ETH.ordinal()] += tx.gasPaid().doubleValue() / WEI_PER_ETH;
                    if (tx.value().signum() > 0) {
                        f[NATIVE_OUT_COUNT.ordinal()]++;
                        f[NATIVE_OUT_ETH.ordinal()] += tx.value().doubleValue() / WEI_PER_ETH;
                    }
                    if (tx.to() != null) {
                        counterparties.add(tx.to());
                        if (mixers.contains(tx.to()) && seenTx.add(tx.hash())) {
                            f[MIXER_INTERACTIONS.ordinal()]++;
                        }
                    }
                } else {
                    if (tx.value().signum() > 0 && tx.success()) {
                        f[NATIVE_IN_COUNT.ordinal()]++;
                        f[NATIVE_IN_ETH.ordinal()] += tx.value().doubleValue() / WEI_PER_ETH;
                    }
                    counterparties.add(tx.from());
                }
                continue;
            }
            DecodedEvent event = entry.event();
            days.add(t / 86_400);
            if (event.action() == Action.TRANSFER) {
                tokenTransfers++;
                String other = entry.outgoing() ? event.counterparty() : event.wallet();
                if (other != null) {
                    counterparties.add(other);
                    if (mixers.contains(other) && seenTx.add(event.ref().txHash())) {
                        f[MIXER_INTERACTIONS.ordinal()]++;
                    }
                }
                f[entry.outgoing() ? TOKEN_OUT_COUNT.ordinal() : TOKEN_IN_COUNT.ordinal()]++;
                if (event.asset() != null && stablecoins.contains(event.asset())) {
                    stableTransfers++;
                    double usd = whole(event.amount(), event.asset());
                    if (entry.outgoing()) {
                        f[STABLE_OUT_USD.ordinal()] += usd;
                        stableBalance -= usd;
                    } else {
                        f[STABLE_IN_USD.ordinal()] += usd;
                        stableBalance += usd;
                    }
                    stableMin = Math.min(stableMin, stableBalance);
                    stableMax = Math.max(stableMax, stableBalance);
                }
                continue;
            }
            if (LENDING.contains(event.protocol())) {
                protocols.add(event.protocol());
            }
            double amount = switch (event.action()) {
                case DEPOSIT, WITHDRAW, BORROW, REPAY, LIQUIDATED, WRITE_OFF, SUPPLY_COLLATERAL, WITHDRAW_COLLATERAL ->
                        event.asset() == null ? 0 : whole(event.amount(), event.asset());
                default -> 0;
            };
            switch (event.action()) {
                case DEPOSIT -> {
                    f[DEPOSIT_COUNT.ordinal()]++;
                    f[DEPOSIT_AMOUNT.ordinal()] += amount;
                }
                case WITHDRAW -> {
                    f[WITHDRAW_COUNT.ordinal()]++;
                    f[WITHDRAW_AMOUNT.ordinal()] += amount;
                }
                case SUPPLY_COLLATERAL -> {
                    f[COLLATERAL_SUPPLY_COUNT.ordinal()]++;
                    collateral += amount;
                }
                case WITHDRAW_COLLATERAL -> collateral -= amount;
                case BORROW -> {
                    f[BORROW_COUNT.ordinal()]++;
                    f[BORROW_AMOUNT.ordinal()] += amount;
                    firstBorrow = Math.min(firstBorrow, t);
                }
                case REPAY -> {
                    f[REPAY_COUNT.ordinal()]++;
                    f[REPAY_AMOUNT.ordinal()] += amount;
                }
                case LIQUIDATED -> {
                    f[LIQUIDATION_COUNT.ordinal()]++;
                    lastLiquidation = Math.max(lastLiquidation, t);
                    liquidatedRepaid += amount;
                }
                case WRITE_OFF -> {
                    f[WRITE_OFF_COUNT.ordinal()]++;
                    writtenOff += amount;
                }
                case SWAP -> f[DEX_SWAP_COUNT.ordinal()]++;
                case MIXER_WITHDRAWAL -> {
                    if (seenTx.add(event.ref().txHash())) {
                        f[MIXER_INTERACTIONS.ordinal()]++;
                    }
                }
                default -> {
                    // ATTESTED carries no feature in this schema version.
                }
            }
        }

        long now = asOf.timestamp();
        if (first != Long.MAX_VALUE) {
            f[WALLET_AGE_DAYS.ordinal()] = wholeDays(now - first);
            f[DAYS_SINCE_LAST_ACTIVITY.ordinal()] = wholeDays(now - last);
        }
        f[ACTIVE_DAYS.ordinal()] = days.size();
        f[FAILED_TX_SHARE.ordinal()] = f[TX_COUNT.ordinal()] == 0 ? 0 : failed / f[TX_COUNT.ordinal()];
        f[DISTINCT_COUNTERPARTIES.ordinal()] = counterparties.size();
        f[STABLECOIN_SHARE.ordinal()] = tokenTransfers == 0 ? 0 : stableTransfers / tokenTransfers;
        f[STABLE_BALANCE_MIN_USD.ordinal()] = stableMin;
        f[STABLE_BALANCE_MAX_USD.ordinal()] = stableMax;
        double borrowed = f[BORROW_AMOUNT.ordinal()];
        double repaid = f[REPAY_AMOUNT.ordinal()];
        f[REPAID_SHARE.ordinal()] = borrowed > 0 ? Math.min(2.0, repaid / borrowed) : 1.0;
        double outstanding = Math.max(0, borrowed - repaid - liquidatedRepaid - writtenOff);
        f[OUTSTANDING_DEBT.ordinal()] = outstanding;
        double posted = Math.max(0, collateral);
        f[COLLATERAL_POSTED.ordinal()] = posted;
        f[DEBT_PER_COLLATERAL.ordinal()] = outstanding <= 0 ? 0
                : posted > 0 ? Math.min(NO_COLLATERAL, outstanding / posted) : NO_COLLATERAL;
        f[DAYS_SINCE_FIRST_BORROW.ordinal()] = firstBorrow == Long.MAX_VALUE ? 0 : wholeDays(now - firstBorrow);
        f[DAYS_SINCE_LAST_LIQUIDATION.ordinal()] = lastLiquidation == Long.MIN_VALUE
                ? NEVER_DAYS : Math.min(NEVER_DAYS, wholeDays(now - lastLiquidation));
        f[PROTOCOLS_USED.ordinal()] = protocols.size();
        return f;
    }

    /**
     * Elapsed time at day resolution, rounded to the nearest whole day (half up). The hours would tell the model
     * at what time of day the wallet usually transacts relative to the as-of block, i.e. its time zone, which is a
     * fairness cohort (activity region) and not credit behaviour: on the devnet the fraction of
     * {@code days_since_last_activity} alone (0.75 for the 19:00 UTC session, 0.83 for 13:00, 1.00 for 01:00) was
     * the model's largest difference between regions (docs/adr/0018-day-resolution-time-features.md).
     */
    static double wholeDays(long seconds) {
        return Math.floor(seconds / DAY + 0.5);
    }

    private double whole(BigInteger amount, String token) {
        if (amount == null) {
            return 0;
        }
        return new BigDecimal(amount).movePointLeft(decimals.applyAsInt(token)).doubleValue();
    }
}
