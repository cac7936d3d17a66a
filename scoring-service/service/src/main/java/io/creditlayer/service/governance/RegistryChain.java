package io.creditlayer.service.governance;

import io.creditlayer.contracts.chain.StructReturns;
import io.creditlayer.contracts.generated.ModelRegistry;
import io.creditlayer.contracts.generated.TimelockController;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.chain.ChainUnavailableException;
import io.creditlayer.service.governance.ModelChainState.RegistryStatus;
import io.creditlayer.service.keys.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Read-only access to the deployment's ModelRegistry and TimelockController (eth_call through the generated
 * wrappers), and the call data of the transactions the registry steps send. Nothing here signs.
 */
@ApplicationScoped
public class RegistryChain {
    /** OpenZeppelin TimelockController.OperationState, in the contract's order. */
    public enum OperationState { UNSET, WAITING, READY, DONE }

    /** What governance asks of the timelock for a model. */
    public enum Action {
        APPROVE, RETIRE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Action parse(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A timelock operation: a call on a target, without value or predecessor, told apart by its salt. */
    public record Operation(String target, String data, byte[] salt) {
        public Operation {
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }
    }

    /** A model as the registry records it. */
    public record RegistryModel(RegistryStatus status, String artifactHash, String featureSchemaHash,
                                String fairnessReportHash, boolean fairnessPassed) {
    }

    private static final Logger LOG = Logger.getLogger(RegistryChain.class);
    static final byte[] NO_PREDECESSOR = new byte[32];
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final byte[] ZERO_HASH = new byte[32];

    private final ChainSettings chain;
    private final SigningKeys keys;

    public RegistryChain(ChainSettings chain, SigningKeys keys) {
        this.chain = chain;
        this.keys = keys;
    }

    /** The account the outbox sends from: the scorer's. */
    public String sender() {
        return keys.scorerAddress();
    }

    public String registryAddress() {
        return chain.contracts().modelRegistry();
    }

    public String timelockAddress() {
        return chain.contracts().timelock();
    }

    public RegistryModel model(String modelId) {
        RemoteFunctionCall<ModelRegistry.Model> call = registry().getModel(bytes32(modelId));
        String returned = ethCall(registryAddress(), call.encodeFunctionCall(), "ModelRegistry.getModel");
        ModelRegistry.Model model;
        try {
            model = StructReturns.decode(call, returned, ModelRegistry.Model.class);
        } catch (RuntimeException e) {
            throw unavailable("ModelRegistry.getModel", new IllegalStateException(e.getMessage()
                    + ": is " + registryAddress() + " the registry?"));
        }
        return new RegistryModel(RegistryStatus.ofContract(model.status.intValueExact()), hex(model.artifactHash),
                hex(model.featureSchemaHash), Arrays.equals(model.fairnessReportHash, ZERO_HASH) ? null : hex(model.fairnessReportHash),
                model.fairnessPassed);
    }

    public OperationState state(Operation op) {
        BigInteger state = read(timelock().getOperationState(operationId(op)), "TimelockController.getOperationState");
        return OperationState.values()[state.intValueExact()];
    }

    /** When a scheduled operation becomes executable (unix seconds, chain time); 0 unset, 1 done. */
    public long readyAt(Operation op) {
        return read(timelock().getTimestamp(operationId(op)), "TimelockController.getTimestamp").longValueExact();
    }

    public long minDelaySeconds() {
        return read(timelock().getMinDelay(), "TimelockController.getMinDelay").longValueExact();
    }

    public boolean mayPropose(String account) {
        TimelockController t = timelock();
        return read(t.hasRole(read(t.PROPOSER_ROLE(), "PROPOSER_ROLE"), account), "TimelockController.hasRole");
    }

    /** The account holds EXECUTOR_ROLE, or execution is open to anyone (the role granted to address 0). */
    public boolean mayExecute(String account) {
        TimelockController t = timelock();
        byte[] role = read(t.EXECUTOR_ROLE(), "EXECUTOR_ROLE");
        return read(t.hasRole(role, ZERO_ADDRESS), "TimelockController.hasRole")
                || read(t.hasRole(role, account), "TimelockController.hasRole");
    }

    public long chainTime() {
        return chain.latestBlockTimestamp();
    }

    // --- call data ---------------------------------------------------------------------------------------------

    public RegistryCall proposeModel(String modelId, String artifactHash, String featureSchemaHash) {
        return new RegistryCall(registryAddress(), registry().proposeModel(bytes32(modelId), bytes32(artifactHash),
                bytes32(featureSchemaHash)).encodeFunctionCall(), "ModelRegistry.proposeModel(" + modelId + ")");
    }

    public RegistryCall recordFairnessReport(String modelId, String reportHash, boolean passed) {
        return new RegistryCall(registryAddress(), registry().recordFairnessReport(bytes32(modelId), bytes32(reportHash),
                passed).encodeFunctionCall(), "ModelRegistry.recordFairnessReport(" + modelId + ", " + reportHash + ", "
                + passed + ")");
    }

    /** The timelock operation that approves or retires a model; its salt is derived from what it does. */
    public Operation operation(Action action, String modelId) {
        ModelRegistry r = registry();
        String data = switch (action) {
            case APPROVE -> r.approveModel(bytes32(modelId)).encodeFunctionCall();
            case RETIRE -> r.retireModel(bytes32(modelId)).encodeFunctionCall();
        };
        return new Operation(registryAddress(), data, salt(action, modelId));
    }

    public RegistryCall schedule(Operation op, long delaySeconds, String description) {
        return new RegistryCall(timelockAddress(), timelock().schedule(op.target(), BigInteger.ZERO,
                Numeric.hexStringToByteArray(op.data()), NO_PREDECESSOR, op.salt(), BigInteger.valueOf(delaySeconds))
                .encodeFunctionCall(), "TimelockController.schedule(" + description + ")");
    }

    public RegistryCall execute(Operation op, String description) {
        return new RegistryCall(timelockAddress(), timelock().execute(op.target(), BigInteger.ZERO,
                Numeric.hexStringToByteArray(op.data()), NO_PREDECESSOR, op.salt(), BigInteger.ZERO).encodeFunctionCall(),
                "TimelockController.execute(" + description + ")");
    }

    /** keccak256("creditlayer.model.<action>" ‖ modelId): the same operation always has the same id. */
    static byte[] salt(Action action, String modelId) {
        byte[] prefix = ("creditlayer.model." + action.id()).getBytes(StandardCharsets.US_ASCII);
        byte[] id = bytes32(modelId);
        byte[] joined = Arrays.copyOf(prefix, prefix.length + id.length);
        System.arraycopy(id, 0, joined, prefix.length, id.length);
        return Hash.sha3(joined);
    }

    byte[] operationId(Operation op) {
        return read(timelock().hashOperation(op.target(), BigInteger.ZERO, Numeric.hexStringToByteArray(op.data()),
                NO_PREDECESSOR, op.salt()), "TimelockController.hashOperation");
    }

    private ModelRegistry registry() {
        return ModelRegistry.load(registryAddress(), chain.web3j(), new ReadonlyTransactionManager(chain.web3j(), sender()),
                new DefaultGasProvider());
    }

    private TimelockController timelock() {
        return TimelockController.load(timelockAddress(), chain.web3j(),
                new ReadonlyTransactionManager(chain.web3j(), sender()), new DefaultGasProvider());
    }

    private <T> T read(RemoteFunctionCall<T> call, String what) {
        try {
            return call.send();
        } catch (Exception e) {
            throw unavailable(what, e);
        }
    }

    /** The call's raw return (hex). */
    private String ethCall(String to, String data, String what) {
        try {
            EthCall response = chain.web3j().ethCall(Transaction.createEthCallTransaction(sender(), to, data),
                    DefaultBlockParameterName.LATEST).send();
            if (response.hasError() || response.isReverted()) {
                throw new IllegalStateException(what + " reverted");
            }
            return response.getValue();
        } catch (IOException | RuntimeException e) {
            throw unavailable(what, e);
        }
    }

    private static ChainUnavailableException unavailable(String what, Exception e) {
        LOG.debugf(e, "%s failed", what);
        // the RPC URL stays out of the message: hosted endpoints carry API keys in it
        return new ChainUnavailableException(what + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")"), null);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.replaceAll("https?://\\S+", "<rpc>");
    }

    static byte[] bytes32(String hex) {
        byte[] bytes = Numeric.hexStringToByteArray(hex);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("expected 32 bytes of 0x hex: " + hex);
        }
        return bytes;
    }

    static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }
}
