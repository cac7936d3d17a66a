package io.creditlayer.service.chain;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a {@link ChainDevnet} for a test profile and points the service at it: RPC URL, deployment file, and the
 * scorer key as runtime configuration (never committed). The running devnet is {@link #devnet()}.
 */
public final class ChainDevnetResource implements QuarkusTestResourceLifecycleManager {
    private static volatile ChainDevnet current;

    public static ChainDevnet devnet() {
        ChainDevnet devnet = current;
        if (devnet == null) {
            throw new IllegalStateException("no devnet: the test profile must list ChainDevnetResource");
        }
        return devnet;
    }

    @Override
    public Map<String, String> start() {
        ChainDevnet devnet = ChainDevnet.start();
        current = devnet;
        return Map.of("creditlayer.chain.rpc-url", devnet.rpcUrl(),
                "creditlayer.chain.deployment-file", devnet.deploymentFile().toString(),
                "creditlayer.scorer.key", ChainDevnet.scorerKey(),
                "creditlayer.chain.monitor.enabled", "true");
    }

    @Override
    public void stop() {
        ChainDevnet devnet = current;
        current = null;
        if (devnet != null) {
            devnet.close();
        }
    }
}
