package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the tower and the pairing against the generic arithmetic they replace: the ξ-multiplication by
 * one quotient estimate, on random and edge coefficients (0, 1, p - 1 and values whose nine-fold sits near a multiple
 * of p); halving; the signed 8-bit windows of the fixed-base tables; inversion by the binary extended Euclidean algorithm; exponentiation by u along its width-4 NAF; the product by a normalized line (a = 1) against the general sparse product; normalized prepared points
 * against plain ones in pairings and product checks.
 */
class TowerFastPathTest {
    private static final BigInteger P = Fp.P;
    private final Random random = new Random(11);

    private List<BigInteger> edgeValues() {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P.shiftRight(1), P.shiftRight(1).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        // a with 9a just below and just above k·p
        for (int k = 1; k <= 9; k++) {
            BigInteger a = P.multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(9));
            for (int d = -2; d <= 2; d++) {
                BigInteger v = a.add(BigInteger.valueOf(d));
                if (v.signum() >= 0 && v.compareTo(P) < 0) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    private static BigInteger[] xiProduct(BigInteger a0, BigInteger a1) {
        BigInteger nine = BigInteger.valueOf(9);
        return new BigInteger[] {a0.multiply(nine).subtract(a1).mod(P), a1.multiply(nine).add(a0).mod(P)};
    }

    private static void assertMulByXi(BigInteger a0, BigInteger a1) {
        long[] m = new long[3 * Fp2.SIZE];
        Fp.fromBigInteger(a0, m, 0);
        Fp.fromBigInteger(a1, m, 4);
        BigInteger[] expected = xiProduct(a0, a1);
        Fp2.mulByXi(m, 0, Fp2.SIZE, 2 * Fp2.SIZE);
        assertEquals(expected[0], Fp.toBigInteger(m, Fp2.SIZE), "re of (" + a0 + ", " + a1 + ")·ξ");
        assertEquals(expected[1], Fp.toBigInteger(m, Fp2.SIZE + 4), "im of (" + a0 + ", " + a1 + ")·ξ");
        // in place
        Fp2.mulByXi(m, 0, 0, 2 * Fp2.SIZE);
        assertEquals(expected[0], Fp.toBigInteger(m, 0));
        assertEquals(expected[1], Fp.toBigInteger(m, 4));
    }

    /**
     * Montgomery form multiplies by R, so the plain values above are not the limbs the reduction sees: also feed
     * raw limb patterns, read back through the same Montgomery conversion.
     */
    private static void assertMulByXiOnLimbs(BigInteger limbValue0, BigInteger limbValue1) {
        long[] m = new long[2 * Fp2.SIZE];
        System.arraycopy(Fp.limbs(limbValue0), 0, m, 0, 4);
        System.arraycopy(Fp.limbs(limbValue1), 0, m, 4, 4);
        BigInteger a0 = Fp.toBigInteger(m, 0), a1 = Fp.toBigInteger(m, 4);
        BigInteger[] expected = xiProduct(a0, a1);
        Fp2.mulByXi(m, 0, Fp2.SIZE, 0);
        assertEquals(expected[0], Fp.toBigInteger(m, Fp2.SIZE));
        assertEquals(expected[1], Fp.toBigInteger(m, Fp2.SIZE + 4));
        BigInteger limbsOut0 = Fp.fromLimbs(m, Fp2.SIZE), limbsOut1 = Fp.fromLimbs(m, Fp2.SIZE + 4);
        assertEquals(true, limbsOut0.compareTo(P) < 0 && limbsOut1.compareTo(P) < 0, "fully reduced output");
    }

    @Test
    void mulByXiMatchesTheDefinition() {
        List<BigInteger> edges = edgeValues();
        for (BigInteger a0 : edges) {
            for (BigInteger a1 : edges) {
                assertMulByXi(a0, a1);
                assertMulByXiOnLimbs(a0, a1);
            }
        }
        for (int n = 0; n < 2000; n++) {
            BigInteger a0 = new BigInteger(254, random).mod(P), a1 = new BigInteger(254, random).mod(P);
            assertMulByXi(a0, a1);
            assertMulByXiOnLimbs(a0, a1);
        }
    }

    /**
     * The fused forms (ξ·x + y, 3a - 2c, 3b + 2c, x + y·v) against the definitions, on the edge values (their
     * sums reach the top of the quotient estimate's range: 9(p - 1) + 2(p - 1)) and random ones, in place too.
     */
    @Test
    void fusedCombinationsMatchTheDefinitions() {
        List<BigInteger> edges = edgeValues();
        List<BigInteger[]> cases = new ArrayList<>();
        for (BigInteger a : edges) {
            for (BigInteger c : edges) {
                cases.add(new BigInteger[] {a, c, edges.get(random.nextInt(edges.size())),
                        edges.get(random.nextInt(edges.size()))});
            }
        }
        for (int n = 0; n < 2000; n++) {
            BigInteger[] v = new BigInteger[4];
            for (int i = 0; i < 4; i++) {
                v[i] = new BigInteger(254, random).mod(P);
            }
            cases.add(v);
        }
        BigInteger three = BigInteger.valueOf(3), two = BigInteger.TWO;
        for (BigInteger[] v : cases) {
            long[] m = new long[3 * Fp2.SIZE];
            for (int i = 0; i < 4; i++) {
                Fp.fromBigInteger(v[i], m, 4 * i);
            }
            // x = (v0, v1), y = (v2, v3)
            BigInteger[] xi = xiProduct(v[0], v[1]);
            Fp.mulByXiAdd(m, 0, m, Fp2.SIZE, m, 2 * Fp2.SIZE);
            assertEquals(xi[0].add(v[2]).mod(P), Fp.toBigInteger(m, 2 * Fp2.SIZE), "re of ξx + y");
            assertEquals(xi[1].add(v[3]).mod(P), Fp.toBigInteger(m, 2 * Fp2.SIZE + 4), "im of ξx + y");
            assertTrue(Fp.fromLimbs(m, 2 * Fp2.SIZE).compareTo(P) < 0
                    && Fp.fromLimbs(m, 2 * Fp2.SIZE + 4).compareTo(P) < 0);
            Fp.threeTimesMinusTwice(m, 0, m, 4, m, 16);
            assertEquals(three.multiply(v[0]).subtract(two.multiply(v[1])).mod(P), Fp.toBigInteger(m, 16), "3a - 2c");
            assertTrue(Fp.fromLimbs(m, 16).compareTo(P) < 0);
            Fp.threeTimesPlusTwice(m, 0, m, 4, m, 16);
            assertEquals(three.multiply(v[0]).add(two.multiply(v[1])).mod(P), Fp.toBigInteger(m, 16), "3b + 2c");
            assertTrue(Fp.fromLimbs(m, 16).compareTo(P) < 0);
            // in place: z = x, then z = y
            Fp.threeTimesMinusTwice(m, 0, m, 4, m, 0);
            assertEquals(three.multiply(v[0]).subtract(two.multiply(v[1])).mod(P), Fp.toBigInteger(m, 0));
            Fp.threeTimesPlusTwice(m, 8, m, 12, m, 12);
            assertEquals(three.multiply(v[2]).add(two.multiply(v[3])).mod(P), Fp.toBigInteger(m, 12));
        }
        // raw limb patterns (Montgomery form hides them behind the conversion), read back through it
        for (BigInteger[] v : cases) {
            long[] m = new long[3 * Fp2.SIZE];
            for (int i = 0; i < 4; i++) {
                System.arraycopy(Fp.limbs(v[i]), 0, m, 4 * i, 4);
            }
            BigInteger x0 = Fp.toBigInteger(m, 0), x1 = Fp.toBigInteger(m, 4), y0 = Fp.toBigInteger(m, 8),
                    y1 = Fp.toBigInteger(m, 12);
            BigInteger[] xi = xiProduct(x0, x1);
            Fp.mulByXiAdd(m, 0, m, Fp2.SIZE, m, 0);
            assertEquals(xi[0].add(y0).mod(P), Fp.toBigInteger(m, 0));
            assertEquals(xi[1].add(y1).mod(P), Fp.toBigInteger(m, 4));
        }
    }

    @Test
    void addMulByVEqualsAProductByVAndASum() {
        int x = 0, y = Fp6.SIZE, z = 2 * Fp6.SIZE, expected = 3 * Fp6.SIZE, t = 4 * Fp6.SIZE;
        for (int n = 0; n < 200; n++) {
            long[] m = new long[t + Fp6.MUL_SCRATCH];
            System.arraycopy(randomElements(2 * Fp6.SIZE), 0, m, 0, 2 * Fp6.SIZE);
            Fp6.mulByV(m, y, expected, t);
            Fp6.add(m, x, expected, expected);
            Fp6.addMulByV(m, x, y, z);
            assertArrayEquals(java.util.Arrays.copyOfRange(m, expected, expected + Fp6.SIZE),
                    java.util.Arrays.copyOfRange(m, z, z + Fp6.SIZE));
            Fp6.addMulByV(m, x, y, x);
            assertArrayEquals(java.util.Arrays.copyOfRange(m, expected, expected + Fp6.SIZE),
                    java.util.Arrays.copyOfRange(m, x, x + Fp6.SIZE), "in place");
        }
    }

    private long[] randomElements(int longs) {
        long[] m = new long[longs];
        for (int i = 0; i < longs; i += Fp.SIZE) {
            Fp.fromBigInteger(new BigInteger(254, random).mod(P), m, i);
        }
        return m;
    }

    @Test
    void productByANormalizedLineEqualsTheSparseProductWithAOne() {
        int f = 0, b = Fp12.SIZE, c = b + Fp2.SIZE, one = c + Fp2.SIZE, z1 = one + Fp2.SIZE, z2 = z1 + Fp12.SIZE,
                t = z2 + Fp12.SIZE;
        for (int n = 0; n < 200; n++) {
            long[] m = new long[t + Fp12.SCRATCH];
            System.arraycopy(randomElements(one), 0, m, 0, one);
            if (n == 1) {
                Fp2.setZero(m, b);
            } else if (n == 2) {
                Fp2.setZero(m, c);
            } else if (n == 3) {
                for (int i = 0; i < Fp12.SIZE; i += Fp.SIZE) {
                    Fp.fromBigInteger(P.subtract(BigInteger.ONE), m, i);
                }
            }
            Fp2.setOne(m, one);
            Fp12.mulBy034(m, f, one, b, c, z1, t);
            Fp12.mulBy1034(m, f, b, c, z2, t);
            assertTrue(Fp12.equal(m, z1, m, z2));
            // in place
            Fp12.mulBy1034(m, f, b, c, f, t);
            assertTrue(Fp12.equal(m, z1, m, f));
        }
    }

    private BigInteger scalar() {
        return new BigInteger(256, random).mod(Bn254.R.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    @Test
    void normalizedLinesGiveTheSamePairings() {
        for (int n = 0; n < 3; n++) {
            G1Point p = G1Point.GENERATOR.multiply(scalar());
            G2Point q = G2Point.GENERATOR.multiply(scalar());
            G2Prepared plain = G2Prepared.of(q), normalized = plain.normalized();
            assertTrue(normalized.isNormalized());
            assertFalse(plain.isNormalized());
            assertNotEquals(java.util.Arrays.toString(plain.lines()), java.util.Arrays.toString(normalized.lines()));
            Fp12Element expected = Pairing.pairing(p, q);
            Fp12Element viaNormalized = Pairing.finalExponentiation(
                    Pairing.millerLoop(List.of(p), List.of(normalized)));
            assertEquals(expected, viaNormalized);
            // mixed pairs, as in a Groth16 check: e(P1, Q1)·e(P2, Q2)·e(-P1 - P2, Q) = 1 with Q1 = Q2 = Q
            G1Point p2 = G1Point.GENERATOR.multiply(scalar());
            G1Point minusSum = p.add(p2).negate();
            assertTrue(Pairing.checkPrepared(List.of(p, p2, minusSum), List.of(plain, normalized, normalized)));
            assertTrue(Pairing.checkPrepared(List.of(p, p2, minusSum), List.of(normalized, plain, normalized)));
            assertFalse(Pairing.checkPrepared(List.of(p, p2, minusSum.negate()), List.of(plain, normalized, normalized)));
            assertFalse(Pairing.checkPrepared(List.of(p, p.negate()), List.of(normalized, G2Prepared.of(q.add(q)))));
            // infinity on either side still contributes 1
            assertTrue(Pairing.checkPrepared(List.of(G1Point.INFINITY, p, p.negate()),
                    List.of(normalized, normalized, plain)));
            assertArrayEquals(normalized.lines(), normalized.normalized().lines());
        }
        assertTrue(G2Prepared.of(G2Point.INFINITY).normalized().isInfinity());
    }

    @Test
    void halvingInvertsDoubling() {
        List<BigInteger> values = edgeValues();
        for (int n = 0; n < 500; n++) {
            values.add(new BigInteger(254, random).mod(P));
        }
        BigInteger inverseOfTwo = BigInteger.TWO.modInverse(P);
        for (BigInteger v : values) {
            long[] m = new long[2 * Fp.SIZE];
            Fp.fromBigInteger(v, m, 0);
            Fp.half(m, 0, m, Fp.SIZE);
            assertEquals(v.multiply(inverseOfTwo).mod(P), Fp.toBigInteger(m, Fp.SIZE));
            assertTrue(Fp.fromLimbs(m, Fp.SIZE).compareTo(P) < 0, "fully reduced");
            // raw limb patterns too (Montgomery form hides the plain value's parity)
            System.arraycopy(Fp.limbs(v), 0, m, 0, 4);
            BigInteger plain = Fp.toBigInteger(m, 0);
            Fp.half(m, 0, m, 0);
            assertEquals(plain.multiply(inverseOfTwo).mod(P), Fp.toBigInteger(m, 0));
        }
    }

    @Test
    void widthFourNafOfU() {
        int[] digits = Fp12.wnaf(Bn254.U, 4);
        BigInteger sum = BigInteger.ZERO;
        int nonZero = 0;
        for (int i = digits.length - 1; i >= 0; i--) {
            sum = sum.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
            if (digits[i] != 0) {
                nonZero++;
                assertTrue(Math.abs(digits[i]) <= 7 && (digits[i] & 1) == 1);
                for (int j = i + 1; j < Math.min(i + 4, digits.length); j++) {
                    assertEquals(0, digits[j]);
                }
            }
        }
        assertEquals(Bn254.U, sum);
        assertEquals(14, nonZero);
        assertTrue(digits[digits.length - 1] > 0);
    }

    @Test
    void exponentiationByUInPlace() {
        for (int n = 0; n < 3; n++) {
            long[] raw = randomElements(Fp12.SIZE);
            Fp12Element x = new Fp12Element(raw, 0);
            Fp12Element easy = x.frobenius(3).frobenius(3).multiply(x.inverse());
            easy = easy.frobenius(2).multiply(easy);
            long[] m = new long[Fp12.SIZE + Fp12.SCRATCH];
            easy.writeTo(m, 0);
            Fp12.cyclotomicExpByU(m, 0, 0, Fp12.SIZE);
            assertEquals(easy.pow(Bn254.U), new Fp12Element(m, 0));
        }
    }

    @Test
    void binaryInversionMatchesFermatAndBigInteger() {
        List<BigInteger> values = edgeValues();
        for (int k = 0; k < 256; k += 5) {
            values.add(BigInteger.ONE.shiftLeft(k).mod(P));
        }
        values.add(BigInteger.ONE.shiftLeft(256).mod(P));
        values.add(BigInteger.ONE.shiftLeft(256).modInverse(P));
        for (int n = 0; n < 1000; n++) {
            values.add(new BigInteger(254, random).mod(P));
        }
        for (BigInteger v : values) {
            long[] m = new long[4 * Fp.SIZE];
            // as a Montgomery element and as a raw limb pattern
            Fp.fromBigInteger(v, m, 0);
            System.arraycopy(Fp.limbs(v), 0, m, Fp.SIZE, Fp.SIZE);
            for (int offset : new int[] {0, Fp.SIZE}) {
                BigInteger value = Fp.toBigInteger(m, offset);
                BigInteger expected = value.signum() == 0 ? BigInteger.ZERO : value.modInverse(P);
                Fp.inv(m, offset, m, 2 * Fp.SIZE, m, 3 * Fp.SIZE);
                assertEquals(expected, Fp.toBigInteger(m, 2 * Fp.SIZE), "inverse of " + value);
                assertTrue(Fp.fromLimbs(m, 2 * Fp.SIZE).compareTo(P) < 0, "fully reduced");
                long[] fermat = new long[2 * Fp.SIZE];
                Fp.invByFermat(m, offset, fermat, 0, fermat, Fp.SIZE);
                assertTrue(Fp.equal(m, 2 * Fp.SIZE, fermat, 0));
            }
            // in place
            Fp.inv(m, 0, m, 0, m, 3 * Fp.SIZE);
            assertEquals(v.signum() == 0 ? BigInteger.ZERO : v.modInverse(P), Fp.toBigInteger(m, 0));
        }
    }

    private List<BigInteger> scalarEdges() {
        BigInteger r = Bn254.R;
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(127),
                BigInteger.valueOf(128), BigInteger.valueOf(129), BigInteger.valueOf(255), BigInteger.valueOf(256),
                BigInteger.valueOf(0x8080), BigInteger.valueOf(0x80ff), BigInteger.valueOf(0xff80),
                r.subtract(BigInteger.ONE), r.subtract(BigInteger.TWO), r.shiftRight(1),
                BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE)));
        // runs of 0xff and 0x80 bytes (carries through many windows), below r
        BigInteger ones = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
        BigInteger eighties = BigInteger.ZERO;
        for (int j = 0; j < 31; j++) {
            eighties = eighties.shiftLeft(8).add(BigInteger.valueOf(0x80));
        }
        scalars.add(ones);
        scalars.add(eighties);
        scalars.add(eighties.add(BigInteger.ONE));
        for (int n = 0; n < 20; n++) {
            scalars.add(new BigInteger(254, random).mod(r));
        }
        return scalars;
    }

    @Test
    void signedWindowsRecodeTheScalar() {
        for (BigInteger k : scalarEdges()) {
            int[] digits = new int[32];
            G1FixedBase.recode(Fp.limbs(k), digits);
            BigInteger sum = BigInteger.ZERO;
            for (int j = digits.length - 1; j >= 0; j--) {
                assertTrue(digits[j] >= -128 && digits[j] <= 128);
                sum = sum.shiftLeft(8).add(BigInteger.valueOf(digits[j]));
            }
            assertEquals(k, sum);
        }
    }

    @Test
    void fixedBaseTablesWithSignedWindowsMultiply() {
        G1Point p = G1Point.GENERATOR.multiply(new BigInteger(256, random));
        G1FixedBase table = G1FixedBase.of(p);
        for (BigInteger k : scalarEdges()) {
            assertEquals(p.multiply(k), table.multiply(k), k.toString(16));
        }
        assertTrue(table.multiply(BigInteger.ZERO).isInfinity());
        assertTrue(table.multiply(Bn254.R).isInfinity());
        assertEquals(p.negate(), table.multiply(Bn254.R.subtract(BigInteger.ONE)));
        assertEquals(p.multiply(BigInteger.valueOf(5)), table.multiply(Bn254.R.add(BigInteger.valueOf(5))));
    }
}
