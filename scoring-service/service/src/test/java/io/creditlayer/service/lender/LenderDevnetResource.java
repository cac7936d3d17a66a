package io.creditlayer.service.lender;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.deploy.scenario.ScenarioDevnet;
import io.creditlayer.features.profile.FeatureSchema;
import io.creditlayer.model.CreditModel;
import io.creditlayer.service.testing.TestModel;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A devnet for the lender tests: anvil, the whole system deployed, the test model approved in the ModelRegistry
 * through the timelock (so the oracle accepts its attestations), and the deployment file the service reads. The
 * scorer key is anvil's well-known test account 1, passed as runtime configuration, never committed.
 */
public final class LenderDevnetResource implements QuarkusTestResourceLifecycleManager {
    private Anvil anvil;

    @Override
    public Map<String, String> start() {
        anvil = ScenarioDevnet.startAnvil();
        try (ChainClient chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet())) {
            Deployment deployment = ScenarioDevnet.deploy(chain, anvil.rpcUrl(), line -> { });
            CreditModel model = CreditModel.load(TestModel.dir());
            new DevnetMarket(chain, deployment).approveModel(Numeric.hexStringToByteArray(model.modelId()),
                    Numeric.hexStringToByteArray(model.artifact().hash()), FeatureSchema.hash(),
                    Hash.sha3("lender test fairness report".getBytes(StandardCharsets.UTF_8)));
            Path file = Path.of("target/lender-devnet/deployment.json").toAbsolutePath();
            deployment.write(file);
            return Map.of("creditlayer.chain.rpc-url", anvil.rpcUrl(),
                    "creditlayer.chain.chain-id", Long.toString(Anvil.CHAIN_ID),
                    "creditlayer.chain.deployment-file", file.toString(),
                    "creditlayer.scorer.key", Numeric.toHexStringWithPrefixZeroPadded(
                            DevnetAccounts.SCORER.credentials().getEcKeyPair().getPrivateKey(), 64));
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot set up the lender test devnet: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (anvil != null) {
            anvil.close();
            anvil = null;
        }
    }
}
