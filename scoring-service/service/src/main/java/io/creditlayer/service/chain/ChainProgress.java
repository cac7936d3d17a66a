package io.creditlayer.service.chain;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last block a chain-following job (the profile pipeline) has fully processed, for the chain-lag gauge.
 * Jobs call {@link #processed(long)} after each block range; until one does, the lag is reported as head age.
 */
@ApplicationScoped
public class ChainProgress {
    private final AtomicLong lastProcessed = new AtomicLong(-1);

    public void processed(long blockNumber) {
        if (blockNumber < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + blockNumber);
        }
        lastProcessed.accumulateAndGet(blockNumber, Math::max);
    }

    public OptionalLong lastProcessed() {
        long value = lastProcessed.get();
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
