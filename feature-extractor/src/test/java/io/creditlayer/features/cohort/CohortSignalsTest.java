package io.creditlayer.features.cohort;

import io.creditlayer.features.ingest.EventStore;
import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.model.LogRef;
import io.creditlayer.features.model.Protocol;
import io.creditlayer.features.rpc.BlockData;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cohort signals from a hand-built history: first inflow by chain position, labels, mixers, hours, point in time. */
class CohortSignalsTest {
    private static final long CHAIN = 31337;
    private static final long DAY0 = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final String WALLET = "0x" + "a1".repeat(20);
    private static final String EXCHANGE = "0x" + "e0".repeat(20);
    private static final String FAUCET = "0x" + "fa".repeat(20);
    private static final String PEER = "0x" + "be".repeat(20);
    private static final String MIXER = "0x" + "33".repeat(20);
    private static final String TOKEN = "0x" + "70".repeat(20);
    private static final String POOL = "0x" + "50".repeat(20);
    private static final String ZERO = "0x" + "00".repeat(20);
    private static final BigInteger ETH = BigInteger.TEN.pow(18);

    private final EventStore store = new EventStore();
    private final CounterpartyLabels labels = CounterpartyLabels.empty(CHAIN)
            .with(CounterpartyLabels.Label.EXCHANGE, List.of(EXCHANGE))
            .with(CounterpartyLabels.Label.FAUCET, List.of(FAUCET));
    private final CohortSignalBuilder builder = new CohortSignalBuilder(store, CHAIN, Set.of(MIXER), labels);
    private long block;

    @Test
    void theFirstInflowIsTheEarliestByPositionInTheBlockNotByStorageOrder() {
        // tx 0: a token transfer from the exchange (a log); tx 1: the faucet's ETH drip. The store keeps the drip
        // (a transaction) ahead of the log, but the exchange paid first.
        addBlock(DAY0 + 9 * 3600, List.of(tx(0, EXCHANGE, TOKEN, BigInteger.ZERO), tx(1, FAUCET, WALLET, ETH)),
                List.of(transfer(0, 0, EXCHANGE, WALLET, 5)));
        CohortSignals s = builder.build(WALLET, block);
        assertEquals(FirstInflow.Channel.TOKEN_TRANSFER, s.firstInflow().channel());
        assertEquals(EXCHANGE, s.firstInflow().from());
        assertEquals("exchange", s.firstInflow().label());
        assertEquals(0, s.transactions(), "received transactions are not the wallet's activity");
    }

    @Test
    void mintsAndFailedTransfersAreNotInflowsAndAnUnlabelledPayerIsNull() {
        addBlock(DAY0 + 3600, List.of(tx(0, PEER, WALLET, ETH, false)), List.of(transfer(1, 0, ZERO, WALLET, 100)));
        assertNull(builder.build(WALLET, block).firstInflow(), "a reverted payment and a mint pay nothing");
        addBlock(DAY0 + 2 * 3600, List.of(tx(0, PEER, WALLET, ETH)), List.of());
        FirstInflow first = builder.build(WALLET, block).firstInflow();
        assertEquals(PEER, first.from());
        assertEquals(FirstInflow.Channel.NATIVE_TRANSFER, first.channel());
        assertNull(first.label(), "another wallet has no label");
        assertEquals(DAY0 + 2 * 3600, first.timestamp());
    }

    @Test
    void aMixerPayoutIsAMixerInflowWhateverFollows() {
        DecodedEvent withdrawal = new DecodedEvent(ref(0, 0), MIXER, Protocol.MIXER, Action.MIXER_WITHDRAWAL, WALLET,
                "0x" + "77".repeat(20), null, BigInteger.ZERO, 0);
        addBlock(DAY0 + 9 * 3600, List.of(tx(0, "0x" + "77".repeat(20), MIXER, BigInteger.ZERO), tx(1, EXCHANGE, WALLET, ETH)),
                List.of(withdrawal));
        FirstInflow first = builder.build(WALLET, block).firstInflow();
        assertEquals(FirstInflow.Channel.MIXER_WITHDRAWAL, first.channel());
        assertEquals("mixer", first.label());
        assertEquals(MIXER, first.from());
    }

