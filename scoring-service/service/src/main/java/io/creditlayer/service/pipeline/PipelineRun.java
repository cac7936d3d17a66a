package io.creditlayer.service.pipeline;

import java.util.List;

/**
 * What one pipeline run did.
 *
 * @param previousBlock    the cursor before the run (-1: first run)
 * @param asOfBlock        the cursor after it: the last confirmed block ingested, the profiles' as-of block
 * @param head             the chain head seen
 * @param refreshed        wallets whose profiles were written, sorted
 * @param rescored         of those, how many were rescored (none without an active model)
 * @param expired          attestations marked EXPIRED
 * @param fullRefresh      a reorg reached below the cursor, so every profile was rebuilt
 */
public record PipelineRun(long previousBlock, long asOfBlock, long head, List<String> refreshed, int rescored,
                          int expired, boolean fullRefresh) {
    public PipelineRun {
        refreshed = List.copyOf(refreshed);
    }
}
