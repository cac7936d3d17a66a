package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** G1 against Bouncy Castle's generic prime curve; G2's group law and its fast subgroup check. */
class CurveTest {
    private static final BigInteger P = Fp.P;
    private static final BigInteger R = Bn254.R;
    private static final ECCurve BC_CURVE =
            new ECCurve.Fp(P, BigInteger.ZERO, BigInteger.valueOf(3), R, BigInteger.ONE);
    private static final ECPoint BC_GENERATOR = BC_CURVE.createPoint(BigInteger.ONE, BigInteger.TWO);

    private final Random random = new Random(3);

    private static void assertSame(ECPoint expected, G1Point actual) {
        ECPoint normal = expected.normalize();
        if (normal.isInfinity()) {
            assertTrue(actual.isInfinity());
        } else {
            assertEquals(normal.getAffineXCoord().toBigInteger(), actual.x());
            assertEquals(normal.getAffineYCoord().toBigInteger(), actual.y());
        }
    }

    @Test
    void g1MatchesBouncyCastle() {
        for (int n = 0; n < 40; n++) {
            BigInteger a = new BigInteger(256, random), b = new BigInteger(256, random);
            G1Point p = G1Point.GENERATOR.multiply(a);
            G1Point q = G1Point.GENERATOR.multiply(b);
            assertSame(BC_GENERATOR.multiply(a.mod(R)), p);
            assertSame(BC_GENERATOR.multiply(a.add(b).mod(R)), p.add(q));
            assertSame(BC_GENERATOR.multiply(a.multiply(b).mod(R)), p.multiply(b));
        }
        G1Point p = G1Point.GENERATOR.multiply(BigInteger.valueOf(5));
        assertEquals(p.multiply(BigInteger.TWO), p.add(p));
        assertTrue(p.add(p.negate()).isInfinity());
        assertTrue(p.multiply(R).isInfinity());
        assertEquals(p.negate(), p.multiply(R.subtract(BigInteger.ONE)));
        assertEquals(p, p.add(G1Point.INFINITY));
        assertTrue(G1Point.INFINITY.multiply(BigInteger.TEN).isInfinity());
    }

    @Test
    void fixedBaseTablesAndStrausAgreeWithPlainMultiplication() {
        List<G1Point> points = new java.util.ArrayList<>();
        List<BigInteger> scalars = new java.util.ArrayList<>();
        G1Point expected = G1Point.GENERATOR;
        for (int i = 0; i < 4; i++) {
            G1Point p = G1Point.GENERATOR.multiply(new BigInteger(256, random));
            BigInteger k = switch (i) {
                case 0 -> BigInteger.ZERO;
                case 1 -> R.subtract(BigInteger.ONE);
                case 2 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
                default -> new BigInteger(256, random);
            };
            points.add(p);
            scalars.add(k);
            expected = expected.add(p.multiply(k));
        }
        List<G1FixedBase> tables = points.stream().map(G1FixedBase::of).toList();
        assertEquals(expected, G1FixedBase.linearCombination(tables, scalars, G1Point.GENERATOR));
        List<G1Point> withGenerator = new java.util.ArrayList<>(points);
        withGenerator.add(G1Point.GENERATOR);
        List<BigInteger> withOne = new java.util.ArrayList<>(scalars);
        withOne.add(BigInteger.ONE);
        assertEquals(expected, G1Point.linearCombination(withGenerator, withOne));
        G1Point p = points.get(3);
        G1FixedBase table = tables.get(3);
        for (BigInteger k : List.of(BigInteger.ONE, BigInteger.valueOf(63), BigInteger.valueOf(64), R,
                R.add(BigInteger.ONE), new BigInteger(256, random))) {
            assertEquals(p.multiply(k), table.multiply(k), k.toString());
        }
        // a sum that cancels: p·k + p·(r - k) = infinity, and repeated points double
        assertTrue(G1FixedBase.linearCombination(List.of(table, table), List.of(BigInteger.TEN, R.subtract(BigInteger.TEN)),
                G1Point.INFINITY).isInfinity());
        assertEquals(p.multiply(BigInteger.valueOf(20)), G1FixedBase.linearCombination(List.of(table, table),
                List.of(BigInteger.TEN, BigInteger.TEN), G1Point.INFINITY));
        assertTrue(G1FixedBase.of(G1Point.INFINITY).multiply(BigInteger.TEN).isInfinity());
    }

