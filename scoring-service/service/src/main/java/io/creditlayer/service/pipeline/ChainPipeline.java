package io.creditlayer.service.pipeline;

import io.creditlayer.service.chain.ChainProgress;
import io.creditlayer.service.outbox.AttestationExpiry;
import io.creditlayer.features.api.DeploymentAddresses;
import io.creditlayer.features.api.Extractor;
import io.creditlayer.features.ingest.AdaptiveLogFetcher;
import io.creditlayer.features.ingest.ChainIngestor;
import io.creditlayer.features.ingest.EventStore;
import io.creditlayer.features.ingest.WalletEntry;
import io.creditlayer.features.profile.WalletProfile;
import io.creditlayer.features.rpc.Web3jChainSource;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.scoring.ScoringEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Follows the chain with the feature extractor and keeps the service's wallet profiles current: each run ingests
 * the confirmed blocks since the last one (the extractor rolls back and re-reads reorganised blocks), rebuilds the
 * profiles of the wallets with new activity as of the last confirmed block, stores them with their provenance and
 * advances the cursor in the same transaction, then evicts and rescores those wallets and expires attestations by
 * chain time.
 *
 * <p>The extractor keeps the event history in memory (or in its journal, with a checkpoint directory); the cursor
 * in the database says which blocks' activity the stored profiles already reflect, so a restarted service rebuilds
 * the history and refreshes only the wallets active after the cursor. A reorg that reaches below the cursor (deeper
 * than the confirmation depth) is detected by the cursor's block hash and answered with a full refresh.
 */
@ApplicationScoped
public class ChainPipeline {
    private static final Logger LOG = Logger.getLogger(ChainPipeline.class);
    static final String LAG_GAUGE = "creditlayer.pipeline.lag.blocks";

    private final ChainSettings chain;
    private final ScoringEngine scoring;
    private final ProfileStore profiles;
    private final AttestationExpiry expiry;
    private final ChainProgress progress;
    private final PipelineSettings settings;
    private final Timer runTimer;
    private final Counter refreshedCounter;
    private final Counter expiredCounter;
    private volatile double lagBlocks = Double.NaN;

    private Web3jChainSource source;
    private Extractor extractor;
    private long fromBlock;

    public ChainPipeline(ChainSettings chain, ScoringEngine scoring, ProfileStore profiles, AttestationExpiry expiry,
                         ChainProgress progress,
                         MeterRegistry metrics,
                         @ConfigProperty(name = "creditlayer.pipeline.enabled", defaultValue = "true") boolean enabled,
                         @ConfigProperty(name = "creditlayer.pipeline.confirmations", defaultValue = "12") int confirmations,
                         @ConfigProperty(name = "creditlayer.pipeline.max-reorg-depth", defaultValue = "256") int maxReorgDepth,
                         @ConfigProperty(name = "creditlayer.pipeline.from-block") OptionalLong fromBlock,
                         @ConfigProperty(name = "creditlayer.pipeline.checkpoint-dir") Optional<String> checkpointDir,
                         @ConfigProperty(name = "creditlayer.pipeline.scenario-file") Optional<String> scenarioFile,
                         @ConfigProperty(name = "creditlayer.pipeline.refresh-after", defaultValue = "P1D") Duration refreshAfter,
                         @ConfigProperty(name = "creditlayer.pipeline.refresh-batch", defaultValue = "500") int refreshBatch) {
        this.chain = chain;
        this.scoring = scoring;
        this.profiles = profiles;
        this.progress = progress;
        this.expiry = expiry;
        this.settings = new PipelineSettings(enabled, confirmations, maxReorgDepth, fromBlock,
                checkpointDir.filter(d -> !d.isBlank()).map(Path::of), scenarioFile.filter(f -> !f.isBlank()).map(Path::of),
                refreshAfter, refreshBatch);
        // a gauge left by an earlier application in this JVM (tests, dev-mode reloads) would keep reporting the old
        // pipeline, whose instance is gone (NaN): replace it
        Gauge stale = metrics.find(LAG_GAUGE).gauge();
        if (stale != null) {
            metrics.remove(stale);
        }
        Gauge.builder(LAG_GAUGE, this, p -> p.lagBlocks)
                .description("blocks between the chain head and the last block the wallet profiles reflect")
                .register(metrics);
        this.runTimer = Timer.builder("creditlayer.pipeline.run").description("pipeline runs").register(metrics);
        this.refreshedCounter = Counter.builder("creditlayer.pipeline.profiles.refreshed")
                .description("wallet profiles written by the pipeline").register(metrics);
        this.expiredCounter = Counter.builder("creditlayer.pipeline.attestations.expired")
                .description("attestations the pipeline marked expired").register(metrics);
    }

