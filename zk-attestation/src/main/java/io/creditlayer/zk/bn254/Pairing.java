package io.creditlayer.zk.bn254;

import java.util.List;

/**
 * The optimal ate pairing e: G1 × G2 → GT of BN254, and products of pairings with one shared final
 * exponentiation (the check Π e(P_i, Q_i) = 1 of EIP-197 and of Groth16).
 *
 * <p>A multi-Miller loop squares the accumulator once per step for all pairs and multiplies in each pair's line
 * (see {@link G2Prepared}); the final exponentiation then runs once. Its easy part f^((p^6 - 1)(p^2 + 1)) uses one
 * inversion and Frobenius maps. Its hard part follows Fuentes-Castañeda, Knapp and Rodríguez-Henríquez ("Faster
 * hashing to G2", SAC 2011): it raises to m·(p^4 - p^2 + 1)/r with m = 2u(6u^2 + 3u + 1), a multiple that is
 * cheaper to reach, written in base p as λ0 + λ1·p + λ2·p^2 + λ3·p^3 with λ0 = 12u^3 + 12u^2 + 6u + 1,
 * λ1 = 12u^3 + 6u^2 + 4u, λ2 = 12u^3 + 6u^2 + 6u, λ3 = 12u^3 + 6u^2 + 4u - 1: three exponentiations by u with
 * cyclotomic squarings, then Frobenius maps. m is below r and so coprime to it: the result is still a
 * non-degenerate bilinear pairing, and it is the value snarkjs, ffjavascript and libff compute (so
 * verification_key.json's vk_alphabeta_12 equals e(α, β) here).
 */
