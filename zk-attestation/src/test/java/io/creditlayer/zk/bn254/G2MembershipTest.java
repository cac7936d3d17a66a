package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The G2 membership test [u + 1]Q + ψ([u]Q) + ψ^2([u]Q) = ψ^3([2u]Q) of {@link G2#isInSubgroup}: the number theory
 * its exactness rests on (see there), the characteristic equation of ψ on the whole twist group, and its decisions
 * against r·Q = O on random twist points, cleared points, points of the cofactor's small prime orders and sums of
 * G2 points with such points.
 */
class G2MembershipTest {
    private static final BigInteger P = Fp.P, R = Bn254.R, U = Bn254.U;
    /** The trace of Frobenius of E(Fp): p + 1 - r = 6u^2 + 1. */
    private static final BigInteger T = P.add(BigInteger.ONE).subtract(R);
    /** The twist's cofactor: #E'(Fp2) = r·H. */
    private static final BigInteger H = P.shiftLeft(1).subtract(R);
    /** The small prime factors of H (the rest is a 218-bit cofactor). */
    private static final long[] SMALL_FACTORS = {10069, 5864401};

    private final Random random = new Random(23);

    @Test
    void theEndomorphismVanishesExactlyOnG2() {
        BigInteger six = BigInteger.valueOf(6), two = BigInteger.TWO;
        assertEquals(six.multiply(U).multiply(U).add(BigInteger.ONE), T);
        BigInteger lambda = P.mod(R);
        assertEquals(six.multiply(U).multiply(U), lambda);
        // α ≡ 0 on G2, where ψ acts as λ
        BigInteger onG2 = U.add(BigInteger.ONE).add(U.multiply(lambda)).add(U.multiply(lambda.pow(2)))
                .subtract(two.multiply(U).multiply(lambda.pow(3)));
        assertEquals(BigInteger.ZERO, onG2.mod(R));
        // α = a + bψ modulo ψ^2 = tψ - p (so ψ^3 = (t^2 - p)ψ - tp)
        BigInteger a = U.add(BigInteger.ONE).subtract(U.multiply(P)).add(two.multiply(U).multiply(T).multiply(P));
        BigInteger b = U.add(U.multiply(T)).subtract(two.multiply(U).multiply(T).multiply(T))
                .add(two.multiply(U).multiply(P));
        BigInteger norm = a.pow(2).add(a.multiply(b).multiply(T)).add(b.pow(2).multiply(P));
        assertEquals(BigInteger.ONE, norm.gcd(H), "N(α) coprime to the cofactor: no point outside G2 passes");
        assertEquals(BigInteger.ONE, R.gcd(H));
        for (long factor : SMALL_FACTORS) {
            assertEquals(BigInteger.ZERO, H.mod(BigInteger.valueOf(factor)));
        }
    }

    private static long[] load(BigInteger[] point) {
        long[] m = new long[4 * G2.SIZE + G2.SCRATCH];
        for (int i = 0; i < 4; i++) {
            Fp.fromBigInteger(point[i], m, 4 * i);
        }
        return m;
    }

    private static BigInteger[] read(long[] m, int offset) {
        BigInteger[] point = new BigInteger[4];
        for (int i = 0; i < 4; i++) {
            point[i] = Fp.toBigInteger(m, offset + 4 * i);
        }
        return point;
    }

    /** k·Q as affine coordinates, or null at infinity. */
    private static BigInteger[] multiply(BigInteger[] point, BigInteger k) {
        long[] m = load(point);
        int product = G2.AFFINE_SIZE, affine = product + G2.SIZE, t = affine + G2.AFFINE_SIZE;
        G2.mul(m, 0, Bn254.naf(k), product, t);
        return G2.toAffine(m, product, affine, t) ? read(m, affine) : null;
    }

    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        long[] m = load(p);
        int second = G2.AFFINE_SIZE, sum = second + G2.AFFINE_SIZE, affine = sum + G2.SIZE, t = affine + G2.AFFINE_SIZE;
        long[] qm = load(q);
        System.arraycopy(qm, 0, m, second, G2.AFFINE_SIZE);
        G2.fromAffine(m, 0, sum);
        G2.addAffine(m, sum, second, sum, t);
        return G2.toAffine(m, sum, affine, t) ? read(m, affine) : null;
    }

    @Test
    void psiSatisfiesItsCharacteristicEquationOnTheWholeTwist() {
        for (int n = 0; n < 5; n++) {
            BigInteger[] q = TwistPoints.randomTwistPoint(random);
            assertFalse(TwistPoints.inSubgroupBySlowCheck(q));
            long[] m = load(q);
            int psi = G2.AFFINE_SIZE, psi2 = psi + G2.AFFINE_SIZE, t = psi2 + G2.AFFINE_SIZE;
            G2.psi(m, 0, psi, t);
            G2.negPsi2(m, 0, psi2);
            G2.negAffine(m, psi2, psi2);
            BigInteger[] psiQ = read(m, psi), psi2Q = read(m, psi2);
            // ψ^2(Q) + [p]Q = [t]ψ(Q)
            assertEquals(java.util.Arrays.asList(multiply(psiQ, T)),
                    java.util.Arrays.asList(add(psi2Q, multiply(q, P))));
            // and ψ^2 from ψ twice
            long[] m2 = load(psiQ);
            G2.psi(m2, 0, G2.AFFINE_SIZE, 2 * G2.AFFINE_SIZE);
            assertEquals(java.util.Arrays.asList(psi2Q), java.util.Arrays.asList(read(m2, G2.AFFINE_SIZE)));
        }
    }

    @Test
    void decidesLikeTheDefinition() {
        for (int n = 0; n < 40; n++) {
            BigInteger[] q = TwistPoints.randomTwistPoint(random);
            assertEquals(TwistPoints.inSubgroupBySlowCheck(q), TwistPoints.inSubgroupByFastCheck(q));
            assertFalse(TwistPoints.inSubgroupByFastCheck(q));
            BigInteger[] cleared = TwistPoints.clearCofactor(q);
            assertTrue(TwistPoints.inSubgroupBySlowCheck(cleared));
            assertTrue(TwistPoints.inSubgroupByFastCheck(cleared));
        }
        // points of the cofactor's small prime orders, alone and added to points of G2
        for (long factor : SMALL_FACTORS) {
            int found = 0;
            for (int n = 0; n < 6; n++) {
                BigInteger[] small = multiply(TwistPoints.randomTwistPoint(random),
                        R.multiply(H.divide(BigInteger.valueOf(factor))));
                if (small == null) {
                    continue;
                }
                found++;
                assertEquals(null, multiply(small, BigInteger.valueOf(factor)), "order " + factor);
                assertFalse(TwistPoints.inSubgroupByFastCheck(small), "a point of order " + factor);
                BigInteger[] g2 = TwistPoints.clearCofactor(TwistPoints.randomTwistPoint(random));
                BigInteger[] mixed = add(g2, small);
                assertFalse(TwistPoints.inSubgroupBySlowCheck(mixed));
                assertFalse(TwistPoints.inSubgroupByFastCheck(mixed), "G2 point plus a point of order " + factor);
            }
            assertTrue(found > 0);
        }
        // G2 points from the generator, including small multiples
        for (long k : new long[] {1, 2, 3, 7}) {
            G2Point point = G2Point.GENERATOR.multiply(BigInteger.valueOf(k));
            BigInteger[] coordinates = {point.xRe(), point.xIm(), point.yRe(), point.yIm()};
            assertTrue(TwistPoints.inSubgroupByFastCheck(coordinates));
        }
    }
}
