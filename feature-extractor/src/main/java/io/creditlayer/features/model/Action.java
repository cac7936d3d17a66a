package io.creditlayer.features.model;

/**
 * What a decoded event means for the wallet it is attributed to ({@link DecodedEvent#wallet()}).
 * The mapping from each protocol's events to these actions is documented in docs/features.md.
 */
public enum Action {
    /** ERC-20 transfer: wallet = sender, counterparty = receiver. */
    TRANSFER,
    /** Supplied the loan/base asset to a lending protocol (Aave Supply/Deposit, Comet Supply, ERC-4626 Deposit). */
    DEPOSIT,
    /** Withdrew a supplied asset. */
    WITHDRAW,
    SUPPLY_COLLATERAL,
    WITHDRAW_COLLATERAL,
    BORROW,
    /** wallet = the borrower whose debt was repaid, counterparty = the payer. */
    REPAY,
    /** wallet = the liquidated borrower, counterparty = the liquidator, amount = debt covered. */
    LIQUIDATED,
    /** Debt left after liquidation and written off (a default): wallet = the borrower. */
    WRITE_OFF,
    /** DEX swap: wallet = recipient, counterparty = the calling contract (router). */
    SWAP,
    /** A credit attestation accepted on-chain for the wallet; amount = score, detail = tier. */
    ATTESTED,
    /** A mixer paid the wallet out: wallet = recipient, counterparty = relayer, amount = relayer fee. */
    MIXER_WITHDRAWAL
}
