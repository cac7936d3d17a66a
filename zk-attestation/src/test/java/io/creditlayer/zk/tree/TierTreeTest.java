package io.creditlayer.zk.tree;

import io.creditlayer.zk.reference.Circomlibjs;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierTreeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger MODEL_ID =
            TierEntry.modelIdField("0x8f410c63c244ba704a9f2f54fabdfadee2c8d7e5a2838e8ac1979e2045b574b7");

    private static TierEntry randomEntry(long epoch) {
        return new TierEntry(new BigInteger(160, RANDOM), 300 + RANDOM.nextInt(551), MODEL_ID, epoch,
                TierEntry.randomSalt(RANDOM));
    }

    private static List<TierEntry> randomEntries(int n, long epoch) {
        List<TierEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(randomEntry(epoch));
        }
        return entries;
    }

    @Test
    void rootsAndPathsMatchCircomlibjsOnRandomTrees() {
        // 257: the leaf level is above TierTree's parallel-hashing threshold (256), the levels above it are not
        for (int size : new int[] {1, 2, 3, 7, 64, 257}) {
            List<TierEntry> entries = randomEntries(size, RANDOM.nextInt(1 << 20));
            TierTree tree = TierTree.build(entries);
            List<BigInteger> probe = List.of(entries.getFirst().borrower(), entries.getLast().borrower(),
                    entries.get(size / 2).borrower());
            Circomlibjs.ReferenceTree reference = Circomlibjs.tree(entries, probe);

            assertEquals(reference.root(), tree.root(), "root of a tree of " + size);
            for (int i = 0; i < probe.size(); i++) {
                MerklePath path = tree.pathOf(probe.get(i)).orElseThrow();
                Circomlibjs.ReferencePath expected = reference.paths().get(i);
                assertEquals(expected.index(), path.leafIndex());
                assertEquals(expected.leaf(), path.leaf());
                assertEquals(expected.pathElements(), path.pathElements());
                assertEquals(expected.pathIndices(), path.pathIndices());
                assertEquals(tree.root(), path.computeRoot());
            }
        }
    }

    @Test
    void rootDoesNotDependOnEntryOrder() {
        List<TierEntry> entries = randomEntries(20, 5);
        List<TierEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, RANDOM);
        assertEquals(TierTree.build(entries).root(), TierTree.build(shuffled).root());
    }

    @Test
    void emptySubtreesAreHashesOfZeros() {
        assertEquals(BigInteger.ZERO, TierTree.emptySubtreeRoot(0));
        for (int k = 0; k < TierTree.DEPTH; k++) {
            assertEquals(io.creditlayer.zk.poseidon.Poseidon.hash(TierTree.emptySubtreeRoot(k),
                    TierTree.emptySubtreeRoot(k)), TierTree.emptySubtreeRoot(k + 1));
        }
    }

    @Test
    void absentBorrowerHasNoPath() {
        TierTree tree = TierTree.build(randomEntries(3, 1));
        BigInteger absent = BigInteger.valueOf(12345);
        assertTrue(tree.pathOf(absent).isEmpty());
        assertTrue(tree.entryOf(absent).isEmpty());
    }

    @Test
    void refusesMixedEpochsModelsAndDuplicates() {
        TierEntry a = randomEntry(1);
        assertThrows(IllegalArgumentException.class, () -> TierTree.build(List.of(a, randomEntry(2))));
        TierEntry otherModel = new TierEntry(new BigInteger(160, RANDOM), 500, MODEL_ID.add(BigInteger.ONE), 1,
                BigInteger.ONE);
        assertThrows(IllegalArgumentException.class, () -> TierTree.build(List.of(a, otherModel)));
        TierEntry sameBorrower = new TierEntry(a.borrower(), 600, MODEL_ID, 1, BigInteger.TEN);
        assertThrows(IllegalArgumentException.class, () -> TierTree.build(List.of(a, sameBorrower)));
        assertThrows(IllegalArgumentException.class, () -> TierTree.build(List.of()));
    }

    @Test
    void entriesAreRangeChecked() {
        BigInteger salt = BigInteger.ONE;
        assertThrows(IllegalArgumentException.class, () -> new TierEntry(BigInteger.TWO.pow(160), 500, MODEL_ID, 1, salt));
        assertThrows(IllegalArgumentException.class, () -> new TierEntry(BigInteger.ONE.negate(), 500, MODEL_ID, 1, salt));
        assertThrows(IllegalArgumentException.class, () -> new TierEntry(BigInteger.ONE, 299, MODEL_ID, 1, salt));
        assertThrows(IllegalArgumentException.class, () -> new TierEntry(BigInteger.ONE, 851, MODEL_ID, 1, salt));
        assertThrows(IllegalArgumentException.class,
                () -> new TierEntry(BigInteger.ONE, 500, BigInteger.TWO.pow(248), 1, salt));
        assertThrows(IllegalArgumentException.class, () -> new TierEntry(BigInteger.ONE, 500, MODEL_ID, 1L << 32, salt));
        assertThrows(IllegalArgumentException.class, () -> new TierEntry(BigInteger.ONE, 500, MODEL_ID, -1, salt));
        assertThrows(IllegalArgumentException.class,
                () -> new TierEntry(BigInteger.ONE, 500, MODEL_ID, 1, io.creditlayer.zk.poseidon.Poseidon.FIELD_MODULUS));
    }

    @Test
    void fieldConversions() {
        assertEquals(new BigInteger("a11ce00000000000000000000000000000000a11", 16),
                TierEntry.borrowerField("0xA11CE00000000000000000000000000000000A11"));
        assertThrows(IllegalArgumentException.class, () -> TierEntry.borrowerField("0x1234"));
        byte[] id = new byte[32];
        java.util.Arrays.fill(id, (byte) 0xff);
        assertEquals(BigInteger.TWO.pow(248).subtract(BigInteger.ONE), TierEntry.modelIdField(id));
        assertThrows(IllegalArgumentException.class, () -> TierEntry.modelIdField(new byte[31]));
    }

    @Test
    void toStringHidesTheSalt() {
        TierEntry entry = randomEntry(1);
        assertFalse(entry.toString().contains(entry.salt().toString()));
        assertFalse(entry.toString().contains(entry.salt().toString(16)));
    }
}