    /** Registers the metrics at start, before the first run. */
    void onStart(@Observes StartupEvent event) {
        LOG.debugf("pipeline %s", settings.enabled() ? "enabled" : "disabled");
    }

    public PipelineSettings settings() {
        return settings;
    }

    /** Chain head minus the cursor, as of the last run (NaN before the first). */
    public double lagBlocks() {
        return lagBlocks;
    }

    /** One pass: ingest, refresh changed profiles, rescore, expire. Runs are serialised. */
    public synchronized PipelineRun runOnce() {
        return runTimer.record(this::run);
    }

    private PipelineRun run() {
        Extractor x = extractor();
        Optional<PipelineCursor> cursor = QuarkusTransaction.requiringNew().call(
                () -> Optional.ofNullable(PipelineCursor.<PipelineCursor>findById(PipelineCursor.PROFILES)));
        cursor.ifPresent(this::requireSameOrigin);
        long previous = cursor.map(c -> c.lastBlock).orElse(fromBlock - 1);

        long asOf = x.poll();
        long head = source.latestBlockNumber().orThrow();
        EventStore store = x.store();
        if (asOf < fromBlock || asOf < previous) {
            // nothing confirmed yet, or the ingested chain is behind the cursor (shorter after a reorg, or
            // more confirmations now): the stored profiles already reflect more than there is to read
            lagBlocks = Math.max(0, head - Math.max(previous, fromBlock - 1));
            return new PipelineRun(previous, previous, head, List.of(), 0, expire(), false);
        }
        EventStore.BlockInfo asOfBlock = store.block(asOf).orElseThrow();

        boolean fullRefresh = cursor.isPresent() && !cursor.get().lastBlockHash.equals(
                store.block(previous).map(EventStore.BlockInfo::hash).orElse(""));
        Set<String> wallets = new TreeSet<>();
        Set<String> gone = new TreeSet<>();
        if (fullRefresh) {
            LOG.warnf("block %d changed under the pipeline cursor (reorg deeper than %d confirmations): refreshing "
                    + "every profile", previous, settings.confirmations());
            for (String wallet : store.wallets()) {
                if (active(store.history(wallet))) {
                    wallets.add(wallet);
                }
            }
            for (String stored : QuarkusTransaction.requiringNew().call(profiles::addresses)) {
                if (!wallets.contains(stored)) {
                    gone.add(stored);
                }
            }
        } else {
            for (String wallet : store.wallets()) {
                List<WalletEntry> history = store.history(wallet);
                if (!history.isEmpty() && history.getLast().block() > previous && active(history)) {
                    wallets.add(wallet);
                }
            }
            long staleBefore = asOfBlock.timestamp() - settings.refreshAfter().toSeconds();
            for (String stale : QuarkusTransaction.requiringNew().call(() -> profiles.staleAddresses(staleBefore,
                    settings.refreshBatch()))) {
                if (active(store.history(stale))) {
                    wallets.add(stale);
                }
            }
        }

        List<WalletProfile> built = new ArrayList<>(wallets.size());
        for (String wallet : wallets) {
            built.add(x.profile(wallet, asOf));
        }
        boolean advanced = QuarkusTransaction.requiringNew().call(() -> {
            PipelineCursor current = PipelineCursor.findById(PipelineCursor.PROFILES, LockModeType.PESSIMISTIC_WRITE);
            if (current == null ? cursor.isPresent() : current.lastBlock != previous) {
                return false; // another instance advanced the cursor since this run read it: its profiles stand
            }
            profiles.upsert(built);
            profiles.delete(gone);
            if (current == null) {
                current = new PipelineCursor();
                current.name = PipelineCursor.PROFILES;
                current.chainId = chain.chainId();
                current.fromBlock = fromBlock;
                current.lastBlock = asOf;
                current.lastBlockHash = asOfBlock.hash();
                current.updatedAt = Instant.now();
                current.persist();
            } else {
                current.lastBlock = asOf;
                current.lastBlockHash = asOfBlock.hash();
                current.updatedAt = Instant.now();
            }
            return true;
        });
        if (!advanced) {
            LOG.info("another pipeline instance advanced the cursor; this run's profiles were discarded");
            return new PipelineRun(previous, previous, head, List.of(), 0, expire(), false);
        }
        refreshedCounter.increment(built.size());
        gone.forEach(scoring::evict);
        int rescored = rescore(wallets);
        lagBlocks = Math.max(0, head - asOf);
        progress.processed(asOf);
        int expired = expire();
        if (!wallets.isEmpty() || expired > 0) {
            LOG.infof("pipeline: blocks %d..%d, %d profiles refreshed, %d rescored, %d attestations expired",
                    previous + 1, asOf, wallets.size(), rescored, expired);
        }
        return new PipelineRun(previous, asOf, head, List.copyOf(wallets), rescored, expired, fullRefresh);
    }

