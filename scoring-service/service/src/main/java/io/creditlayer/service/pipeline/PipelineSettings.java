package io.creditlayer.service.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The pipeline's configuration ({@code creditlayer.pipeline.*}).
 *
 * @param enabled        run on the schedule (tests call {@link ChainPipeline#runOnce()} themselves)
 * @param confirmations  blocks behind the head that count as final: only those are ingested, so a reorg shallower
 *                       than this never reaches a profile
 * @param maxReorgDepth  how far back the extractor looks for the common ancestor after a reorg
 * @param fromBlock      first block to read; empty: the deployment's block
 * @param checkpointDir  the extractor's journal, so a restart replays the event history from disk rather than the
 *                       chain; empty: in memory only
 * @param scenarioFile   the devnet scenario manifest (mixer addresses for the mixer features); empty on real networks
 * @param refreshAfter   profiles whose as-of time is older than this (chain time) are refreshed even without new
 *                       activity, so time-based features (wallet age, days since last activity) do not go stale
 * @param refreshBatch   at most this many such stale profiles per run
 */
public record PipelineSettings(boolean enabled, int confirmations, int maxReorgDepth, OptionalLong fromBlock,
                               Optional<Path> checkpointDir, Optional<Path> scenarioFile, Duration refreshAfter,
                               int refreshBatch) {
    public PipelineSettings {
        if (confirmations < 0 || confirmations > 10_000) {
            throw new IllegalArgumentException("creditlayer.pipeline.confirmations must be between 0 and 10000");
        }
        if (maxReorgDepth < 1) {
            throw new IllegalArgumentException("creditlayer.pipeline.max-reorg-depth must be at least 1");
        }
        if (fromBlock.isPresent() && fromBlock.getAsLong() < 0) {
            throw new IllegalArgumentException("creditlayer.pipeline.from-block must not be negative");
        }
        if (refreshAfter.isNegative() || refreshAfter.isZero()) {
            throw new IllegalArgumentException("creditlayer.pipeline.refresh-after must be positive");
        }
        if (refreshBatch < 0) {
            throw new IllegalArgumentException("creditlayer.pipeline.refresh-batch must not be negative");
        }
    }
}
