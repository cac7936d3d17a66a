package io.creditlayer.features.ingest;

import io.creditlayer.features.decode.EventDecoder;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.rpc.BlockData;
import io.creditlayer.features.rpc.ChainSource;
import io.creditlayer.features.rpc.LogQuery;
import org.web3j.protocol.core.methods.response.Log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ingests a chain into an {@link EventStore}: logs through the {@link AdaptiveLogFetcher}, blocks with their
 * transactions, decoded events; journaled and checkpointed when a {@link Journal} is given. Follows the head at
 * a confirmation depth and, when a block's parent hash no longer matches what was ingested, rolls back to the
 * common ancestor and re-ingests from there.
 */
public final class ChainIngestor {
    /**
     * @param fetch         log chunking
     * @param confirmations blocks behind the head that count as final enough to ingest
     * @param maxReorgDepth how far back a reorg is searched before giving up
     */
    public record Options(AdaptiveLogFetcher.Options fetch, int confirmations, int maxReorgDepth) {
        public static Options defaults() {
            return new Options(AdaptiveLogFetcher.Options.defaults(), 12, 256);
        }

        public Options {
            if (confirmations < 0 || maxReorgDepth < 1) {
                throw new IllegalArgumentException("confirmations must be >= 0 and maxReorgDepth >= 1");
            }
        }
    }

    /** Timings and counts of the work done, for progress lines and the benchmark. */
    public static final class Stats {
        public long logs;
        public long events;
        public long blocks;
        public long reorgs;
        public long blockFetchNanos;
        public long decodeNanos;
    }

    /** The chain no longer contains a block this ingestor built on. */
    static final class ReorgDetected extends RuntimeException {
        ReorgDetected(String message) {
            super(message, null, false, false);
        }
    }

    private final ChainSource source;
    private final EventDecoder decoder;
    private final EventStore store;
    private final Options options;
    private final Journal journal;
    private final AdaptiveLogFetcher fetcher;
    private final LogQuery query;
    private final Stats stats = new Stats();
    private long fromBlock = -1;

    public ChainIngestor(ChainSource source, EventDecoder decoder, EventStore store, Options options, Journal journal) {
        this.source = source;
        this.decoder = decoder;
        this.store = store;
        this.options = options;
        this.journal = journal;
        this.fetcher = new AdaptiveLogFetcher(source, options.fetch());
        this.query = new LogQuery(List.of(), List.copyOf(decoder.topics()));
    }

    /**
     * Starts at {@code startBlock}, or resumes where the journal's checkpoint stopped (the checkpoint must
     * belong to this chain and start block).
     *
     * @return the block the next ingest starts at
     */
    public long start(long startBlock) {
        fromBlock = startBlock;
        if (journal == null) {
            return startBlock;
        }
        Optional<Journal.Checkpoint> checkpoint = journal.checkpoint();
        if (checkpoint.isEmpty()) {
            return startBlock;
        }
        Journal.Checkpoint saved = checkpoint.get();
        if (saved.chainId() != source.chainId() || saved.fromBlock() != startBlock) {
            throw new IllegalStateException("checkpoint belongs to chain " + saved.chainId() + " from block "
                    + saved.fromBlock() + ", not chain " + source.chainId() + " from block " + startBlock
                    + ": use another checkpoint directory");
        }
        journal.replay(saved, store);
        journal.truncateAfter(saved.lastBlock(), saved);
        return saved.lastBlock() + 1;
    }

    /** Ingests every block up to {@code toBlock}; a reorg found on the way is rolled back and re-ingested. */
    public void ingestTo(long toBlock) {
        if (fromBlock < 0) {
            throw new IllegalStateException("call start(block) first");
        }
        for (int attempt = 0; ; attempt++) {
            long next = store.lastBlock().map(b -> b.number() + 1).orElse(fromBlock);
            if (next > toBlock) {
                return;
            }
            try {
                fetcher.fetch(next, toBlock, query, this::ingestChunk);
                return;
            } catch (ReorgDetected reorg) {
                if (attempt >= options.maxReorgDepth()) {
                    throw new IllegalStateException("chain keeps reorganising: " + reorg.getMessage());
                }
                rollBackToCommonAncestor();
            }
        }
    }

