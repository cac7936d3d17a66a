package io.creditlayer.zk.bn254;

import java.math.BigInteger;

/**
 * The base field Fp of BN254 (alt_bn128, EIP-196/197) as static, allocation-free functions on four 64-bit limbs.
 *
 * <p>An element occupies four consecutive {@code long}s of an array, least significant limb first, and is kept in
 * Montgomery form {@code a·R mod p} with {@code R = 2^256}, fully reduced ({@code < p}). Every function reads all of
 * its inputs before it writes its output, so the output may overlap an input. Nothing here allocates: the tower
 * fields, the curves and the pairing run on these functions over preallocated workspaces.
 */
public final class Fp {
    /** Limbs per element. */
    public static final int SIZE = 4;

    /** p = 36u^4 + 36u^3 + 24u^2 + 6u + 1 with u = {@link Bn254#U}. */
    public static final BigInteger P = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");

    // p in limbs: 0x30644e72e131a029_b85045b68181585d_97816a916871ca8d_3c208c16d87cfd47
    static final long P0 = 0x3c208c16d87cfd47L;
    static final long P1 = 0x97816a916871ca8dL;
    static final long P2 = 0xb85045b68181585dL;
    static final long P3 = 0x30644e72e131a029L;

    /** -p^-1 mod 2^64, the Montgomery reduction factor. */
    static final long P_INV_NEG = 0x87d20782e4866389L;

    /** R^2 mod p: multiplying by it converts to Montgomery form. */
    private static final long[] R_SQUARED = limbs(BigInteger.ONE.shiftLeft(512).mod(P));
    /** R^3 mod p: a Montgomery product by it takes a plain inverse X^-1 of X = x·R to x^-1·R. */
    private static final long[] R_CUBED = limbs(BigInteger.ONE.shiftLeft(768).mod(P));
    /** 1 in Montgomery form: R mod p. */
    private static final long[] ONE = limbs(BigInteger.ONE.shiftLeft(256).mod(P));
    private static final long[] PLAIN_ONE = {1, 0, 0, 0};
    /** p - 2, the exponent of Fermat inversion. */
    private static final long[] P_MINUS_2 = limbs(P.subtract(BigInteger.TWO));
    /** (p + 1) / 4: p ≡ 3 (mod 4), so a^((p+1)/4) is a square root of a square a. */
    private static final long[] SQRT_EXPONENT = limbs(P.add(BigInteger.ONE).shiftRight(2));

    private Fp() {
    }

