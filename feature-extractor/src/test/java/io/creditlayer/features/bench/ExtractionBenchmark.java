package io.creditlayer.features.bench;

import io.creditlayer.features.api.DeploymentAddresses;
import io.creditlayer.features.api.Extractor;
import io.creditlayer.features.decode.EventDecoder;
import io.creditlayer.features.decode.KnownContracts;
import io.creditlayer.features.ingest.AdaptiveLogFetcher;
import io.creditlayer.features.ingest.ChainIngestor;
import io.creditlayer.features.ingest.EventStore;
import io.creditlayer.features.profile.ProfileBuilder;
import io.creditlayer.features.profile.WalletProfile;
import io.creditlayer.features.rpc.BlockData;
import io.creditlayer.features.rpc.LogQuery;
import io.creditlayer.features.rpc.Web3jChainSource;
import org.web3j.protocol.core.methods.response.Log;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extraction benchmark over a devnet history (run by feature-extractor/bench/extract-bench.sh):
 * <ol>
 *   <li>raw eth_getLogs over the whole range (same filter and chunking, no processing);</li>
 *   <li>raw block + receipt batches over the whole range (no processing);</li>
 *   <li>the full extraction (fetch, decode, store, profiles of every wallet), timed end to end;</li>
 *   <li>the decode-and-aggregate stage alone on the logs fetched in step 1, repeated, without any I/O.</li>
 * </ol>
 * Arguments: RPC URL, deployment.json, scenario.json (or "-").
 */
public final class ExtractionBenchmark {
    public static void main(String[] args) {
        String rpc = args[0];
        KnownContracts known = DeploymentAddresses.read(Path.of(args[1]), args.length > 2 && !args[2].equals("-") ? Path.of(args[2]) : null);
        Web3jChainSource.Options rpcOptions = new Web3jChainSource.Options(100_000, 3, java.time.Duration.ofMillis(100), 100);
        try (Web3jChainSource source = Web3jChainSource.connect(rpc, known.chainId(), rpcOptions)) {
            long head = source.latestBlockNumber().orThrow();
            EventDecoder decoder = new EventDecoder(known);
            LogQuery query = new LogQuery(List.of(), List.copyOf(decoder.topics()));

            long t0 = System.nanoTime();
            List<Log> logs = new ArrayList<>();
            new AdaptiveLogFetcher(source, AdaptiveLogFetcher.Options.defaults())
                    .fetch(0, head, query, (from, to, chunk) -> logs.addAll(chunk));
            long rawLogs = System.nanoTime() - t0;

            long t1 = System.nanoTime();
            List<BlockData> blocks = source.blocks(0, head).orThrow();
            long rawBlocks = System.nanoTime() - t1;

            long t2 = System.nanoTime();
            Extractor extractor = new Extractor(source, known, new ChainIngestor.Options(AdaptiveLogFetcher.Options.defaults(), 0, 64), null);
            extractor.start(0);
            extractor.ingestTo(head);
            long ingested = System.nanoTime() - t2;
            long t3 = System.nanoTime();
            List<WalletProfile> profiles = extractor.snapshot(head);
            long profiling = System.nanoTime() - t3;
            long full = ingested + profiling;

            // Decode and aggregate alone: the logs and blocks already in memory, into a fresh store, then profiles.
            int rounds = 5;
            long best = Long.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                long s = System.nanoTime();
                EventStore store = new EventStore();
                ChainIngestor.decodeInto(decoder, store, blocks, logs);
                ProfileBuilder builder = new ProfileBuilder(store, known.chainId(), known.stablecoins(), known.mixers(), t -> 18);
                for (WalletProfile p : profiles) {
                    builder.build(p.wallet(), head);
                }
                best = Math.min(best, System.nanoTime() - s);
            }

            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            double rawFetch = (rawLogs + rawBlocks) / 1e9;
            System.out.printf("range                      blocks 0..%,d: %,d logs, %,d blocks, %,d wallets profiled%n",
                    head, logs.size(), blocks.size(), profiles.size());
            System.out.printf("raw eth_getLogs            %.2f s%n", rawLogs / 1e9);
            System.out.printf("raw blocks + receipts      %.2f s%n", rawBlocks / 1e9);
            System.out.printf("full extraction            %.2f s (ingest %.2f s + profiles %.2f s): %,.0f logs/s, %,.0f wallets/s%n",
                    full / 1e9, ingested / 1e9, profiling / 1e9, logs.size() / (full / 1e9), profiles.size() / (full / 1e9));
            System.out.printf("processing overhead        %+.0f%% over the raw fetch of the same data (logs + blocks), %+.0f%% over raw eth_getLogs alone%n",
                    100 * (full / 1e9 - rawFetch) / rawFetch, 100 * (full - rawLogs) / (double) rawLogs);
            System.out.printf("decode + aggregate alone   %,.0f logs/s (best of %d, %,d logs, no I/O)%n",
                    logs.size() / (best / 1e9), rounds, logs.size());
            System.out.printf("peak heap                  %,d MiB%n", peak / (1024 * 1024));
        }
    }
}
