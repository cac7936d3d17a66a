package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp's limb functions against BigInteger arithmetic modulo p, on random and edge values. */
class FpTest {
    private static final BigInteger P = Fp.P;

    private static List<BigInteger> samples(long seed, int count) {
        Random random = new Random(seed);
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P.shiftRight(1), P.shiftRight(1).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192),
                BigInteger.ONE.shiftLeft(253)));
        while (values.size() < count) {
            // mix uniform values with values of few bits set, which stress the carries
            BigInteger v = random.nextInt(4) == 0
                    ? BigInteger.ONE.shiftLeft(random.nextInt(254)).subtract(BigInteger.valueOf(random.nextInt(3)))
                    : new BigInteger(254, random);
            if (v.signum() >= 0 && v.compareTo(P) < 0) {
                values.add(v);
            }
        }
        return values;
    }

    @Test
    void arithmeticMatchesBigInteger() {
        List<BigInteger> xs = samples(1, 300);
        List<BigInteger> ys = samples(2, 300);
        for (int i = 0; i < xs.size(); i++) {
            BigInteger x = xs.get(i), y = ys.get(i);
            FpElement a = FpElement.of(x), b = FpElement.of(y);
            assertEquals(x.add(y).mod(P), a.add(b).toBigInteger(), "add");
            assertEquals(x.subtract(y).mod(P), a.subtract(b).toBigInteger(), "sub");
            assertEquals(x.multiply(y).mod(P), a.multiply(b).toBigInteger(), "mul");
            assertEquals(x.multiply(x).mod(P), a.square().toBigInteger(), "sqr");
            assertEquals(x.negate().mod(P), a.negate().toBigInteger(), "neg");
            BigInteger inverse = x.signum() == 0 ? BigInteger.ZERO : x.modInverse(P);
            assertEquals(inverse, a.inverse().toBigInteger(), "inv");
        }
    }

    @Test
    void productAcceptsUnreducedOperandsBelowTwoP() {
        List<BigInteger> xs = samples(6, 200);
        List<BigInteger> ys = samples(7, 200);
        BigInteger rInverse = BigInteger.ONE.shiftLeft(256).modInverse(P);
        for (int i = 0; i < xs.size(); i++) {
            // plain limbs of x + p and y + p (both below 2p) fed to the Montgomery product directly
            BigInteger x = xs.get(i).add(P), y = ys.get(i).add(i % 2 == 0 ? P : BigInteger.ZERO);
            long[] m = new long[12];
            System.arraycopy(Fp.limbs(x), 0, m, 0, 4);
            System.arraycopy(Fp.limbs(y), 0, m, 4, 4);
            Fp.mul(m, 0, m, 4, m, 8);
            assertEquals(x.multiply(y).multiply(rInverse).mod(P), Fp.fromLimbs(m, 8));
            Fp.addUnreduced(m, 0, m, 4, m, 8);
            assertEquals(x.add(y), Fp.fromLimbs(m, 8));
        }
        long[] m = new long[12];
        BigInteger largest = P.shiftLeft(1).subtract(BigInteger.ONE);
        System.arraycopy(Fp.limbs(largest), 0, m, 0, 4);
        Fp.mul(m, 0, m, 0, m, 8);
        assertEquals(largest.multiply(largest).multiply(rInverse).mod(P), Fp.fromLimbs(m, 8));
    }

    @Test
    void outputsMayOverlapInputs() {
        for (BigInteger x : samples(3, 50)) {
            long[] m = new long[8];
            Fp.fromBigInteger(x, m, 0);
            Fp.fromBigInteger(x, m, 4);
            Fp.mul(m, 0, m, 4, m, 0);
            assertEquals(x.multiply(x).mod(P), Fp.toBigInteger(m, 0));
            Fp.add(m, 0, m, 4, m, 4);
            assertEquals(x.multiply(x).add(x).mod(P), Fp.toBigInteger(m, 4));
            Fp.sub(m, 0, m, 4, m, 4);
            assertEquals(x.negate().mod(P), Fp.toBigInteger(m, 4));
        }
    }

    @Test
    void squareRootsOfSquaresOnly() {
        for (BigInteger x : samples(4, 100)) {
            long[] m = new long[20];
            Fp.fromBigInteger(x.multiply(x).mod(P), m, 0);
            assertTrue(Fp.sqrt(m, 0, m, 4, m, 8));
            BigInteger root = Fp.toBigInteger(m, 4);
            assertEquals(x.multiply(x).mod(P), root.multiply(root).mod(P));
        }
        long[] m = new long[20];
        // -1 is not a square since p ≡ 3 (mod 4)
        Fp.fromBigInteger(P.subtract(BigInteger.ONE), m, 0);
        assertFalse(Fp.sqrt(m, 0, m, 4, m, 8));
    }

    @Test
    void bytesRoundTripAndRejectValuesFromP() {
        for (BigInteger x : samples(5, 50)) {
            byte[] encoded = new byte[32];
            long[] m = new long[4];
            Fp.fromBigInteger(x, m, 0);
            Fp.toBytes(m, 0, encoded, 0);
            assertEquals(x, new BigInteger(1, encoded));
            long[] back = new long[4];
            assertTrue(Fp.fromBytes(encoded, 0, back, 0));
            assertArrayEquals(m, back);
        }
        for (BigInteger tooLarge : List.of(P, P.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))) {
            byte[] encoded = new byte[32];
            byte[] raw = tooLarge.toByteArray();
            System.arraycopy(raw, Math.max(0, raw.length - 32), encoded, Math.max(0, 32 - raw.length), Math.min(32, raw.length));
            assertFalse(Fp.fromBytes(encoded, 0, new long[4], 0), tooLarge.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> FpElement.of(P));
        assertThrows(IllegalArgumentException.class, () -> FpElement.of(BigInteger.ONE.negate()));
    }

    @Test
    void constantsFollowFromU() {
        BigInteger u = Bn254.U;
        BigInteger u2 = u.pow(2), u3 = u.pow(3), u4 = u.pow(4);
        BigInteger common = u4.multiply(BigInteger.valueOf(36)).add(u3.multiply(BigInteger.valueOf(36)))
                .add(u.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE);
        assertEquals(common.add(u2.multiply(BigInteger.valueOf(24))), P);
        assertEquals(common.add(u2.multiply(BigInteger.valueOf(18))), Bn254.R);
        assertEquals(P, Fp.fromLimbs(new long[] {Fp.P0, Fp.P1, Fp.P2, Fp.P3}, 0));
        assertEquals(BigInteger.ONE.shiftLeft(64).subtract(P.modInverse(BigInteger.ONE.shiftLeft(64))),
                BigInteger.valueOf(Fp.P_INV_NEG).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        assertTrue(P.isProbablePrime(64) && Bn254.R.isProbablePrime(64));
        assertEquals(BigInteger.valueOf(3), P.mod(BigInteger.valueOf(4)));
    }

    @Test
    void nafDigitsAreNonAdjacentAndSumBack() {
        for (BigInteger k : List.of(Bn254.U, Bn254.ATE_LOOP_COUNT, Bn254.R.subtract(BigInteger.ONE), BigInteger.ONE,
                BigInteger.valueOf(7), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE))) {
            int[] naf = Bn254.naf(k);
            BigInteger sum = BigInteger.ZERO;
            for (int i = naf.length - 1; i >= 0; i--) {
                sum = sum.shiftLeft(1).add(BigInteger.valueOf(naf[i]));
                if (i > 0) {
                    assertTrue(naf[i] == 0 || naf[i - 1] == 0);
                }
            }
            assertEquals(k, sum);
            assertEquals(1, naf[naf.length - 1]);
        }
    }
}
