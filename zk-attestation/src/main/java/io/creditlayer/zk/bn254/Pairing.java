package io.creditlayer.zk.bn254;

import java.util.List;

/**
 * The optimal ate pairing e: G1 × G2 → GT of BN254, and products of pairings with one shared final
 * exponentiation (the check Π e(P_i, Q_i) = 1 of EIP-197 and of Groth16).
 *
 * <p>A multi-Miller loop squares the accumulator once per step for all pairs and multiplies in each pair's line
 * (see {@link G2Prepared}); the final exponentiation f^((p^12 - 1)/r) then runs once. Its easy part
 * f^((p^6 - 1)(p^2 + 1)) uses one inversion and Frobenius maps; its hard part f^((p^4 - p^2 + 1)/r) follows
 * Scott, Benger, Charlemagne, Dominguez Perez and Kachisa ("On the final exponentiation for calculating pairings
 * on ordinary elliptic curves", 2009): three exponentiations by u with cyclotomic squarings and a vectorial
 * addition chain over the Frobenius images, for λ = λ0 + λ1·p + λ2·p^2 + p^3 with λ0 = -36u^3 - 30u^2 - 18u - 2,
 * λ1 = -36u^3 - 18u^2 - 12u + 1, λ2 = 6u^2 + 1.
 */
public final class Pairing {
    /** The workspace a check needs: accumulator, line, P, and the final exponentiation's twelve slots. */
    private static final int FINAL_EXPONENTIATION_SLOTS = 12;
    private static final int WORKSPACE = Fp12.SIZE + 3 * Fp2.SIZE
            + FINAL_EXPONENTIATION_SLOTS * Fp12.SIZE + Fp12.SCRATCH;

    private Pairing() {
    }

    /** e(P, Q). */
    public static Fp12Element pairing(G1Point p, G2Point q) {
        long[] m = new long[WORKSPACE + G1.AFFINE_SIZE];
        int f = 0, t = Fp12.SIZE;
        millerLoop(m, List.of(p), List.of(G2Prepared.of(q)), f, t);
        finalExponentiation(m, f, f, t);
        return new Fp12Element(m, f);
    }

    /** Whether Π e(P_i, Q_i) = 1 (true for no pairs, as EIP-197). One final exponentiation for all pairs. */
    public static boolean check(List<G1Point> ps, List<G2Point> qs) {
        if (ps.size() != qs.size()) {
            throw new IllegalArgumentException("as many G1 as G2 points expected");
        }
        return checkPrepared(ps, qs.stream().map(G2Prepared::of).toList());
    }

    /** Whether Π e(P_i, Q_i) = 1 for prepared Q_i (true for no pairs). */
    public static boolean checkPrepared(List<G1Point> ps, List<G2Prepared> qs) {
        if (ps.size() != qs.size()) {
            throw new IllegalArgumentException("as many G1 as G2 points expected");
        }
        long[] m = new long[WORKSPACE + ps.size() * G1.AFFINE_SIZE];
        int f = 0, t = Fp12.SIZE;
        millerLoop(m, ps, qs, f, t);
        finalExponentiation(m, f, f, t);
        return Fp12.isOne(m, f);
    }

    /** The product of the Miller loops f_{6u+2,Q_i}(P_i) with the Frobenius corrections, before exponentiation. */
    static Fp12Element millerLoop(List<G1Point> ps, List<G2Prepared> qs) {
        long[] m = new long[WORKSPACE + ps.size() * G1.AFFINE_SIZE];
        millerLoop(m, ps, qs, 0, Fp12.SIZE);
        return new Fp12Element(m, 0);
    }

    /** f^((p^12 - 1)/r). */
    static Fp12Element finalExponentiation(Fp12Element f) {
        long[] m = new long[WORKSPACE];
        f.writeTo(m, 0);
        finalExponentiation(m, 0, 0, Fp12.SIZE);
        return new Fp12Element(m, 0);
    }

    /**
     * Writes the multi-Miller loop's product to m[f]. Pairs with P or Q at infinity contribute 1 and are skipped.
     * The P coordinates are copied behind the workspace's fixed part, at m[t + WORKSPACE - Fp12.SIZE].
     */
    private static void millerLoop(long[] m, List<G1Point> ps, List<G2Prepared> qs, int f, int t) {
        int lineA = t, lineB = lineA + Fp2.SIZE, lineC = lineB + Fp2.SIZE, s = lineC + Fp2.SIZE;
        int pointsAt = m.length - ps.size() * G1.AFFINE_SIZE;
        int pairs = 0;
        long[][] lines = new long[ps.size()][];
        int[] points = new int[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            G1Point p = ps.get(i);
            G2Prepared q = qs.get(i);
            if (p.isInfinity() || q.isInfinity()) {
                continue;
            }
            points[pairs] = pointsAt + pairs * G1.AFFINE_SIZE;
            p.writeAffine(m, points[pairs]);
            lines[pairs] = q.lines();
            pairs++;
        }
        Fp12.setOne(m, f);
        if (pairs == 0) {
            return;
        }
        int[] naf = G2Prepared.LOOP_NAF;
        int line = 0;
        for (int i = naf.length - 2; i >= 0; i--) {
            if (i != naf.length - 2) {
                Fp12.sqr(m, f, f, s);
            }
            multiplyLines(m, f, lines, points, pairs, line++, lineA, s);
            if (naf[i] != 0) {
                multiplyLines(m, f, lines, points, pairs, line++, lineA, s);
            }
        }
        multiplyLines(m, f, lines, points, pairs, line++, lineA, s);
        multiplyLines(m, f, lines, points, pairs, line, lineA, s);
    }

