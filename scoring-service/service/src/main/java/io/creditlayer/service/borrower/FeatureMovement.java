package io.creditlayer.service.borrower;

import io.creditlayer.model.data.WalletV1;

import java.util.Set;

/**
 * Which way a borrower can move a feature by their own conduct. Every wallet-v1 feature is computed over the
 * wallet's whole history (docs/features.md), so counts, amounts and ages only grow, the lowest running balance
 * only falls, and shares, the current debt and collateral and the days since the last activity can go either
 * way. Advice never suggests an impossible move such as fewer past liquidations.
 */
public enum FeatureMovement {
    /** Only grows with time or activity. */
    UP,
    /** Only falls. */
    DOWN,
    /** Can go either way. */
    EITHER;

    static final Set<String> WALLET_V1_UP = Set.of(
            "wallet_age_days", "active_days", "tx_count", "distinct_counterparties", "gas_paid_eth",
            "native_in_count", "native_in_eth", "native_out_count", "native_out_eth", "token_in_count",
            "token_out_count", "stable_in_usd", "stable_out_usd", "stable_balance_max_usd", "deposit_count",
            "deposit_amount", "withdraw_count", "withdraw_amount", "collateral_supply_count", "borrow_count",
            "borrow_amount", "repay_count", "repay_amount", "days_since_first_borrow", "liquidation_count",
            // only a new liquidation resets it, and that is never advice
            "days_since_last_liquidation",
            "write_off_count", "protocols_used", "dex_swap_count", "mixer_interactions");
    static final Set<String> WALLET_V1_DOWN = Set.of("stable_balance_min_usd");

    /** The movement of a feature of a schema version; features of other schemas are assumed free to move. */
    public static FeatureMovement of(String schemaVersion, String feature) {
        if (!WalletV1.VERSION.equals(schemaVersion)) {
            return EITHER;
        }
        if (WALLET_V1_UP.contains(feature)) {
            return UP;
        }
        return WALLET_V1_DOWN.contains(feature) ? DOWN : EITHER;
    }

    /** Whether moving from {@code from} to {@code to} is possible. */
    public boolean allows(double from, double to) {
        return switch (this) {
            case UP -> to > from;
            case DOWN -> to < from;
            case EITHER -> to != from;
        };
    }
}
