package io.creditlayer.zk.bn254;

import java.math.BigInteger;

/**
 * Static, allocation-free arithmetic on the twist E'(Fp2): y^2 = x^3 + b' with b' = 3/ξ, on a workspace array
 * (conventions of {@link Fp2}). A Jacobian point occupies {@link #SIZE} longs (X, Y, Z in Fp2, Z = 0 at
 * infinity), an affine point {@link #AFFINE_SIZE}. The formulas are those of {@link G1} (a = 0) over Fp2.
 */
final class G2 {
    static final int SIZE = 3 * Fp2.SIZE;
    static final int AFFINE_SIZE = 2 * Fp2.SIZE;
    /** Scratch longs any function here needs at most. */
    static final int SCRATCH = 16 * Fp2.SIZE + SIZE + AFFINE_SIZE + Fp2.MUL_SCRATCH;

    /** b' = 3/ξ, the twist's constant term (Montgomery form). */
    static final long[] TWIST_B;
    /** ξ^((p - 1)/3) and ξ^((p - 1)/2): the untwist-Frobenius-twist map ψ(x, y) = (conj(x)·ξ^((p-1)/3), conj(y)·ξ^((p-1)/2)). */
    static final long[] PSI_X, PSI_Y;
    /** ξ^((p^2 - 1)/3), in Fp: ψ^2(x, y) = (x·ξ^((p^2-1)/3), -y) since ξ^((p^2-1)/2) = -1 (ξ is not a square). */
    static final long[] PSI2_X;
    private static final int[] FROBENIUS_EIGENVALUE_NAF = Bn254.naf(Bn254.FROBENIUS_EIGENVALUE);

