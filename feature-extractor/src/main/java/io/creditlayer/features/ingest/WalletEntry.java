package io.creditlayer.features.ingest;

import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.rpc.BlockData;

/**
 * One item of a wallet's history: either a decoded event or a transaction it sent or received.
 *
 * @param block     block height
 * @param timestamp block time, unix seconds
 * @param event     the decoded event, or null for a transaction entry
 * @param tx        the transaction, or null for an event entry
 * @param outgoing  for transactions and transfers: the wallet is the sender
 */
public record WalletEntry(long block, long timestamp, DecodedEvent event, BlockData.Tx tx, boolean outgoing) {
}