    /** z = x + y. */
    public static void add(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];
        long s0 = x0 + y0;
        long c = carry(x0, y0, s0);
        long s1 = x1 + y1 + c;
        c = carry(x1, y1, s1);
        long s2 = x2 + y2 + c;
        c = carry(x2, y2, s2);
        long s3 = x3 + y3 + c;
        // x + y < 2p < 2^255: no carry out of the top limb
        reduceOnce(s0, s1, s2, s3, z, zo);
    }

    /**
     * z = x + y without the final reduction: a value below 2p (p < 2^254, so no limb overflows), only fit as an
     * input of {@link #mul}, which accepts operands below 2p (see there).
     */
    static void addUnreduced(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];
        long s0 = x0 + y0;
        long c = carry(x0, y0, s0);
        long s1 = x1 + y1 + c;
        c = carry(x1, y1, s1);
        long s2 = x2 + y2 + c;
        c = carry(x2, y2, s2);
        z[zo] = s0;
        z[zo + 1] = s1;
        z[zo + 2] = s2;
        z[zo + 3] = x3 + y3 + c;
    }

    /**
     * z = x·ξ for an Fp2 element x = a0 + a1·i at x[xo, xo + 8) and ξ = 9 + i: (9a0 - a1) + (9a1 + a0)·i, written to
     * z[zo, zo + 8). Each coefficient is formed as a five-limb sum 9a + c below 10p (c = p - a1 or a0) and brought
     * below p with one subtraction of a multiple of p looked up from its top bits and one conditional subtraction:
     * a few carry chains instead of the three doublings and two additions per coefficient of the generic way.
     */
    static void mulByXi(long[] x, int xo, long[] z, int zo) {
        mulByXiAdd(x, xo, ZERO_FP2, 0, z, zo);
    }

    /** The Fp2 zero {@link #mulByXi} adds: one routine serves both (two carry chains adding 0 cost little). */
    private static final long[] ZERO_FP2 = new long[2 * SIZE];

    /**
     * z = x·ξ + y for Fp2 elements x at x[xo, xo + 8) and y at y[yo, yo + 8), written to z[zo, zo + 8): as
     * {@link #mulByXi}, with y's coefficients joining the added terms, (9a0 + (p - a1 + y0)) + (9a1 + (a0 + y1))·i.
     * Those terms are below 2p, so each sum is below 11p < 2^258, still in the range of one quotient estimate: the
     * addition costs one carry chain instead of a reduced Fp2 addition.
     */
    static void mulByXiAdd(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
        long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
        long b0 = x[xo + 4], b1 = x[xo + 5], b2 = x[xo + 6], b3 = x[xo + 7];
        long c0 = y[yo], c1 = y[yo + 1], c2 = y[yo + 2], c3 = y[yo + 3];
        long d0 = y[yo + 4], d1 = y[yo + 5], d2 = y[yo + 6], d3 = y[yo + 7];
        // n = (p - b) + c, in (0, 2p)
        long n0 = P0 - b0;
        long k = borrow(P0, b0, n0);
        long n1 = P1 - b1 - k;
        k = borrow(P1, b1, n1);
        long n2 = P2 - b2 - k;
        k = borrow(P2, b2, n2);
        long n3 = P3 - b3 - k;
        long s0 = n0 + c0;
        k = carry(n0, c0, s0);
        long s1 = n1 + c1 + k;
        k = carry(n1, c1, s1);
        long s2 = n2 + c2 + k;
        k = carry(n2, c2, s2);
        long s3 = n3 + c3 + k;
        // e = a + d, below 2p
        long e0 = a0 + d0;
        k = carry(a0, d0, e0);
        long e1 = a1 + d1 + k;
        k = carry(a1, d1, e1);
        long e2 = a2 + d2 + k;
        k = carry(a2, d2, e2);
        long e3 = a3 + d3 + k;
        smallTimesPlus(9, b0, b1, b2, b3, e0, e1, e2, e3, z, zo + 4);
        smallTimesPlus(9, a0, a1, a2, a3, s0, s1, s2, s3, z, zo);
    }

    /**
     * z = 3a - 2c = 3a + 2(p - c), one coefficient of the cyclotomic squaring: a five-limb sum below 5p reduced by
     * one quotient estimate, instead of a subtraction, a doubling and an addition, each reduced.
     */
    static void threeTimesMinusTwice(long[] a, int ao, long[] c, int co, long[] z, int zo) {
        long c0 = c[co], c1 = c[co + 1], c2 = c[co + 2], c3 = c[co + 3];
        // n = p - c in (0, p]
        long n0 = P0 - c0;
        long k = borrow(P0, c0, n0);
        long n1 = P1 - c1 - k;
        k = borrow(P1, c1, n1);
        long n2 = P2 - c2 - k;
        k = borrow(P2, c2, n2);
        long n3 = P3 - c3 - k;
        threePlusTwice(a, ao, n0, n1, n2, n3, z, zo);
    }

    /** z = 3b + 2c, as {@link #threeTimesMinusTwice} (a sum below 5p). */
    static void threeTimesPlusTwice(long[] b, int bo, long[] c, int co, long[] z, int zo) {
        threePlusTwice(b, bo, c[co], c[co + 1], c[co + 2], c[co + 3], z, zo);
    }

    /** z = 3a + 2c for c <= p given by its limbs: 2c <= 2p < 2^255 is a shift. */
    private static void threePlusTwice(long[] a, int ao, long c0, long c1, long c2, long c3, long[] z, int zo) {
        smallTimesPlus(3, a[ao], a[ao + 1], a[ao + 2], a[ao + 3],
                c0 << 1, (c1 << 1) | (c0 >>> 63), (c2 << 1) | (c1 >>> 63), (c3 << 1) | (c2 >>> 63), z, zo);
    }

    /**
     * z = (k·a + c) mod p for a < p, a multiplier k <= 9 and c < 2p, so that k·a + c < 11p < 2^258 (the range of
     * {@link #reduceSmallMultiple}).
     */
    private static void smallTimesPlus(long factor, long a0, long a1, long a2, long a3, long c0, long c1, long c2,
                                       long c3, long[] z, int zo) {
        long l0 = a0 * factor, h0 = Math.unsignedMultiplyHigh(a0, factor);
        long l1 = a1 * factor, h1 = Math.unsignedMultiplyHigh(a1, factor);
        long l2 = a2 * factor, h2 = Math.unsignedMultiplyHigh(a2, factor);
        long l3 = a3 * factor, h3 = Math.unsignedMultiplyHigh(a3, factor);
        long s0 = l0 + c0;
        long k = Long.compareUnsigned(s0, c0) < 0 ? 1 : 0;
        // h_i + carry <= 8 + 2: no overflow
        long u = l1 + (h0 + k);
        k = Long.compareUnsigned(u, l1) < 0 ? 1 : 0;
        long s1 = u + c1;
        k += Long.compareUnsigned(s1, c1) < 0 ? 1 : 0;
        u = l2 + (h1 + k);
        k = Long.compareUnsigned(u, l2) < 0 ? 1 : 0;
        long s2 = u + c2;
        k += Long.compareUnsigned(s2, c2) < 0 ? 1 : 0;
        u = l3 + (h2 + k);
        k = Long.compareUnsigned(u, l3) < 0 ? 1 : 0;
        long s3 = u + c3;
        k += Long.compareUnsigned(s3, c3) < 0 ? 1 : 0;
        long s4 = h3 + k;
        reduceSmallMultiple(s0, s1, s2, s3, s4, z, zo);
    }

    /**
     * Bits of a value below 2^258 looked at to estimate its quotient by p: QUOTIENT[s >> 250] = floor((s >> 250)·
     * 2^250 / p) is the true quotient floor(s / p) or one less (2^250 < p/12), so s - QUOTIENT·p is below 2p.
     */
    private static final int QUOTIENT_SHIFT = 250;
    private static final byte[] QUOTIENT = new byte[256];
    /** q·p for q = 0..QUOTIENT[255], four low limbs each (the fifth is implied: the difference fits four limbs). */
    private static final long[] P_MULTIPLES;

    static {
        for (int i = 0; i < QUOTIENT.length; i++) {
            QUOTIENT[i] = (byte) BigInteger.valueOf(i).shiftLeft(QUOTIENT_SHIFT).divide(P).intValueExact();
        }
        int multiples = QUOTIENT[QUOTIENT.length - 1] + 1;
        P_MULTIPLES = new long[multiples * SIZE];
        BigInteger mask = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        for (int q = 0; q < multiples; q++) {
            System.arraycopy(limbs(P.multiply(BigInteger.valueOf(q)).and(mask)), 0, P_MULTIPLES, q * SIZE, SIZE);
        }
    }

    /** Writes s mod p for a five-limb s < 2^258. */
    private static void reduceSmallMultiple(long s0, long s1, long s2, long s3, long s4, long[] z, int zo) {
        int q = QUOTIENT[(int) ((s4 << (64 - QUOTIENT_SHIFT + 192)) | (s3 >>> (QUOTIENT_SHIFT - 192)))];
        int o = q * SIZE;
        long m0 = P_MULTIPLES[o], m1 = P_MULTIPLES[o + 1], m2 = P_MULTIPLES[o + 2], m3 = P_MULTIPLES[o + 3];
        // s - q·p < 2p < 2^256: the four low limbs of the difference are all of it
        long d0 = s0 - m0;
        long b = borrow(s0, m0, d0);
        long d1 = s1 - m1 - b;
        b = borrow(s1, m1, d1);
        long d2 = s2 - m2 - b;
        b = borrow(s2, m2, d2);
        long d3 = s3 - m3 - b;
        reduceOnce(d0, d1, d2, d3, z, zo);
    }

    /** z = 2x. */
    public static void dbl(long[] x, int xo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        reduceOnce(x0 << 1, (x1 << 1) | (x0 >>> 63), (x2 << 1) | (x1 >>> 63), (x3 << 1) | (x2 >>> 63), z, zo);
    }

    /** z = x/2: x + p when x is odd (still below 2^255), then one bit to the right. */
    public static void half(long[] x, int xo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        long mask = -(x0 & 1);
        long a0 = P0 & mask, a1 = P1 & mask, a2 = P2 & mask, a3 = P3 & mask;
        long s0 = x0 + a0;
        long c = carry(x0, a0, s0);
        long s1 = x1 + a1 + c;
        c = carry(x1, a1, s1);
        long s2 = x2 + a2 + c;
        c = carry(x2, a2, s2);
        long s3 = x3 + a3 + c;
        z[zo] = (s0 >>> 1) | (s1 << 63);
        z[zo + 1] = (s1 >>> 1) | (s2 << 63);
        z[zo + 2] = (s2 >>> 1) | (s3 << 63);
        z[zo + 3] = s3 >>> 1;
    }

    /** z = x - y. */
    public static void sub(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];
        long d0 = x0 - y0;
        long b = borrow(x0, y0, d0);
        long d1 = x1 - y1 - b;
        b = borrow(x1, y1, d1);
        long d2 = x2 - y2 - b;
        b = borrow(x2, y2, d2);
        long d3 = x3 - y3 - b;
        b = borrow(x3, y3, d3);
        // on a borrow add p back; the mask keeps the code branch-free
        long mask = -b;
        long a0 = P0 & mask, a1 = P1 & mask, a2 = P2 & mask, a3 = P3 & mask;
        long r0 = d0 + a0;
        long c = carry(d0, a0, r0);
        long r1 = d1 + a1 + c;
        c = carry(d1, a1, r1);
        long r2 = d2 + a2 + c;
        c = carry(d2, a2, r2);
        long r3 = d3 + a3 + c;
        z[zo] = r0;
        z[zo + 1] = r1;
        z[zo + 2] = r2;
        z[zo + 3] = r3;
    }

    /** z = -x. */
    public static void neg(long[] x, int xo, long[] z, int zo) {
        long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
        if ((x0 | x1 | x2 | x3) == 0) {
            z[zo] = 0;
            z[zo + 1] = 0;
            z[zo + 2] = 0;
            z[zo + 3] = 0;
            return;
        }
        long d0 = P0 - x0;
        long b = borrow(P0, x0, d0);
        long d1 = P1 - x1 - b;
        b = borrow(P1, x1, d1);
        long d2 = P2 - x2 - b;
        b = borrow(P2, x2, d2);
        long d3 = P3 - x3 - b;
        z[zo] = d0;
        z[zo + 1] = d1;
        z[zo + 2] = d2;
        z[zo + 3] = d3;
    }

    /**
     * z = x·y·R^-1 (Montgomery product), by the coarsely integrated operand scanning method. p's top limb is below
     * 2^62, so the running total never needs a fifth limb (the "no-carry" variant): each row's top carry fits
     * into the top limb. Operands may be unreduced up to 2p: the running total stays below 3p < 2^256 and the
     * result below (4p^2 + R·p)/R < 2p (as 4p < R), which the final subtraction brings below p.
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

            // t = (t + m·p) / 2^64 with m chosen so that the lowest limb vanishes
            long m = t0 * P_INV_NEG;
            lo = m * P0;
            hi = Math.unsignedMultiplyHigh(m, P0);
            s = lo + t0; // == 0 by the choice of m
            c = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);

            lo = m * P1;
            hi = Math.unsignedMultiplyHigh(m, P1);
            s = lo + t1;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t0 = lo;
            c = hi;

            lo = m * P2;
            hi = Math.unsignedMultiplyHigh(m, P2);
            s = lo + t2;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t1 = lo;
            c = hi;

            lo = m * P3;
            hi = Math.unsignedMultiplyHigh(m, P3);
            s = lo + t3;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t2 = lo;
            t3 = top + hi;
        }
        reduceOnce(t0, t1, t2, t3, z, zo);
    }

    /** z = x^2 (Montgomery). */
    public static void sqr(long[] x, int xo, long[] z, int zo) {
        mul(x, xo, x, xo, z, zo);
    }

    /** z = x^e for a plain (non-Montgomery) exponent e of four limbs; uses t[to, to + 4). */
    static void pow(long[] x, int xo, long[] e, long[] z, int zo, long[] t, int to) {
        copy(x, xo, t, to);
        copy(ONE, 0, z, zo);
        for (int bit = 255; bit >= 0; bit--) {
            sqr(z, zo, z, zo);
            if (((e[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
                mul(z, zo, t, to, z, zo);
            }
        }
    }

    /**
     * z = x^-1; the inverse of 0 is 0. The binary extended Euclidean algorithm on the limbs (variable time: nothing
     * handled here is secret), with u = x·a and v = x·b (mod p) kept invariant from (u, v, a, b) = (x, p, 1, 0)
     * until u or v is 1; a few µs against a few hundred Montgomery products for Fermat's x^(p-2). x is in Montgomery
     * form X = x·R, so the loop yields X^-1 = x^-1·R^-1 and one product by R^3 brings it to x^-1·R. u and v are plain
     * integers; a and b are residues, halved and subtracted mod p by {@link #half} and {@link #sub}. The four
     * working values live in one small array per call (inversions are rare: a handful per verification).
     * t[to, to + 4) is not used (kept for the former Fermat version's signature).
     */
    public static void inv(long[] x, int xo, long[] z, int zo, long[] t, int to) {
        if (isZero(x, xo)) {
            setZero(z, zo);
            return;
        }
        final int u = 0, v = SIZE, a = 2 * SIZE, b = 3 * SIZE;
        long[] w = new long[4 * SIZE];
        copy(x, xo, w, u);
        w[v] = P0;
        w[v + 1] = P1;
        w[v + 2] = P2;
        w[v + 3] = P3;
        w[a] = 1;
        while (true) {
            while ((w[u] & 1) == 0) {
                shiftRightOne(w, u);
                half(w, a, w, a);
            }
            while ((w[v] & 1) == 0) {
                shiftRightOne(w, v);
                half(w, b, w, b);
            }
            if (isPlainOne(w, u)) {
                break;
            }
            if (isPlainOne(w, v)) {
                copy(w, b, w, a);
                break;
            }
            // both odd, above 1 and coprime, so u != v: subtract the smaller from the larger
            if (subtractIfNotBelow(w, u, v)) {
                sub(w, a, w, b, w, a);
            } else {
                subtractIfNotBelow(w, v, u);
                sub(w, b, w, a, w, b);
            }
        }
        copy(w, a, z, zo);
        mul(z, zo, R_CUBED, 0, z, zo);
    }

    /** w[o, o + 4) >>= 1, as a plain integer. */
    private static void shiftRightOne(long[] w, int o) {
        w[o] = (w[o] >>> 1) | (w[o + 1] << 63);
        w[o + 1] = (w[o + 1] >>> 1) | (w[o + 2] << 63);
        w[o + 2] = (w[o + 2] >>> 1) | (w[o + 3] << 63);
        w[o + 3] >>>= 1;
    }

    private static boolean isPlainOne(long[] w, int o) {
        return (w[o] ^ 1 | w[o + 1] | w[o + 2] | w[o + 3]) == 0;
    }

    /** If x >= y as plain integers (x at w[xo], y at w[yo]): x -= y and true; else false, x unchanged. */
    private static boolean subtractIfNotBelow(long[] w, int xo, int yo) {
        long d0 = w[xo] - w[yo];
        long k = borrow(w[xo], w[yo], d0);
        long d1 = w[xo + 1] - w[yo + 1] - k;
        k = borrow(w[xo + 1], w[yo + 1], d1);
        long d2 = w[xo + 2] - w[yo + 2] - k;
        k = borrow(w[xo + 2], w[yo + 2], d2);
        long d3 = w[xo + 3] - w[yo + 3] - k;
        k = borrow(w[xo + 3], w[yo + 3], d3);
        if (k != 0) {
            return false;
        }
        w[xo] = d0;
        w[xo + 1] = d1;
        w[xo + 2] = d2;
        w[xo + 3] = d3;
        return true;
    }

    /** z = x^-1 by Fermat's x^(p-2) (the former {@link #inv}; kept for the tests). Uses t[to, to + 4). */
    static void invByFermat(long[] x, int xo, long[] z, int zo, long[] t, int to) {
        pow(x, xo, P_MINUS_2, z, zo, t, to);
    }

    /**
     * z = a square root of x if x is a square; returns whether it is. Uses t[to, to + 8).
     */
    public static boolean sqrt(long[] x, int xo, long[] z, int zo, long[] t, int to) {
        pow(x, xo, SQRT_EXPONENT, t, to + 4, t, to);
        sqr(t, to + 4, t, to);
        boolean square = equal(t, to, x, xo);
        copy(t, to + 4, z, zo);
        return square;
    }

    public static boolean isZero(long[] x, int xo) {
        return (x[xo] | x[xo + 1] | x[xo + 2] | x[xo + 3]) == 0;
    }

    public static boolean isOne(long[] x, int xo) {
        return equal(x, xo, ONE, 0);
    }

    public static boolean equal(long[] x, int xo, long[] y, int yo) {
        return ((x[xo] ^ y[yo]) | (x[xo + 1] ^ y[yo + 1]) | (x[xo + 2] ^ y[yo + 2]) | (x[xo + 3] ^ y[yo + 3])) == 0;
    }

    public static void copy(long[] x, int xo, long[] z, int zo) {
        System.arraycopy(x, xo, z, zo, SIZE);
    }

    public static void setZero(long[] z, int zo) {
        z[zo] = 0;
        z[zo + 1] = 0;
        z[zo + 2] = 0;
        z[zo + 3] = 0;
    }

    public static void setOne(long[] z, int zo) {
        copy(ONE, 0, z, zo);
    }

    /** z = the Montgomery form of a plain value given in limbs (which must be below p). */
    public static void toMontgomery(long[] plain, int po, long[] z, int zo) {
        mul(plain, po, R_SQUARED, 0, z, zo);
    }

    /** z = the plain value (limbs) of a Montgomery-form element. */
    public static void fromMontgomery(long[] x, int xo, long[] z, int zo) {
        mul(x, xo, PLAIN_ONE, 0, z, zo);
    }

    /** z = the Montgomery form of v, which must satisfy 0 <= v < p. */
    public static void fromBigInteger(BigInteger v, long[] z, int zo) {
        if (v.signum() < 0 || v.compareTo(P) >= 0) {
            throw new IllegalArgumentException("not a canonical Fp element: " + v);
        }
        long[] plain = limbs(v);
        toMontgomery(plain, 0, z, zo);
    }

    public static BigInteger toBigInteger(long[] x, int xo) {
        long[] plain = new long[SIZE];
        fromMontgomery(x, xo, plain, 0);
        return fromLimbs(plain, 0);
    }

    /**
     * Reads a 32-byte big-endian value as a Montgomery-form element; returns false (writing nothing) if the value is
     * not below p, so that callers reject it rather than reduce it.
     */
    public static boolean fromBytes(byte[] in, int offset, long[] z, int zo) {
        long v3 = readLong(in, offset);
        long v2 = readLong(in, offset + 8);
        long v1 = readLong(in, offset + 16);
        long v0 = readLong(in, offset + 24);
        if (!lessThanP(v0, v1, v2, v3)) {
            return false;
        }
        long[] plain = {v0, v1, v2, v3};
        toMontgomery(plain, 0, z, zo);
        return true;
    }

    /** Writes x as 32 big-endian bytes (its plain value). */
    public static void toBytes(long[] x, int xo, byte[] out, int offset) {
        long[] plain = new long[SIZE];
        fromMontgomery(x, xo, plain, 0);
        writeLong(plain[3], out, offset);
        writeLong(plain[2], out, offset + 8);
        writeLong(plain[1], out, offset + 16);
        writeLong(plain[0], out, offset + 24);
    }

    /** The four limbs of 0 <= v < 2^256, least significant first. */
    public static long[] limbs(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("not a 256-bit unsigned value");
        }
        long[] limbs = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            limbs[i] = v.shiftRight(64 * i).longValue();
        }
        return limbs;
    }

    public static BigInteger fromLimbs(long[] limbs, int offset) {
        byte[] bytes = new byte[33];
        for (int i = 0; i < SIZE; i++) {
            writeLong(limbs[offset + i], bytes, 1 + 8 * (SIZE - 1 - i));
        }
        return new BigInteger(bytes);
    }

    static long readLong(byte[] in, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (in[offset + i] & 0xff);
        }
        return v;
    }

    static void writeLong(long v, byte[] out, int offset) {
        for (int i = 7; i >= 0; i--) {
            out[offset + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static boolean lessThanP(long v0, long v1, long v2, long v3) {
        long d0 = v0 - P0;
        long b = borrow(v0, P0, d0);
        long d1 = v1 - P1 - b;
        b = borrow(v1, P1, d1);
        long d2 = v2 - P2 - b;
        b = borrow(v2, P2, d2);
        long d3 = v3 - P3 - b;
        return borrow(v3, P3, d3) != 0;
    }

    /** Writes s (< 2p) minus p if s >= p, else s. */
    private static void reduceOnce(long s0, long s1, long s2, long s3, long[] z, int zo) {
        long d0 = s0 - P0;
        long b = borrow(s0, P0, d0);
        long d1 = s1 - P1 - b;
        b = borrow(s1, P1, d1);
        long d2 = s2 - P2 - b;
        b = borrow(s2, P2, d2);
        long d3 = s3 - P3 - b;
        b = borrow(s3, P3, d3);
        // b == 1: s < p, keep s
        long keep = -b;
        z[zo] = (s0 & keep) | (d0 & ~keep);
        z[zo + 1] = (s1 & keep) | (d1 & ~keep);
        z[zo + 2] = (s2 & keep) | (d2 & ~keep);
        z[zo + 3] = (s3 & keep) | (d3 & ~keep);
    }

    /** The carry out of a + b (+ carry in) = sum, as 0 or 1. */
    static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /** The borrow out of a - b (- borrow in) = difference, as 0 or 1. */
    static long borrow(long a, long b, long difference) {
        return ((~a & b) | (~(a ^ b) & difference)) >>> 63;
    }
}