    @Test
    void hoursCountTheWalletsOwnTransactionsUpToTheBlockOnly() {
        addBlock(DAY0 + 9 * 3600, List.of(tx(0, EXCHANGE, WALLET, ETH)), List.of());
        long funded = block;
        addBlock(DAY0 + 13 * 3600 + 59 * 60, List.of(tx(0, WALLET, POOL, BigInteger.ZERO), tx(1, WALLET, POOL, BigInteger.ZERO, false)), List.of());
        long asOf = block;
        addBlock(DAY0 + 86_400 + 23 * 3600, List.of(tx(0, WALLET, POOL, BigInteger.ZERO)), List.of());
        CohortSignals early = builder.build(WALLET, asOf);
        int[] expected = new int[24];
        expected[13] = 2;
        assertTrue(java.util.Arrays.equals(expected, early.utcHourCounts()), "failed transactions count too");
        CohortSignals late = builder.build(WALLET, block);
        assertEquals(1, late.utcHourCounts()[23]);
        assertEquals(3, late.transactions());
        assertEquals(early, builder.build(WALLET, asOf), "later blocks never change an earlier answer");
        assertEquals(CHAIN, early.chainId());
        assertEquals(funded, early.firstInflow().block());
        assertEquals(0, builder.build(WALLET, funded).transactions());
    }

    @Test
    void badInputIsRefused() {
        addBlock(DAY0, List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> builder.build(WALLET, block + 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CohortSignalBuilder(store, CHAIN, Set.of(), CounterpartyLabels.empty(1)));
        assertThrows(IllegalArgumentException.class,
                () -> labels.with(CounterpartyLabels.Label.BRIDGE, List.of(EXCHANGE)), "one address, two labels");
        assertThrows(IllegalArgumentException.class, () -> new CounterpartyLabels(CHAIN, Map.of("0x12", CounterpartyLabels.Label.FAUCET)));
        assertEquals(CounterpartyLabels.Label.BRIDGE,
                CounterpartyLabels.ethereumMainnet().labelOf("0x99C9FC46F92E8A1C0DEC1B1747D010903E884BE1"));
    }

    private void addBlock(long timestamp, List<BlockData.Tx> txs, List<DecodedEvent> events) {
        block++;
        store.addBlock(new BlockData(block, hash(block), hash(block - 1), timestamp, txs));
        List<DecodedEvent> fixed = new ArrayList<>();
        for (DecodedEvent e : events) {
            LogRef r = e.ref();
            fixed.add(new DecodedEvent(new LogRef(block, hash(block), r.txHash(), r.txIndex(), r.logIndex()), e.contract(),
                    e.protocol(), e.action(), e.wallet(), e.counterparty(), e.asset(), e.amount(), e.detail()));
        }
        fixed.forEach(store::addEvent);
    }

    private BlockData.Tx tx(int index, String from, String to, BigInteger value) {
        return tx(index, from, to, value, true);
    }

    private BlockData.Tx tx(int index, String from, String to, BigInteger value, boolean success) {
        return new BlockData.Tx(hash(block * 1000 + index + 1000), index, from, to, value, BigInteger.ONE, success);
    }

    private static DecodedEvent transfer(int txIndex, int logIndex, String from, String to, long whole) {
        return new DecodedEvent(ref(txIndex, logIndex), TOKEN, Protocol.ERC20, Action.TRANSFER, from, to, TOKEN,
                BigInteger.valueOf(whole).multiply(ETH), 0);
    }

    private static LogRef ref(int txIndex, int logIndex) {
        return new LogRef(0, hash(0), hash(txIndex + 500), txIndex, logIndex);
    }

    private static String hash(long n) {
        return String.format("0x%064x", n);
    }
}
