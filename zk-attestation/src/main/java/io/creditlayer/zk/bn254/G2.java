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
    static final int SCRATCH = 4 * SIZE + AFFINE_SIZE + 14 * Fp2.SIZE + Fp2.MUL_SCRATCH;

    /** b' = 3/ξ, the twist's constant term (Montgomery form). */
    static final long[] TWIST_B;
    /** ξ^((p - 1)/3) and ξ^((p - 1)/2): the untwist-Frobenius-twist map ψ(x, y) = (conj(x)·ξ^((p-1)/3), conj(y)·ξ^((p-1)/2)). */
    static final long[] PSI_X, PSI_Y;
    /** ξ^((p^2 - 1)/3), in Fp: ψ^2(x, y) = (x·ξ^((p^2-1)/3), -y) since ξ^((p^2-1)/2) = -1 (ξ is not a square). */
    static final long[] PSI2_X;
    private static final int[] U_NAF = Bn254.naf(Bn254.U);

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
     * z = p + q for Jacobian points (add-2007-bl, see {@link G1#add}). Uses m[t, t + 112).
     */
    static void add(long[] m, int p, int q, int z, int t) {
        if (isInfinity(m, p)) {
            System.arraycopy(m, q, m, z, SIZE);
            return;
        }
        if (isInfinity(m, q)) {
            System.arraycopy(m, p, m, z, SIZE);
            return;
        }
        int z1z1 = t, z2z2 = t + 8, u1 = t + 16, u2 = t + 24, s1 = t + 32, s2 = t + 40, h = t + 48, i = t + 56,
                j = t + 64, r = t + 72, v = t + 80, x3 = t + 88, s = t + 96;
        Fp2.sqr(m, p + 16, z1z1, s);
        Fp2.sqr(m, q + 16, z2z2, s);
        Fp2.mul(m, p, z2z2, u1, s);
        Fp2.mul(m, q, z1z1, u2, s);
        Fp2.mul(m, p + 8, q + 16, s1, s);
        Fp2.mul(m, s1, z2z2, s1, s);
        Fp2.mul(m, q + 8, p + 16, s2, s);
        Fp2.mul(m, s2, z1z1, s2, s);
        Fp2.sub(m, u2, u1, h);
        Fp2.sub(m, s2, s1, r);
        if (Fp2.isZero(m, h)) {
            if (Fp2.isZero(m, r)) {
                dbl(m, p, z, t);
            } else {
                setInfinity(m, z);
            }
            return;
        }
        Fp2.dbl(m, r, r);
        Fp2.dbl(m, h, i);
        Fp2.sqr(m, i, i, s);
        Fp2.mul(m, h, i, j, s);
        Fp2.mul(m, u1, i, v, s);
        // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2)·H, before z may overwrite the inputs
        Fp2.add(m, p + 16, q + 16, i);
        Fp2.sqr(m, i, i, s);
        Fp2.sub(m, i, z1z1, i);
        Fp2.sub(m, i, z2z2, i);
        Fp2.mul(m, i, h, z + 16, s);
        // X3 = r^2 - J - 2V
        Fp2.sqr(m, r, x3, s);
        Fp2.sub(m, x3, j, x3);
        Fp2.sub(m, x3, v, x3);
        Fp2.sub(m, x3, v, x3);
        // Y3 = r(V - X3) - 2·S1·J
        Fp2.sub(m, v, x3, v);
        Fp2.mul(m, v, r, v, s);
        Fp2.mul(m, s1, j, j, s);
        Fp2.dbl(m, j, j);
        Fp2.sub(m, v, j, z + 8);
        Fp2.copy(m, x3, m, z);
    }

    /**
     * z = ψ(p) for a Jacobian p: ψ is x ↦ conj(x)·ξ^((p-1)/3), y ↦ conj(y)·ξ^((p-1)/2), and conjugation is a field
     * automorphism, so (X : Y : Z) ↦ (conj(X)·ξ^((p-1)/3) : conj(Y)·ξ^((p-1)/2) : conj(Z)). Uses m[t, t + 16).
     */
    static void psiJacobian(long[] m, int p, int z, int t) {
        Fp2.conj(m, p, z);
        Fp2.mul(m, z, PSI_X, 0, z, t);
        Fp2.conj(m, p + 8, z + 8);
        Fp2.mul(m, z + 8, PSI_Y, 0, z + 8, t);
        Fp2.conj(m, p + 16, z + 16);
    }

    /** z = ψ^2(p) = (X·ξ^((p^2-1)/3) : -Y : Z) for a Jacobian p (the factor is in Fp). */
    static void psi2Jacobian(long[] m, int p, int z) {
        Fp2.mulByFp(m, p, PSI2_X, 0, z);
        Fp2.neg(m, p + 8, z + 8);
        Fp2.copy(m, p + 16, m, z + 16);
    }

    /** Whether two Jacobian points are equal (either may be at infinity). Uses m[t, t + 48). */
    static boolean equalJacobian(long[] m, int p, int q, int t) {
        boolean pInfinity = isInfinity(m, p), qInfinity = isInfinity(m, q);
        if (pInfinity || qInfinity) {
            return pInfinity && qInfinity;
        }
        int z1z1 = t, z2z2 = t + 8, left = t + 16, right = t + 24, s = t + 32;
        Fp2.sqr(m, p + 16, z1z1, s);
        Fp2.sqr(m, q + 16, z2z2, s);
        Fp2.mul(m, p, z2z2, left, s);
        Fp2.mul(m, q, z1z1, right, s);
        if (!Fp2.equal(m, left, m, right)) {
            return false;
        }
        Fp2.mul(m, z1z1, p + 16, z1z1, s);
        Fp2.mul(m, z2z2, q + 16, z2z2, s);
        Fp2.mul(m, p + 8, z2z2, left, s);
        Fp2.mul(m, q + 8, z1z1, right, s);
        return Fp2.equal(m, left, m, right);
    }

    /**
     * Whether an affine point Q of the twist lies in the order-r subgroup G2, by
     * [u + 1]Q + ψ([u]Q) + ψ^2([u]Q) = ψ^3([2u]Q) (El Housni, Guillevic and Piellard, "Co-factor clearing and
     * subgroup membership testing on pairing-friendly curves", 2022, §5.1 for BN curves): one 63-bit scalar
     * multiplication instead of the 127-bit [6u^2]Q of the test ψ(Q) = [6u^2]Q.
     *
     * <p>Why it decides membership exactly: ψ is an endomorphism of E'(Fp2) with ψ^2 - tψ + p = 0 (t = 6u^2 + 1).
     * The test asks α(Q) = O for α = (u + 1) + uψ + uψ^2 - 2uψ^3, which reduces to a + bψ with
     * a = u + 1 - up + 2utp, b = u + ut - 2ut^2 + 2up. On G2, ψ is multiplication by p mod r = 6u^2, and
     * (u + 1) + u·6u^2 + u(6u^2)^2 - 2u(6u^2)^3 ≡ 0 (mod r): every point of G2 passes. Conversely, #E'(Fp2) =
     * r·h with h = 2p - r and gcd(r, h) = 1, so Q = Q_r + Q_h with Q_h of order dividing h; α(Q) = O gives
     * α(Q_h) = O, hence N(α)·Q_h = ᾱ(α(Q_h)) = O with the norm N(α) = a^2 + abt + b^2p, and gcd(N(α), h) = 1
     * forces Q_h = O. Both congruences and the gcd are checked by the tests (G2MembershipTest). Uses
     * m[t, t + SCRATCH).
     */
    static boolean isInSubgroup(long[] m, int a, int t) {
        int uq = t, left = t + SIZE, images = t + 2 * SIZE, right = t + 3 * SIZE, s = t + 4 * SIZE;
        mul(m, a, U_NAF, uq, s);
        // left = [u + 1]Q + ψ([u]Q) + ψ^2([u]Q)
        addAffine(m, uq, a, left, s);
        psiJacobian(m, uq, images, s);
        add(m, left, images, left, s);
        psi2Jacobian(m, uq, images);
        add(m, left, images, left, s);
        // right = ψ^3([2u]Q) = ψ(ψ^2([2u]Q))
        dbl(m, uq, right, s);
        psi2Jacobian(m, right, images);
        psiJacobian(m, images, right, s);
        return equalJacobian(m, left, right, s);
    }
}
