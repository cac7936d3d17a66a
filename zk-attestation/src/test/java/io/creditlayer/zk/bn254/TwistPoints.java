package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.Random;

/** Test points of the G2 twist: random points of the whole twist group (almost never in G2) and their encodings. */
public final class TwistPoints {
    private static final BigInteger P = Fp.P;
    private static final Fp2Element ONE = Fp2Element.of(BigInteger.ONE, BigInteger.ZERO);
    private static final Fp2Element MINUS_ONE = Fp2Element.of(P.subtract(BigInteger.ONE), BigInteger.ZERO);
    private static final Fp2Element I = Fp2Element.of(BigInteger.ZERO, BigInteger.ONE);
    static final Fp2Element TWIST_B = Fp2Element.of(BigInteger.valueOf(3), BigInteger.ZERO)
            .multiply(Fp2Element.of(BigInteger.valueOf(9), BigInteger.ONE).inverse());

    private TwistPoints() {
    }

    /** A square root of a, or null (Adj and Rodríguez-Henríquez 2012, algorithm 9, for p ≡ 3 mod 4). */
    static Fp2Element sqrt(Fp2Element a) {
        Fp2Element a1 = a.pow(P.subtract(BigInteger.valueOf(3)).shiftRight(2));
        Fp2Element alpha = a1.square().multiply(a);
        Fp2Element a0 = alpha.conjugate().multiply(alpha);
        if (a0.equals(MINUS_ONE)) {
            return null;
        }
        Fp2Element x0 = a1.multiply(a);
        Fp2Element root = alpha.equals(MINUS_ONE)
                ? I.multiply(x0)
                : ONE.add(alpha).pow(P.subtract(BigInteger.ONE).shiftRight(1)).multiply(x0);
        return root.square().equals(a) ? root : null;
    }

    /** A random point (x, y) of the twist as {xRe, xIm, yRe, yIm}. */
    public static BigInteger[] randomTwistPoint(Random random) {
        while (true) {
            Fp2Element x = Fp2Element.of(new BigInteger(254, random).mod(P), new BigInteger(254, random).mod(P));
            Fp2Element y = sqrt(x.square().multiply(x).add(TWIST_B));
            if (y != null) {
                return new BigInteger[] {x.re(), x.im(), y.re(), y.im()};
            }
        }
    }

    /** The EIP-197 encoding (x_im, x_re, y_im, y_re) of raw coordinates, valid or not. */
    static byte[] encode(BigInteger[] point) {
        byte[] out = new byte[128];
        int[] order = {1, 0, 3, 2};
        for (int i = 0; i < 4; i++) {
            word(point[order[i]], out, 32 * i);
        }
        return out;
    }

    /** Writes v (0 <= v < 2^256) as a 32-byte big-endian word. */
    static void word(BigInteger v, byte[] out, int offset) {
        byte[] raw = v.toByteArray();
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, offset + 32 - length, length);
    }

    /** Whether r·Q = O, the definition of membership in G2, for raw affine coordinates. */
    static boolean inSubgroupBySlowCheck(BigInteger[] point) {
        long[] m = new long[G2.AFFINE_SIZE + G2.SIZE + G2.SCRATCH];
        for (int i = 0; i < 4; i++) {
            Fp.fromBigInteger(point[i], m, 4 * i);
        }
        G2.mul(m, 0, Bn254.naf(Bn254.R), G2.AFFINE_SIZE, G2.AFFINE_SIZE + G2.SIZE);
        return G2.isInfinity(m, G2.AFFINE_SIZE);
    }

    static boolean inSubgroupByFastCheck(BigInteger[] point) {
        long[] m = new long[G2.AFFINE_SIZE + G2.SCRATCH];
        for (int i = 0; i < 4; i++) {
            Fp.fromBigInteger(point[i], m, 4 * i);
        }
        return G2.isInSubgroup(m, 0, G2.AFFINE_SIZE);
    }

    /** Clears the cofactor 2p - r of a twist point, landing in G2. */
    static BigInteger[] clearCofactor(BigInteger[] point) {
        long[] m = new long[G2.AFFINE_SIZE + G2.SIZE + G2.SCRATCH];
        for (int i = 0; i < 4; i++) {
            Fp.fromBigInteger(point[i], m, 4 * i);
        }
        BigInteger cofactor = P.shiftLeft(1).subtract(Bn254.R);
        G2.mul(m, 0, Bn254.naf(cofactor), G2.AFFINE_SIZE, G2.AFFINE_SIZE + G2.SIZE);
        G2.toAffine(m, G2.AFFINE_SIZE, 0, G2.AFFINE_SIZE + G2.SIZE);
        BigInteger[] cleared = new BigInteger[4];
        for (int i = 0; i < 4; i++) {
            cleared[i] = Fp.toBigInteger(m, 4 * i);
        }
        return cleared;
    }
}
