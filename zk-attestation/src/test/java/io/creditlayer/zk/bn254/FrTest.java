package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fr's limb functions (Poseidon's field) against BigInteger arithmetic modulo r, on random and edge values. */
class FrTest {
    private static final BigInteger R = Fr.R;
    private static final BigInteger MONTGOMERY_INVERSE = BigInteger.ONE.shiftLeft(256).modInverse(R);

    /** Edge values (0, 1, r - 1, r - 2, limb boundaries, near 2^253) then random ones, half with few bits set. */
    private static List<BigInteger> samples(long seed, int count) {
        Random random = new Random(seed);
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                R.subtract(BigInteger.ONE), R.subtract(BigInteger.TWO), R.shiftRight(1), R.shiftRight(1).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192),
                BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE)));
        while (values.size() < count) {
            BigInteger v = random.nextBoolean()
                    ? BigInteger.ONE.shiftLeft(random.nextInt(254)).subtract(BigInteger.valueOf(random.nextInt(3)))
                    : new BigInteger(254, random);
            if (v.signum() >= 0 && v.compareTo(R) < 0) {
                values.add(v);
            }
        }
        return values;
    }

    @Test
    void arithmeticMatchesBigInteger() {
        List<BigInteger> xs = samples(11, 2000);
        List<BigInteger> ys = samples(12, 2000);
        long[] m = new long[16];
        for (int i = 0; i < xs.size(); i++) {
            // every pair of edge values too, not only the diagonal
            BigInteger x = xs.get(i), y = i < 13 * 13 ? xs.get(i % 13).max(BigInteger.ZERO) : ys.get(i);
            if (i < 13 * 13) {
                x = xs.get(i / 13);
            }
            Fr.fromBigInteger(x, m, 0);
            Fr.fromBigInteger(y, m, 4);
            assertEquals(x, Fr.toBigInteger(m, 0), "round trip");
            Fr.add(m, 0, m, 4, m, 8);
            assertEquals(x.add(y).mod(R), Fr.toBigInteger(m, 8), "add " + x + " " + y);
            Fr.sub(m, 0, m, 4, m, 8);
            assertEquals(x.subtract(y).mod(R), Fr.toBigInteger(m, 8), "sub " + x + " " + y);
            Fr.mul(m, 0, m, 4, m, 8);
            assertEquals(x.multiply(y).mod(R), Fr.toBigInteger(m, 8), "mul " + x + " " + y);
            Fr.sqr(m, 0, m, 8);
            assertEquals(x.multiply(x).mod(R), Fr.toBigInteger(m, 8), "sqr " + x);
            Fr.pow5(m, 0, m, 8, m, 12);
            assertEquals(x.modPow(BigInteger.valueOf(5), R), Fr.toBigInteger(m, 8), "pow5 " + x);
        }
    }

    @Test
    void productAcceptsUnreducedOperandsBelowTwoR() {
        List<BigInteger> xs = samples(13, 500);
        List<BigInteger> ys = samples(14, 500);
        long[] m = new long[12];
        for (int i = 0; i < xs.size(); i++) {
            BigInteger x = xs.get(i).add(R), y = ys.get(i).add(i % 2 == 0 ? R : BigInteger.ZERO);
            System.arraycopy(Fp.limbs(x), 0, m, 0, 4);
            System.arraycopy(Fp.limbs(y), 0, m, 4, 4);
            Fr.mul(m, 0, m, 4, m, 8);
            assertEquals(x.multiply(y).multiply(MONTGOMERY_INVERSE).mod(R), Fp.fromLimbs(m, 8));
        }
        BigInteger largest = R.shiftLeft(1).subtract(BigInteger.ONE);
        System.arraycopy(Fp.limbs(largest), 0, m, 0, 4);
        Fr.mul(m, 0, m, 0, m, 8);
        assertEquals(largest.multiply(largest).multiply(MONTGOMERY_INVERSE).mod(R), Fp.fromLimbs(m, 8));
    }

    @Test
    void outputsMayOverlapInputs() {
        for (BigInteger x : samples(15, 100)) {
            long[] m = new long[12];
            Fr.fromBigInteger(x, m, 0);
            Fr.fromBigInteger(x, m, 4);
            Fr.mul(m, 0, m, 4, m, 0);
            assertEquals(x.multiply(x).mod(R), Fr.toBigInteger(m, 0));
            Fr.add(m, 0, m, 4, m, 4);
            assertEquals(x.multiply(x).add(x).mod(R), Fr.toBigInteger(m, 4));
            Fr.sub(m, 0, m, 4, m, 4);
            assertEquals(x.negate().mod(R), Fr.toBigInteger(m, 4));
            Fr.pow5(m, 4, m, 4, m, 8);
            assertEquals(x.negate().modPow(BigInteger.valueOf(5), R), Fr.toBigInteger(m, 4));
        }
    }

    @Test
    void accumulatedProductsReduceToTheSum() {
        List<BigInteger> xs = samples(16, 600);
        List<BigInteger> ys = samples(17, 600);
        Random random = new Random(18);
        long[] m = new long[8 + Fr.WIDE_SIZE + 4];
        int acc = 8, out = 8 + Fr.WIDE_SIZE;
        for (int trial = 0; trial < 400; trial++) {
            // up to the limit of products; a quarter of the trials at the limit with every factor r - 1, the
            // largest accumulator the final reduction must handle
            int count = trial % 4 == 0 ? Fr.MAX_ACCUMULATED : 1 + random.nextInt(Fr.MAX_ACCUMULATED);
            boolean largest = trial % 8 == 0;
            BigInteger expected = BigInteger.ZERO;
            for (int k = 0; k < count; k++) {
                BigInteger x = largest ? R.subtract(BigInteger.ONE) : xs.get(random.nextInt(xs.size()));
                BigInteger y = largest ? R.subtract(BigInteger.ONE) : ys.get(random.nextInt(ys.size()));
                Fr.fromBigInteger(x, m, 0);
                Fr.fromBigInteger(y, m, 4);
                Fr.mulAccumulate(m, 0, m, 4, m, acc);
                expected = expected.add(x.multiply(y));
            }
            Fr.reduceWide(m, acc, m, out);
            assertEquals(expected.mod(R), Fr.toBigInteger(m, out), count + " products");
            for (int i = acc; i < acc + Fr.WIDE_SIZE; i++) {
                assertEquals(0, m[i], "the accumulator is cleared");
            }
        }
    }

    @Test
    void constantsAreThoseOfR() {
        assertEquals(R, Fp.fromLimbs(new long[] {Fr.R0, Fr.R1, Fr.R2, Fr.R3}, 0));
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        assertEquals(twoTo64.subtract(R.modInverse(twoTo64)), BigInteger.valueOf(Fr.R_INV_NEG).mod(twoTo64));
        // the no-carry Montgomery product and sums below 2r need r < 2^254 with a top limb below 2^62
        assertEquals(254, R.bitLength());
        long[] one = new long[4];
        Fr.setOne(one, 0);
        assertEquals(BigInteger.ONE, Fr.toBigInteger(one, 0));
    }

    @Test
    void refusesNonCanonicalValues() {
        long[] m = new long[4];
        assertThrows(IllegalArgumentException.class, () -> Fr.fromBigInteger(R, m, 0));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromBigInteger(BigInteger.ONE.negate(), m, 0));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromBigInteger(BigInteger.ONE.shiftLeft(256), m, 0));
    }
}
