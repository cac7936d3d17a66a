package io.creditlayer.zk.bn254;

/**
 * Fp6 = Fp2[v]/(v^3 - ξ), ξ = 9 + i, as static, allocation-free functions on a workspace array (see {@link Fp2}
 * for the conventions). An element c0 + c1·v + c2·v^2 occupies {@link #SIZE} longs: c0, c1, c2 as Fp2 elements.
 */
public final class Fp6 {
    public static final int SIZE = 3 * Fp2.SIZE;
    /** Scratch longs {@link #mul} needs. */
    public static final int MUL_SCRATCH = 9 * Fp2.SIZE + Fp2.MUL_SCRATCH;

    private Fp6() {
    }

    public static void add(long[] m, int x, int y, int z) {
        Fp2.add(m, x, y, z);
        Fp2.add(m, x + 8, y + 8, z + 8);
        Fp2.add(m, x + 16, y + 16, z + 16);
    }

    public static void sub(long[] m, int x, int y, int z) {
        Fp2.sub(m, x, y, z);
        Fp2.sub(m, x + 8, y + 8, z + 8);
        Fp2.sub(m, x + 16, y + 16, z + 16);
    }

    public static void neg(long[] m, int x, int z) {
        Fp2.neg(m, x, z);
        Fp2.neg(m, x + 8, z + 8);
        Fp2.neg(m, x + 16, z + 16);
    }

    public static void dbl(long[] m, int x, int z) {
        Fp2.dbl(m, x, z);
        Fp2.dbl(m, x + 8, z + 8);
        Fp2.dbl(m, x + 16, z + 16);
    }

    /**
     * z = x·y by Karatsuba (Devegili, Ó hÉigeartaigh, Scott, Dahab 2006): with v_k = a_k·b_k,
     * c0 = v0 + ξ((a1 + a2)(b1 + b2) - v1 - v2), c1 = (a0 + a1)(b0 + b1) - v0 - v1 + ξ·v2,
     * c2 = (a0 + a2)(b0 + b2) - v0 - v2 + v1. Uses m[t, t + MUL_SCRATCH).
     */
    public static void mul(long[] m, int x, int y, int z, int t) {
        int v0 = t, v1 = t + 8, v2 = t + 16, sa = t + 24, sb = t + 32, c0 = t + 40, c1 = t + 48, c2 = t + 56,
                product = t + 64, s = t + 72;
        Fp2.mul(m, x, y, v0, s);
        Fp2.mul(m, x + 8, y + 8, v1, s);
        Fp2.mul(m, x + 16, y + 16, v2, s);

        Fp2.add(m, x + 8, x + 16, sa);
        Fp2.add(m, y + 8, y + 16, sb);
        Fp2.mul(m, sa, sb, product, s);
        Fp2.sub(m, product, v1, product);
        Fp2.sub(m, product, v2, product);
        Fp2.mulByXiAdd(m, product, v0, c0);

        Fp2.add(m, x, x + 8, sa);
        Fp2.add(m, y, y + 8, sb);
        Fp2.mul(m, sa, sb, product, s);
        Fp2.sub(m, product, v0, product);
        Fp2.sub(m, product, v1, product);
        Fp2.mulByXiAdd(m, v2, product, c1);

        Fp2.add(m, x, x + 16, sa);
        Fp2.add(m, y, y + 16, sb);
        Fp2.mul(m, sa, sb, product, s);
        Fp2.sub(m, product, v0, product);
        Fp2.sub(m, product, v2, product);
        Fp2.add(m, product, v1, c2);

        Fp2.copy(m, c0, m, z);
        Fp2.copy(m, c1, m, z + 8);
        Fp2.copy(m, c2, m, z + 16);
    }

    /**
     * z = x·(b0 + b1·v), a sparse product (b2 = 0): c0 = a0b0 + ξ·a2b1, c1 = (a0 + a1)(b0 + b1) - a0b0 - a1b1,
     * c2 = a1b1 + a2b0. b0 and b1 are Fp2 elements at offsets of m. Uses m[t, t + MUL_SCRATCH).
     */
    public static void mulBy01(long[] m, int x, int b0, int b1, int z, int t) {
        int v0 = t, v1 = t + 8, sa = t + 16, sb = t + 24, c0 = t + 32, c1 = t + 40, c2 = t + 48, product = t + 56,
                s = t + 64;
        Fp2.mul(m, x, b0, v0, s);
        Fp2.mul(m, x + 8, b1, v1, s);

        Fp2.mul(m, x + 16, b1, product, s);
        Fp2.mulByXiAdd(m, product, v0, c0);

        Fp2.add(m, x, x + 8, sa);
        Fp2.add(m, b0, b1, sb);
        Fp2.mul(m, sa, sb, c1, s);
        Fp2.sub(m, c1, v0, c1);
        Fp2.sub(m, c1, v1, c1);

        Fp2.mul(m, x + 16, b0, c2, s);
        Fp2.add(m, c2, v1, c2);

        Fp2.copy(m, c0, m, z);
        Fp2.copy(m, c1, m, z + 8);
        Fp2.copy(m, c2, m, z + 16);
    }

