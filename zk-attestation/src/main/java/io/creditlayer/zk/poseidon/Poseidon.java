package io.creditlayer.zk.poseidon;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The Poseidon hash over the BN254 scalar field with circomlib's parameters: the function that
 * {@code circomlib/circuits/poseidon.circom} computes in the tier circuit and circomlibjs's {@code buildPoseidon}
 * computes in JavaScript (x^5 S-box, 8 full rounds, 56 to 68 partial rounds by width, width t = inputs + 1, the
 * capacity element starts at 0 and the output is the first state element).
 *
 * <p>This is the straightforward (unoptimized) permutation over circomlib's round constants C and MDS matrices M,
 * which {@link PoseidonConstants} reads from the pinned circomlibjs package at build time; the circuit uses the
 * equivalent optimized form, and the tests check both against circomlibjs.
 *
 * <p>Every input must already be a canonical field element (0 &lt;= x &lt; r): an out-of-range value is refused
 * rather than reduced, since a value and its alias x + r would otherwise hash alike.
 */
public final class Poseidon {
    /** Order r of the BN254 scalar field. */
    public static final BigInteger FIELD_MODULUS =
            new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    /** Most inputs one hash takes (circomlib's parameter sets cover widths 2 to 17). */
    public static final int MAX_INPUTS = 16;

    private static final int FULL_ROUNDS = 8;
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};

    private Poseidon() {
    }

    /** Poseidon(inputs.length)(inputs). */
    public static BigInteger hash(BigInteger... inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.length == 0 || inputs.length > MAX_INPUTS) {
            throw new IllegalArgumentException("Poseidon takes 1 to " + MAX_INPUTS + " inputs, got " + inputs.length);
        }
        int t = inputs.length + 1;
        BigInteger[] state = new BigInteger[t];
        state[0] = BigInteger.ZERO;
        for (int i = 0; i < inputs.length; i++) {
            state[i + 1] = requireFieldElement(inputs[i], "input " + i);
        }
        BigInteger[] roundConstants = PoseidonConstants.roundConstants(t);
        BigInteger[][] mds = PoseidonConstants.mds(t);
        int partialRounds = PARTIAL_ROUNDS[t - 2];
        int rounds = FULL_ROUNDS + partialRounds;
        BigInteger[] mixed = new BigInteger[t];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < t; i++) {
                state[i] = state[i].add(roundConstants[round * t + i]);
            }
            boolean full = round < FULL_ROUNDS / 2 || round >= FULL_ROUNDS / 2 + partialRounds;
            if (full) {
                for (int i = 0; i < t; i++) {
                    state[i] = pow5(state[i]);
                }
            } else {
                state[0] = pow5(state[0]);
            }
            for (int i = 0; i < t; i++) {
                // Sum the t products unreduced and reduce once: cheaper than t modular additions.
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(mds[i][j].multiply(state[j]));
                }
                mixed[i] = acc.mod(FIELD_MODULUS);
            }
            System.arraycopy(mixed, 0, state, 0, t);
        }
        return state[0];
    }

    /** Poseidon(inputs.size())(inputs). */
    public static BigInteger hash(List<BigInteger> inputs) {
        return hash(inputs.toArray(BigInteger[]::new));
    }

    /** Checks that {@code value} is a canonical field element and returns it. */
    public static BigInteger requireFieldElement(BigInteger value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.compareTo(FIELD_MODULUS) >= 0) {
            throw new IllegalArgumentException(name + " is not a BN254 scalar field element (0 <= x < r): " + value);
        }
        return value;
    }

    /** x^5 mod r, for x below 2r (a state element plus a round constant). */
    private static BigInteger pow5(BigInteger x) {
        BigInteger square = x.multiply(x).mod(FIELD_MODULUS);
        BigInteger fourth = square.multiply(square).mod(FIELD_MODULUS);
        return fourth.multiply(x).mod(FIELD_MODULUS);
    }
}
