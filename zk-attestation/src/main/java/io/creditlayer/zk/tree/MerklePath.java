package io.creditlayer.zk.tree;

import io.creditlayer.zk.poseidon.Poseidon;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A leaf's authentication path in a {@link TierTree}: the circuit's pathElements and pathIndices.
 *
 * @param leafIndex    the leaf's position, 0..2^depth - 1
 * @param leaf         the leaf hash
 * @param pathElements the sibling at each level, bottom up
 * @param pathIndices  bit k of leafIndex: 0 when the node at level k is a left child
 */
public record MerklePath(int leafIndex, BigInteger leaf, List<BigInteger> pathElements, List<Integer> pathIndices) {
    public MerklePath {
        Objects.requireNonNull(leaf, "leaf");
        pathElements = List.copyOf(pathElements);
        pathIndices = List.copyOf(pathIndices);
        if (pathElements.size() != pathIndices.size()) {
            throw new IllegalArgumentException("pathElements and pathIndices differ in length");
        }
        int depth = pathElements.size();
        if (depth > 30 || leafIndex < 0 || leafIndex >= 1 << depth) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " does not fit depth " + depth);
        }
        for (int k = 0; k < depth; k++) {
            if (pathIndices.get(k) != ((leafIndex >> k) & 1)) {
                throw new IllegalArgumentException("pathIndices[" + k + "] is not bit " + k + " of " + leafIndex);
            }
            Poseidon.requireFieldElement(pathElements.get(k), "pathElements[" + k + "]");
        }
    }

    /** The root this path leads to, hashed as the circuit does. */
    public BigInteger computeRoot() {
        BigInteger node = leaf;
        for (int k = 0; k < pathElements.size(); k++) {
            BigInteger sibling = pathElements.get(k);
            node = pathIndices.get(k) == 0 ? Poseidon.hash(node, sibling) : Poseidon.hash(sibling, node);
        }
        return node;
    }
}
