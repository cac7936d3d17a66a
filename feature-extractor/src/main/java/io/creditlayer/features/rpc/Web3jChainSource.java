package io.creditlayer.features.rpc;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetBlockReceipts;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link ChainSource} over web3j: eth_getLogs, and blocks with receipts fetched in JSON-RPC batches. Every call
 * passes the rate limiter, and retryable failures (rate limits, connection errors, 5xx) are retried with
 * exponential backoff before they are returned as values.
 */
public final class Web3jChainSource implements ChainSource, AutoCloseable {
    private final Web3j web3j;
    private final long chainId;
    private final RateLimiter limiter;
    private final Options options;

    /**
     * @param requestsPerSecond rate limit for JSON-RPC requests (a batch counts each request in it)
     * @param maxRetries        retries of a retryable failure before giving up
     * @param initialBackoff    first wait; doubles per retry
     * @param blockBatchSize    blocks per JSON-RPC batch
     */
    public record Options(double requestsPerSecond, int maxRetries, Duration initialBackoff, int blockBatchSize) {
        public static Options defaults() {
            return new Options(200, 5, Duration.ofMillis(200), 50);
        }

        public Options {
            if (!(requestsPerSecond > 0) || maxRetries < 0 || initialBackoff.isNegative() || blockBatchSize < 1) {
                throw new IllegalArgumentException("invalid JSON-RPC options");
            }
        }
    }

    private Web3jChainSource(Web3jService service, long chainId, Options options) {
        this.web3j = Web3j.build(service);
        this.chainId = chainId;
        this.options = options;
        this.limiter = new RateLimiter(options.requestsPerSecond());
    }

    /**
     * Connects to {@code rpcUrl} and reads its chain id.
     *
     * @param expectedChainId the chain the caller means, or 0 for any
     * @throws RpcException with a one-line message if the endpoint is unreachable or serves another chain
     */
    public static Web3jChainSource connect(String rpcUrl, long expectedChainId, Options options) {
        if (rpcUrl == null || !rpcUrl.matches("https?://\\S+")) {
            throw new RpcException(new RpcError(RpcError.Kind.FATAL, "RPC URL must be an http(s) URL: " + rpcUrl));
        }
        HttpService service = new HttpService(rpcUrl);
        Web3jChainSource probe = new Web3jChainSource(service, 0, options);
        RpcResult<Long> chainId = probe.call(() -> probe.web3j.ethChainId(), r -> r.getChainId().longValueExact());
        if (chainId instanceof RpcResult.Err<Long> err) {
            probe.close();
            throw new RpcException(new RpcError(err.error().kind(),
                    "cannot reach JSON-RPC endpoint " + rpcUrl + ": " + err.error().message()));
        }
        long actual = chainId.orThrow();
        if (expectedChainId != 0 && actual != expectedChainId) {
            probe.close();
            throw new RpcException(new RpcError(RpcError.Kind.FATAL,
                    "endpoint " + rpcUrl + " serves chain " + actual + ", expected " + expectedChainId));
        }
        // Same transport, now bound to the verified chain id.
        return new Web3jChainSource(service, actual, options);
    }

    @Override
    public long chainId() {
        return chainId;
    }

    @Override
    public RpcResult<Long> latestBlockNumber() {
        return call(web3j::ethBlockNumber, r -> r.getBlockNumber().longValueExact());
    }

