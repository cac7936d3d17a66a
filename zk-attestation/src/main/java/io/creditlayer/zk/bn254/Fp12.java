package io.creditlayer.zk.bn254;

import java.math.BigInteger;

/**
 * Fp12 = Fp6[w]/(w^2 - v) as static, allocation-free functions on a workspace array (see {@link Fp2} for the
 * conventions). An element g + h·w occupies {@link #SIZE} longs: g then h, both Fp6 elements.
 *
 * <p>Since w^2 = v and v^3 = ξ, w^6 = ξ, and the same element reads as Σ c_j·w^j over Fp2 with
 * c0 = g0, c1 = h0, c2 = g1, c3 = h1, c4 = g2, c5 = h2: the pairing's lines and the Frobenius maps use that view.
 */
public final class Fp12 {
    public static final int SIZE = 2 * Fp6.SIZE;
    /** Scratch longs {@link #mul}, {@link #sqr}, {@link #inv}, {@link #mulBy034} and {@link #frobenius} need. */
    public static final int MUL_SCRATCH = 4 * Fp6.SIZE + Fp6.MUL_SCRATCH;
    /** Scratch longs any function of this class needs at most ({@link #cyclotomicExpByU}). */
    public static final int SCRATCH = 6 * SIZE + MUL_SCRATCH;

    /** Offsets, inside an element, of the Fp2 coefficient of w^j, j = 0..5. */
    private static final int[] W_COEFFICIENT = {0, 24, 8, 32, 16, 40};

    /**
     * FROBENIUS[k-1] holds γ_{k,j} = ξ^(j·(p^k - 1)/6) for j = 0..5, as six Fp2 elements: (c·w^j)^(p^k) =
     * c^(p^k)·γ_{k,j}·w^j because w^(p^k) = w·(w^6)^((p^k - 1)/6) and 6 divides p^k - 1.
     */
    private static final long[][] FROBENIUS = new long[3][];

    /**
     * The width-4 non-adjacent form of u, least significant digit first: odd digits in [-7, 7], at least three zeros
     * after each non-zero one; 14 non-zero digits against 24 in the plain NAF.
     */
    private static final int[] U_WNAF = wnaf(Bn254.U, 4);

    static {
        long[] m = new long[64];
        int xi = 0, exponentResult = 8, t = 16;
        Fp.fromBigInteger(BigInteger.valueOf(9), m, xi);
        Fp.setOne(m, xi + 4);
        BigInteger p = Fp.P;
        for (int k = 1; k <= 3; k++) {
            long[] table = new long[6 * Fp2.SIZE];
            BigInteger step = p.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
            for (int j = 0; j < 6; j++) {
                Fp2.pow(m, xi, step.multiply(BigInteger.valueOf(j)), exponentResult, t);
                Fp2.copy(m, exponentResult, table, j * Fp2.SIZE);
            }
            FROBENIUS[k - 1] = table;
        }
    }

    private Fp12() {
    }

    /** z = x·y by Karatsuba over Fp6: (g + hw)(g' + h'w) = (gg' + hh'·v) + ((g + h)(g' + h') - gg' - hh')w. */
    public static void mul(long[] m, int x, int y, int z, int t) {
        int gg = t, hh = t + 24, sx = t + 48, sy = t + 72, s = t + 96;
        Fp6.mul(m, x, y, gg, s);
        Fp6.mul(m, x + 24, y + 24, hh, s);
        Fp6.add(m, x, x + 24, sx);
        Fp6.add(m, y, y + 24, sy);
        Fp6.mul(m, sx, sy, sx, s);
        Fp6.sub(m, sx, gg, sx);
        Fp6.sub(m, sx, hh, z + 24);
        Fp6.addMulByV(m, gg, hh, z);
    }

    /** z = x^2 by the complex method: (g + hw)^2 = ((g + h)(g + hv) - gh - gh·v) + 2gh·w. */
    public static void sqr(long[] m, int x, int z, int t) {
        int gh = t, sum = t + 24, twisted = t + 48, s = t + 72;
        Fp6.mul(m, x, x + 24, gh, s);
        Fp6.add(m, x, x + 24, sum);
        Fp6.addMulByV(m, x, x + 24, twisted);
        Fp6.mul(m, sum, twisted, sum, s);
        Fp6.sub(m, sum, gh, sum);
        Fp6.mulByV(m, gh, twisted, s);
        Fp6.sub(m, sum, twisted, z);
        Fp6.dbl(m, gh, z + 24);
    }

    /** z = conj(x) = g - hw, which is x^(p^6). */
    public static void conj(long[] m, int x, int z) {
        Fp6.copy(m, x, m, z);
        Fp6.neg(m, x + 24, z + 24);
    }

