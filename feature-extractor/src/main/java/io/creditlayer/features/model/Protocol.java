package io.creditlayer.features.model;

/** The protocol whose contract emitted a decoded event. */
public enum Protocol {
    ERC20,
    AAVE_V2,
    AAVE_V3,
    COMPOUND_V3,
    UNISWAP_V2,
    UNISWAP_V3,
    /** CreditLayer's own LendingPool (ERC-4626 lender events included). */
    CREDITLAYER_POOL,
    /** CreditLayer's own CreditOracle. */
    CREDITLAYER_ORACLE,
    /** A known mixer (Tornado Cash pools; the devnet's stand-in emits the same events). */
    MIXER
}
