package io.creditlayer.features.ingest;

import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.rpc.BlockData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-memory history the profiles are built from: block headers, and per wallet its decoded events and
 * transactions in chain order. Blocks arrive in ascending order; a reorg rolls back everything above a block.
 * Not thread-safe: one ingesting thread owns it, readers take profiles from it between ingests.
 */
public final class EventStore {
    /** A block's identity and time. */
    public record BlockInfo(long number, String hash, String parentHash, long timestamp) {
    }

    private final NavigableMap<Long, BlockInfo> blocks = new TreeMap<>();
    private final Map<String, List<WalletEntry>> histories = new HashMap<>();
    private long events;

    /** Records a block header and its transactions (to the sender and the recipient). */
    public void addBlock(BlockData block) {
        Map.Entry<Long, BlockInfo> last = blocks.lastEntry();
        if (last != null && block.number() <= last.getKey()) {
            throw new IllegalStateException("block " + block.number() + " arrives after block " + last.getKey()
                    + ": roll back first");
        }
        blocks.put(block.number(), new BlockInfo(block.number(), block.hash(), block.parentHash(), block.timestamp()));
        for (BlockData.Tx tx : block.transactions()) {
            append(tx.from(), new WalletEntry(block.number(), block.timestamp(), null, tx, true));
            if (tx.to() != null && !tx.to().equals(tx.from())) {
                append(tx.to(), new WalletEntry(block.number(), block.timestamp(), null, tx, false));
            }
        }
    }

    /** Records a decoded event of an already added block: under its wallet, and a transfer also under its receiver. */
    public void addEvent(DecodedEvent event) {
        BlockInfo block = blocks.get(event.ref().blockNumber());
        if (block == null) {
            throw new IllegalStateException("event of block " + event.ref().blockNumber() + " before its block");
        }
        events++;
        append(event.wallet(), new WalletEntry(block.number(), block.timestamp(), event, null, true));
        if (event.action() == Action.TRANSFER && event.counterparty() != null && !event.counterparty().equals(event.wallet())) {
            append(event.counterparty(), new WalletEntry(block.number(), block.timestamp(), event, null, false));
        }
    }

    private void append(String wallet, WalletEntry entry) {
        histories.computeIfAbsent(wallet, w -> new ArrayList<>()).add(entry);
    }

    /** Removes every block, transaction and event above {@code block}. */
    public void rollbackAfter(long block) {
        blocks.tailMap(block, false).clear();
        histories.values().removeIf(history -> {
            int keep = history.size();
            while (keep > 0 && history.get(keep - 1).block() > block) {
                keep--;
            }
            if (keep < history.size()) {
                events -= history.subList(keep, history.size()).stream().filter(e -> e.event() != null && e.outgoing()).count();
                history.subList(keep, history.size()).clear();
            }
            return history.isEmpty();
        });
    }

    /** The wallet's history in chain order (unmodifiable view). */
    public List<WalletEntry> history(String wallet) {
        List<WalletEntry> history = histories.get(wallet);
        return history == null ? List.of() : Collections.unmodifiableList(history);
    }

    public Set<String> wallets() {
        return Collections.unmodifiableSet(histories.keySet());
    }

    public Optional<BlockInfo> block(long number) {
        return Optional.ofNullable(blocks.get(number));
    }

    /** The highest block ingested, or empty. */
    public Optional<BlockInfo> lastBlock() {
        Map.Entry<Long, BlockInfo> last = blocks.lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue());
    }

    /** The highest ingested block at or below {@code number}. */
    public Optional<BlockInfo> blockAtOrBelow(long number) {
        Map.Entry<Long, BlockInfo> entry = blocks.floorEntry(number);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** Decoded events stored (each counted once). */
    public long eventCount() {
        return events;
    }

    public int blockCount() {
        return blocks.size();
    }
}