    /** z = x^-1 = (g - hw) / (g^2 - h^2·v). The inverse of 0 is 0. */
    public static void inv(long[] m, int x, int z, int t) {
        int den = t, square = t + 24, s = t + 48;
        Fp6.mul(m, x, x, den, s);
        Fp6.mul(m, x + 24, x + 24, square, s);
        Fp6.mulByV(m, square, square, s);
        Fp6.sub(m, den, square, den);
        Fp6.inv(m, den, den, s);
        Fp6.mul(m, x, den, z, s);
        Fp6.mul(m, x + 24, den, z + 24, s);
        Fp6.neg(m, z + 24, z + 24);
    }

    /**
     * z = x·(a + b·w + c·w^3) for Fp2 elements a, b, c at offsets of m: the shape of a line of the Miller loop.
     * With L0 = (a, 0, 0) and L1 = (b, c, 0): x·L = (g·L0 + h·L1·v) + ((g + h)(L0 + L1) - g·L0 - h·L1)·w.
     */
    public static void mulBy034(long[] m, int x, int a, int b, int c, int z, int t) {
        int gl0 = t, hl1 = t + 24, sum = t + 48, ab = t + 72, s = t + 80;
        Fp6.mulByFp2(m, x, a, gl0, s);
        Fp6.mulBy01(m, x + 24, b, c, hl1, s);
        Fp6.add(m, x, x + 24, sum);
        Fp2.add(m, a, b, ab);
        Fp6.mulBy01(m, sum, ab, c, sum, s);
        Fp6.sub(m, sum, gl0, sum);
        Fp6.sub(m, sum, hl1, z + 24);
        Fp6.addMulByV(m, gl0, hl1, z);
    }

    /**
     * z = x·(1 + b·w + c·w^3), a line scaled so that its w^0 coefficient is 1 (see
     * {@link G2Prepared#normalized()}): with L1 = (b, c, 0), x·(1 + L1·w) = (g + h·L1·v) + (h + g·L1)·w, two sparse
     * Fp6 products (10 Fp2 products against 13 for {@link #mulBy034}). Uses m[t, t + MUL_SCRATCH).
     */
    public static void mulBy1034(long[] m, int x, int b, int c, int z, int t) {
        int gl1 = t, hl1 = t + 24, s = t + 48;
        Fp6.mulBy01(m, x, b, c, gl1, s);
        Fp6.mulBy01(m, x + 24, b, c, hl1, s);
        Fp6.add(m, x + 24, gl1, z + 24);
        Fp6.addMulByV(m, x, hl1, z);
    }

    /** z = x^(p^k) for k = 1, 2, 3: c_j·w^j ↦ c_j^(p^k)·γ_{k,j}·w^j, where c^(p^k) = conj(c) for odd k. */
    public static void frobenius(long[] m, int x, int k, int z, int t) {
        long[] gamma = FROBENIUS[k - 1];
        int coefficient = t, s = t + 8;
        for (int j = 0; j < 6; j++) {
            int offset = W_COEFFICIENT[j];
            if ((k & 1) == 1) {
                Fp2.conj(m, x + offset, coefficient);
            } else {
                Fp2.copy(m, x + offset, m, coefficient);
            }
            Fp2.mul(m, coefficient, gamma, j * Fp2.SIZE, z + offset, s);
        }
    }

    /**
     * z = x^2 for x in the cyclotomic subgroup (x^(p^6 + 1) = 1, as after the easy part of the final
     * exponentiation), by Granger and Scott (PKC 2010). Over Fp4 = Fp2[s]/(s^2 - ξ), s = w^3, x = A0 + A1·w + A2·w^2
     * with A0 = c0 + c3·s, A1 = c1 + c4·s, A2 = c2 + c5·s, and conj(A) = a - b·s:
     * x^2 = (3A0^2 - 2·conj(A0)) + (3s·A2^2 + 2·conj(A1))·w + (3A1^2 - 2·conj(A2))·w^2. Nine Fp2 squarings.
     */
    public static void cyclotomicSqr(long[] m, int x, int z, int t) {
        int a0 = t, b0 = t + 8, a1 = t + 16, b1 = t + 24, a2 = t + 32, b2 = t + 40, s = t + 56;
        int c0 = x, c1 = x + 24, c2 = x + 8, c3 = x + 32, c4 = x + 16, c5 = x + 40;
        fp4Sqr(m, c0, c3, a0, b0, s);
        fp4Sqr(m, c1, c4, a1, b1, s);
        fp4Sqr(m, c2, c5, a2, b2, s);
        // new c0 = 3·a0 - 2·c0, new c3 = 3·b0 + 2·c3
        threeMinusTwo(m, a0, c0, z);
        threePlusTwo(m, b0, c3, z + 32);
        // new c2 = 3·a1 - 2·c2, new c5 = 3·b1 + 2·c5
        threeMinusTwo(m, a1, c2, z + 8);
        threePlusTwo(m, b1, c5, z + 40);
        // new c1 = 3ξ·b2 + 2·c1, new c4 = 3·a2 - 2·c4
        Fp2.mulByXi(m, b2, b2, s);
        threePlusTwo(m, b2, c1, z + 24);
        threeMinusTwo(m, a2, c4, z + 16);
    }

