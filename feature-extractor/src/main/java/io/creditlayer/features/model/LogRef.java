package io.creditlayer.features.model;

/**
 * Where a log sits on the chain: block, transaction, position. Orders events deterministically.
 *
 * @param blockNumber block height
 * @param blockHash   0x-prefixed block hash (lower case)
 * @param txHash      0x-prefixed transaction hash (lower case)
 * @param txIndex     transaction position in the block
 * @param logIndex    log position in the block
 */
public record LogRef(long blockNumber, String blockHash, String txHash, int txIndex, int logIndex)
        implements Comparable<LogRef> {

    @Override
    public int compareTo(LogRef other) {
        int byBlock = Long.compare(blockNumber, other.blockNumber);
        return byBlock != 0 ? byBlock : Integer.compare(logIndex, other.logIndex);
    }
}
