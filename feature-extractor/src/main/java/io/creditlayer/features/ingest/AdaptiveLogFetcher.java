package io.creditlayer.features.ingest;

import io.creditlayer.features.rpc.ChainSource;
import io.creditlayer.features.rpc.LogQuery;
import io.creditlayer.features.rpc.RpcError;
import io.creditlayer.features.rpc.RpcException;
import io.creditlayer.features.rpc.RpcResult;
import org.web3j.protocol.core.methods.response.Log;

import java.util.List;

/**
 * Reads eth_getLogs over a block range in chunks that adapt to the endpoint: a range or result-size refusal
 * halves the chunk, a sparse answer doubles it (up to a ceiling). Providers differ (Infura caps results at
 * 10,000 logs, Alchemy and others cap block ranges), so the chunk is learned, not configured.
 */
public final class AdaptiveLogFetcher {
    /**
     * @param initialChunk  blocks in the first request
     * @param maxChunk      ceiling for growth
     * @param sparseResults a chunk answering fewer logs than this grows
     */
    public record Options(int initialChunk, int maxChunk, int sparseResults) {
        public static Options defaults() {
            return new Options(2_000, 100_000, 1_000);
        }

        public Options {
            if (initialChunk < 1 || maxChunk < initialChunk || sparseResults < 0) {
                throw new IllegalArgumentException("invalid chunking options");
            }
        }
    }

    /** Receives each chunk's logs in block order, with the chunk's range. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(long fromBlock, long toBlock, List<Log> logs);
    }

    private final ChainSource source;
    private final Options options;
    private int chunk;
    private int ceiling;
    private long requests;
    private long refusals;
    private long fetchNanos;

    public AdaptiveLogFetcher(ChainSource source, Options options) {
        this.source = source;
        this.options = options;
        this.chunk = options.initialChunk();
        this.ceiling = options.maxChunk();
    }

    /** Fetches [fromBlock, toBlock], handing each chunk to {@code consumer} in order. */
    public void fetch(long fromBlock, long toBlock, LogQuery query, ChunkConsumer consumer) {
        long cursor = fromBlock;
        while (cursor <= toBlock) {
            long end = Math.min(toBlock, cursor + chunk - 1);
            requests++;
            long started = System.nanoTime();
            RpcResult<List<Log>> result = source.logs(cursor, end, query);
            fetchNanos += System.nanoTime() - started;
            switch (result) {
                case RpcResult.Ok<List<Log>> ok -> {
                    consumer.accept(cursor, end, ok.value());
                    if (ok.value().size() < options.sparseResults() && end - cursor + 1 == chunk) {
                        chunk = (int) Math.min(ceiling, (long) chunk * 2);
                    }
                    cursor = end + 1;
                }
                case RpcResult.Err<List<Log>> err -> {
                    RpcError error = err.error();
                    if (!error.shrinkRange() || end == cursor) {
                        throw new RpcException(error);
                    }
                    refusals++;
                    int refused = (int) (end - cursor + 1);
                    if (error.kind() == RpcError.Kind.RANGE_TOO_LARGE) {
                        // A range limit is fixed: never grow past a refused size again, and take the limit itself
                        // when the provider names it ("exceed maximum block range: 5000").
                        int named = namedLimit(error.message());
                        ceiling = named > 0 && named < refused ? named : Math.min(ceiling, refused - 1);
                        chunk = named > 0 && named < refused ? named : Math.max(1, refused / 2);
                    } else {
                        chunk = Math.max(1, refused / 2);
                    }
                }
            }
        }
    }

    private static int namedLimit(String message) {
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("(\\d{1,9})\\D*$").matcher(message == null ? "" : message);
        return number.find() ? Integer.parseInt(number.group(1)) : -1;
    }

    /** The chunk size learned so far. */
    public int chunk() {
        return chunk;
    }

    public long requests() {
        return requests;
    }

    /** Time spent waiting for eth_getLogs answers. */
    public long fetchNanos() {
        return fetchNanos;
    }

    /** Requests the endpoint refused for their range or size. */
    public long refusals() {
        return refusals;
    }
}