    static {
        long[] m = new long[64];
        int xi = 0, result = 8, t = 16;
        Fp.fromBigInteger(BigInteger.valueOf(9), m, xi);
        Fp.setOne(m, xi + 4);
        BigInteger p = Fp.P;

        Fp2.inv(m, xi, result, t);
        Fp.fromBigInteger(BigInteger.valueOf(3), m, t);
        Fp2.mulByFp(m, result, m, t, result);
        TWIST_B = java.util.Arrays.copyOfRange(m, result, result + Fp2.SIZE);

        PSI_X = xiPower(m, p.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
        PSI_Y = xiPower(m, p.subtract(BigInteger.ONE).shiftRight(1));
        PSI2_X = xiPower(m, p.pow(2).subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    }

    private static long[] xiPower(long[] m, BigInteger exponent) {
        Fp2.pow(m, 0, exponent, 8, 16);
        return java.util.Arrays.copyOfRange(m, 8, 8 + Fp2.SIZE);
    }

    private G2() {
    }

    static boolean isInfinity(long[] m, int p) {
        return Fp2.isZero(m, p + 16);
    }

    static void setInfinity(long[] m, int z) {
        Fp2.setOne(m, z);
        Fp2.setOne(m, z + 8);
        Fp2.setZero(m, z + 16);
    }

    static void fromAffine(long[] m, int a, int z) {
        Fp2.copy(m, a, m, z);
        Fp2.copy(m, a + 8, m, z + 8);
        Fp2.setOne(m, z + 16);
    }

    /** Whether the affine (x, y) satisfies y^2 = x^3 + b'. Uses m[t, t + 32). */
    static boolean isOnCurve(long[] m, int a, int t) {
        int lhs = t, rhs = t + 8, s = t + 16;
        Fp2.sqr(m, a + 8, lhs, s);
        Fp2.sqr(m, a, rhs, s);
        Fp2.mul(m, rhs, a, rhs, s);
        Fp.add(m, rhs, TWIST_B, 0, m, rhs);
        Fp.add(m, rhs + 4, TWIST_B, 4, m, rhs + 4);
        return Fp2.equal(m, lhs, m, rhs);
    }

    /** z = 2p (dbl-2009-l, see {@link G1#dbl}). Uses m[t, t + 72). */
    static void dbl(long[] m, int p, int z, int t) {
        int a = t, b = t + 8, c = t + 16, d = t + 24, e = t + 32, f = t + 40, z3 = t + 48, s = t + 56;
        Fp2.mul(m, p + 8, p + 16, z3, s);
        Fp2.dbl(m, z3, z3);
        Fp2.sqr(m, p, a, s);
        Fp2.sqr(m, p + 8, b, s);
        Fp2.sqr(m, b, c, s);
        Fp2.add(m, p, b, d);
        Fp2.sqr(m, d, d, s);
        Fp2.sub(m, d, a, d);
        Fp2.sub(m, d, c, d);
        Fp2.dbl(m, d, d);
        Fp2.dbl(m, a, e);
        Fp2.add(m, e, a, e);
        Fp2.sqr(m, e, f, s);
        Fp2.dbl(m, d, z);
        Fp2.sub(m, f, z, z);
        Fp2.sub(m, d, z, d);
        Fp2.mul(m, e, d, z + 8, s);
        Fp2.dbl(m, c, c);
        Fp2.dbl(m, c, c);
        Fp2.dbl(m, c, c);
        Fp2.sub(m, z + 8, c, z + 8);
        Fp2.copy(m, z3, m, z + 16);
    }

    /** z = p + q for a Jacobian p and an affine q (madd-2007-bl, see {@link G1#addAffine}). Uses m[t, t + 112). */
    static void addAffine(long[] m, int p, int q, int z, int t) {
        if (isInfinity(m, p)) {
            fromAffine(m, q, z);
            return;
        }
        int z1z1 = t, u2 = t + 8, s2 = t + 16, h = t + 24, hh = t + 32, i = t + 40, j = t + 48, r = t + 56,
                v = t + 64, x3 = t + 72, y3 = t + 80, z3 = t + 88, s = t + 96;
        Fp2.sqr(m, p + 16, z1z1, s);
        Fp2.mul(m, q, z1z1, u2, s);
        Fp2.mul(m, q + 8, p + 16, s2, s);
        Fp2.mul(m, s2, z1z1, s2, s);
        Fp2.sub(m, u2, p, h);
        Fp2.sub(m, s2, p + 8, r);
        if (Fp2.isZero(m, h)) {
            if (Fp2.isZero(m, r)) {
                fromAffine(m, q, z);
                dbl(m, z, z, t);
            } else {
                setInfinity(m, z);
            }
            return;
        }
        Fp2.dbl(m, r, r);
        Fp2.sqr(m, h, hh, s);
        Fp2.dbl(m, hh, i);
        Fp2.dbl(m, i, i);
        Fp2.mul(m, h, i, j, s);
        Fp2.mul(m, p, i, v, s);
        Fp2.sqr(m, r, x3, s);
        Fp2.sub(m, x3, j, x3);
        Fp2.sub(m, x3, v, x3);
        Fp2.sub(m, x3, v, x3);
        Fp2.sub(m, v, x3, y3);
        Fp2.mul(m, y3, r, y3, s);
        Fp2.mul(m, p + 8, j, j, s);
        Fp2.dbl(m, j, j);
        Fp2.sub(m, y3, j, y3);
        Fp2.add(m, p + 16, h, z3);
        Fp2.sqr(m, z3, z3, s);
        Fp2.sub(m, z3, z1z1, z3);
        Fp2.sub(m, z3, hh, z3);
        Fp2.copy(m, x3, m, z);
        Fp2.copy(m, y3, m, z + 8);
        Fp2.copy(m, z3, m, z + 16);
    }

    /** z = -a for an affine a. */
    static void negAffine(long[] m, int a, int z) {
        Fp2.copy(m, a, m, z);
        Fp2.neg(m, a + 8, z + 8);
    }

    /** Writes the affine form of the Jacobian p to a; returns false (writing nothing) at infinity. Uses m[t, t + 40). */
    static boolean toAffine(long[] m, int p, int a, int t) {
        if (isInfinity(m, p)) {
            return false;
        }
        int zInv = t, zInv2 = t + 8, s = t + 16;
        Fp2.inv(m, p + 16, zInv, s);
        Fp2.sqr(m, zInv, zInv2, s);
        Fp2.mul(m, p, zInv2, a, s);
        Fp2.mul(m, zInv2, zInv, zInv2, s);
        Fp2.mul(m, p + 8, zInv2, a + 8, s);
        return true;
    }

    /** Whether the Jacobian p and the affine a are the same point (p not at infinity). Uses m[t, t + 40). */
    static boolean equalsAffine(long[] m, int p, int a, int t) {
        int zz = t, scaled = t + 8, s = t + 16;
        Fp2.sqr(m, p + 16, zz, s);
        Fp2.mul(m, a, zz, scaled, s);
        if (!Fp2.equal(m, scaled, m, p)) {
            return false;
        }
        Fp2.mul(m, zz, p + 16, zz, s);
        Fp2.mul(m, a + 8, zz, scaled, s);
        return Fp2.equal(m, scaled, m, p + 8);
    }

    /** z = ψ(a) = (conj(x)·ξ^((p-1)/3), conj(y)·ξ^((p-1)/2)) for an affine a: on G2 it is multiplication by p. */
    static void psi(long[] m, int a, int z, int t) {
        Fp2.conj(m, a, z);
        Fp2.mul(m, z, PSI_X, 0, z, t);
        Fp2.conj(m, a + 8, z + 8);
        Fp2.mul(m, z + 8, PSI_Y, 0, z + 8, t);
    }

    /** z = -ψ^2(a) = (x·ξ^((p^2-1)/3), y) for an affine a. */
    static void negPsi2(long[] m, int a, int z) {
        Fp2.mulByFp(m, a, PSI2_X, 0, z);
        Fp2.copy(m, a + 8, m, z + 8);
    }

    /** z = k·a for an affine a and k given in non-adjacent form (least significant digit first). Uses m[t, t + 16 + 112). */
    static void mul(long[] m, int a, int[] naf, int z, int t) {
        int negative = t, s = t + AFFINE_SIZE;
        negAffine(m, a, negative);
        setInfinity(m, z);
        for (int bit = naf.length - 1; bit >= 0; bit--) {
            dbl(m, z, z, s);
            if (naf[bit] != 0) {
                addAffine(m, z, naf[bit] > 0 ? a : negative, z, s);
            }
        }
    }

    /**
     * Whether an affine point of the twist lies in the order-r subgroup G2, by ψ(Q) = [6u^2]Q (p ≡ 6u^2 mod r is
     * the eigenvalue of ψ on G2; Scott, "A note on group membership tests for G1, G2 and GT on BLS
     * pairing-friendly curves", 2021, and El Housni, Guillevic, Piellard 2022 show the converse for BN curves).
     * Uses m[t, t + SCRATCH).
     */
    static boolean isInSubgroup(long[] m, int a, int t) {
        int product = t, image = t + SIZE, s = image + AFFINE_SIZE;
        mul(m, a, FROBENIUS_EIGENVALUE_NAF, product, s);
        if (isInfinity(m, product)) {
            return false;
        }
        psi(m, a, image, s);
        return equalsAffine(m, product, image, s);
    }
}
