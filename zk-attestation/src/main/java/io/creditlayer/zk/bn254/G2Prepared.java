package io.creditlayer.zk.bn254;

/**
 * A G2 point with the lines of its optimal ate Miller loop precomputed: everything in the loop that depends on Q
 * alone. A verification key's fixed G2 points are prepared once; a proof's B is prepared per verification (the
 * same work as computing the lines on the fly).
 *
 * <p>The loop runs over 6u + 2 in non-adjacent form from the top digit, doubling T = Q each step and adding ±Q
 * on non-zero digits, then adds π(Q) and -π^2(Q) (the Frobenius corrections of the optimal ate pairing). T is kept
 * in homogeneous projective coordinates (x = X/Z, y = Y/Z) on the twist.
 *
 * <p>Each line through ψ(T) (and ψ(Q)), with ψ(x, y) = (x·w^2, y·w^3) the untwisting, evaluated at P = (xP, yP)
 * and scaled by an Fp2 factor (which the final exponentiation removes) reads a·yP + b·xP·w + c·w^3; the triple
 * (a, b, c) of Fp2 elements is what is stored:
 * <ul>
 *   <li>tangent at T: a = -2YZ, b = 3X^2, c = 3b'Z^2 - Y^2 (from slope 3x^2/2y and Y^2Z = X^3 + b'Z^3);</li>
 *   <li>chord through T and affine (x2, y2): with θ = Y - y2·Z, λ = X - x2·Z: a = λ, b = -θ, c = θ·x2 - λ·y2.</li>
 * </ul>
 * The point formulas are those of Costello, Lange and Naehrig (PKC 2010) as used by Aranha et al.
 * (EUROCRYPT 2011) for D-type twists.
 */
public final class G2Prepared {
    /** 6u + 2 in non-adjacent form, least significant digit first. */
    static final int[] LOOP_NAF = Bn254.naf(Bn254.ATE_LOOP_COUNT);
    /** Longs per line: a, b, c. */
    static final int LINE_SIZE = 3 * Fp2.SIZE;
    /** Lines per loop: one per doubling, one per non-zero digit below the top, two Frobenius corrections. */
    static final int LINES;

    /** 3b' in Fp2. */
    private static final long[] THREE_B = new long[Fp2.SIZE];

    static {
        int lines = LOOP_NAF.length - 1 + 2;
        for (int i = 0; i < LOOP_NAF.length - 1; i++) {
            if (LOOP_NAF[i] != 0) {
                lines++;
            }
        }
        LINES = lines;
        long[] m = new long[Fp2.SIZE];
        Fp2.copy(G2.TWIST_B, 0, m, 0);
        Fp2.dbl(m, 0, 0);
        Fp.add(m, 0, G2.TWIST_B, 0, m, 0);
        Fp.add(m, 4, G2.TWIST_B, 4, m, 4);
        Fp2.copy(m, 0, THREE_B, 0);
    }

    private static final G2Prepared AT_INFINITY = new G2Prepared(null, false);

    /** The lines, LINE_SIZE longs each, in loop order; null for the point at infinity (whose pairings are 1). */
    private final long[] lines;
    /** Whether every line is scaled to a = 1 (see {@link #normalized()}). */
    private final boolean normalized;

    private G2Prepared(long[] lines, boolean normalized) {
        this.lines = lines;
        this.normalized = normalized;
    }

    public static G2Prepared of(G2Point q) {
        if (q.isInfinity()) {
            return AT_INFINITY;
        }
        long[] lines = new long[LINES * LINE_SIZE];
        // workspace: T (homogeneous), Q, -Q, π(Q), -π^2(Q), then scratch
        int tPoint = 0, qPoint = G2.SIZE, negQ = qPoint + G2.AFFINE_SIZE, q1 = negQ + G2.AFFINE_SIZE,
                q2 = q1 + G2.AFFINE_SIZE, t = q2 + G2.AFFINE_SIZE;
        long[] m = new long[t + 160];
        q.writeAffine(m, qPoint);
        G2.fromAffine(m, qPoint, tPoint);
        G2.negAffine(m, qPoint, negQ);
        G2.psi(m, qPoint, q1, t);
        G2.negPsi2(m, qPoint, q2);

        int line = 0;
        for (int i = LOOP_NAF.length - 2; i >= 0; i--) {
            doublingStep(m, tPoint, lines, line++ * LINE_SIZE, t);
            if (LOOP_NAF[i] != 0) {
                additionStep(m, tPoint, LOOP_NAF[i] > 0 ? qPoint : negQ, lines, line++ * LINE_SIZE, t);
            }
        }
        additionStep(m, tPoint, q1, lines, line++ * LINE_SIZE, t);
        additionStep(m, tPoint, q2, lines, line * LINE_SIZE, t);
        return new G2Prepared(lines, false);
    }

