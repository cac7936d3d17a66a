package io.creditlayer.zk.poseidon;

import io.creditlayer.zk.bn254.Fr;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The Poseidon hash over the BN254 scalar field with circomlib's parameters: the function that
 * {@code circomlib/circuits/poseidon.circom} computes in the tier circuit and circomlibjs's {@code buildPoseidon}
 * computes in JavaScript (x^5 S-box, 8 full rounds, 56 to 68 partial rounds by width, width t = inputs + 1, the
 * capacity element starts at 0 and the output is the first state element).
 *
 * <p>The permutation runs in the optimized form of circomlibjs's {@code poseidon_opt.js}, over the constants C, M,
 * P, S that {@link PoseidonConstants} reads from the pinned circomlibjs package at build time: the partial rounds'
 * full MDS products (t^2 multiplications each) become sparse ones (2t - 1), which more than halves the work for the
 * five-input leaf hash. The arithmetic is {@link Fr}'s: Montgomery limbs in one workspace array per call, no
 * BigInteger between the conversion of the inputs and that of the output. The tests check the result against
 * circomlibjs and against the straightforward (reference-form) permutation over BigInteger.
 *
 * <p>Every input must already be a canonical field element (0 &lt;= x &lt; r): an out-of-range value is refused
 * rather than reduced, since a value and its alias x + r would otherwise hash alike. Thread-safe.
 */
public final class Poseidon {
    /** Order r of the BN254 scalar field. */
    public static final BigInteger FIELD_MODULUS = Fr.R;

    /** Most inputs one hash takes (circomlib's parameter sets cover widths 2 to 17). */
    public static final int MAX_INPUTS = 16;

    static final int FULL_ROUNDS = 8;
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};

    private static final int L = Fr.SIZE;

    private Poseidon() {
    }

    /** Poseidon(inputs.length)(inputs). */
    public static BigInteger hash(BigInteger... inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.length == 0 || inputs.length > MAX_INPUTS) {
            throw new IllegalArgumentException("Poseidon takes 1 to " + MAX_INPUTS + " inputs, got " + inputs.length);
        }
        int t = inputs.length + 1;
        // workspace: state (t elements), the next state (t), one scratch element, a wide accumulator
        long[] m = new long[(2 * t + 1) * L + Fr.WIDE_SIZE];
        for (int i = 0; i < inputs.length; i++) {
            Fr.fromBigInteger(requireFieldElement(inputs[i], "input " + i), m, (i + 1) * L);
        }
        permute(PoseidonConstants.width(t), m);
        return Fr.toBigInteger(m, 0);
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

    static int partialRounds(int t) {
        return PARTIAL_ROUNDS[t - 2];
    }

    /**
     * The permutation on the state m[0, t·4) (Montgomery limbs; m[0] is the capacity element), using m[t·4,
     * (2t + 1)·4 + Fr.WIDE_SIZE) as scratch (the accumulator part zeroed); leaves the output in m[0, 4) (the other state elements are not computed after the
     * last round: only the first is the hash).
     *
     * <p>Rounds as poseidon_opt.js: add C[0..t); three full rounds (S-box, add the next t constants, mix by M);
     * a full round mixed by P instead; the partial rounds (S-box on the first element, add one constant, then the
     * sparse mix: s0 = Σ S[j]·x_j and x_k += x_0·S[t + k - 1]); three full rounds; a last S-box layer and mix by M.
     * Each sum of products (a mix's output, s0) is accumulated unreduced and reduced once ({@link Fr#mulAccumulate}).
     */
    static void permute(PoseidonConstants.Width width, long[] m) {
        int t = width.t();
        int partialRounds = partialRounds(t);
        long[] c = width.c();
        long[] s = width.s();
        int next = t * L, scratch = 2 * t * L, acc = scratch + L;

        addConstants(m, t, c, 0);
        int constant = t;
        for (int round = 0; round < FULL_ROUNDS / 2 - 1; round++) {
            sboxAll(m, t, scratch);
            addConstants(m, t, c, constant);
            constant += t;
            mix(m, t, width.m(), t, next, acc);
        }
        sboxAll(m, t, scratch);
        addConstants(m, t, c, constant);
        constant += t;
        mix(m, t, width.p(), t, next, acc);

        int sparse = 0;
        for (int round = 0; round < partialRounds; round++) {
            Fr.pow5(m, 0, m, 0, m, scratch);
            Fr.add(m, 0, c, constant * L, m, 0);
            constant++;
            // s0 = Σ_j S[j]·x_j into the scratch of the next state; x_k += x_0·S[t + k - 1]
            for (int j = 0; j < t; j++) {
                Fr.mulAccumulate(s, (sparse + j) * L, m, j * L, m, acc);
            }
            Fr.reduceWide(m, acc, m, next);
            for (int k = 1; k < t; k++) {
                Fr.mul(m, 0, s, (sparse + t + k - 1) * L, m, scratch);
                Fr.add(m, k * L, m, scratch, m, k * L);
            }
            Fr.copy(m, next, m, 0);
            sparse += 2 * t - 1;
        }

        for (int round = 0; round < FULL_ROUNDS / 2 - 1; round++) {
            sboxAll(m, t, scratch);
            addConstants(m, t, c, constant);
            constant += t;
            mix(m, t, width.m(), t, next, acc);
        }
        sboxAll(m, t, scratch);
        mix(m, t, width.m(), 1, next, acc);
    }

    private static void sboxAll(long[] m, int t, int scratch) {
        for (int i = 0; i < t; i++) {
            Fr.pow5(m, i * L, m, i * L, m, scratch);
        }
    }

    /** x_i += C[first + i] for i < t. */
    private static void addConstants(long[] m, int t, long[] c, int first) {
        for (int i = 0; i < t; i++) {
            Fr.add(m, i * L, c, (first + i) * L, m, i * L);
        }
    }

    /**
     * x_i = Σ_j matrix[j][i]·x_j for the first {@code outputs} elements (the matrix stored transposed, row i
     * contiguous), through the next-state slots at m[next] and the accumulator at m[acc].
     */
    private static void mix(long[] m, int t, long[] matrix, int outputs, int next, int acc) {
        for (int i = 0; i < outputs; i++) {
            int row = i * t;
            for (int j = 0; j < t; j++) {
                Fr.mulAccumulate(matrix, (row + j) * L, m, j * L, m, acc);
            }
            Fr.reduceWide(m, acc, m, next + i * L);
        }
        System.arraycopy(m, next, m, 0, outputs * L);
    }
}
