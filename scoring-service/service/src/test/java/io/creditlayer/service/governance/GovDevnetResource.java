package io.creditlayer.service.governance;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.scenario.ScenarioDevnet;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A devnet for the governance and pipeline tests: anvil with the whole system deployed (ScenarioDevnet, 12-second
 * blocks), its deployment file, and the service pointed at it with the scorer's devnet key. Tests reach the chain
 * through the same configuration ({@code creditlayer.chain.rpc-url}, {@code creditlayer.chain.deployment-file}).
 */
public final class GovDevnetResource implements QuarkusTestResourceLifecycleManager {
    /** Blocks the pipeline keeps behind the head in these tests. */
    public static final int CONFIRMATIONS = 2;

    private Anvil anvil;

    @Override
    public Map<String, String> start() {
        anvil = ScenarioDevnet.startAnvil();
        try (ChainClient chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet())) {
            Deployment deployment = ScenarioDevnet.deploy(chain, anvil.rpcUrl(), line -> { });
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "gov-devnet-");
            Path file = dir.resolve("deployment.json").toAbsolutePath();
            deployment.write(file);
            String scorerKey = Numeric.toHexStringWithPrefixZeroPadded(
                    DevnetAccounts.SCORER.credentials().getEcKeyPair().getPrivateKey(), 64);
            return Map.of("quarkus.log.category.\"io.creditlayer.service.governance\".level", "DEBUG",
                    "creditlayer.chain.rpc-url", anvil.rpcUrl(),
                    "creditlayer.chain.chain-id", Long.toString(Anvil.CHAIN_ID),
                    "creditlayer.chain.deployment-file", file.toString(),
                    "creditlayer.scorer.key", scorerKey,
                    "creditlayer.governance.timelock-recheck", "2s",
                    "creditlayer.pipeline.confirmations", Integer.toString(CONFIRMATIONS));
        } catch (IOException e) {
            anvil.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }
}