    /**
     * The same point with every line divided by its a coefficient: (1, b/a, c/a). A line only matters up to a
     * factor in Fp2 (the final exponentiation maps Fp2* to 1, as (p^12 - 1)/r is a multiple of p^2 - 1), so the
     * pairing is unchanged; the Miller loop then evaluates the line at P as 1 + (b/a)(xP/yP)·w + (c/a)(1/yP)·w^3
     * (the line times 1/(a·yP)) and multiplies it in by {@link Fp12#mulBy1034}, three Fp2 products fewer per line.
     * Worth it for a verification key's fixed points, whose lines serve many proofs: one batched Fp2 inversion
     * (Montgomery's trick) for all lines. a is never 0 for a point of G2 (-2YZ with Y, Z non-zero, or X - x2·Z
     * with T ≠ ±Q); should it be, the lines are returned unscaled.
     */
    public G2Prepared normalized() {
        if (lines == null || normalized) {
            return this;
        }
        int count = LINES;
        long[] scaled = lines.clone();
        // prefix[i] = a_0·…·a_i, then one inversion
        long[] prefix = new long[count * Fp2.SIZE];
        int inverse = 0, factor = Fp2.SIZE, s = 2 * Fp2.SIZE;
        long[] m = new long[s + Fp2.MUL_SCRATCH + 16];
        Fp2.copy(lines, 0, prefix, 0);
        for (int i = 1; i < count; i++) {
            Fp2.copy(prefix, (i - 1) * Fp2.SIZE, m, inverse);
            Fp2.copy(lines, i * LINE_SIZE, m, factor);
            Fp2.mul(m, inverse, factor, inverse, s);
            Fp2.copy(m, inverse, prefix, i * Fp2.SIZE);
        }
        Fp2.copy(prefix, (count - 1) * Fp2.SIZE, m, inverse);
        if (Fp2.isZero(m, inverse)) {
            return this;
        }
        Fp2.inv(m, inverse, inverse, s);
        int aInv = s + Fp2.MUL_SCRATCH, coefficient = aInv + Fp2.SIZE;
        long[] w = new long[coefficient + Fp2.SIZE + Fp2.MUL_SCRATCH];
        System.arraycopy(m, 0, w, 0, s);
        int scratch = coefficient + Fp2.SIZE;
        for (int i = count - 1; i >= 0; i--) {
            int o = i * LINE_SIZE;
            // aInv = (a_0…a_i)^-1 · a_0…a_(i-1); then inverse becomes (a_0…a_(i-1))^-1
            if (i > 0) {
                Fp2.copy(prefix, (i - 1) * Fp2.SIZE, w, factor);
                Fp2.mul(w, inverse, factor, aInv, scratch);
                Fp2.copy(lines, o, w, factor);
                Fp2.mul(w, inverse, factor, inverse, scratch);
            } else {
                Fp2.copy(w, inverse, w, aInv);
            }
            Fp2.setOne(scaled, o);
            for (int k = 1; k <= 2; k++) {
                Fp2.copy(lines, o + k * Fp2.SIZE, w, coefficient);
                Fp2.mul(w, coefficient, aInv, coefficient, scratch);
                Fp2.copy(w, coefficient, scaled, o + k * Fp2.SIZE);
            }
        }
        return new G2Prepared(scaled, true);
    }

    boolean isNormalized() {
        return normalized;
    }

    boolean isInfinity() {
        return lines == null;
    }

    long[] lines() {
        return lines;
    }

