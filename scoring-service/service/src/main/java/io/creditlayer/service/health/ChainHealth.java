package io.creditlayer.service.health;

import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.chain.ChainStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the node answers the latest block within the health timeout, serves the configured chain id, and the
 * deployment file names the contracts. Each check probes afresh, so readiness returns by itself with the node.
 * Off ({@code creditlayer.chain.monitor.enabled=false}) for test profiles that run without a devnet.
 */
@Readiness
@ApplicationScoped
public class ChainHealth implements HealthCheck {
    private final ChainStatus status;
    private final ChainSettings settings;
    private final boolean enabled;

    public ChainHealth(ChainStatus status, ChainSettings settings,
                       @ConfigProperty(name = "creditlayer.chain.monitor.enabled", defaultValue = "true") boolean enabled) {
        this.status = status;
        this.settings = settings;
        this.enabled = enabled;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("chain").withData("chainId", settings.chainId());
        if (!enabled) {
            return response.up().withData("monitor", "disabled").build();
        }
        ChainStatus.Probe probe = status.probe();
        response.withData("latencyMillis", probe.latencyMillis());
        if (!probe.up()) {
            return response.down().withData("problem", probe.problem()).build();
        }
        response.withData("headBlock", probe.headBlock()).withData("headTimestamp", probe.headTimestamp());
        try {
            response.withData("creditOracle", settings.contracts().creditOracle());
        } catch (IllegalStateException e) {
            return response.down().withData("problem", e.getMessage()).build();
        }
        return response.up().build();
    }
}
