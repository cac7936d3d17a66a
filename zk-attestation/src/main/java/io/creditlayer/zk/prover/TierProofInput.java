package io.creditlayer.zk.prover;

import io.creditlayer.zk.tree.MerklePath;
import io.creditlayer.zk.tree.TierEntry;
import io.creditlayer.zk.tree.TierTree;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The tier circuit's input for one borrower's claim: public root, borrower, tier, modelId, epoch; private score,
 * salt and Merkle path (zk-attestation/circuits/tier_proof.circom). Built from a {@link TierTree}, and checked
 * here so that a claim the circuit would refuse fails with a clear message instead of an opaque witness error.
 */
public record TierProofInput(BigInteger root, TierEntry entry, int tier, MerklePath path) {
    /** Score floors of tier-policy-v1, by tier (index 0 unused). */
    private static final int[] FLOORS = {0, 300, 580, 670, 740, 800};

    public static final int MIN_TIER = 1;
    public static final int MAX_TIER = 5;

    public TierProofInput {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(path, "path");
        if (tier < MIN_TIER || tier > MAX_TIER) {
            throw new IllegalArgumentException("tier must be in " + MIN_TIER + ".." + MAX_TIER + ", got " + tier);
        }
        if (entry.score() < FLOORS[tier]) {
            throw new IllegalArgumentException("the committed score does not clear tier " + tier + "'s floor "
                    + FLOORS[tier]);
        }
        if (path.pathElements().size() != TierTree.DEPTH) {
            throw new IllegalArgumentException("the circuit takes a path of depth " + TierTree.DEPTH);
        }
        if (!path.leaf().equals(entry.leaf()) || !path.computeRoot().equals(root)) {
            throw new IllegalArgumentException("the path does not lead from the entry's leaf to the root");
        }
    }

    /** The input for {@code borrower} claiming {@code tier} in {@code tree}. */
    public static TierProofInput of(TierTree tree, BigInteger borrower, int tier) {
        Objects.requireNonNull(tree, "tree");
        TierEntry entry = tree.entryOf(borrower).orElseThrow(
                () -> new IllegalArgumentException("borrower 0x" + borrower.toString(16) + " is not in the tree"));
        return new TierProofInput(tree.root(), entry, tier, tree.pathOf(borrower).orElseThrow());
    }

    /** Score floor of a tier under tier-policy-v1. */
    public static int floorOf(int tier) {
        if (tier < MIN_TIER || tier > MAX_TIER) {
            throw new IllegalArgumentException("tier must be in " + MIN_TIER + ".." + MAX_TIER + ", got " + tier);
        }
        return FLOORS[tier];
    }

    /** The public signals the proof will carry, in the circuit's order: root, borrower, tier, modelId, epoch. */
    public List<BigInteger> publicSignals() {
        return List.of(root, entry.borrower(), BigInteger.valueOf(tier), entry.modelId(),
                BigInteger.valueOf(entry.epoch()));
    }

    /** snarkjs's input JSON (decimal strings). Contains the salt: keep it off disks and logs. */
    String toJson() {
        return "{\"root\":\"" + root + "\",\"borrower\":\"" + entry.borrower() + "\",\"tier\":\"" + tier
                + "\",\"modelId\":\"" + entry.modelId() + "\",\"epoch\":\"" + entry.epoch() + "\",\"score\":\""
                + entry.score() + "\",\"salt\":\"" + entry.salt() + "\",\"pathElements\":"
                + path.pathElements().stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(",", "[", "]"))
                + ",\"pathIndices\":"
                + path.pathIndices().stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"))
                + "}";
    }

    /** Leaves out the entry's salt (TierEntry's own toString hides it). */
    @Override
    public String toString() {
        return "TierProofInput[root=0x" + root.toString(16) + ", entry=" + entry + ", tier=" + tier
                + ", leafIndex=" + path.leafIndex() + "]";
    }
}
