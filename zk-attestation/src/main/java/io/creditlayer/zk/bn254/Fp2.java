package io.creditlayer.zk.bn254;

/**
 * Fp2 = Fp[i]/(i^2 + 1) as static, allocation-free functions on a workspace array.
 *
 * <p>An element a0 + a1·i occupies {@link #SIZE} consecutive longs: a0 at the offset, a1 four limbs later. Functions
 * take one array {@code m} holding operands and result, their offsets, and where needed the offset {@code t} of
 * free scratch space in {@code m} (the number of longs used there is documented per function). As in {@link Fp},
 * outputs may overlap inputs.
 */
public final class Fp2 {
    public static final int SIZE = 2 * Fp.SIZE;
    /** Scratch longs {@link #mul} needs. */
    public static final int MUL_SCRATCH = 4 * Fp.SIZE;

    private Fp2() {
    }

    public static void add(long[] m, int x, int y, int z) {
        Fp.add(m, x, m, y, m, z);
        Fp.add(m, x + 4, m, y + 4, m, z + 4);
    }

    public static void sub(long[] m, int x, int y, int z) {
        Fp.sub(m, x, m, y, m, z);
        Fp.sub(m, x + 4, m, y + 4, m, z + 4);
    }

    public static void dbl(long[] m, int x, int z) {
        Fp.dbl(m, x, m, z);
        Fp.dbl(m, x + 4, m, z + 4);
    }

    /** z = x/2. */
    public static void half(long[] m, int x, int z) {
        Fp.half(m, x, m, z);
        Fp.half(m, x + 4, m, z + 4);
    }

    public static void neg(long[] m, int x, int z) {
        Fp.neg(m, x, m, z);
        Fp.neg(m, x + 4, m, z + 4);
    }

    /** z = conj(x) = a0 - a1·i, which is also x^p. */
    public static void conj(long[] m, int x, int z) {
        Fp.copy(m, x, m, z);
        Fp.neg(m, x + 4, m, z + 4);
    }

    /**
     * z = x·y by Karatsuba: (a0 + a1 i)(b0 + b1 i) = (a0b0 - a1b1) + ((a0 + a1)(b0 + b1) - a0b0 - a1b1) i.
     * Uses m[t, t + 16).
     */
    public static void mul(long[] m, int x, int y, int z, int t) {
        int a0b0 = t, a1b1 = t + 4, sumA = t + 8, sumB = t + 12;
        Fp.mul(m, x, m, y, m, a0b0);
        Fp.mul(m, x + 4, m, y + 4, m, a1b1);
        Fp.addUnreduced(m, x, m, x + 4, m, sumA);
        Fp.addUnreduced(m, y, m, y + 4, m, sumB);
        Fp.mul(m, sumA, m, sumB, m, z + 4);
        Fp.sub(m, z + 4, m, a0b0, m, z + 4);
        Fp.sub(m, z + 4, m, a1b1, m, z + 4);
        Fp.sub(m, a0b0, m, a1b1, m, z);
    }

    /** z = x·y with y in another array (a constant). Uses m[t, t + 16). */
    public static void mul(long[] m, int x, long[] c, int y, int z, int t) {
        int a0b0 = t, a1b1 = t + 4, sumA = t + 8, sumB = t + 12;
        Fp.mul(m, x, c, y, m, a0b0);
        Fp.mul(m, x + 4, c, y + 4, m, a1b1);
        Fp.addUnreduced(m, x, m, x + 4, m, sumA);
        Fp.addUnreduced(c, y, c, y + 4, m, sumB);
        Fp.mul(m, sumA, m, sumB, m, z + 4);
        Fp.sub(m, z + 4, m, a0b0, m, z + 4);
        Fp.sub(m, z + 4, m, a1b1, m, z + 4);
        Fp.sub(m, a0b0, m, a1b1, m, z);
    }

    /** z = x^2 = (a0 + a1)(a0 - a1) + 2·a0·a1·i. Uses m[t, t + 8). */
    public static void sqr(long[] m, int x, int z, int t) {
        int sum = t, difference = t + 4;
        Fp.addUnreduced(m, x, m, x + 4, m, sum);
        Fp.sub(m, x, m, x + 4, m, difference);
        Fp.mul(m, x, m, x + 4, m, z + 4);
        Fp.dbl(m, z + 4, m, z + 4);
        Fp.mul(m, sum, m, difference, m, z);
    }

    /** z = x·c for c in Fp (four limbs at c[co]). */
    public static void mulByFp(long[] m, int x, long[] c, int co, int z) {
        Fp.mul(m, x, c, co, m, z);
        Fp.mul(m, x + 4, c, co, m, z + 4);
    }

    /**
     * z = x·ξ with ξ = 9 + i, the non-residue of the tower: (a0 + a1 i)(9 + i) = (9a0 - a1) + (a0 + 9a1) i
     * ({@link Fp#mulByXi}; t, the scratch offset of the former generic version, is unused).
     */
    public static void mulByXi(long[] m, int x, int z, int t) {
        Fp.mulByXi(m, x, m, z);
    }

    /** z = x·ξ + y ({@link Fp#mulByXiAdd}: one reduction per coefficient for the product and the sum). */
    public static void mulByXiAdd(long[] m, int x, int y, int z) {
        Fp.mulByXiAdd(m, x, m, y, m, z);
    }

    /** z = x^-1 = conj(x) / (a0^2 + a1^2); the inverse of 0 is 0. Uses m[t, t + 12). */
    public static void inv(long[] m, int x, int z, int t) {
        int norm = t, square = t + 4;
        Fp.sqr(m, x, m, norm);
        Fp.sqr(m, x + 4, m, square);
        Fp.add(m, norm, m, square, m, norm);
        Fp.inv(m, norm, m, norm, m, t + 8);
        Fp.mul(m, x, m, norm, m, z);
        Fp.mul(m, x + 4, m, norm, m, z + 4);
        Fp.neg(m, z + 4, m, z + 4);
    }

    /** z = x^e for e >= 0 (square and multiply; for constants, not hot paths). Uses m[t, t + 32). */
    public static void pow(long[] m, int x, java.math.BigInteger e, int z, int t) {
        int base = t, result = t + 8, s = t + 16;
        copy(m, x, m, base);
        setOne(m, result);
        for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
            sqr(m, result, result, s);
            if (e.testBit(bit)) {
                mul(m, result, base, result, s);
            }
        }
        copy(m, result, m, z);
    }

    public static boolean isZero(long[] m, int x) {
        return Fp.isZero(m, x) && Fp.isZero(m, x + 4);
    }

    public static boolean isOne(long[] m, int x) {
        return Fp.isOne(m, x) && Fp.isZero(m, x + 4);
    }

    public static boolean equal(long[] a, int x, long[] b, int y) {
        return Fp.equal(a, x, b, y) && Fp.equal(a, x + 4, b, y + 4);
    }

    public static void copy(long[] a, int x, long[] b, int z) {
        System.arraycopy(a, x, b, z, SIZE);
    }

    public static void setZero(long[] m, int z) {
        Fp.setZero(m, z);
        Fp.setZero(m, z + 4);
    }

    public static void setOne(long[] m, int z) {
        Fp.setOne(m, z);
        Fp.setZero(m, z + 4);
    }
}
