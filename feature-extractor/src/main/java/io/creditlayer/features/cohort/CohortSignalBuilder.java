package io.creditlayer.features.cohort;

import io.creditlayer.features.ingest.EventStore;
import io.creditlayer.features.ingest.WalletEntry;
import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.rpc.BlockData;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link CohortSignals} from an {@link EventStore}, reading a wallet's history up to a block, like the
 * profile builder. Within a block, the store keeps a block's transactions before its events, so the first inflow is
 * chosen by (block, transaction index, log index) rather than by history order.
 */
public final class CohortSignalBuilder {
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final long DAY = 86_400;
    private static final long HOUR = 3_600;

    private final EventStore store;
    private final long chainId;
    private final Set<String> mixers;
    private final CounterpartyLabels labels;

    /**
     * @param mixers lower-case addresses of known mixer contracts (a token transfer from one counts as a mixer payout)
     * @param labels exchange, bridge and faucet labels of the same chain
     */
    public CohortSignalBuilder(EventStore store, long chainId, Set<String> mixers, CounterpartyLabels labels) {
        if (labels.chainId() != chainId) {
            throw new IllegalArgumentException("counterparty labels are for chain " + labels.chainId() + ", not " + chainId);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.chainId = chainId;
        this.mixers = Set.copyOf(mixers);
        this.labels = labels;
    }

    /**
     * The wallet's signals as of {@code asOfBlock}, which must have been ingested.
     *
     * @throws IllegalArgumentException if the block is not in the store
     */
    public CohortSignals build(String wallet, long asOfBlock) {
        EventStore.BlockInfo asOf = store.block(asOfBlock)
                .orElseThrow(() -> new IllegalArgumentException("block " + asOfBlock + " has not been ingested"));
        String address = wallet.toLowerCase(Locale.ROOT);
        int[] hours = new int[24];
        FirstInflow first = null;
        long firstKey = Long.MAX_VALUE;
        for (WalletEntry entry : store.history(address)) {
            if (entry.block() > asOfBlock) {
                break;
            }
            BlockData.Tx tx = entry.tx();
            if (tx != null) {
                if (entry.outgoing()) {
                    hours[(int) (Math.floorMod(entry.timestamp(), DAY) / HOUR)]++;
                } else if (tx.success() && tx.value().signum() > 0) {
                    // the value moves before the transaction's logs: order it ahead of them
                    long key = order(entry.block(), tx.index(), -1);
                    if (key < firstKey) {
                        firstKey = key;
                        first = new FirstInflow(entry.block(), entry.timestamp(), tx.from(),
                                FirstInflow.Channel.NATIVE_TRANSFER, labelOf(tx.from()));
                    }
                }
                continue;
            }
            DecodedEvent event = entry.event();
            FirstInflow candidate = null;
            if (event.action() == Action.MIXER_WITHDRAWAL && event.wallet().equals(address)) {
                candidate = new FirstInflow(entry.block(), entry.timestamp(), event.contract(),
                        FirstInflow.Channel.MIXER_WITHDRAWAL, "mixer");
            } else if (event.action() == Action.TRANSFER && !entry.outgoing() && address.equals(event.counterparty())
                    && event.amount() != null && event.amount().signum() > 0 && !ZERO_ADDRESS.equals(event.wallet())) {
                candidate = new FirstInflow(entry.block(), entry.timestamp(), event.wallet(),
                        FirstInflow.Channel.TOKEN_TRANSFER, labelOf(event.wallet()));
            }
            if (candidate != null) {
                long key = order(entry.block(), event.ref().txIndex(), event.ref().logIndex());
                if (key < firstKey) {
                    firstKey = key;
                    first = candidate;
                }
            }
        }
        return new CohortSignals(address, chainId, asOf.number(), asOf.timestamp(), first, hours);
    }

    private String labelOf(String payer) {
        if (mixers.contains(payer)) {
            return "mixer";
        }
        CounterpartyLabels.Label label = labels.labelOf(payer);
        return label == null ? null : label.id();
    }

    /** Block, transaction and log position packed into one sortable number (blocks below 2^31, positions below 2^16). */
    private static long order(long block, int txIndex, int logIndex) {
        return (block << 32) | ((long) (txIndex & 0xFFFF) << 16) | ((logIndex + 1) & 0xFFFF);
    }
}
