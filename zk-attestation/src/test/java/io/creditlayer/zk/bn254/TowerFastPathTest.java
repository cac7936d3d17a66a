package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the tower against the generic arithmetic they replace: the ξ-multiplication by one quotient
 * estimate, on random and edge coefficients (0, 1, p - 1 and values whose nine-fold sits near a multiple of p).
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
}