    @Test
    void g1EncodingIsStrict() {
        G1Point p = G1Point.GENERATOR.multiply(BigInteger.valueOf(12345));
        assertEquals(p, G1Point.fromBytes(p.toBytes(), 0));
        assertArrayEquals(new byte[64], G1Point.INFINITY.toBytes());
        assertTrue(G1Point.fromBytes(new byte[64], 0).isInfinity());
        assertThrows(Bn254FormatException.class, () -> G1Point.of(BigInteger.ONE, BigInteger.ONE));
        assertThrows(Bn254FormatException.class, () -> G1Point.of(P.add(BigInteger.ONE), BigInteger.TWO));
        assertThrows(Bn254FormatException.class, () -> G1Point.of(BigInteger.ONE, P.add(BigInteger.TWO)));
        assertThrows(Bn254FormatException.class, () -> G1Point.of(BigInteger.ONE.negate(), BigInteger.TWO));
        assertThrows(Bn254FormatException.class, () -> G1Point.fromBytes(new byte[63], 0));
        // (0, y) is not infinity unless y = 0, and is not on the curve (3 is not a square... or y^2 != 3)
        assertThrows(Bn254FormatException.class, () -> G1Point.of(BigInteger.ZERO, BigInteger.ONE));
    }

    @Test
    void g2GroupLaw() {
        G2Point q = G2Point.GENERATOR;
        BigInteger a = new BigInteger(256, random), b = new BigInteger(256, random);
        assertEquals(q.multiply(a.add(b)), q.multiply(a).add(q.multiply(b)));
        assertEquals(q.multiply(a.multiply(b)), q.multiply(a).multiply(b));
        assertTrue(q.multiply(R).isInfinity());
        assertTrue(q.add(q.negate()).isInfinity());
        assertEquals(q.multiply(BigInteger.TWO), q.add(q));
        G2Point p = q.multiply(a);
        assertEquals(p, G2Point.fromBytes(p.toBytes(), 0));
        assertEquals(p, G2Point.of(p.xRe(), p.xIm(), p.yRe(), p.yIm()));
        assertTrue(G2Point.fromBytes(new byte[128], 0).isInfinity());
    }

    @Test
    void fastSubgroupCheckAgreesWithMultiplicationByR() {
        int outside = 0;
        for (int n = 0; n < 12; n++) {
            BigInteger[] point = TwistPoints.randomTwistPoint(random);
            boolean slow = TwistPoints.inSubgroupBySlowCheck(point);
            assertEquals(slow, TwistPoints.inSubgroupByFastCheck(point));
            outside += slow ? 0 : 1;
            assertThrows(Bn254FormatException.class, () -> G2Point.of(point[0], point[1], point[2], point[3]));

            BigInteger[] cleared = TwistPoints.clearCofactor(point);
            assertTrue(TwistPoints.inSubgroupBySlowCheck(cleared));
            assertTrue(TwistPoints.inSubgroupByFastCheck(cleared));
            G2Point.of(cleared[0], cleared[1], cleared[2], cleared[3]);
        }
        assertEquals(12, outside);
    }

    @Test
    void g2EncodingIsStrict() {
        BigInteger[] point = TwistPoints.randomTwistPoint(random);
        byte[] encoded = TwistPoints.encode(point);
        assertThrows(Bn254FormatException.class, () -> G2Point.fromBytes(encoded, 0));
        BigInteger[] offCurve = point.clone();
        offCurve[2] = offCurve[2].add(BigInteger.ONE).mod(P);
        assertThrows(Bn254FormatException.class, () -> G2Point.fromBytes(TwistPoints.encode(offCurve), 0));
        G2Point g = G2Point.GENERATOR;
        BigInteger[] shifted = {g.xRe().add(P), g.xIm(), g.yRe(), g.yIm()};
        assertThrows(Bn254FormatException.class, () -> G2Point.fromBytes(TwistPoints.encode(shifted), 0));
        assertThrows(Bn254FormatException.class, () -> G2Point.of(g.xRe(), g.xIm().add(P), g.yRe(), g.yIm()));
        assertThrows(Bn254FormatException.class, () -> G2Point.fromBytes(new byte[127], 0));
        assertFalse(G2Point.GENERATOR.isInfinity());
    }
}
