package io.creditlayer.zk.bn254;

/**
 * Static, allocation-free arithmetic on G1: y^2 = x^3 + 3 over Fp, on a workspace array (conventions of
 * {@link Fp2}). A Jacobian point (X, Y, Z), meaning (X/Z^2, Y/Z^3), occupies {@link #SIZE} longs, Z = 0 being the
 * point at infinity; an affine point (x, y) occupies {@link #AFFINE_SIZE} longs. Outputs may overlap inputs.
 */
final class G1 {
    static final int SIZE = 3 * Fp.SIZE;
    static final int AFFINE_SIZE = 2 * Fp.SIZE;
    /** Scratch longs any function here needs at most. */
    static final int SCRATCH = 12 * Fp.SIZE + SIZE;

    /** b = 3 in Montgomery form. */
    private static final long[] B = new long[Fp.SIZE];

    static {
        Fp.fromBigInteger(java.math.BigInteger.valueOf(3), B, 0);
    }

    private G1() {
    }

    static boolean isInfinity(long[] m, int p) {
        return Fp.isZero(m, p + 8);
    }

    static void setInfinity(long[] m, int z) {
        Fp.setOne(m, z);
        Fp.setOne(m, z + 4);
        Fp.setZero(m, z + 8);
    }

    /** z = (x, y, 1) from an affine point. */
    static void fromAffine(long[] m, int a, int z) {
        Fp.copy(m, a, m, z);
        Fp.copy(m, a + 4, m, z + 4);
        Fp.setOne(m, z + 8);
    }

    /** Whether the affine (x, y) satisfies y^2 = x^3 + 3. Uses m[t, t + 8). */
    static boolean isOnCurve(long[] m, int a, int t) {
        int lhs = t, rhs = t + 4;
        Fp.sqr(m, a + 4, m, lhs);
        Fp.sqr(m, a, m, rhs);
        Fp.mul(m, rhs, m, a, m, rhs);
        Fp.add(m, rhs, B, 0, m, rhs);
        return Fp.equal(m, lhs, m, rhs);
    }

    /**
     * z = 2p ("dbl-2009-l" for a = 0): A = X^2, B = Y^2, C = B^2, D = 2((X + B)^2 - A - C), E = 3A, F = E^2,
     * X3 = F - 2D, Y3 = E(D - X3) - 8C, Z3 = 2YZ. Infinity stays infinity (Z3 = 0). Uses m[t, t + 28).
     */
    static void dbl(long[] m, int p, int z, int t) {
        int a = t, b = t + 4, c = t + 8, d = t + 12, e = t + 16, f = t + 20, z3 = t + 24;
        Fp.mul(m, p + 4, m, p + 8, m, z3);
        Fp.dbl(m, z3, m, z3);
        Fp.sqr(m, p, m, a);
        Fp.sqr(m, p + 4, m, b);
        Fp.sqr(m, b, m, c);
        Fp.add(m, p, m, b, m, d);
        Fp.sqr(m, d, m, d);
        Fp.sub(m, d, m, a, m, d);
        Fp.sub(m, d, m, c, m, d);
        Fp.dbl(m, d, m, d);
        Fp.dbl(m, a, m, e);
        Fp.add(m, e, m, a, m, e);
        Fp.sqr(m, e, m, f);
        // X3 = F - 2D
        Fp.dbl(m, d, m, z);
        Fp.sub(m, f, m, z, m, z);
        // Y3 = E(D - X3) - 8C
        Fp.sub(m, d, m, z, m, d);
        Fp.mul(m, e, m, d, m, z + 4);
        Fp.dbl(m, c, m, c);
        Fp.dbl(m, c, m, c);
        Fp.dbl(m, c, m, c);
        Fp.sub(m, z + 4, m, c, m, z + 4);
        Fp.copy(m, z3, m, z + 8);
    }

