package io.creditlayer.deploy.devnet;

import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.deploy.config.DeploymentConfig;
import io.creditlayer.deploy.config.KeySource;

import java.util.List;

/** The devnet's deployment config: devnet accounts in every role, devnet tokens, a one-minute timelock. */
public final class DevnetConfig {
    public static final long TIMELOCK_DELAY_SECONDS = 60;

    private DevnetConfig() {
    }

    public static DeploymentConfig forRpc(String rpcUrl) {
        return new DeploymentConfig(
                new DeploymentConfig.Network("devnet", rpcUrl, Anvil.CHAIN_ID),
                // The devnet deployer is derived from the fixed mnemonic; this names the variable a real network would use.
                KeySource.fromEnv("CREDITLAYER_DEPLOYER_KEY"),
                List.of(DevnetAccounts.DEPLOYER.address()),
                TIMELOCK_DELAY_SECONDS,
                DevnetAccounts.GUARDIAN.address(),
                List.of(DevnetAccounts.SCORER.address()),
                List.of(DevnetAccounts.SCORER.address()),
                null,
                new DeploymentConfig.Irm(200, 400, 6_000, 8_000),
                "CreditLayer dUSD Lending Shares",
                "cldUSD");
    }
}
