package io.creditlayer.service.outbox;

import io.creditlayer.service.chain.ChainProgress;
import io.creditlayer.service.chain.ChainStatus;
import io.creditlayer.service.store.OutboxEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Optional;

/**
 * Prometheus meters of chain posting: outbox depth (entries pending or in flight), chain lag, and counters of
 * transactions sent and entries confirmed or failed. Gauges read values refreshed in the background, so a scrape
 * never waits on the database or the node.
 */
@ApplicationScoped
public class OutboxMetrics {
    private final ChainStatus chain;
    private final ChainProgress progress;
    private final boolean monitorChain;
    private final Counter sent;
    private final Counter confirmed;
    private final Counter failed;
    private volatile double depth = Double.NaN;

    public OutboxMetrics(MeterRegistry registry, ChainStatus chain, ChainProgress progress,
                         @ConfigProperty(name = "creditlayer.chain.monitor.enabled", defaultValue = "true") boolean monitorChain) {
        this.chain = chain;
        this.progress = progress;
        this.monitorChain = monitorChain;
        this.sent = counter(registry, "sent", "transactions signed and accepted by the node (replacements included)");
        this.confirmed = counter(registry, "confirmed", "outbox entries whose effect is on-chain with enough confirmations");
        this.failed = counter(registry, "failed", "outbox entries given up: refused, reverted, over the gas cap or expired");
        Gauge.builder("creditlayer.outbox.depth", this, m -> m.depth)
                .description("outbox entries pending or in flight").register(registry);
        Gauge.builder("creditlayer.chain.lag.blocks", this, OutboxMetrics::lagBlocks)
                .description("head block minus the last block the chain-following pipeline processed").register(registry);
        Gauge.builder("creditlayer.chain.head.age.seconds", this, OutboxMetrics::headAgeSeconds)
                .description("seconds since the latest block's timestamp (chain time; a devnet's clock may differ)")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("creditlayer.outbox.tx").tag("outcome", outcome).description(description).register(registry);
    }

    void sent() {
        sent.increment();
    }

    void confirmed() {
        confirmed.increment();
    }

    void failed() {
        failed.increment();
    }

    /** Re-reads the outbox depth and, when the chain is monitored, probes the node. */
    @Scheduled(every = "${creditlayer.metrics.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            depth = QuarkusTransaction.requiringNew().call(OutboxEntry::depth);
        } catch (RuntimeException e) {
            depth = Double.NaN;
        }
        if (monitorChain) {
            chain.probe();
        }
    }

    public double depth() {
        return depth;
    }

    double lagBlocks() {
        Optional<ChainStatus.Probe> probe = chain.last().filter(ChainStatus.Probe::up);
        if (probe.isEmpty() || progress.lastProcessed().isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, probe.get().headBlock() - progress.lastProcessed().getAsLong());
    }

    double headAgeSeconds() {
        return chain.last().filter(ChainStatus.Probe::up)
                .map(p -> (double) (Instant.now().getEpochSecond() - p.headTimestamp())).orElse(Double.NaN);
    }
}
