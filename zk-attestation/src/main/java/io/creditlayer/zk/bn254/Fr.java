package io.creditlayer.zk.bn254;

import java.math.BigInteger;

/**
 * The scalar field Fr of BN254 (integers modulo the group order r, snarkjs's and circom's field) as static,
 * allocation-free functions on four 64-bit limbs: the field of Poseidon and of the public inputs.
 *
 * <p>The same conventions and algorithms as {@link Fp} (Montgomery form with R = 2^256, fully reduced, outputs may
 * overlap inputs); only the modulus differs. A separate class rather than one parameterised by the modulus, so that
 * the modulus limbs stay compile-time constants the JIT folds into the instructions. Like p, r is below 2^254 and its
 * top limb below 2^62, so the same "no-carry" Montgomery product and unreduced sums below 2r apply.
 */
public final class Fr {
    /** Limbs per element. */
    public static final int SIZE = 4;

    /** r = 36u^4 + 36u^3 + 18u^2 + 6u + 1 (= {@link Bn254#R}). */
    public static final BigInteger R = Bn254.R;

    // r in limbs: 0x30644e72e131a029_b85045b68181585d_2833e84879b97091_43e1f593f0000001
    static final long R0 = 0x43e1f593f0000001L;
    static final long R1 = 0x2833e84879b97091L;
    static final long R2 = 0xb85045b68181585dL;
    static final long R3 = 0x30644e72e131a029L;

    /** -r^-1 mod 2^64, the Montgomery reduction factor. */
    static final long R_INV_NEG = 0xc2e1f593efffffffL;

    /** 2^512 mod r: multiplying by it converts to Montgomery form. */
    private static final long[] MONTGOMERY_SQUARED = Fp.limbs(BigInteger.ONE.shiftLeft(512).mod(R));
    /** 1 in Montgomery form: 2^256 mod r. */
    private static final long[] ONE = Fp.limbs(BigInteger.ONE.shiftLeft(256).mod(R));
    private static final long[] PLAIN_ONE = {1, 0, 0, 0};

    private Fr() {
    }

