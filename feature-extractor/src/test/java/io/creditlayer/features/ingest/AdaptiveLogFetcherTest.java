package io.creditlayer.features.ingest;

import io.creditlayer.features.rpc.LogQuery;
import io.creditlayer.features.rpc.RpcException;
import io.creditlayer.features.rpc.Web3jChainSource;
import io.creditlayer.features.support.RangeLimitingProxy;
import io.creditlayer.features.support.TokenDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adaptive chunking against a real anvil, directly and behind a proxy that limits eth_getLogs ranges. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdaptiveLogFetcherTest {
    private static final Web3jChainSource.Options RPC = new Web3jChainSource.Options(1_000, 1, Duration.ofMillis(10), 25);

    private TokenDevnet devnet;
    private LogQuery transfers;
    private long head;

    @BeforeAll
    void chain() throws Exception {
        devnet = new TokenDevnet();
        devnet.activity(10);
        head = devnet.blockNumber();
        transfers = new LogQuery(List.of(), List.of(EventEncoder.encode(io.creditlayer.contracts.generated.DevnetERC20.TRANSFER_EVENT)));
    }

    @AfterAll
    void stop() {
        devnet.close();
    }

    @Test
    void shrinksOnRangeRefusalsAndReadsEveryLog() throws Exception {
        List<String> expected = ids(Web3jChainSource.connect(devnet.anvil.rpcUrl(), 0, RPC).logs(0, head, transfers).orThrow());
        assertTrue(expected.size() >= 44, "activity produced transfers: " + expected.size());
        try (RangeLimitingProxy proxy = new RangeLimitingProxy(devnet.anvil.rpcUrl(), 8);
             Web3jChainSource limited = Web3jChainSource.connect(proxy.url(), 0, RPC)) {
            AdaptiveLogFetcher fetcher = new AdaptiveLogFetcher(limited, new AdaptiveLogFetcher.Options(64, 1_000, 1_000));
            List<Log> seen = new ArrayList<>();
            List<long[]> ranges = new ArrayList<>();
            fetcher.fetch(0, head, transfers, (from, to, logs) -> {
                seen.addAll(logs);
                ranges.add(new long[] {from, to});
            });
            assertEquals(expected, ids(seen), "every log once, in order");
            assertTrue(proxy.refused.get() > 0 && fetcher.refusals() == proxy.refused.get());
            assertTrue(fetcher.chunk() <= 8, "learned the endpoint's limit: " + fetcher.chunk());
            for (int i = 1; i < ranges.size(); i++) {
                assertEquals(ranges.get(i - 1)[1] + 1, ranges.get(i)[0], "contiguous chunks");
            }
        }
    }

    @Test
    void growsWhenSparse() {
        try (Web3jChainSource direct = Web3jChainSource.connect(devnet.anvil.rpcUrl(), 0, RPC)) {
            AdaptiveLogFetcher fetcher = new AdaptiveLogFetcher(direct, new AdaptiveLogFetcher.Options(1, 64, 1_000));
            fetcher.fetch(0, head, transfers, (from, to, logs) -> { });
            assertTrue(fetcher.chunk() > 1, "chunk grew: " + fetcher.chunk());
            assertTrue(fetcher.requests() < head, "fewer requests than blocks: " + fetcher.requests());
        }
    }

    @Test
    void aRangeOfOneBlockThatIsStillRefusedFails() throws Exception {
        try (RangeLimitingProxy proxy = new RangeLimitingProxy(devnet.anvil.rpcUrl(), 0);
             Web3jChainSource limited = Web3jChainSource.connect(proxy.url(), 0, RPC)) {
            AdaptiveLogFetcher fetcher = new AdaptiveLogFetcher(limited, new AdaptiveLogFetcher.Options(4, 4, 0));
            RpcException e = assertThrows(RpcException.class, () -> fetcher.fetch(0, 10, transfers, (f, t, l) -> { }));
            assertFalse(e.getMessage().isBlank());
            assertTrue(e.getMessage().contains("RANGE_TOO_LARGE"), e.getMessage());
        }
    }

    private static List<String> ids(List<Log> logs) {
        return logs.stream().map(l -> l.getTransactionHash() + ":" + l.getLogIndex()).toList();
    }
}