    /**
     * T = 2T and the tangent's (a, b, c): A = XY/2, B = Y^2, C = Z^2, E = 3b'C, F = 3E, G = (B + F)/2,
     * H = (Y + Z)^2 - (B + C); X3 = A(B - F), Y3 = G^2 - 3E^2, Z3 = BH; a = -H, b = 3X^2, c = E - B.
     * Uses m[t, t + 96).
     */
    private static void doublingStep(long[] m, int p, long[] out, int o, int t) {
        int a = t, b = t + 8, c = t + 16, e = t + 24, f = t + 32, g = t + 40, h = t + 48, xx = t + 56, s = t + 64;
        int x = p, y = p + 8, z = p + 16;
        Fp2.mul(m, x, y, a, s);
        Fp2.half(m, a, a);
        Fp2.sqr(m, y, b, s);
        Fp2.sqr(m, z, c, s);
        Fp2.mul(m, c, THREE_B, 0, e, s);
        Fp2.dbl(m, e, f);
        Fp2.add(m, f, e, f);
        Fp2.add(m, b, f, g);
        Fp2.half(m, g, g);
        Fp2.add(m, y, z, h);
        Fp2.sqr(m, h, h, s);
        Fp2.sub(m, h, b, h);
        Fp2.sub(m, h, c, h);
        Fp2.sqr(m, x, xx, s);

        // line: a = -H, b = 3X^2, c = E - B
        Fp2.neg(m, h, s);
        Fp2.copy(m, s, out, o);
        Fp2.dbl(m, xx, s);
        Fp2.add(m, s, xx, s);
        Fp2.copy(m, s, out, o + 8);
        Fp2.sub(m, e, b, s);
        Fp2.copy(m, s, out, o + 16);

        // X3 = A(B - F), Y3 = G^2 - 3E^2, Z3 = BH
        Fp2.sub(m, b, f, x);
        Fp2.mul(m, x, a, x, s);
        Fp2.sqr(m, e, e, s);
        Fp2.dbl(m, e, c);
        Fp2.add(m, c, e, e);
        Fp2.sqr(m, g, y, s);
        Fp2.sub(m, y, e, y);
        Fp2.mul(m, b, h, z, s);
    }

    /**
     * T = T + Q for an affine Q = (x2, y2), and the chord's (a, b, c): θ = Y - y2·Z, λ = X - x2·Z, C = θ^2,
     * D = λ^2, E = λ^3, F = Z·C, G = X·D, H = E + F - 2G; X3 = λH, Y3 = θ(G - H) - Y·E, Z3 = Z·E;
     * a = λ, b = -θ, c = θ·x2 - λ·y2. Uses m[t, t + 96).
     */
    private static void additionStep(long[] m, int p, int q, long[] out, int o, int t) {
        int theta = t, lambda = t + 8, cc = t + 16, d = t + 24, e = t + 32, f = t + 40, g = t + 48, h = t + 56,
                u = t + 64, s = t + 72;
        int x = p, y = p + 8, z = p + 16;
        Fp2.mul(m, q + 8, z, theta, s);
        Fp2.sub(m, y, theta, theta);
        Fp2.mul(m, q, z, lambda, s);
        Fp2.sub(m, x, lambda, lambda);

        // line: a = λ, b = -θ, c = θ·x2 - λ·y2
        Fp2.copy(m, lambda, out, o);
        Fp2.neg(m, theta, u);
        Fp2.copy(m, u, out, o + 8);
        Fp2.mul(m, theta, q, u, s);
        Fp2.mul(m, lambda, q + 8, cc, s);
        Fp2.sub(m, u, cc, u);
        Fp2.copy(m, u, out, o + 16);

        Fp2.sqr(m, theta, cc, s);
        Fp2.sqr(m, lambda, d, s);
        Fp2.mul(m, lambda, d, e, s);
        Fp2.mul(m, z, cc, f, s);
        Fp2.mul(m, x, d, g, s);
        Fp2.add(m, e, f, h);
        Fp2.sub(m, h, g, h);
        Fp2.sub(m, h, g, h);
        // X3 = λH; Y3 = θ(G - H) - Y·E; Z3 = Z·E
        Fp2.mul(m, lambda, h, x, s);
        Fp2.sub(m, g, h, g);
        Fp2.mul(m, theta, g, g, s);
        Fp2.mul(m, y, e, u, s);
        Fp2.sub(m, g, u, y);
        Fp2.mul(m, z, e, z, s);
    }
}
