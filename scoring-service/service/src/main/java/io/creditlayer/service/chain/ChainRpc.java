package io.creditlayer.service.chain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import okhttp3.OkHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.time.Duration;

/**
 * JSON-RPC for the outbox worker and the health check, with a bounded call time: a node that hangs must turn into
 * a retry (and readiness going down), not a stuck worker thread. Transport failures become
 * {@link ChainUnavailableException}; JSON-RPC errors stay in the response for the caller to read.
 */
@ApplicationScoped
public class ChainRpc {
    private final ChainSettings settings;
    private final Duration callTimeout;
    private volatile Web3j web3j;

    public ChainRpc(ChainSettings settings,
                    @ConfigProperty(name = "creditlayer.chain.rpc-timeout", defaultValue = "5s") Duration callTimeout) {
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("creditlayer.chain.rpc-timeout must be positive");
        }
        this.settings = settings;
        this.callTimeout = callTimeout;
    }

    /** The latest block header. */
    public record Head(long number, long timestamp, String hash) {
    }

    public long chainId() {
        return settings.chainId();
    }

    public String rpcUrl() {
        return settings.rpcUrl();
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    public Web3j web3j() {
        Web3j current = web3j;
        if (current == null) {
            synchronized (this) {
                if (web3j == null) {
                    web3j = Web3j.build(new HttpService(settings.rpcUrl(), client(callTimeout)));
                }
                current = web3j;
            }
        }
        return current;
    }

    /** An HTTP client whose every call, connection included, ends within {@code timeout}. */
    static OkHttpClient client(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .callTimeout(timeout).build();
    }

    /**
     * Sends a request.
     *
     * @throws ChainUnavailableException when the node does not answer (refused, timed out, not JSON-RPC)
     */
    public <T extends Response<?>> T send(Request<?, T> request) {
        try {
            T response = request.send();
            if (response == null) {
                throw new ChainUnavailableException(request.getMethod() + " got no response from " + settings.rpcUrl(), null);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ChainUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ChainUnavailableException("chain at " + settings.rpcUrl() + " did not answer " + request.getMethod()
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** As {@link #send}, and a JSON-RPC error is also unavailability (for reads that must not fail). */
    public <T extends Response<?>> T sendOrFail(Request<?, T> request) {
        T response = send(request);
        if (response.hasError()) {
            throw new ChainUnavailableException(request.getMethod() + " failed on " + settings.rpcUrl() + ": "
                    + response.getError().getMessage(), null);
        }
        return response;
    }

    public Head head() {
        EthBlock.Block block = sendOrFail(web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
        if (block == null) {
            throw new ChainUnavailableException("chain at " + settings.rpcUrl() + " has no latest block", null);
        }
        return new Head(block.getNumber().longValueExact(), block.getTimestamp().longValueExact(), block.getHash());
    }

    @PreDestroy
    void close() {
        Web3j current = web3j;
        if (current != null) {
            current.shutdown();
        }
    }
}