public final class Pairing {
    /** The workspace a check needs: accumulator, line, and the final exponentiation's slots (P comes behind). */
    private static final int FINAL_EXPONENTIATION_SLOTS = 8;
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
        return checkPrepared(ps, qs, Fp12Element.ONE);
    }

    /**
     * Whether Π e(P_i, Q_i) · e(fixed pairs) = 1, where {@code fixedMillerProduct} is {@link #millerLoop} of pairs
     * that never change (a verification key's e(α, β)): their Miller loop runs once, and the final exponentiation
     * is still shared by all pairs.
     */
    public static boolean checkPrepared(List<G1Point> ps, List<G2Prepared> qs, Fp12Element fixedMillerProduct) {
        if (ps.size() != qs.size()) {
            throw new IllegalArgumentException("as many G1 as G2 points expected");
        }
        long[] m = new long[WORKSPACE + Fp12.SIZE + ps.size() * G1.AFFINE_SIZE];
        int fixed = 0, f = Fp12.SIZE, t = 2 * Fp12.SIZE;
        fixedMillerProduct.writeTo(m, fixed);
        millerLoop(m, ps, qs, f, t);
        if (!fixedMillerProduct.isOne()) {
            Fp12.mul(m, f, fixed, f, t);
        }
        finalExponentiation(m, f, f, t);
        return Fp12.isOne(m, f);
    }

    /**
     * Whether f^((p^12 - 1)/r) = 1 for a product f of Miller loop values ({@link #millerLoop}): the end of a check
     * whose Miller loops ran separately (on several threads, say), with one final exponentiation for all of them.
     */
    public static boolean finalExponentiationIsOne(Fp12Element millerProduct) {
        long[] m = new long[WORKSPACE];
        millerProduct.writeTo(m, 0);
        finalExponentiation(m, 0, 0, Fp12.SIZE);
        return Fp12.isOne(m, 0);
    }

    /**
     * The product of the Miller loops f_{6u+2,Q_i}(P_i) with the Frobenius corrections, before the final
     * exponentiation: not a pairing value by itself (it depends on the lines' scaling), only a factor for
     * {@link #checkPrepared(List, List, Fp12Element)}.
     */
    public static Fp12Element millerLoop(List<G1Point> ps, List<G2Prepared> qs) {
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
        boolean[] normalized = new boolean[ps.size()];
        int normalizedPairs = 0;
        for (int i = 0; i < ps.size(); i++) {
            G1Point p = ps.get(i);
            G2Prepared q = qs.get(i);
            if (p.isInfinity() || q.isInfinity()) {
                continue;
            }
            points[pairs] = pointsAt + pairs * G1.AFFINE_SIZE;
            p.writeAffine(m, points[pairs]);
            lines[pairs] = q.lines();
            normalized[pairs] = q.isNormalized();
            if (normalized[pairs]) {
                normalizedPairs++;
            }
            pairs++;
        }
        Fp12.setOne(m, f);
        if (pairs == 0) {
            return;
        }
        if (normalizedPairs > 0) {
            scalePoints(m, points, normalized, pairs, s);
        }
        int[] naf = G2Prepared.LOOP_NAF;
        int line = 0;
        for (int i = naf.length - 2; i >= 0; i--) {
            if (i != naf.length - 2) {
                Fp12.sqr(m, f, f, s);
            }
            multiplyLines(m, f, lines, points, normalized, pairs, line++, lineA, s);
            if (naf[i] != 0) {
                multiplyLines(m, f, lines, points, normalized, pairs, line++, lineA, s);
            }
        }
        multiplyLines(m, f, lines, points, normalized, pairs, line++, lineA, s);
        multiplyLines(m, f, lines, points, normalized, pairs, line, lineA, s);
    }

    /**
     * Replaces each (xP, yP) of a pair with normalized lines by (xP/yP, 1/yP), one field inversion for all of them
     * (Montgomery's trick). yP is never 0: G1 has odd prime order, so no point of it has order 2. Uses
     * m[t, t + 4·Fp.SIZE + 4·pairs).
     */
    private static void scalePoints(long[] m, int[] points, boolean[] normalized, int pairs, int t) {
        int inverse = t, current = t + Fp.SIZE, scratch = t + 2 * Fp.SIZE, prefix = t + 3 * Fp.SIZE;
        int count = 0;
        Fp.setOne(m, inverse);
        for (int k = 0; k < pairs; k++) {
            if (normalized[k]) {
                // prefix[count] = product of the y's before this one
                Fp.copy(m, inverse, m, prefix + count * Fp.SIZE);
                Fp.mul(m, inverse, m, points[k] + Fp.SIZE, m, inverse);
                count++;
            }
        }
        Fp.inv(m, inverse, m, inverse, m, scratch);
        for (int k = pairs - 1; k >= 0; k--) {
            if (!normalized[k]) {
                continue;
            }
            count--;
            int xp = points[k], yp = xp + Fp.SIZE;
            // current = 1/yP; inverse becomes the inverse of the product of the y's before this one
            Fp.mul(m, inverse, m, prefix + count * Fp.SIZE, m, current);
            Fp.mul(m, inverse, m, yp, m, inverse);
            Fp.mul(m, xp, m, current, m, xp);
            Fp.copy(m, current, m, yp);
        }
    }

    /**
     * f *= Π_pairs (a·yP + b·xP·w + c·w^3) for the line number {@code line} of each pair; for normalized lines
     * (a = 1, P stored as (xP/yP, 1/yP)) the factor is 1 + b·xP·w + c·yP·w^3.
     */
    private static void multiplyLines(long[] m, int f, long[][] lines, int[] points, boolean[] normalized,
                                      int pairs, int line, int at, int s) {
        int a = at, b = at + Fp2.SIZE, c = b + Fp2.SIZE;
        int o = line * G2Prepared.LINE_SIZE;
        for (int k = 0; k < pairs; k++) {
            long[] coefficients = lines[k];
            int xp = points[k], yp = xp + Fp.SIZE;
            Fp.mul(coefficients, o + 8, m, xp, m, b);
            Fp.mul(coefficients, o + 12, m, xp, m, b + 4);
            if (normalized[k]) {
                Fp.mul(coefficients, o + 16, m, yp, m, c);
                Fp.mul(coefficients, o + 20, m, yp, m, c + 4);
                Fp12.mulBy1034(m, f, b, c, f, s);
            } else {
                Fp.mul(coefficients, o, m, yp, m, a);
                Fp.mul(coefficients, o + 4, m, yp, m, a + 4);
                System.arraycopy(coefficients, o + 16, m, c, Fp2.SIZE);
                Fp12.mulBy034(m, f, a, b, c, f, s);
            }
        }
    }

    /**
     * z = x^((p^6 - 1)(p^2 + 1)·m·(p^4 - p^2 + 1)/r) with m = 2u(6u^2 + 3u + 1). Uses m[t, t + 8·Fp12.SIZE +
     * Fp12.SCRATCH).
     */
    private static void finalExponentiation(long[] m, int x, int z, int t) {
        int[] slot = new int[FINAL_EXPONENTIATION_SLOTS];
        for (int i = 0; i < slot.length; i++) {
            slot[i] = t + i * Fp12.SIZE;
        }
        int s = t + FINAL_EXPONENTIATION_SLOTS * Fp12.SIZE;
        int f = slot[0], tmp = slot[1], b = slot[2], sixU = slot[3], sixU2 = slot[4], a = slot[5], x0 = slot[6],
                frob = slot[7];

        // easy part: f = x^(p^6 - 1) = conj(x)/x, then f = f^(p^2 + 1); f is now in the cyclotomic subgroup,
        // where inverses are conjugates and squarings can be cyclotomic
        Fp12.inv(m, x, f, s);
        Fp12.conj(m, x, tmp);
        Fp12.mul(m, tmp, f, f, s);
        Fp12.frobenius(m, f, 2, tmp, s);
        Fp12.mul(m, f, tmp, f, s);

        // hard part: b = f^(2u), sixU = f^(6u), sixU2 = f^(6u^2), a = f^(12u^3 + 6u^2 + 4u) = f^λ1
        Fp12.cyclotomicExpByU(m, f, b, s);
        Fp12.cyclotomicSqr(m, b, b, s);
        Fp12.cyclotomicSqr(m, b, sixU, s);
        Fp12.mul(m, sixU, b, sixU, s);
        Fp12.cyclotomicExpByU(m, sixU, sixU2, s);
        Fp12.cyclotomicSqr(m, sixU2, tmp, s);
        Fp12.cyclotomicExpByU(m, tmp, a, s);
        Fp12.mul(m, a, sixU2, a, s);
        Fp12.cyclotomicSqr(m, b, tmp, s);
        Fp12.mul(m, a, tmp, a, s);

        // f^λ0 = a · f^(6u^2) · f^(2u) · f, with λ0 = λ1 + 6u^2 + 2u + 1
        Fp12.mul(m, a, sixU2, x0, s);
        Fp12.mul(m, x0, b, x0, s);
        Fp12.mul(m, x0, f, x0, s);
        // (f^λ1)^p
        Fp12.frobenius(m, a, 1, frob, s);
        Fp12.mul(m, x0, frob, x0, s);
        // (f^λ2)^(p^2), λ2 = λ1 + 2u
        Fp12.mul(m, a, b, tmp, s);
        Fp12.frobenius(m, tmp, 2, frob, s);
        Fp12.mul(m, x0, frob, x0, s);
        // (f^λ3)^(p^3), λ3 = λ1 - 1
        Fp12.conj(m, f, tmp);
        Fp12.mul(m, a, tmp, tmp, s);
        Fp12.frobenius(m, tmp, 3, frob, s);
        Fp12.mul(m, x0, frob, z, s);
    }
}
