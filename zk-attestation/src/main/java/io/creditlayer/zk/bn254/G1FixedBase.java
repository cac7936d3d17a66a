package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * A G1 point with precomputed multiples for fast multiplication by many scalars (a verification key's IC points).
 * Scalars are recoded into signed {@value #WINDOW}-bit windows (digits in [-128, 128]); window j holds
 * d·2^(8j)·P for d = 1..128 in affine form, so k·P is one mixed addition per non-zero window (a negative digit
 * adds the negated entry: -(x, y) = (x, -y)) and no doubling at all: at most 32 additions for a scalar below r.
 * The table costs about 260 KB per point and a few tens of milliseconds to build.
 */
public final class G1FixedBase {
    /** Bits per window. */
    static final int WINDOW = 8;
    /** Table entries per window: the digit magnitudes 1..2^(WINDOW - 1). */
    private static final int ENTRIES = 1 << (WINDOW - 1);
    /**
     * Windows covering scalars below r < 2^254. The top window holds bits 248..253, at most 63 plus the carry of
     * the recoding, so it never carries further.
     */
    private static final int WINDOWS = (Bn254.R.bitLength() + WINDOW - 1) / WINDOW;

    /** Affine multiples, window after window: entry (j, d) at ((j·ENTRIES) + d - 1)·AFFINE_SIZE; null at infinity. */
    private final long[] table;

    private G1FixedBase(long[] table) {
        this.table = table;
    }

    public static G1FixedBase of(G1Point base) {
        if (base.isInfinity()) {
            return new G1FixedBase(null);
        }
        int points = WINDOWS * ENTRIES;
        // Jacobian multiples first, then one batch inversion (Montgomery's trick) for all of them
        long[] jacobian = new long[points * G1.SIZE];
        int windowBase = 0, sum = G1.SIZE, t = 2 * G1.SIZE + G1.AFFINE_SIZE;
        int affine = 2 * G1.SIZE;
        long[] m = new long[t + G1.SCRATCH];
        base.writeAffine(m, affine);
        G1.fromAffine(m, affine, windowBase);
        for (int j = 0; j < WINDOWS; j++) {
            // windowBase = 2^(8j)·P in Jacobian form; sum runs through d·windowBase
            System.arraycopy(m, windowBase, m, sum, G1.SIZE);
            if (!G1.toAffine(m, windowBase, affine, t)) {
                throw new IllegalStateException("a multiple below r of a G1 point is never infinity");
            }
            for (int d = 1; d <= ENTRIES; d++) {
                System.arraycopy(m, sum, jacobian, (j * ENTRIES + d - 1) * G1.SIZE, G1.SIZE);
                if (d < ENTRIES) {
                    G1.addAffine(m, sum, affine, sum, t);
                }
            }
            // the next window's base: 2^8·windowBase = 2·(128·windowBase)
            G1.dbl(m, sum, windowBase, t);
        }
        return new G1FixedBase(batchToAffine(jacobian, points));
    }

    /** Affine forms of the Jacobian points (none at infinity) with one field inversion. */
    private static long[] batchToAffine(long[] jacobian, int points) {
        long[] affine = new long[points * G1.AFFINE_SIZE];
        long[] prefix = new long[points * Fp.SIZE];
        long[] t = new long[4 * Fp.SIZE];
        // prefix[i] = Z_0·…·Z_i
        Fp.copy(jacobian, 8, prefix, 0);
        for (int i = 1; i < points; i++) {
            Fp.mul(prefix, (i - 1) * Fp.SIZE, jacobian, i * G1.SIZE + 8, prefix, i * Fp.SIZE);
        }
        int inverse = 0, zInv = 4, zInv2 = 8;
        Fp.inv(prefix, (points - 1) * Fp.SIZE, t, inverse, t, 12);
        for (int i = points - 1; i >= 0; i--) {
            // zInv = (Z_0…Z_i)^-1 · Z_0…Z_(i-1); then inverse becomes (Z_0…Z_(i-1))^-1
            if (i > 0) {
                Fp.mul(t, inverse, prefix, (i - 1) * Fp.SIZE, t, zInv);
                Fp.mul(t, inverse, jacobian, i * G1.SIZE + 8, t, inverse);
            } else {
                Fp.copy(t, inverse, t, zInv);
            }
            Fp.sqr(t, zInv, t, zInv2);
            Fp.mul(jacobian, i * G1.SIZE, t, zInv2, affine, i * G1.AFFINE_SIZE);
            Fp.mul(t, zInv2, t, zInv, t, zInv2);
            Fp.mul(jacobian, i * G1.SIZE + 4, t, zInv2, affine, i * G1.AFFINE_SIZE + 4);
        }
        return affine;
    }

    /** k·P for any integer k (taken modulo r). */
    public G1Point multiply(BigInteger k) {
        return linearCombination(List.of(this), List.of(k), G1Point.INFINITY);
    }

    /**
     * offset + Σ k_i·P_i with each k_i taken modulo r: one mixed addition per non-zero signed window of each scalar.
     */
    public static G1Point linearCombination(List<G1FixedBase> bases, List<BigInteger> scalars, G1Point offset) {
        if (bases.size() != scalars.size()) {
            throw new IllegalArgumentException("as many scalars as bases expected");
        }
        int sum = 0, t = G1.SIZE;
        long[] m = new long[t + G1.SCRATCH + G1.AFFINE_SIZE];
        int entry = t + G1.SCRATCH;
        if (offset.isInfinity()) {
            G1.setInfinity(m, sum);
        } else {
            offset.writeAffine(m, entry);
            G1.fromAffine(m, entry, sum);
        }
        int[] digits = new int[WINDOWS];
        for (int i = 0; i < bases.size(); i++) {
            long[] table = bases.get(i).table;
            BigInteger k = scalars.get(i).mod(Bn254.R);
            if (table == null || k.signum() == 0) {
                continue;
            }
            recode(Fp.limbs(k), digits);
            for (int j = 0; j < WINDOWS; j++) {
                int digit = digits[j];
                if (digit != 0) {
                    int magnitude = Math.abs(digit);
                    System.arraycopy(table, (j * ENTRIES + magnitude - 1) * G1.AFFINE_SIZE, m, entry, G1.AFFINE_SIZE);
                    if (digit < 0) {
                        Fp.neg(m, entry + Fp.SIZE, m, entry + Fp.SIZE);
                    }
                    G1.addAffine(m, sum, entry, sum, t);
                }
            }
        }
        return G1.toAffine(m, sum, entry, t) ? G1Point.trusted(m, entry) : G1Point.INFINITY;
    }

    /**
     * The signed windows of k < r given as four limbs: digits d_j in [-128, 128] with k = Σ d_j·2^(8j). A window
     * value above 128 becomes value - 256 and carries one into the next window.
     */
    static void recode(long[] k, int[] digits) {
        int carry = 0;
        for (int j = 0; j < WINDOWS; j++) {
            int value = (int) ((k[(j * WINDOW) >>> 6] >>> ((j * WINDOW) & 63)) & 0xff) + carry;
            if (value > ENTRIES) {
                digits[j] = value - 2 * ENTRIES;
                carry = 1;
            } else {
                digits[j] = value;
                carry = 0;
            }
        }
        if (carry != 0) {
            throw new IllegalStateException("scalar not below r");
        }
    }
}
