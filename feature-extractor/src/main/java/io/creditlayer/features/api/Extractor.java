package io.creditlayer.features.api;

import io.creditlayer.features.cohort.CohortSignalBuilder;
import io.creditlayer.features.cohort.CohortSignals;
import io.creditlayer.features.cohort.CounterpartyLabels;
import io.creditlayer.features.decode.EventDecoder;
import io.creditlayer.features.decode.KnownContracts;
import io.creditlayer.features.ingest.ChainIngestor;
import io.creditlayer.features.ingest.EventStore;
import io.creditlayer.features.ingest.Journal;
import io.creditlayer.features.profile.ProfileBuilder;
import io.creditlayer.features.profile.TrainingRow;
import io.creditlayer.features.profile.TrainingSet;
import io.creditlayer.features.profile.WalletProfile;
import io.creditlayer.features.rpc.ChainSource;
import io.creditlayer.features.rpc.RpcResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extractor's in-memory API, used by the CLI and by the scoring service: ingest a chain (or follow it), then
 * ask for point-in-time profiles, scoring snapshots and labelled training rows.
 */
public final class Extractor {
    private static final int DEFAULT_DECIMALS = 18;

    private final ChainSource source;
    private final KnownContracts known;
    private final EventStore store = new EventStore();
    private final ChainIngestor ingestor;
    private final ProfileBuilder profiles;
    private final Map<String, Integer> decimals = new ConcurrentHashMap<>();

    /**
     * @param checkpointDir where to journal and checkpoint, or null to keep everything in memory only
     */
    public Extractor(ChainSource source, KnownContracts known, ChainIngestor.Options options, Path checkpointDir) {
        if (known.chainId() != source.chainId()) {
            throw new IllegalArgumentException("address book is for chain " + known.chainId() + ", endpoint serves chain "
                    + source.chainId());
        }
        this.source = source;
        this.known = known;
        this.ingestor = new ChainIngestor(source, new EventDecoder(known), store, options,
                checkpointDir == null ? null : new Journal(checkpointDir));
        this.profiles = new ProfileBuilder(store, source.chainId(), known.stablecoins(), known.mixers(), this::decimalsOf);
    }

    /** Starts at {@code fromBlock} or resumes from the checkpoint; returns the next block to ingest. */
    public long start(long fromBlock) {
        return ingestor.start(fromBlock);
    }

    public void ingestTo(long toBlock) {
        ingestor.ingestTo(toBlock);
    }

    /** Follows the head at the configured confirmation depth; returns the last ingested block. */
    public long poll() {
        return ingestor.poll();
    }

    public WalletProfile profile(String wallet, long asOfBlock) {
        return profiles.build(wallet, asOfBlock);
    }

    /**
     * The wallet's cohort signals as of a block (funding source of its first inflow, UTC hours of its transactions,
     * chain): for fairness audits only, never features.
     *
     * @param labels exchange, bridge and faucet labels of this chain (mixers come from the address book)
     */
    public CohortSignals cohortSignals(String wallet, long asOfBlock, CounterpartyLabels labels) {
        return new CohortSignalBuilder(store, source.chainId(), known.mixers(), labels).build(wallet, asOfBlock);
    }

    public List<WalletProfile> snapshot(long asOfBlock) {
        return new TrainingSet(store, profiles).snapshot(asOfBlock);
    }

    public List<TrainingRow> trainingRows(long horizonSeconds) {
        return new TrainingSet(store, profiles).borrowRows(horizonSeconds);
    }

    public EventStore store() {
        return store;
    }

    public ChainIngestor.Stats stats() {
        return ingestor.stats();
    }

    public ChainIngestor ingestor() {
        return ingestor;
    }

    public KnownContracts knownContracts() {
        return known;
    }

    private int decimalsOf(String token) {
        return decimals.computeIfAbsent(token, t -> switch (source.tokenDecimals(t)) {
            case RpcResult.Ok<Integer> ok -> ok.value();
            case RpcResult.Err<Integer> err -> DEFAULT_DECIMALS;
        });
    }
}