    /** z = x + y. */
    public static void add(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];
        long s0 = x0 + y0;
        long c = Fp.carry(x0, y0, s0);
        long s1 = x1 + y1 + c;
        c = Fp.carry(x1, y1, s1);
        long s2 = x2 + y2 + c;
        c = Fp.carry(x2, y2, s2);
        long s3 = x3 + y3 + c;
        // x + y < 2r < 2^255: no carry out of the top limb
        reduceOnce(s0, s1, s2, s3, z, zo);
    }

    /** z = x - y. */
    public static void sub(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];
        long d0 = x0 - y0;
        long b = Fp.borrow(x0, y0, d0);
        long d1 = x1 - y1 - b;
        b = Fp.borrow(x1, y1, d1);
        long d2 = x2 - y2 - b;
        b = Fp.borrow(x2, y2, d2);
        long d3 = x3 - y3 - b;
        b = Fp.borrow(x3, y3, d3);
        // on a borrow add r back; the mask keeps the code branch-free
        long mask = -b;
        long a0 = R0 & mask, a1 = R1 & mask, a2 = R2 & mask, a3 = R3 & mask;
        long r0 = d0 + a0;
        long c = Fp.carry(d0, a0, r0);
        long r1 = d1 + a1 + c;
        c = Fp.carry(d1, a1, r1);
        long r2 = d2 + a2 + c;
        c = Fp.carry(d2, a2, r2);
        z[zo] = r0;
        z[zo + 1] = r1;
        z[zo + 2] = r2;
        z[zo + 3] = d3 + a3 + c;
    }

    /**
     * z = x·y·2^-256 mod r (Montgomery product), coarsely integrated operand scanning as in {@link Fp#mul}; operands
     * may be unreduced up to 2r.
     */
    public static void mul(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
        final long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        final long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        for (int i = 0; i < 4; i++) {
            long yi = i == 0 ? y0 : i == 1 ? y1 : i == 2 ? y2 : y3;
            // t += x·yi: (carry, t_j) = t_j + x_j·yi + carry
            long lo = x0 * yi;
            long hi = Math.unsignedMultiplyHigh(x0, yi);
            long s = lo + t0;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            t0 = s;
            long c = hi;

            lo = x1 * yi;
            hi = Math.unsignedMultiplyHigh(x1, yi);
            s = lo + t1;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t1 = lo;
            c = hi;

            lo = x2 * yi;
            hi = Math.unsignedMultiplyHigh(x2, yi);
            s = lo + t2;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t2 = lo;
            c = hi;

            lo = x3 * yi;
            hi = Math.unsignedMultiplyHigh(x3, yi);
            s = lo + t3;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t3 = lo;
            long top = hi;

            // t = (t + m·r) / 2^64 with m chosen so that the lowest limb vanishes
            long m = t0 * R_INV_NEG;
            lo = m * R0;
            hi = Math.unsignedMultiplyHigh(m, R0);
            s = lo + t0; // == 0 by the choice of m
            c = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);

            lo = m * R1;
            hi = Math.unsignedMultiplyHigh(m, R1);
            s = lo + t1;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t0 = lo;
            c = hi;

            lo = m * R2;
            hi = Math.unsignedMultiplyHigh(m, R2);
            s = lo + t2;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t1 = lo;
            c = hi;

            lo = m * R3;
            hi = Math.unsignedMultiplyHigh(m, R3);
            s = lo + t3;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t2 = lo;
            t3 = top + hi;
        }
        reduceOnce(t0, t1, t2, t3, z, zo);
    }

    /** Longs of an accumulator for {@link #mulAccumulate}: a 576-bit number. */
    public static final int WIDE_SIZE = 9;
    /** Most products an accumulator may sum before {@link #reduceWide} (keeps it below 17·r^2 < 2^512). */
    public static final int MAX_ACCUMULATED = 17;

    /** 2r and 4r in limbs, for the final reduction of {@link #reduceWide}. */
    private static final long[] TWO_R = Fp.limbs(R.shiftLeft(1));
    private static final long[] FOUR_R = Fp.limbs(R.shiftLeft(2));

    /**
     * acc += x·y as a plain 512-bit product (no reduction): a sum of products of Montgomery-form elements
     * (x·R)(y·R) is (Σ x·y)·R^2, which one {@link #reduceWide} turns into the Montgomery form of the sum. Summing t
     * products this way costs one reduction instead of t, half of a Montgomery product's multiplications. x and y
     * must be reduced (below r); acc holds {@link #WIDE_SIZE} limbs at ao, least significant first.
     */
    public static void mulAccumulate(long[] x, int xo, long[] y, int yo, long[] acc, int ao) {
        for (int i = 0; i < 4; i++) {
            long yi = y[yo + i];
            long carry = 0;
            for (int j = 0; j < 4; j++) {
                long xj = x[xo + j];
                long lo = xj * yi;
                long hi = Math.unsignedMultiplyHigh(xj, yi);
                long a = acc[ao + i + j];
                long s = lo + a;
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long u = s + carry;
                hi += Long.compareUnsigned(u, s) < 0 ? 1 : 0;
                acc[ao + i + j] = u;
                carry = hi;
            }
            // propagate the row's carry upwards
            for (int k = ao + i + 4; carry != 0 && k < ao + WIDE_SIZE; k++) {
                long s = acc[k] + carry;
                carry = Long.compareUnsigned(s, carry) < 0 ? 1 : 0;
                acc[k] = s;
            }
        }
    }

    /**
     * z = acc·2^-256 mod r, fully reduced, for an accumulator of at most {@link #MAX_ACCUMULATED} products of
     * reduced elements (acc < 17·r^2); clears the accumulator. Montgomery reduction leaves acc/2^256 + r·(something
     * below 1) < 17·r^2/2^256 + r < 4.3·r < 2^256, which conditional subtractions of 4r, 2r and r bring below r.
     */
    public static void reduceWide(long[] acc, int ao, long[] z, int zo) {
        for (int i = 0; i < 4; i++) {
            // acc += m·r·2^(64i) with m chosen so that limb i vanishes
            long m = acc[ao + i] * R_INV_NEG;
            long carry = 0;
            for (int j = 0; j < 4; j++) {
                long rj = j == 0 ? R0 : j == 1 ? R1 : j == 2 ? R2 : R3;
                long lo = m * rj;
                long hi = Math.unsignedMultiplyHigh(m, rj);
                long a = acc[ao + i + j];
                long s = lo + a;
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long u = s + carry;
                hi += Long.compareUnsigned(u, s) < 0 ? 1 : 0;
                acc[ao + i + j] = u;
                carry = hi;
            }
            for (int k = ao + i + 4; carry != 0 && k < ao + WIDE_SIZE; k++) {
                long s = acc[k] + carry;
                carry = Long.compareUnsigned(s, carry) < 0 ? 1 : 0;
                acc[k] = s;
            }
        }
        long v0 = acc[ao + 4], v1 = acc[ao + 5], v2 = acc[ao + 6], v3 = acc[ao + 7];
        java.util.Arrays.fill(acc, ao, ao + WIDE_SIZE, 0);
        z[zo] = v0;
        z[zo + 1] = v1;
        z[zo + 2] = v2;
        z[zo + 3] = v3;
        subtractIfAtLeast(z, zo, FOUR_R);
        subtractIfAtLeast(z, zo, TWO_R);
        reduceOnce(z[zo], z[zo + 1], z[zo + 2], z[zo + 3], z, zo);
    }

    /** z -= k if z >= k (four limbs each). */
    private static void subtractIfAtLeast(long[] z, int zo, long[] k) {
        long d0 = z[zo] - k[0];
        long b = Fp.borrow(z[zo], k[0], d0);
        long d1 = z[zo + 1] - k[1] - b;
        b = Fp.borrow(z[zo + 1], k[1], d1);
        long d2 = z[zo + 2] - k[2] - b;
        b = Fp.borrow(z[zo + 2], k[2], d2);
        long d3 = z[zo + 3] - k[3] - b;
        b = Fp.borrow(z[zo + 3], k[3], d3);
        if (b == 0) {
            z[zo] = d0;
            z[zo + 1] = d1;
            z[zo + 2] = d2;
            z[zo + 3] = d3;
        }
    }

    /** z = x^2 (Montgomery). */
    public static void sqr(long[] x, int xo, long[] z, int zo) {
        mul(x, xo, x, xo, z, zo);
    }

    /** z = x^5, Poseidon's S-box. Uses t[to, to + 4). */
    public static void pow5(long[] x, int xo, long[] z, int zo, long[] t, int to) {
        sqr(x, xo, t, to);
        sqr(t, to, t, to);
        mul(t, to, x, xo, z, zo);
    }

    public static boolean isZero(long[] x, int xo) {
        return (x[xo] | x[xo + 1] | x[xo + 2] | x[xo + 3]) == 0;
    }

    public static boolean equal(long[] x, int xo, long[] y, int yo) {
        return Fp.equal(x, xo, y, yo);
    }

    public static void copy(long[] x, int xo, long[] z, int zo) {
        System.arraycopy(x, xo, z, zo, SIZE);
    }

    public static void setZero(long[] z, int zo) {
        Fp.setZero(z, zo);
    }

    public static void setOne(long[] z, int zo) {
        copy(ONE, 0, z, zo);
    }

    /** z = the Montgomery form of a plain value given in limbs (which must be below r). */
    public static void toMontgomery(long[] plain, int po, long[] z, int zo) {
        mul(plain, po, MONTGOMERY_SQUARED, 0, z, zo);
    }

    /** z = the plain value (limbs) of a Montgomery-form element. */
    public static void fromMontgomery(long[] x, int xo, long[] z, int zo) {
        mul(x, xo, PLAIN_ONE, 0, z, zo);
    }

    /** z = the Montgomery form of v, which must satisfy 0 <= v < r. */
    public static void fromBigInteger(BigInteger v, long[] z, int zo) {
        if (v.signum() < 0 || v.compareTo(R) >= 0) {
            throw new IllegalArgumentException("not a canonical Fr element: " + v);
        }
        toMontgomery(Fp.limbs(v), 0, z, zo);
    }

    public static BigInteger toBigInteger(long[] x, int xo) {
        long[] plain = new long[SIZE];
        fromMontgomery(x, xo, plain, 0);
        return Fp.fromLimbs(plain, 0);
    }

    /** Writes s (< 2r) minus r if s >= r, else s. */
    private static void reduceOnce(long s0, long s1, long s2, long s3, long[] z, int zo) {
        long d0 = s0 - R0;
        long b = Fp.borrow(s0, R0, d0);
        long d1 = s1 - R1 - b;
        b = Fp.borrow(s1, R1, d1);
        long d2 = s2 - R2 - b;
        b = Fp.borrow(s2, R2, d2);
        long d3 = s3 - R3 - b;
        b = Fp.borrow(s3, R3, d3);
        // b == 1: s < r, keep s
        long keep = -b;
        z[zo] = (s0 & keep) | (d0 & ~keep);
        z[zo + 1] = (s1 & keep) | (d1 & ~keep);
        z[zo + 2] = (s2 & keep) | (d2 & ~keep);
        z[zo + 3] = (s3 & keep) | (d3 & ~keep);
    }
}
