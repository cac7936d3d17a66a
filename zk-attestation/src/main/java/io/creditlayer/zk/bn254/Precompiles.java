package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The EVM's BN254 precompiles on their byte encodings: ecAdd (0x06) and ecMul (0x07) of EIP-196, the pairing
 * check (0x08) of EIP-197. Where the precompile fails (the call reverts, consuming its gas), these throw
 * {@link Bn254FormatException}.
 *
 * <ul>
 *   <li>ecAdd reads 128 bytes, ecMul 96: shorter input is right-padded with zeros, longer input is truncated.</li>
 *   <li>Coordinates are 32-byte big-endian integers that must be below p; (0, 0) is the point at infinity, any
 *       other point must be on its curve; G2 points must also lie in the order-r subgroup.</li>
 *   <li>ecMul's scalar is any 256-bit integer (every G1 point has order r, so it acts modulo r).</li>
 *   <li>The pairing input must be k·192 bytes (k ≥ 0): k pairs of a G1 point (x, y) and a G2 point
 *       (x_im, x_re, y_im, y_re); the output is the 32-byte word 1 if the product of the pairings is 1, else 0.
 *       Pairs with a point at infinity contribute 1, but their other point is still validated.</li>
 * </ul>
 */
public final class Precompiles {
    public static final int EC_ADD_INPUT = 128;
    public static final int EC_MUL_INPUT = 96;
    public static final int PAIR_SIZE = G1Point.ENCODED_SIZE + G2Point.ENCODED_SIZE;

    private Precompiles() {
    }

    /** ecAdd (0x06): the 64-byte encoding of P1 + P2. */
    public static byte[] ecAdd(byte[] input) {
        byte[] padded = Arrays.copyOf(input, EC_ADD_INPUT);
        G1Point a = G1Point.fromBytes(padded, 0);
        G1Point b = G1Point.fromBytes(padded, 64);
        return a.add(b).toBytes();
    }

    /** ecMul (0x07): the 64-byte encoding of s·P. */
    public static byte[] ecMul(byte[] input) {
        byte[] padded = Arrays.copyOf(input, EC_MUL_INPUT);
        G1Point p = G1Point.fromBytes(padded, 0);
        BigInteger scalar = new BigInteger(1, Arrays.copyOfRange(padded, 64, 96));
        return p.multiply(scalar).toBytes();
    }

    /** The pairing check (0x08): the 32-byte word 1 or 0. */
    public static byte[] pairing(byte[] input) {
        byte[] out = new byte[32];
        out[31] = (byte) (pairingCheck(input) ? 1 : 0);
        return out;
    }

    /** Whether the k pairs encoded in input (k·192 bytes) have a pairing product of 1. */
    public static boolean pairingCheck(byte[] input) {
        if (input.length % PAIR_SIZE != 0) {
            throw new Bn254FormatException("pairing input length " + input.length + " is not a multiple of 192");
        }
        int pairs = input.length / PAIR_SIZE;
        List<G1Point> ps = new ArrayList<>(pairs);
        List<G2Point> qs = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            ps.add(G1Point.fromBytes(input, i * PAIR_SIZE));
            qs.add(G2Point.fromBytes(input, i * PAIR_SIZE + G1Point.ENCODED_SIZE));
        }
        return Pairing.check(ps, qs);
    }
}