    @Override
    public RpcResult<List<Log>> logs(long fromBlock, long toBlock, LogQuery query) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), query.addresses());
        if (!query.topic0s().isEmpty()) {
            filter.addOptionalTopics(query.topic0s().toArray(String[]::new));
        }
        return call(() -> web3j.ethGetLogs(filter), response -> {
            List<Log> logs = new ArrayList<>(response.getLogs().size());
            for (EthLog.LogResult<?> result : response.getLogs()) {
                logs.add((Log) result.get());
            }
            return logs;
        });
    }

    @Override
    public RpcResult<Integer> tokenDecimals(String token) {
        Function decimals = new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() { }));
        String data = FunctionEncoder.encode(decimals);
        return call(() -> web3j.ethCall(Transaction.createEthCallTransaction(null, token, data), DefaultBlockParameterName.LATEST),
                response -> {
                    List<Type> values = FunctionReturnDecoder.decode(response.getValue(), decimals.getOutputParameters());
                    if (response.isReverted() || values.isEmpty()) {
                        throw new IllegalStateException(token + " has no decimals()");
                    }
                    return ((Uint8) values.getFirst()).getValue().intValueExact();
                });
    }

    @Override
    public RpcResult<BlockData> header(long blockNumber) {
        return call(() -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber)), false),
                response -> {
                    EthBlock.Block block = response.getBlock();
                    if (block == null) {
                        throw new IllegalStateException("block " + blockNumber + " does not exist yet");
                    }
                    return new BlockData(block.getNumber().longValueExact(), block.getHash().toLowerCase(Locale.ROOT),
                            block.getParentHash().toLowerCase(Locale.ROOT), block.getTimestamp().longValueExact(), List.of());
                });
    }

    @Override
    public RpcResult<List<BlockData>> blocks(long fromBlock, long toBlock) {
        List<BlockData> blocks = new ArrayList<>();
        for (long start = fromBlock; start <= toBlock; start += options.blockBatchSize()) {
            long end = Math.min(toBlock, start + options.blockBatchSize() - 1);
            RpcResult<List<BlockData>> batch = blockBatch(start, end);
            switch (batch) {
                case RpcResult.Ok<List<BlockData>> ok -> blocks.addAll(ok.value());
                case RpcResult.Err<List<BlockData>> err -> {
                    return RpcResult.err(err.error());
                }
            }
        }
        return RpcResult.ok(blocks);
    }

    /** One JSON-RPC batch: eth_getBlockByNumber(full) and eth_getBlockReceipts for each block. */
    private RpcResult<List<BlockData>> blockBatch(long fromBlock, long toBlock) {
        return withRetries(() -> {
            BatchRequest batch = web3j.newBatch();
            for (long n = fromBlock; n <= toBlock; n++) {
                DefaultBlockParameter number = DefaultBlockParameter.valueOf(BigInteger.valueOf(n));
                batch.add(web3j.ethGetBlockByNumber(number, true));
                batch.add(web3j.ethGetBlockReceipts(number));
            }
            limiter.acquire(batch.getRequests().size());
            BatchResponse response = batch.send();
            List<? extends Response<?>> responses = response.getResponses();
            List<BlockData> blocks = new ArrayList<>();
            for (int i = 0; i + 1 < responses.size(); i += 2) {
                for (Response<?> r : List.of(responses.get(i), responses.get(i + 1))) {
                    if (r.hasError()) {
                        return RpcResult.err(RpcError.classify(r.getError().getCode(), r.getError().getMessage()));
                    }
                }
                EthBlock.Block block = ((EthBlock) responses.get(i)).getBlock();
                List<TransactionReceipt> receipts = ((EthGetBlockReceipts) responses.get(i + 1)).getBlockReceipts()
                        .orElse(List.of());
                if (block == null) {
                    return RpcResult.err(new RpcError(RpcError.Kind.FATAL, "block " + (fromBlock + i / 2) + " does not exist yet"));
                }
                blocks.add(toBlockData(block, receipts));
            }
            return RpcResult.ok(blocks);
        });
    }

    private static BlockData toBlockData(EthBlock.Block block, List<TransactionReceipt> receipts) {
        Map<String, TransactionReceipt> byHash = new HashMap<>();
        for (TransactionReceipt receipt : receipts) {
            byHash.put(receipt.getTransactionHash().toLowerCase(Locale.ROOT), receipt);
        }
        List<BlockData.Tx> txs = new ArrayList<>();
        for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
            EthBlock.TransactionObject tx = (EthBlock.TransactionObject) result.get();
            String hash = tx.getHash().toLowerCase(Locale.ROOT);
            TransactionReceipt receipt = byHash.get(hash);
            BigInteger gasPaid = BigInteger.ZERO;
            boolean success = true;
            String to = tx.getTo();
            if (receipt != null) {
                BigInteger price = receipt.getEffectiveGasPrice() != null
                        ? Numeric.decodeQuantity(receipt.getEffectiveGasPrice()) : tx.getGasPrice();
                gasPaid = receipt.getGasUsed().multiply(price == null ? BigInteger.ZERO : price);
                success = receipt.isStatusOK();
                if (to == null) {
                    to = receipt.getContractAddress();
                }
            }
            txs.add(new BlockData.Tx(hash, tx.getTransactionIndex().intValueExact(), lower(tx.getFrom()), lower(to),
                    tx.getValue(), gasPaid, success));
        }
        return new BlockData(block.getNumber().longValueExact(), lower(block.getHash()), lower(block.getParentHash()),
                block.getTimestamp().longValueExact(), txs);
    }

    private static String lower(String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    private <R extends Response<?>, T> RpcResult<T> call(Supplier<org.web3j.protocol.core.Request<?, R>> request,
                                                          java.util.function.Function<R, T> extract) {
        return withRetries(() -> {
            limiter.acquire(1);
            R response = request.get().send();
            if (response.hasError()) {
                return RpcResult.err(RpcError.classify(response.getError().getCode(), response.getError().getMessage()));
            }
            try {
                return RpcResult.ok(extract.apply(response));
            } catch (IllegalStateException e) {
                return RpcResult.err(new RpcError(RpcError.Kind.FATAL, e.getMessage()));
            }
        });
    }

    private interface Attempt<T> {
        RpcResult<T> run() throws IOException;
    }

    private <T> RpcResult<T> withRetries(Attempt<T> attempt) {
        long backoff = options.initialBackoff().toMillis();
        RpcResult<T> last = null;
        for (int tries = 0; tries <= options.maxRetries(); tries++) {
            try {
                last = attempt.run();
            } catch (IOException e) {
                String message = String.valueOf(e.getMessage());
                last = RpcResult.err(message.contains(" 429") || message.toLowerCase(Locale.ROOT).contains("too many requests")
                        ? new RpcError(RpcError.Kind.RATE_LIMITED, message)
                        : new RpcError(RpcError.Kind.TRANSIENT, e.getClass().getSimpleName() + ": " + message));
            }
            if (!(last instanceof RpcResult.Err<T> err) || !err.error().retryable()) {
                return last;
            }
            if (tries < options.maxRetries()) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
