package io.creditlayer.features.profile;

/**
 * The features of schema {@link FeatureSchema#VERSION}, in their canonical order (the order of the vector and of
 * the commitment). docs/features.md is the long form of this list.
 */
public enum Feature {
    WALLET_AGE_DAYS("days", "time from the wallet's first transaction or event to the as-of block, in whole days (rounded)", "transactions, all events"),
    ACTIVE_DAYS("days", "distinct UTC days with a sent transaction or an event naming the wallet", "transactions, all events"),
    DAYS_SINCE_LAST_ACTIVITY("days", "time from the last transaction or event to the as-of block, in whole days (rounded)", "transactions, all events"),
    TX_COUNT("count", "transactions sent", "transactions"),
    FAILED_TX_SHARE("ratio", "share of sent transactions that reverted (0 when none sent)", "receipts"),
    DISTINCT_COUNTERPARTIES("count", "distinct addresses the wallet sent transactions or tokens to, or received them from", "transactions, ERC-20 Transfer"),
    GAS_PAID_ETH("ETH", "gas used × effective gas price over sent transactions", "receipts"),
    NATIVE_IN_COUNT("count", "transactions with value received", "transactions"),
    NATIVE_IN_ETH("ETH", "value received by transactions", "transactions"),
    NATIVE_OUT_COUNT("count", "transactions with value sent", "transactions"),
    NATIVE_OUT_ETH("ETH", "value sent by transactions", "transactions"),
    TOKEN_IN_COUNT("count", "ERC-20 transfers received", "ERC-20 Transfer"),
    TOKEN_OUT_COUNT("count", "ERC-20 transfers sent", "ERC-20 Transfer"),
    STABLECOIN_SHARE("ratio", "share of the wallet's ERC-20 transfers that move a known stablecoin (0 when none)", "ERC-20 Transfer"),
    STABLE_IN_USD("USD", "stablecoin received, in whole tokens (1 token = 1 USD)", "ERC-20 Transfer"),
    STABLE_OUT_USD("USD", "stablecoin sent, in whole tokens", "ERC-20 Transfer"),
    STABLE_BALANCE_MIN_USD("USD", "lowest running stablecoin balance (received − sent since the first observed block)", "ERC-20 Transfer"),
    STABLE_BALANCE_MAX_USD("USD", "highest running stablecoin balance", "ERC-20 Transfer"),
    DEPOSIT_COUNT("count", "supplies of lendable assets", "Aave Supply/Deposit, Comet Supply, CreditLayer ERC-4626 Deposit"),
    DEPOSIT_AMOUNT("tokens", "amount supplied, whole tokens summed over assets", "as DEPOSIT_COUNT"),
    WITHDRAW_COUNT("count", "withdrawals of supplied assets", "Aave/Comet Withdraw, CreditLayer ERC-4626 Withdraw"),
    WITHDRAW_AMOUNT("tokens", "amount withdrawn, whole tokens summed over assets", "as WITHDRAW_COUNT"),
    COLLATERAL_SUPPLY_COUNT("count", "collateral postings", "Comet SupplyCollateral, CreditLayer SupplyCollateral"),
    BORROW_COUNT("count", "borrows", "Aave Borrow, CreditLayer Borrow"),
    BORROW_AMOUNT("tokens", "amount borrowed, whole tokens summed over assets", "as BORROW_COUNT"),
    REPAY_COUNT("count", "repayments of the wallet's debt (by anyone)", "Aave Repay, CreditLayer Repay"),
    REPAY_AMOUNT("tokens", "amount repaid, whole tokens summed over assets", "as REPAY_COUNT"),
    REPAID_SHARE("ratio", "repaid ÷ borrowed, capped at 2; 1 when nothing was borrowed (neutral)", "Borrow, Repay"),
    OUTSTANDING_DEBT("tokens", "borrowed − repaid − repaid by liquidators − written off, at least 0 (principal view: interest not included)", "Borrow, Repay, liquidations, write-offs"),
    DAYS_SINCE_FIRST_BORROW("days", "time since the first borrow in whole days (rounded), 0 when none", "Borrow"),
    LIQUIDATION_COUNT("count", "times the wallet was liquidated", "Aave LiquidationCall, Comet AbsorbDebt, CreditLayer Liquidate"),
    DAYS_SINCE_LAST_LIQUIDATION("days", "time since the last liquidation in whole days (rounded), capped at 3650; 3650 when never liquidated", "as LIQUIDATION_COUNT"),
    WRITE_OFF_COUNT("count", "debts written off after liquidation (defaults)", "CreditLayer BadDebtWrittenOff"),
    PROTOCOLS_USED("count", "distinct lending protocols used (Aave V2, Aave V3, Compound V3, CreditLayer)", "lending events"),
    DEX_SWAP_COUNT("count", "DEX swaps received", "Uniswap V2/V3 Swap"),
    MIXER_INTERACTIONS("count", "transactions that sent to a known mixer, moved tokens to or from one, or were paid out by one", "transactions, ERC-20 Transfer, Tornado Withdrawal"),
    COLLATERAL_POSTED("tokens", "collateral posted − withdrawn − seized by liquidators, whole tokens summed over assets, at least 0", "CreditLayer SupplyCollateral, WithdrawCollateral, Liquidate; Comet SupplyCollateral, WithdrawCollateral"),
    DEBT_PER_COLLATERAL("tokens/token", "outstanding debt ÷ collateral posted (the price at which the position is at 100% loan-to-value); 0 without debt, 1,000,000 with debt but no collateral", "as OUTSTANDING_DEBT and COLLATERAL_POSTED");

    private final String unit;
    private final String definition;
    private final String sources;

    Feature(String unit, String definition, String sources) {
        this.unit = unit;
        this.definition = definition;
        this.sources = sources;
    }

    /** Column name: the enum name in lower case. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    public String definition() {
        return definition;
    }

    public String sources() {
        return sources;
    }
}
