package io.creditlayer.service.borrower;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.scenario.ScenarioDevnet;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.web3j.utils.Numeric;

import java.nio.file.Path;
import java.util.Map;

/**
 * Anvil with the whole CreditLayer system deployed, for the attestation tests. The scorer key is the devnet's
 * public anvil test key (DevnetAccounts.SCORER), handed to the service as runtime test configuration only.
 */
public final class BorrowerDevnetResource implements QuarkusTestResourceLifecycleManager {
    static final Path DEPLOYMENT_FILE = Path.of("target/borrower-devnet/deployment.json").toAbsolutePath();

    private Anvil anvil;
    private ChainClient chain;

    @Override
    public Map<String, String> start() {
        anvil = ScenarioDevnet.startAnvil();
        chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
        Deployment deployment = ScenarioDevnet.deploy(chain, anvil.rpcUrl(), line -> { });
        deployment.write(DEPLOYMENT_FILE);
        String scorerKey = Numeric.toHexStringWithPrefixZeroPadded(
                DevnetAccounts.SCORER.credentials().getEcKeyPair().getPrivateKey(), 64);
        return Map.of("creditlayer.chain.rpc-url", anvil.rpcUrl(),
                "creditlayer.chain.chain-id", Long.toString(Anvil.CHAIN_ID),
                "creditlayer.chain.deployment-file", DEPLOYMENT_FILE.toString(),
                "creditlayer.scorer.key", scorerKey);
    }

    @Override
    public void stop() {
        if (chain != null) {
            chain.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }
}
