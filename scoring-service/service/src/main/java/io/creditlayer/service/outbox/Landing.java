package io.creditlayer.service.outbox;

import java.math.BigInteger;

/**
 * Where an entry's effect landed on-chain.
 *
 * @param txHash      the transaction that carried it (null if a foreign submission could not be found)
 * @param blockNumber its block (null when unknown)
 * @param gasUsed     gas it used when the worker sent it, null for a foreign submission
 * @param byWorker    whether the worker's own transaction landed it (false: an earlier or foreign submission did)
 */
public record Landing(String txHash, Long blockNumber, BigInteger gasUsed, boolean byWorker) {
}
