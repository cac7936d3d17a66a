package io.creditlayer.contracts.chain;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One JSON-RPC endpoint with its verified chain id, handing out transaction managers bound to that chain id
 * (EIP-155) and a receipt processor that polls at the configured cadence rather than web3j's 15-second default.
 */
public final class ChainClient implements AutoCloseable {
    private final Web3jService service;
    private final Web3j web3j;
    private final long chainId;
    private final GasPolicy gasPolicy;

    private ChainClient(Web3jService service, Web3j web3j, long chainId, GasPolicy gasPolicy) {
        this.service = service;
        this.web3j = web3j;
        this.chainId = chainId;
        this.gasPolicy = gasPolicy;
    }

    /**
     * Connects and checks the endpoint's chain id.
     *
     * @param expectedChainId the chain id the caller means to use, or 0 to accept whatever the endpoint reports
     * @throws ChainException when the endpoint is unreachable or serves another chain
     */
    public static ChainClient connect(String rpcUrl, long expectedChainId, GasPolicy gasPolicy) {
        Objects.requireNonNull(gasPolicy, "gasPolicy");
        if (rpcUrl == null || !rpcUrl.matches("https?://.+")) {
            throw new ChainException("RPC URL must be an http(s) URL: " + rpcUrl);
        }
        Web3jService service = new HttpService(rpcUrl);
        Web3j web3j = Web3j.build(service);
        long actual;
        try {
            EthChainId response = web3j.ethChainId().send();
            if (response.hasError()) {
                web3j.shutdown();
                throw new ChainException("endpoint " + rpcUrl + " refused eth_chainId: " + response.getError().getMessage());
            }
            actual = response.getChainId().longValueExact();
        } catch (IOException e) {
            web3j.shutdown();
            throw new ChainException("cannot reach JSON-RPC endpoint " + rpcUrl + ": " + e.getMessage(), e);
        }
        if (expectedChainId != 0 && actual != expectedChainId) {
            web3j.shutdown();
            throw new ChainException("endpoint " + rpcUrl + " serves chain " + actual + ", expected " + expectedChainId);
        }
        return new ChainClient(service, web3j, actual, gasPolicy);
    }

    public Web3j web3j() {
        return web3j;
    }

    /** The transport, for JSON-RPC methods web3j has no typed call for (e.g. a devnet's time controls). */
    public Web3jService service() {
        return service;
    }

    public long chainId() {
        return chainId;
    }

    public GasPolicy gasPolicy() {
        return gasPolicy;
    }

    /** A transaction manager that signs for {@code credentials} with this chain's id. */
    public TransactionManager transactionManager(Credentials credentials) {
        return new RawTransactionManager(web3j, credentials, chainId,
                new PollingTransactionReceiptProcessor(web3j, gasPolicy.receiptPollMillis(), gasPolicy.receiptPollAttempts()));
    }

    /** EIP-1559 fees and gas limit from the policy. */
    public ContractGasProvider gasProvider() {
        return new StaticEIP1559GasProvider(chainId, gasPolicy.maxFeePerGas(), gasPolicy.maxPriorityFeePerGas(),
                gasPolicy.gasLimit());
    }

    /** The latest block's timestamp, in unix seconds: the chain's clock, which devnets may move. */
    public long latestBlockTimestamp() {
        try {
            return web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                    .send().getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new ChainException("cannot read the latest block: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /**
     * Fee and polling settings for transactions.
     *
     * @param maxFeePerGas         EIP-1559 fee cap, wei
     * @param maxPriorityFeePerGas EIP-1559 tip, wei
     * @param gasLimit             gas limit per transaction
     * @param receiptPollMillis    interval between receipt polls
     * @param receiptPollAttempts  polls before giving up
     */
    public record GasPolicy(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger gasLimit,
                            long receiptPollMillis, int receiptPollAttempts) {
        /** Suits a local anvil: instant mining, 1 gwei base fee. */
        public static GasPolicy devnet() {
            return new GasPolicy(BigInteger.valueOf(20_000_000_000L), BigInteger.valueOf(1_000_000_000L),
                    BigInteger.valueOf(12_000_000L), 50, 2_400);
        }

        public GasPolicy {
            if (maxFeePerGas.compareTo(maxPriorityFeePerGas) < 0) {
                throw new IllegalArgumentException("maxFeePerGas must be at least maxPriorityFeePerGas");
            }
            if (gasLimit.signum() <= 0 || receiptPollMillis <= 0 || receiptPollAttempts <= 0) {
                throw new IllegalArgumentException("gasLimit and receipt polling must be positive");
            }
        }
    }
}
