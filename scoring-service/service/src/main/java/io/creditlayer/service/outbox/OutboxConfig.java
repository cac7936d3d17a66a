package io.creditlayer.service.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** {@code creditlayer.outbox.*}: see {@link OutboxSettings} for what each means. */
@ConfigMapping(prefix = "creditlayer.outbox")
public interface OutboxConfig {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("1s")
    Duration interval();

    @WithDefault("20")
    int batchSize();

    @WithDefault("1000000")
    long gasCap();

    @WithDefault("25")
    int gasHeadroomPercent();

    @WithDefault("200")
    BigDecimal maxFeeGwei();

    @WithDefault("1")
    BigDecimal minPriorityFeeGwei();

    @WithDefault("12.5")
    BigDecimal feeBumpPercent();

    @WithDefault("60s")
    Duration resubmitAfter();

    @WithDefault("1")
    int confirmations();

    @WithDefault("1s")
    Duration backoffInitial();

    @WithDefault("5m")
    Duration backoffMax();

    @WithDefault("10")
    int feeHistoryBlocks();

    @WithDefault("none")
    CrashPoint crashAfter();
}