    /** (a + b·s)^2 = (a^2 + ξ·b^2) + 2ab·s, written as re, im. Uses m[t, t + 24). */
    private static void fp4Sqr(long[] m, int a, int b, int re, int im, int t) {
        int aa = t, bb = t + 8, s = t + 16;
        Fp2.sqr(m, a, aa, s);
        Fp2.sqr(m, b, bb, s);
        Fp2.add(m, a, b, im);
        Fp2.sqr(m, im, im, s);
        Fp2.sub(m, im, aa, im);
        Fp2.sub(m, im, bb, im);
        Fp2.mulByXiAdd(m, bb, aa, re);
    }

    /** z = 3a - 2c over Fp2, one reduction per coefficient ({@link Fp#threeTimesMinusTwice}). */
    private static void threeMinusTwo(long[] m, int a, int c, int z) {
        Fp.threeTimesMinusTwice(m, a, m, c, m, z);
        Fp.threeTimesMinusTwice(m, a + 4, m, c + 4, m, z + 4);
    }

    /** z = 3b + 2c over Fp2, one reduction per coefficient ({@link Fp#threeTimesPlusTwice}). */
    private static void threePlusTwo(long[] m, int b, int c, int z) {
        Fp.threeTimesPlusTwice(m, b, m, c, m, z);
        Fp.threeTimesPlusTwice(m, b + 4, m, c + 4, m, z + 4);
    }

    /**
     * z = x^u for x in the cyclotomic subgroup, along the width-4 NAF of u: x, x^3, x^5, x^7 are computed first
     * (one squaring, three products), and a negative digit uses the conjugate, which is the inverse there. 62
     * cyclotomic squarings and 13 + 3 products, against 23 products along the plain NAF.
     */
    public static void cyclotomicExpByU(long[] m, int x, int z, int t) {
        int odd = t, result = t + 4 * SIZE, conjugate = t + 5 * SIZE, s = t + 6 * SIZE;
        // odd + k·SIZE holds x^(2k + 1); the square of x goes to result for the moment
        copy(m, x, m, odd);
        cyclotomicSqr(m, odd, result, s);
        for (int k = 1; k < 4; k++) {
            mul(m, odd + (k - 1) * SIZE, result, odd + k * SIZE, s);
        }
        int top = U_WNAF.length - 1;
        copy(m, odd + (U_WNAF[top] - 1) / 2 * SIZE, m, result);
        for (int i = top - 1; i >= 0; i--) {
            cyclotomicSqr(m, result, result, s);
            int digit = U_WNAF[i];
            if (digit > 0) {
                mul(m, result, odd + (digit - 1) / 2 * SIZE, result, s);
            } else if (digit < 0) {
                conj(m, odd + (-digit - 1) / 2 * SIZE, conjugate);
                mul(m, result, conjugate, result, s);
            }
        }
        copy(m, result, m, z);
    }

    /** The width-w non-adjacent form of k > 0, least significant digit first. */
    static int[] wnaf(BigInteger k, int w) {
        int[] digits = new int[k.bitLength() + 1];
        int length = 0;
        BigInteger rest = k;
        BigInteger window = BigInteger.ONE.shiftLeft(w);
        while (rest.signum() > 0) {
            int digit = 0;
            if (rest.testBit(0)) {
                digit = rest.mod(window).intValue();
                if (digit >= 1 << (w - 1)) {
                    digit -= 1 << w;
                }
                rest = rest.subtract(BigInteger.valueOf(digit));
            }
            digits[length++] = digit;
            rest = rest.shiftRight(1);
        }
        return java.util.Arrays.copyOf(digits, length);
    }

    public static boolean isOne(long[] m, int x) {
        return Fp6.isOne(m, x) && Fp6.isZero(m, x + 24);
    }

    public static boolean equal(long[] a, int x, long[] b, int y) {
        return java.util.Arrays.equals(a, x, x + SIZE, b, y, y + SIZE);
    }

    public static void copy(long[] a, int x, long[] b, int z) {
        System.arraycopy(a, x, b, z, SIZE);
    }

    public static void setOne(long[] m, int z) {
        java.util.Arrays.fill(m, z, z + SIZE, 0);
        Fp.setOne(m, z);
    }
}
