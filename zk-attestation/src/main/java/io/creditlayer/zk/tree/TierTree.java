package io.creditlayer.zk.tree;

import io.creditlayer.zk.poseidon.Poseidon;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's epoch tree of committed scores (docs/zk.md): a binary Poseidon Merkle tree of fixed depth
 * {@value #DEPTH}, node = Poseidon(left, right), empty leaf = 0.
 *
 * <p>The leaves are the entries sorted by borrower address, at indices 0..n-1, so that the same set of entries
 * always gives the same root whatever order the service collected them in. Because the occupied leaves form a
 * prefix, each level is a prefix of occupied nodes followed by empty subtrees whose hashes are precomputed: a tree
 * of n entries costs n leaf hashes and about n node hashes, not 2^16.
 *
 * <p>Large levels are hashed on the common fork-join pool's threads as well as the caller's (the same root
 * whatever the split): on the 2-core build machine a full 65,536-entry tree takes about half the wall time.
 *
 * <p>Immutable. The salts stay inside: only roots, leaves and paths come out.
 */
public final class TierTree {
    public static final int DEPTH = 16;
    public static final int CAPACITY = 1 << DEPTH;
    /** Levels with at least this many hashes are hashed in parallel (see {@link #hashAll}). */
    private static final int PARALLEL_THRESHOLD = 256;

    /** EMPTY[k]: the root of an empty subtree of height k (EMPTY[0] = 0, the empty leaf). */
    private static final BigInteger[] EMPTY = new BigInteger[DEPTH + 1];

    static {
        EMPTY[0] = BigInteger.ZERO;
        for (int k = 0; k < DEPTH; k++) {
            EMPTY[k + 1] = Poseidon.hash(EMPTY[k], EMPTY[k]);
        }
    }

    private final BigInteger modelId;
    private final long epoch;
    private final List<TierEntry> entries;
    /** levels[k][i]: node i of level k (level 0 = leaves), for the occupied prefix only. */
    private final BigInteger[][] levels;

    private TierTree(BigInteger modelId, long epoch, List<TierEntry> entries, BigInteger[][] levels) {
        this.modelId = modelId;
        this.epoch = epoch;
        this.entries = entries;
        this.levels = levels;
    }

    /**
     * Builds the tree of one model's epoch. Every entry must carry the same modelId and epoch, each borrower may
     * appear once, and at most {@value #CAPACITY} entries fit.
     */
    public static TierTree build(List<TierEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a tier tree needs at least one entry");
        }
        if (entries.size() > CAPACITY) {
            throw new IllegalArgumentException(entries.size() + " entries exceed the tree's " + CAPACITY + " leaves");
        }
        List<TierEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TierEntry::borrower));
        BigInteger modelId = sorted.getFirst().modelId();
        long epoch = sorted.getFirst().epoch();
        for (int i = 0; i < sorted.size(); i++) {
            TierEntry entry = sorted.get(i);
            if (!entry.modelId().equals(modelId) || entry.epoch() != epoch) {
                throw new IllegalArgumentException("all entries of a tree share one modelId and epoch; " + entry
                        + " differs from modelId 0x" + modelId.toString(16) + ", epoch " + epoch);
            }
            if (i > 0 && entry.borrower().equals(sorted.get(i - 1).borrower())) {
                throw new IllegalArgumentException("borrower 0x" + entry.borrower().toString(16) + " appears twice");
            }
        }

        BigInteger[][] levels = new BigInteger[DEPTH + 1][];
        BigInteger[] leaves = new BigInteger[sorted.size()];
        hashAll(leaves.length, i -> leaves[i] = sorted.get(i).leaf());
        levels[0] = leaves;
        for (int k = 0; k < DEPTH; k++) {
            BigInteger[] below = levels[k];
            BigInteger[] level = new BigInteger[(below.length + 1) / 2];
            BigInteger empty = EMPTY[k];
            hashAll(level.length, i -> {
                BigInteger right = 2 * i + 1 < below.length ? below[2 * i + 1] : empty;
                level[i] = Poseidon.hash(below[2 * i], right);
            });
            levels[k + 1] = level;
        }
        return new TierTree(modelId, epoch, List.copyOf(sorted), levels);
    }

    /**
     * Runs {@code hash} for indices 0..count-1: in the common fork-join pool when there are at least
     * {@value #PARALLEL_THRESHOLD} (each call writes its own array slot, so the result does not depend on the order),
     * on the calling thread below that, where splitting the work costs more than it saves. A full tree is about
     * 131,000 hashes of some 30 to 60 µs each: the only part of building it worth spreading over the cores.
     */
    private static void hashAll(int count, java.util.function.IntConsumer hash) {
        java.util.stream.IntStream indices = java.util.stream.IntStream.range(0, count);
        (count >= PARALLEL_THRESHOLD ? indices.parallel() : indices).forEach(hash);
    }

    /** The root to post on-chain (CreditOracle.postTierRoot). */
    public BigInteger root() {
        return levels[DEPTH][0];
    }

    /** The root as a "0x"-prefixed 32-byte hex string (bytes32). */
    public String rootHex() {
        return "0x" + String.format("%64s", root().toString(16)).replace(' ', '0');
    }

    public BigInteger modelId() {
        return modelId;
    }

    public long epoch() {
        return epoch;
    }

    public int size() {
        return entries.size();
    }

    /** The borrower's entry (with its salt, for handing to that borrower), if present. */
    public Optional<TierEntry> entryOf(BigInteger borrower) {
        int index = indexOf(borrower);
        return index < 0 ? Optional.empty() : Optional.of(entries.get(index));
    }

    /** The borrower's Merkle path, if the borrower is in the tree. */
    public Optional<MerklePath> pathOf(BigInteger borrower) {
        int index = indexOf(borrower);
        if (index < 0) {
            return Optional.empty();
        }
        List<BigInteger> pathElements = new ArrayList<>(DEPTH);
        List<Integer> pathIndices = new ArrayList<>(DEPTH);
        for (int k = 0; k < DEPTH; k++) {
            int node = index >> k;
            int sibling = node ^ 1;
            pathElements.add(sibling < levels[k].length ? levels[k][sibling] : EMPTY[k]);
            pathIndices.add(node & 1);
        }
        return Optional.of(new MerklePath(index, levels[0][index], pathElements, pathIndices));
    }

    /** The root of an empty subtree of the given height (0 = the empty leaf). */
    public static BigInteger emptySubtreeRoot(int height) {
        if (height < 0 || height > DEPTH) {
            throw new IllegalArgumentException("height must be in 0.." + DEPTH);
        }
        return EMPTY[height];
    }

    private int indexOf(BigInteger borrower) {
        Objects.requireNonNull(borrower, "borrower");
        int low = 0;
        int high = entries.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = entries.get(mid).borrower().compareTo(borrower);
            if (cmp == 0) {
                return mid;
            }
            if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "TierTree[root=" + rootHex() + ", modelId=0x" + modelId.toString(16) + ", epoch=" + epoch
                + ", entries=" + entries.size() + "]";
    }
}
