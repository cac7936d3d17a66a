package io.creditlayer.deploy.scenario;

/**
 * Where a scenario wallet's first ETH (its gas money) came from: ground truth for evaluation and fairness cohorts,
 * recorded in the {@link ScenarioManifest}, never a feature.
 */
public enum FundingSource {
    /** A plain ETH transfer from the exchange hot wallet (anvil account 8), followed by token transfers from it. */
    EXCHANGE,
    /** A small ETH drip from the scenario's faucet wallet (itself funded by the exchange). */
    FAUCET,
    /** An ETH transfer from another wallet: a sybil cluster's shared source wallet. */
    PEER,
    /** ETH withdrawn to the wallet from the {@code DevnetMixer} (submitted by the relayer); tokens are minted to it. */
    MIXER
}
