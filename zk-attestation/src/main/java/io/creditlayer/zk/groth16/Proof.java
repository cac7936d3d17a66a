package io.creditlayer.zk.groth16;

import io.creditlayer.zk.bn254.Bn254FormatException;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Point;
import java.util.Objects;

/**
 * A Groth16 proof (A, C in G1, B in G2), as in snarkjs's proof.json. Points at infinity are kept: the pairing
 * treats them as the EIP-197 precompile does (their pairings are 1).
 */
public record Proof(G1Point a, G2Point b, G1Point c) {
    /** The binary encoding's length: A (64 bytes), B (128, EIP-197 order), C (64), i.e. Solidity's uint256[8]. */
    public static final int ENCODED_SIZE = 2 * G1Point.ENCODED_SIZE + G2Point.ENCODED_SIZE;

    public Proof {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
    }

    /**
     * Decodes the 256-byte form the snarkjs Solidity verifier takes as uint256[8]: A.x, A.y, B.x_im, B.x_re, B.y_im,
     * B.y_re, C.x, C.y, each a 32-byte big-endian word.
     *
     * @throws Groth16FormatException if the length is not 256 or a point is invalid
     */
    public static Proof fromBytes(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_SIZE) {
            throw new Groth16FormatException("proof: expected " + ENCODED_SIZE + " bytes, got "
                    + (encoded == null ? "none" : encoded.length));
        }
        G1Point a = point("A", () -> G1Point.fromBytes(encoded, 0));
        G2Point b = point("B", () -> G2Point.fromBytes(encoded, G1Point.ENCODED_SIZE));
        G1Point c = point("C", () -> G1Point.fromBytes(encoded, G1Point.ENCODED_SIZE + G2Point.ENCODED_SIZE));
        return new Proof(a, b, c);
    }

    /** The 256-byte form of {@link #fromBytes}. */
    public byte[] toBytes() {
        byte[] out = new byte[ENCODED_SIZE];
        System.arraycopy(a.toBytes(), 0, out, 0, G1Point.ENCODED_SIZE);
        System.arraycopy(b.toBytes(), 0, out, G1Point.ENCODED_SIZE, G2Point.ENCODED_SIZE);
        System.arraycopy(c.toBytes(), 0, out, G1Point.ENCODED_SIZE + G2Point.ENCODED_SIZE, G1Point.ENCODED_SIZE);
        return out;
    }

    private static <T> T point(String name, java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (Bn254FormatException e) {
            throw new Groth16FormatException("proof: " + name + ": " + e.getMessage(), e);
        }
    }
}