    /** Follows the head: ingests up to latest − confirmations. Returns the last ingested block, or -1. */
    public long poll() {
        long latest = source.latestBlockNumber().orThrow();
        long target = latest - options.confirmations();
        Optional<EventStore.BlockInfo> last = store.lastBlock();
        if (last.isPresent()) {
            String current = source.header(last.get().number()).orThrow().hash();
            if (!current.equals(last.get().hash())) {
                rollBackToCommonAncestor();
            }
        }
        if (target >= fromBlock) {
            ingestTo(target);
        }
        return store.lastBlock().map(EventStore.BlockInfo::number).orElse(-1L);
    }

    private void ingestChunk(long from, long to, List<Log> logs) {
        long t0 = System.nanoTime();
        List<BlockData> blocks = source.blocks(from, to).orThrow();
        long t1 = System.nanoTime();
        stats.blockFetchNanos += t1 - t0;

        Optional<EventStore.BlockInfo> last = store.lastBlock();
        if (last.isPresent() && !blocks.isEmpty() && blocks.getFirst().number() == last.get().number() + 1
                && !blocks.getFirst().parentHash().equals(last.get().hash())) {
            throw new ReorgDetected("block " + blocks.getFirst().number() + " does not extend " + last.get().hash());
        }
        Map<Long, String> hashes = blocks.stream().collect(Collectors.toMap(BlockData::number, BlockData::hash));
        for (Log log : logs) {
            // The raw hex: web3j's getBlockNumber() throws and catches internally on every call (microseconds per log).
            String hash = hashes.get(Long.decode(log.getBlockNumberRaw()));
            if (hash == null || !hash.equals(log.getBlockHash().toLowerCase(Locale.ROOT))) {
                throw new ReorgDetected("log of block " + log.getBlockNumber() + " has hash " + log.getBlockHash()
                        + ", the block now has " + hash);
            }
        }

        long t2 = System.nanoTime();
        List<DecodedEvent> events = decodeInto(decoder, store, blocks, logs);
        stats.decodeNanos += System.nanoTime() - t2;
        stats.logs += logs.size();
        stats.events += events.size();
        stats.blocks += blocks.size();
        if (journal != null && !blocks.isEmpty()) {
            BlockData lastBlock = blocks.getLast();
            journal.append(blocks, events,
                    new Journal.Checkpoint(source.chainId(), fromBlock, lastBlock.number(), lastBlock.hash()));
        }
    }

    /**
     * The decode-and-aggregate stage: decodes {@code logs}, then adds each block and its events to {@code store} in
     * chain order. Returns the decoded events (sorted), for the journal.
     */
    public static List<DecodedEvent> decodeInto(EventDecoder decoder, EventStore store, List<BlockData> blocks, List<Log> logs) {
        List<DecodedEvent> events = new ArrayList<>(logs.size());
        for (Log log : logs) {
            events.addAll(decoder.decode(log));
        }
        events.sort(Comparator.comparing(DecodedEvent::ref));
        int e = 0;
        for (BlockData block : blocks) {
            store.addBlock(block);
            while (e < events.size() && events.get(e).ref().blockNumber() == block.number()) {
                store.addEvent(events.get(e++));
            }
        }
        return events;
    }

    private void rollBackToCommonAncestor() {
        EventStore.BlockInfo last = store.lastBlock().orElseThrow();
        long lowest = Math.max(fromBlock, last.number() - options.maxReorgDepth());
        for (long n = last.number(); n >= lowest; n--) {
            if (source.header(n).orThrow().hash().equals(store.block(n).orElseThrow().hash())) {
                rollbackAfter(n);
                return;
            }
        }
        if (lowest > fromBlock) {
            throw new IllegalStateException("reorg deeper than " + options.maxReorgDepth() + " blocks below block "
                    + last.number() + ": re-run the extraction from scratch");
        }
        rollbackAfter(fromBlock - 1);
    }

    private void rollbackAfter(long block) {
        stats.reorgs++;
        store.rollbackAfter(block);
        if (journal != null) {
            EventStore.BlockInfo kept = store.lastBlock().orElse(null);
            journal.truncateAfter(block, new Journal.Checkpoint(source.chainId(), fromBlock,
                    kept == null ? fromBlock - 1 : kept.number(), kept == null ? "" : kept.hash()));
        }
    }

    public Stats stats() {
        return stats;
    }

    /** Time spent in eth_getLogs, as measured by the fetcher. */
    public long logFetchNanos() {
        return fetcher.fetchNanos();
    }

    public AdaptiveLogFetcher fetcher() {
        return fetcher;
    }

    public EventStore store() {
        return store;
    }
}