    /**
     * z = p + q for a Jacobian p and an affine q ("madd-2007-bl"): Z1Z1 = Z1^2, U2 = x2·Z1Z1, S2 = y2·Z1·Z1Z1,
     * H = U2 - X1, I = 4H^2, J = H·I, r = 2(S2 - Y1), V = X1·I, X3 = r^2 - J - 2V, Y3 = r(V - X3) - 2Y1·J,
     * Z3 = (Z1 + H)^2 - Z1Z1 - H^2. H = 0 means p = ±q: then a doubling or infinity. Uses m[t, t + SCRATCH).
     */
    static void addAffine(long[] m, int p, int q, int z, int t) {
        if (isInfinity(m, p)) {
            fromAffine(m, q, z);
            return;
        }
        int z1z1 = t, u2 = t + 4, s2 = t + 8, h = t + 12, hh = t + 16, i = t + 20, j = t + 24, r = t + 28,
                v = t + 32, x3 = t + 36, y3 = t + 40, z3 = t + 44;
        Fp.sqr(m, p + 8, m, z1z1);
        Fp.mul(m, q, m, z1z1, m, u2);
        Fp.mul(m, q + 4, m, p + 8, m, s2);
        Fp.mul(m, s2, m, z1z1, m, s2);
        Fp.sub(m, u2, m, p, m, h);
        Fp.sub(m, s2, m, p + 4, m, r);
        if (Fp.isZero(m, h)) {
            if (Fp.isZero(m, r)) {
                fromAffine(m, q, z);
                dbl(m, z, z, t);
            } else {
                setInfinity(m, z);
            }
            return;
        }
        Fp.dbl(m, r, m, r);
        Fp.sqr(m, h, m, hh);
        Fp.dbl(m, hh, m, i);
        Fp.dbl(m, i, m, i);
        Fp.mul(m, h, m, i, m, j);
        Fp.mul(m, p, m, i, m, v);
        // X3 = r^2 - J - 2V
        Fp.sqr(m, r, m, x3);
        Fp.sub(m, x3, m, j, m, x3);
        Fp.sub(m, x3, m, v, m, x3);
        Fp.sub(m, x3, m, v, m, x3);
        // Y3 = r(V - X3) - 2·Y1·J
        Fp.sub(m, v, m, x3, m, y3);
        Fp.mul(m, y3, m, r, m, y3);
        Fp.mul(m, p + 4, m, j, m, j);
        Fp.dbl(m, j, m, j);
        Fp.sub(m, y3, m, j, m, y3);
        // Z3 = (Z1 + H)^2 - Z1Z1 - HH
        Fp.add(m, p + 8, m, h, m, z3);
        Fp.sqr(m, z3, m, z3);
        Fp.sub(m, z3, m, z1z1, m, z3);
        Fp.sub(m, z3, m, hh, m, z3);
        Fp.copy(m, x3, m, z);
        Fp.copy(m, y3, m, z + 4);
        Fp.copy(m, z3, m, z + 8);
    }