    /** f *= Π_pairs (a·yP + b·xP·w + c·w^3) for the line number {@code line} of each pair. */
    private static void multiplyLines(long[] m, int f, long[][] lines, int[] points, int pairs, int line, int at,
                                      int s) {
        int a = at, b = at + Fp2.SIZE, c = b + Fp2.SIZE;
        int o = line * G2Prepared.LINE_SIZE;
        for (int k = 0; k < pairs; k++) {
            long[] coefficients = lines[k];
            int xp = points[k], yp = xp + Fp.SIZE;
            Fp.mul(coefficients, o, m, yp, m, a);
            Fp.mul(coefficients, o + 4, m, yp, m, a + 4);
            Fp.mul(coefficients, o + 8, m, xp, m, b);
            Fp.mul(coefficients, o + 12, m, xp, m, b + 4);
            System.arraycopy(coefficients, o + 16, m, c, Fp2.SIZE);
            Fp12.mulBy034(m, f, a, b, c, f, s);
        }
    }

    /** z = x^((p^12 - 1)/r). Uses m[t, t + 12·Fp12.SIZE + Fp12.SCRATCH). */
    private static void finalExponentiation(long[] m, int x, int z, int t) {
        int[] slot = new int[FINAL_EXPONENTIATION_SLOTS];
        for (int i = 0; i < slot.length; i++) {
            slot[i] = t + i * Fp12.SIZE;
        }
        int s = t + FINAL_EXPONENTIATION_SLOTS * Fp12.SIZE;
        int f = slot[0], y0 = slot[1], fu = slot[2], fu2 = slot[3], fu3 = slot[4], y3 = slot[5], y2 = slot[6],
                y1 = slot[7], y4 = slot[8], y6 = slot[9], t0 = slot[10], t1 = slot[11];

        // easy part: f = x^(p^6 - 1) = conj(x)/x, then f = f^(p^2 + 1); f is now in the cyclotomic subgroup
        Fp12.inv(m, x, f, s);
        Fp12.conj(m, x, y0);
        Fp12.mul(m, y0, f, f, s);
        Fp12.frobenius(m, f, 2, y0, s);
        Fp12.mul(m, f, y0, f, s);

        // y0 = f^p · f^(p^2) · f^(p^3)
        Fp12.frobenius(m, f, 1, y0, s);
        Fp12.frobenius(m, f, 2, y1, s);
        Fp12.mul(m, y0, y1, y0, s);
        Fp12.frobenius(m, f, 3, y1, s);
        Fp12.mul(m, y0, y1, y0, s);

        Fp12.cyclotomicExpByU(m, f, fu, s);
        Fp12.cyclotomicExpByU(m, fu, fu2, s);
        Fp12.cyclotomicExpByU(m, fu2, fu3, s);

        // y3 = 1/(f^u)^p, y2 = (f^(u^2))^(p^2), y1 = 1/f; inverses are conjugates in the cyclotomic subgroup
        Fp12.frobenius(m, fu, 1, y3, s);
        Fp12.conj(m, y3, y3);
        Fp12.frobenius(m, fu2, 2, y2, s);
        Fp12.conj(m, f, y1);
        // y4 = 1/(f^u · (f^(u^2))^p), y6 = 1/(f^(u^3) · (f^(u^3))^p), y5 = 1/f^(u^2) (in f's slot)
        Fp12.frobenius(m, fu2, 1, y4, s);
        Fp12.mul(m, y4, fu, y4, s);
        Fp12.conj(m, y4, y4);
        Fp12.frobenius(m, fu3, 1, y6, s);
        Fp12.mul(m, y6, fu3, y6, s);
        Fp12.conj(m, y6, y6);
        int y5 = f;
        Fp12.conj(m, fu2, y5);

        // f^λ = y0 · y1^2 · y2^6 · y3^12 · y4^18 · y5^30 · y6^36 by the addition chain of Scott et al.
        Fp12.cyclotomicSqr(m, y6, t0, s);
        Fp12.mul(m, t0, y4, t0, s);
        Fp12.mul(m, t0, y5, t0, s);
        Fp12.mul(m, y3, y5, t1, s);
        Fp12.mul(m, t1, t0, t1, s);
        Fp12.mul(m, t0, y2, t0, s);
        Fp12.cyclotomicSqr(m, t1, t1, s);
        Fp12.mul(m, t1, t0, t1, s);
        Fp12.cyclotomicSqr(m, t1, t1, s);
        Fp12.mul(m, t1, y1, t0, s);
        Fp12.mul(m, t1, y0, t1, s);
        Fp12.cyclotomicSqr(m, t0, t0, s);
        Fp12.mul(m, t0, t1, z, s);
    }
}
