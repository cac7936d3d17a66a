package io.creditlayer.service.zk;

import io.creditlayer.contracts.chain.StructReturns;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.ModelRegistry;
import io.creditlayer.service.chain.ChainRpc;
import io.creditlayer.service.chain.ChainUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;

/** Reads tier roots and model approvals from the chain (eth_call through the bounded JSON-RPC client). */
@ApplicationScoped
public class TierRootReader {
    private final ChainRpc rpc;

    public TierRootReader(ChainRpc rpc) {
        this.rpc = rpc;
    }

    /**
     * What the oracle stores for a root (all zero when it was never posted).
     *
     * @param modelId   bytes32 hex
     * @param postedAt  chain time of the posting, 0 for an unknown root
     * @param expiresAt chain time it stops counting (a revocation sets it to the revocation's time)
     */
    public record OnChainRoot(String modelId, long epoch, long postedAt, long expiresAt) {
    }

    public OnChainRoot read(String oracle, String rootHex) {
        CreditOracle contract = CreditOracle.load(oracle, rpc.web3j(), new ReadonlyTransactionManager(rpc.web3j(), oracle),
                new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
        RemoteFunctionCall<CreditOracle.TierRoot> call = contract.tierRootOf(Numeric.hexStringToByteArray(rootHex));
        EthCall result = rpc.sendOrFail(rpc.web3j().ethCall(
                Transaction.createEthCallTransaction(null, oracle, call.encodeFunctionCall()), DefaultBlockParameterName.LATEST));
        if (result.isReverted()) {
            throw new ChainUnavailableException("tierRootOf reverted on " + oracle + ": " + result.getRevertReason(), null);
        }
        CreditOracle.TierRoot root;
        try {
            root = StructReturns.decode(call, result.getValue(), CreditOracle.TierRoot.class);
        } catch (RuntimeException e) {
            throw new ChainUnavailableException("tierRootOf on " + oracle + " returned no root record", null);
        }
        return new OnChainRoot(Numeric.toHexString(root.modelId), root.epoch.longValueExact(), root.postedAt.longValueExact(),
                root.expiresAt.longValueExact());
    }

    public boolean approved(String registry, String modelIdHex) {
        ModelRegistry contract = ModelRegistry.load(registry, rpc.web3j(),
                new ReadonlyTransactionManager(rpc.web3j(), registry), new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
        return call(() -> contract.isApproved(Numeric.hexStringToByteArray(modelIdHex)).send());
    }

    /** The latest block's time: the oracle's clock. */
    public long chainTime() {
        return rpc.head().timestamp();
    }

    /** Only for encoding and calls: the wrapper never sends, the outbox worker signs and broadcasts. */
    CreditOracle encoder(String oracle) {
        return CreditOracle.load(oracle, rpc.web3j(), new ReadonlyTransactionManager(rpc.web3j(), oracle),
                new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
    }

    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (ChainUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainUnavailableException("the chain did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }
}