    /** z = x·b for b in Fp2 (at an offset of m). Uses m[t, t + 16). */
    public static void mulByFp2(long[] m, int x, int b, int z, int t) {
        Fp2.mul(m, x, b, z, t);
        Fp2.mul(m, x + 8, b, z + 8, t);
        Fp2.mul(m, x + 16, b, z + 16, t);
    }

    /** z = x·v: (c0, c1, c2)·v = (ξ·c2, c0, c1) since v^3 = ξ. Uses m[t, t + 16). */
    public static void mulByV(long[] m, int x, int z, int t) {
        int xiC2 = t;
        Fp2.mulByXi(m, x + 16, xiC2, t + 8);
        Fp2.copy(m, x + 8, m, z + 16);
        Fp2.copy(m, x, m, z + 8);
        Fp2.copy(m, xiC2, m, z);
    }

    /**
     * z = x + y·v = (x0 + ξ·y2, x1 + y0, x2 + y1), the step after a product by v in the Fp12 formulas, without
     * the copies of {@link #mulByV} and with ξ·y2 + x0 as one {@link Fp2#mulByXiAdd}. z may be x but must not
     * overlap y.
     */
    public static void addMulByV(long[] m, int x, int y, int z) {
        Fp2.mulByXiAdd(m, y + 16, x, z);
        Fp2.add(m, x + 8, y, z + 8);
        Fp2.add(m, x + 16, y + 8, z + 16);
    }

    /**
     * z = x^-1: with t0 = a0^2 - ξ·a1a2, t1 = ξ·a2^2 - a0a1, t2 = a1^2 - a0a2, x^-1 = (t0, t1, t2) / (a0t0 +
     * ξ(a2t1 + a1t2)). The inverse of 0 is 0. Uses m[t, t + MUL_SCRATCH).
     */
    public static void inv(long[] m, int x, int z, int t) {
        int t0 = t, t1 = t + 8, t2 = t + 16, product = t + 24, den = t + 32, s = t + 40;
        Fp2.sqr(m, x, t0, s);
        Fp2.mul(m, x + 8, x + 16, product, s);
        Fp2.mulByXi(m, product, product, s);
        Fp2.sub(m, t0, product, t0);

        Fp2.sqr(m, x + 16, t1, s);
        Fp2.mulByXi(m, t1, t1, s);
        Fp2.mul(m, x, x + 8, product, s);
        Fp2.sub(m, t1, product, t1);

        Fp2.sqr(m, x + 8, t2, s);
        Fp2.mul(m, x, x + 16, product, s);
        Fp2.sub(m, t2, product, t2);

        Fp2.mul(m, x + 16, t1, den, s);
        Fp2.mul(m, x + 8, t2, product, s);
        Fp2.add(m, den, product, den);
        Fp2.mulByXi(m, den, den, s);
        Fp2.mul(m, x, t0, product, s);
        Fp2.add(m, den, product, den);
        Fp2.inv(m, den, den, s);

        Fp2.mul(m, t0, den, z, s);
        Fp2.mul(m, t1, den, z + 8, s);
        Fp2.mul(m, t2, den, z + 16, s);
    }

    public static boolean isZero(long[] m, int x) {
        return Fp2.isZero(m, x) && Fp2.isZero(m, x + 8) && Fp2.isZero(m, x + 16);
    }

    public static boolean isOne(long[] m, int x) {
        return Fp2.isOne(m, x) && Fp2.isZero(m, x + 8) && Fp2.isZero(m, x + 16);
    }

    public static void copy(long[] a, int x, long[] b, int z) {
        System.arraycopy(a, x, b, z, SIZE);
    }

    public static void setZero(long[] m, int z) {
        java.util.Arrays.fill(m, z, z + SIZE, 0);
    }

    public static void setOne(long[] m, int z) {
        setZero(m, z);
        Fp.setOne(m, z);
    }
}