    /**
     * z = p + q for Jacobian points ("add-2007-bl"): U1 = X1·Z2^2, U2 = X2·Z1^2, S1 = Y1·Z2^3, S2 = Y2·Z1^3,
     * H = U2 - U1, I = (2H)^2, J = H·I, r = 2(S2 - S1), V = U1·I, X3 = r^2 - J - 2V, Y3 = r(V - X3) - 2S1·J,
     * Z3 = ((Z1 + Z2)^2 - Z1^2 - Z2^2)·H. Uses m[t, t + SCRATCH).
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
        int z1z1 = t, z2z2 = t + 4, u1 = t + 8, u2 = t + 12, s1 = t + 16, s2 = t + 20, h = t + 24, i = t + 28,
                j = t + 32, r = t + 36, v = t + 40, x3 = t + 44;
        Fp.sqr(m, p + 8, m, z1z1);
        Fp.sqr(m, q + 8, m, z2z2);
        Fp.mul(m, p, m, z2z2, m, u1);
        Fp.mul(m, q, m, z1z1, m, u2);
        Fp.mul(m, p + 4, m, q + 8, m, s1);
        Fp.mul(m, s1, m, z2z2, m, s1);
        Fp.mul(m, q + 4, m, p + 8, m, s2);
        Fp.mul(m, s2, m, z1z1, m, s2);
        Fp.sub(m, u2, m, u1, m, h);
        Fp.sub(m, s2, m, s1, m, r);
        if (Fp.isZero(m, h)) {
            if (Fp.isZero(m, r)) {
                dbl(m, p, z, t);
            } else {
                setInfinity(m, z);
            }
            return;
        }
        Fp.dbl(m, r, m, r);
        Fp.dbl(m, h, m, i);
        Fp.sqr(m, i, m, i);
        Fp.mul(m, h, m, i, m, j);
        Fp.mul(m, u1, m, i, m, v);
        // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2)·H, before z may overwrite the inputs
        Fp.add(m, p + 8, m, q + 8, m, i);
        Fp.sqr(m, i, m, i);
        Fp.sub(m, i, m, z1z1, m, i);
        Fp.sub(m, i, m, z2z2, m, i);
        Fp.mul(m, i, m, h, m, z + 8);
        // X3 = r^2 - J - 2V
        Fp.sqr(m, r, m, x3);
        Fp.sub(m, x3, m, j, m, x3);
        Fp.sub(m, x3, m, v, m, x3);
        Fp.sub(m, x3, m, v, m, x3);
        // Y3 = r(V - X3) - 2·S1·J
        Fp.sub(m, v, m, x3, m, v);
        Fp.mul(m, v, m, r, m, v);
        Fp.mul(m, s1, m, j, m, j);
        Fp.dbl(m, j, m, j);
        Fp.sub(m, v, m, j, m, z + 4);
        Fp.copy(m, x3, m, z);
    }

    /** z = -p (Jacobian or affine: the y coordinate is negated in both). */
    static void neg(long[] m, int p, int z, boolean jacobian) {
        Fp.copy(m, p, m, z);
        Fp.neg(m, p + 4, m, z + 4);
        if (jacobian) {
            Fp.copy(m, p + 8, m, z + 8);
        }
    }

    /** Writes the affine form of the Jacobian p to a; returns false (writing nothing) at infinity. Uses m[t, t + 12). */
    static boolean toAffine(long[] m, int p, int a, int t) {
        if (isInfinity(m, p)) {
            return false;
        }
        int zInv = t, zInv2 = t + 4;
        Fp.inv(m, p + 8, m, zInv, m, t + 8);
        Fp.sqr(m, zInv, m, zInv2);
        Fp.mul(m, p, m, zInv2, m, a);
        Fp.mul(m, zInv2, m, zInv, m, zInv2);
        Fp.mul(m, p + 4, m, zInv2, m, a + 4);
        return true;
    }

    /**
     * z = Σ k_i·q_i for affine points q_i at offsets {@code points[i]} and scalars given in non-adjacent form
     * (least significant digit first), by Straus's interleaving: the doublings are shared, each non-zero digit
     * adds ±q_i. The negated points live at {@code negatives[i]}. Uses m[t, t + SCRATCH).
     */
    static void multiScalarMul(long[] m, int[] points, int[] negatives, int[][] nafs, int z, int t) {
        int longest = 0;
        for (int i = 0; i < points.length; i++) {
            neg(m, points[i], negatives[i], false);
            longest = Math.max(longest, nafs[i].length);
        }
        setInfinity(m, z);
        for (int bit = longest - 1; bit >= 0; bit--) {
            dbl(m, z, z, t);
            for (int i = 0; i < points.length; i++) {
                int[] naf = nafs[i];
                if (bit < naf.length && naf[bit] != 0) {
                    addAffine(m, z, naf[bit] > 0 ? points[i] : negatives[i], z, t);
                }
            }
        }
    }
}
