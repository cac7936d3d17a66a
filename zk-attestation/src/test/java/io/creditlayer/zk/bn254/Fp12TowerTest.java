package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tower Fp2 ⊂ Fp6 ⊂ Fp12 against an independent schoolbook product in the basis w^0..w^5 over Fp2 (w^6 = ξ),
 * and its special functions (Frobenius maps, sparse products, cyclotomic squaring) against plain arithmetic.
 */
class Fp12TowerTest {
    /** Offsets of the Fp2 coefficient of w^j inside an Fp12 element. */
    private static final int[] W = {0, 24, 8, 32, 16, 40};
    private static final BigInteger P = Fp.P;

    private final Random random = new Random(7);

    private Fp2Element randomFp2() {
        return Fp2Element.of(new BigInteger(254, random).mod(P), new BigInteger(254, random).mod(P));
    }

    private long[] randomFp12() {
        long[] m = new long[Fp12.SIZE];
        for (int i = 0; i < 12; i++) {
            Fp.fromBigInteger(new BigInteger(254, random).mod(P), m, 4 * i);
        }
        return m;
    }

    private static Fp2Element coefficient(long[] m, int offset, int j) {
        return Fp2Element.of(Fp.toBigInteger(m, offset + W[j]), Fp.toBigInteger(m, offset + W[j] + 4));
    }

    /** c_k = Σ_{i+j=k} a_i·b_j + ξ·Σ_{i+j=k+6} a_i·b_j. */
    private static Fp2Element[] schoolbook(long[] a, long[] b) {
        Fp2Element zero = Fp2Element.of(BigInteger.ZERO, BigInteger.ZERO);
        Fp2Element[] low = new Fp2Element[6], high = new Fp2Element[6];
        java.util.Arrays.fill(low, zero);
        java.util.Arrays.fill(high, zero);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                Fp2Element product = coefficient(a, 0, i).multiply(coefficient(b, 0, j));
                if (i + j < 6) {
                    low[i + j] = low[i + j].add(product);
                } else {
                    high[i + j - 6] = high[i + j - 6].add(product);
                }
            }
        }
        for (int k = 0; k < 6; k++) {
            low[k] = low[k].add(high[k].multiplyByXi());
        }
        return low;
    }

    private static void assertCoefficients(Fp2Element[] expected, long[] m, int offset) {
        for (int j = 0; j < 6; j++) {
            assertEquals(expected[j], coefficient(m, offset, j), "coefficient of w^" + j);
        }
    }

    @Test
    void fp2MatchesItsDefinition() {
        for (int n = 0; n < 100; n++) {
            Fp2Element a = randomFp2(), b = randomFp2();
            BigInteger re = a.re().multiply(b.re()).subtract(a.im().multiply(b.im())).mod(P);
            BigInteger im = a.re().multiply(b.im()).add(a.im().multiply(b.re())).mod(P);
            assertEquals(Fp2Element.of(re, im), a.multiply(b));
            assertEquals(a.multiply(a), a.square());
            assertEquals(a.multiply(Fp2Element.of(BigInteger.valueOf(9), BigInteger.ONE)), a.multiplyByXi());
            assertEquals(Fp2Element.of(BigInteger.ONE, BigInteger.ZERO), a.multiply(a.inverse()));
            assertEquals(a.conjugate(), a.pow(P));
        }
    }

    @Test
    void fp12ProductSquareAndInverseMatchTheSchoolbookProduct() {
        for (int n = 0; n < 30; n++) {
            long[] a = randomFp12(), b = randomFp12();
            long[] m = new long[3 * Fp12.SIZE + Fp12.SCRATCH];
            System.arraycopy(a, 0, m, 0, Fp12.SIZE);
            System.arraycopy(b, 0, m, Fp12.SIZE, Fp12.SIZE);
            Fp12.mul(m, 0, Fp12.SIZE, 2 * Fp12.SIZE, 3 * Fp12.SIZE);
            assertCoefficients(schoolbook(a, b), m, 2 * Fp12.SIZE);

            Fp12.sqr(m, 0, 2 * Fp12.SIZE, 3 * Fp12.SIZE);
            assertCoefficients(schoolbook(a, a), m, 2 * Fp12.SIZE);

            Fp12Element x = new Fp12Element(a, 0);
            assertTrue(x.multiply(x.inverse()).isOne());
            // outputs overlapping inputs
            Fp12.mul(m, 0, Fp12.SIZE, 0, 3 * Fp12.SIZE);
            assertCoefficients(schoolbook(a, b), m, 0);
        }
    }

    @Test
    void sparseLineProductMatchesTheFullProduct() {
        for (int n = 0; n < 30; n++) {
            long[] f = randomFp12();
            long[] line = new long[Fp12.SIZE];
            long[] m = new long[3 * Fp12.SIZE + 3 * Fp2.SIZE + Fp12.SCRATCH];
            int a = 3 * Fp12.SIZE, b = a + 8, c = b + 8, t = c + 8;
            for (int j : new int[] {0, 1, 3}) {
                Fp2Element v = randomFp2();
                Fp.fromBigInteger(v.re(), line, W[j]);
                Fp.fromBigInteger(v.im(), line, W[j] + 4);
            }
            System.arraycopy(f, 0, m, 0, Fp12.SIZE);
            System.arraycopy(line, W[0], m, a, 8);
            System.arraycopy(line, W[1], m, b, 8);
            System.arraycopy(line, W[3], m, c, 8);
            Fp12.mulBy034(m, 0, a, b, c, Fp12.SIZE, t);
            assertCoefficients(schoolbook(f, line), m, Fp12.SIZE);
        }
    }

    @Test
    void frobeniusMapsArePowersOfP() {
        Fp12Element x = new Fp12Element(randomFp12(), 0);
        assertEquals(x.pow(P), x.frobenius(1));
        assertEquals(x.pow(P.pow(2)), x.frobenius(2));
        assertEquals(x.pow(P.pow(3)), x.frobenius(3));
        assertNotEquals(x, x.frobenius(1));
    }

    @Test
    void cyclotomicSquaringAndExponentiationByU() {
        for (int n = 0; n < 5; n++) {
            Fp12Element x = new Fp12Element(randomFp12(), 0);
            // x^((p^6 - 1)(p^2 + 1)) lies in the cyclotomic subgroup
            Fp12Element easy = x.frobenius(3).frobenius(3).multiply(x.inverse());
            easy = easy.frobenius(2).multiply(easy);
            long[] m = new long[2 * Fp12.SIZE + Fp12.SCRATCH];
            easy.writeTo(m, 0);
            Fp12.cyclotomicSqr(m, 0, Fp12.SIZE, 2 * Fp12.SIZE);
            assertEquals(easy.square(), new Fp12Element(m, Fp12.SIZE));
            Fp12.cyclotomicExpByU(m, 0, Fp12.SIZE, 2 * Fp12.SIZE);
            assertEquals(easy.pow(Bn254.U), new Fp12Element(m, Fp12.SIZE));
            // and its conjugate is its inverse
            Fp12.conj(m, 0, Fp12.SIZE);
            assertTrue(new Fp12Element(m, Fp12.SIZE).multiply(easy).isOne());
        }
    }
}