    /** Evicts cached scores and, when a model is active, computes and stores the new ones. */
    private int rescore(Set<String> wallets) {
        wallets.forEach(scoring::evict);
        if (scoring.activeModel().isEmpty()) {
            return 0;
        }
        int rescored = 0;
        for (String wallet : wallets) {
            try {
                scoring.score(wallet);
                rescored++;
            } catch (RuntimeException e) {
                LOG.warnf("rescoring %s failed: %s", wallet, e.getMessage());
            }
        }
        return rescored;
    }

    private int expire() {
        AttestationExpiry.Expired lapsed = expiry.expireAt(chain.latestBlockTimestamp());
        int expired = lapsed.issued() + lapsed.queued();
        expiredCounter.increment(expired);
        return expired;
    }

    /** A wallet gets a profile once it has sent a transaction (as the extractor's scoring snapshot). */
    private static boolean active(List<WalletEntry> history) {
        for (WalletEntry entry : history) {
            if (entry.tx() != null && entry.outgoing()) {
                return true;
            }
        }
        return false;
    }

    private void requireSameOrigin(PipelineCursor cursor) {
        if (cursor.chainId != chain.chainId() || cursor.fromBlock != fromBlock) {
            throw new IllegalStateException("the pipeline cursor was built from block " + cursor.fromBlock + " of chain "
                    + cursor.chainId + ", but the service reads chain " + chain.chainId() + " from block " + fromBlock
                    + "; delete the pipeline_cursor row to rebuild every profile");
        }
    }

    private Extractor extractor() {
        if (extractor == null) {
            ChainSettings.Contracts contracts = chain.contracts();
            long start = settings.fromBlock().orElse(contracts.deployedAtBlock());
            Web3jChainSource connected = Web3jChainSource.connect(chain.rpcUrl(), chain.chainId(),
                    Web3jChainSource.Options.defaults());
            try {
                Extractor created = new Extractor(connected,
                        DeploymentAddresses.read(chain.deploymentFile(), settings.scenarioFile().orElse(null)),
                        new ChainIngestor.Options(AdaptiveLogFetcher.Options.defaults(), settings.confirmations(),
                                settings.maxReorgDepth()),
                        settings.checkpointDir().orElse(null));
                created.start(start);
                source = connected;
                extractor = created;
                fromBlock = start;
            } catch (RuntimeException e) {
                connected.close();
                throw e;
            }
        }
        return extractor;
    }

    /** Forgets the in-memory history, as a restart would (the cursor stays in the database). */
    synchronized void restart() {
        close();
    }

    @PreDestroy
    synchronized void close() {
        if (source != null) {
            source.close();
        }
        source = null;
        extractor = null;
    }
}
