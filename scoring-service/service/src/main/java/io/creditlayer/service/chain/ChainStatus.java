package io.creditlayer.service.chain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the chain answers: the node serves the configured chain id and its latest block within
 * {@code creditlayer.chain.health-timeout}. Readiness asks it on every check; API calls that need the chain ask
 * {@link #requireUp()}, which reuses a probe younger than a second so that a dead node costs one timeout, not
 * one per request. Recovery needs nothing: the next probe that succeeds reports the chain up again.
 */
@ApplicationScoped
public class ChainStatus {
    private static final Logger LOG = Logger.getLogger(ChainStatus.class);
    private static final Duration REUSE = Duration.ofSeconds(1);

    private final ChainSettings settings;
    private final Duration timeout;
    private final AtomicReference<Probe> last = new AtomicReference<>();
    private volatile Web3j web3j;

    public ChainStatus(ChainSettings settings,
                       @ConfigProperty(name = "creditlayer.chain.health-timeout", defaultValue = "2s") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("creditlayer.chain.health-timeout must be positive");
        }
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * One probe of the chain.
     *
     * @param up            the node answered in time with the configured chain id
     * @param chainId       the chain id it reported (0 when it did not answer)
     * @param headBlock     latest block number (-1 when unknown)
     * @param headTimestamp latest block time, unix seconds (-1 when unknown)
     * @param problem       why it is down (null when up)
     * @param at            when the probe ran
     * @param latencyMillis how long the node took to answer both calls
     */
    public record Probe(boolean up, long chainId, long headBlock, long headTimestamp, String problem, Instant at,
                        long latencyMillis) {
    }

    public Duration timeout() {
        return timeout;
    }

    /** Probes the node now. */
    public Probe probe() {
        long started = System.nanoTime();
        Probe result;
        try {
            Web3j client = client();
            EthChainId chain = client.ethChainId().send();
            if (chain.hasError()) {
                result = down(0, "eth_chainId failed: " + chain.getError().getMessage(), started);
            } else if (chain.getChainId().longValueExact() != settings.chainId()) {
                result = down(chain.getChainId().longValueExact(), "node at " + settings.rpcUrl() + " serves chain "
                        + chain.getChainId() + ", the service is configured for " + settings.chainId(), started);
            } else {
                EthBlock block = client.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send();
                if (block.hasError() || block.getBlock() == null) {
                    result = down(settings.chainId(), "latest block unavailable", started);
                } else {
                    result = new Probe(true, settings.chainId(), block.getBlock().getNumber().longValueExact(),
                            block.getBlock().getTimestamp().longValueExact(), null, Instant.now(), millisSince(started));
                }
            }
        } catch (IOException | RuntimeException e) {
            result = down(0, "chain at " + settings.rpcUrl() + " did not answer within " + timeout.toMillis() + " ms: "
                    + e.getClass().getSimpleName(), started);
        }
        Probe previous = last.getAndSet(result);
        if (previous == null || previous.up() != result.up()) {
            if (result.up()) {
                LOG.infof("chain %d at %s is up (head block %d)", result.chainId(), settings.rpcUrl(), result.headBlock());
            } else {
                LOG.warnf("chain is down: %s", result.problem());
            }
        }
        return result;
    }

    /** The latest probe, if any ran. */
    public Optional<Probe> last() {
        return Optional.ofNullable(last.get());
    }

    /**
     * For API calls that need the chain.
     *
     * @throws ChainUnavailableException (503 with Retry-After) while the chain is down
     */
    public Probe requireUp() {
        Probe current = last.get();
        if (current == null || current.at().plus(REUSE).isBefore(Instant.now())) {
            current = probe();
        }
        if (!current.up()) {
            throw new ChainUnavailableException(current.problem(), null);
        }
        return current;
    }

    private Probe down(long chainId, String problem, long started) {
        return new Probe(false, chainId, -1, -1, problem, Instant.now(), millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private Web3j client() {
        Web3j current = web3j;
        if (current == null) {
            synchronized (this) {
                if (web3j == null) {
                    web3j = Web3j.build(new HttpService(settings.rpcUrl(), ChainRpc.client(timeout)));
                }
                current = web3j;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        Web3j current = web3j;
        if (current != null) {
            current.shutdown();
        }
    }
}
