package io.creditlayer.service.chain;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.ChainException;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.deploy.scenario.ScenarioDevnet;
import io.creditlayer.model.CreditModel;
import io.creditlayer.service.testing.TestModel;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A devnet for the chain tests: anvil with the scenario's genesis time and roomy blocks but fee-ordered
 * transactions (so a test can let a higher-tipped transaction overtake the worker's), the whole system deployed,
 * and the test model registered, fairness-recorded and approved through the timelock.
 */
public final class ChainDevnet implements AutoCloseable {
    private final Anvil.Options options;
    private Anvil anvil;
    private final ChainClient chain;
    private final Deployment deployment;
    private final Path deploymentFile;
    private final String modelId;

    private ChainDevnet(Anvil.Options options, Anvil anvil, ChainClient chain, Deployment deployment,
                        Path deploymentFile, String modelId) {
        this.options = options;
        this.anvil = anvil;
        this.chain = chain;
        this.deployment = deployment;
        this.deploymentFile = deploymentFile;
        this.modelId = modelId;
    }

    public static ChainDevnet start() {
        Anvil.Options options = Anvil.Options.defaults().withGenesisTimestamp(ScenarioDevnet.GENESIS_TIMESTAMP)
                .withBlockGasLimit(ScenarioDevnet.BLOCK_GAS_LIMIT);
        Anvil anvil = Anvil.start(options);
        try {
            ChainClient chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
            Deployment deployment = ScenarioDevnet.deploy(chain, anvil.rpcUrl(), line -> { });
            Path file = Path.of("target/chain-devnet-" + anvil.port(), "deployment.json").toAbsolutePath();
            deployment.write(file);
            CreditModel model = CreditModel.load(TestModel.dir());
            new DevnetMarket(chain, deployment).approveModel(Numeric.hexStringToByteArray(model.modelId()),
                    Numeric.hexStringToByteArray(model.modelId()), Numeric.hexStringToByteArray(model.schema().hash()),
                    Hash.sha3("chain test fairness report".getBytes(StandardCharsets.UTF_8)));
            return new ChainDevnet(options, anvil, chain, deployment, file, model.modelId());
        } catch (Exception e) {
            anvil.close();
            throw new IllegalStateException("devnet setup failed: " + e.getMessage(), e);
        }
    }

    public String rpcUrl() {
        return anvil.rpcUrl();
    }

    public ChainClient chain() {
        return chain;
    }

    public Deployment deployment() {
        return deployment;
    }

    public Path deploymentFile() {
        return deploymentFile;
    }

    public String modelId() {
        return modelId;
    }

    public DevnetMarket market() {
        return new DevnetMarket(chain, deployment);
    }

    /** The scorer's key as the service reads it (the public anvil key of account 1: devnet only). */
    public static String scorerKey() {
        return Numeric.toHexStringWithPrefixZeroPadded(DevnetAccounts.SCORER.credentials().getEcKeyPair().getPrivateKey(), 64);
    }

    /** Calls an anvil/EVM control method (evm_mine, evm_setAutomine, anvil_dropTransaction, ...). */
    public Object control(String method, Object... params) {
        try {
            Response<?> response = new Request<>(method, List.of(params), chain.service(), Response.class).send();
            if (response.hasError()) {
                throw new ChainException(method + " failed: " + response.getError().getMessage());
            }
            return response.getResult();
        } catch (IOException e) {
            throw new ChainException(method + " failed: " + e.getMessage(), e);
        }
    }

    public void automine(boolean on) {
        control("evm_setAutomine", on);
    }

    public void mine() {
        control("evm_mine");
    }

    /** Stops the node (its state is lost); {@link #restart()} brings a fresh one up on the same port. */
    public void stop() {
        anvil.close();
    }

    public void restart() {
        anvil = Anvil.start(anvil.port(), options);
    }

    @Override
    public void close() {
        chain.close();
        anvil.close();
        try {
            Files.deleteIfExists(deploymentFile);
        } catch (IOException ignored) {
            // target/ is cleaned by the build
        }
    }
}
