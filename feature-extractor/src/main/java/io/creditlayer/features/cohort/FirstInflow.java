package io.creditlayer.features.cohort;

/**
 * The first value a wallet received that the extractor can see: a plain ETH transfer, an ERC-20 transfer (mints
 * excluded: they come from no one), or a mixer payout (the mixer's {@code Withdrawal} log; its ETH moves by an
 * internal call, which is otherwise invisible without traces).
 *
 * @param block     block height
 * @param timestamp block time
 * @param from      who paid: the transaction's sender, the token sender, or the mixer contract (lower case)
 * @param channel   how it arrived
 * @param label     what the payer is publicly known as ("exchange", "bridge", "faucet", "mixer"), or null when
 *                  it is not labelled (another wallet, or an unknown contract)
 */
public record FirstInflow(long block, long timestamp, String from, Channel channel, String label) {
    /** How the first value arrived. */
    public enum Channel {
        NATIVE_TRANSFER, TOKEN_TRANSFER, MIXER_WITHDRAWAL
    }
}
