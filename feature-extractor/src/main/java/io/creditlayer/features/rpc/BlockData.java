package io.creditlayer.features.rpc;

import java.math.BigInteger;
import java.util.List;

/**
 * One block with what wallet-level features need from its transactions.
 *
 * @param number       height
 * @param hash         block hash
 * @param parentHash   parent's hash, for reorg detection
 * @param timestamp    unix seconds
 * @param transactions in block order
 */
public record BlockData(long number, String hash, String parentHash, long timestamp, List<Tx> transactions) {

    public BlockData {
        transactions = List.copyOf(transactions);
    }

    /**
     * @param hash     transaction hash
     * @param index    position in the block
     * @param from     sender (lower case)
     * @param to       recipient, or the created contract for deployments, or null
     * @param value    wei sent
     * @param gasPaid  gasUsed × effectiveGasPrice from the receipt, in wei
     * @param success  receipt status
     */
    public record Tx(String hash, int index, String from, String to, BigInteger value, BigInteger gasPaid, boolean success) {
    }
}
