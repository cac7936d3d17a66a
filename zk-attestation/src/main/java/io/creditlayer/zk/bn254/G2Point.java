package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable point of G2, the order-r subgroup of the twist y^2 = x^3 + 3/ξ over Fp2, in affine coordinates, or
 * the point at infinity. Every instance is valid: the factories reject coordinates not below p, points off the
 * twist and points outside the subgroup (the twist's cofactor is 2p - r, so on-curve is not enough).
 *
 * <p>Coordinates are Fp2 elements re + im·i. Note the orders: EIP-197 encodes (x_im, x_re, y_im, y_re), snarkjs's
 * JSON writes [[x_re, x_im], [y_re, y_im]].
 */
public final class G2Point {
    public static final G2Point INFINITY = new G2Point(null);
    /** The generator of EIP-197. */
    public static final G2Point GENERATOR = of(
            new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
            new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));
    /** The EIP-197 encoding length: x_im, x_re, y_im, y_re as 32-byte big-endian integers. */
    public static final int ENCODED_SIZE = 128;

    /** Affine x (re, im), y (re, im) in Montgomery form, or null at infinity. */
    private final long[] xy;

    private G2Point(long[] xy) {
        this.xy = xy;
    }

    /**
     * The point (xRe + xIm·i, yRe + yIm·i); all four zero is the point at infinity as in EIP-197.
     *
     * @throws Bn254FormatException if a coordinate is negative or not below p, or the point is not on the twist or
     *                              not in G2
     */
    public static G2Point of(BigInteger xRe, BigInteger xIm, BigInteger yRe, BigInteger yIm) {
        BigInteger[] coordinates = {xRe, xIm, yRe, yIm};
        long[] xy = new long[G2.AFFINE_SIZE];
        for (int i = 0; i < 4; i++) {
            BigInteger c = coordinates[i];
            if (c.signum() < 0 || c.compareTo(Fp.P) >= 0) {
                throw new Bn254FormatException("G2 coordinate not in [0, p)");
            }
            Fp.fromBigInteger(c, xy, 4 * i);
        }
        return checked(xy);
    }

    /**
     * Decodes 128 bytes at {@code offset} in EIP-197 order (x_im, x_re, y_im, y_re; all zero for infinity).
     *
     * @throws Bn254FormatException as {@link #of}, or if fewer than 128 bytes are left
     */
    public static G2Point fromBytes(byte[] in, int offset) {
        if (offset < 0 || in.length - offset < ENCODED_SIZE) {
            throw new Bn254FormatException("a G2 point needs 128 bytes");
        }
        long[] xy = new long[G2.AFFINE_SIZE];
        boolean canonical = Fp.fromBytes(in, offset, xy, 4)
                & Fp.fromBytes(in, offset + 32, xy, 0)
                & Fp.fromBytes(in, offset + 64, xy, 12)
                & Fp.fromBytes(in, offset + 96, xy, 8);
        if (!canonical) {
            throw new Bn254FormatException("G2 coordinate not in [0, p)");
        }
        return checked(xy);
    }

    private static G2Point checked(long[] xy) {
        if (isZero(xy)) {
            return INFINITY;
        }
        long[] m = new long[G2.AFFINE_SIZE + G2.SCRATCH];
        System.arraycopy(xy, 0, m, 0, G2.AFFINE_SIZE);
        if (!G2.isOnCurve(m, 0, G2.AFFINE_SIZE)) {
            throw new Bn254FormatException("point not on the G2 twist (y^2 != x^3 + 3/(9+i))");
        }
        if (!G2.isInSubgroup(m, 0, G2.AFFINE_SIZE)) {
            throw new Bn254FormatException("point on the twist but not in G2 (the order-r subgroup)");
        }
        return new G2Point(xy);
    }

    private static boolean isZero(long[] xy) {
        for (long limb : xy) {
            if (limb != 0) {
                return false;
            }
        }
        return true;
    }

    static G2Point trusted(long[] m, int offset) {
        return new G2Point(Arrays.copyOfRange(m, offset, offset + G2.AFFINE_SIZE));
    }

    public boolean isInfinity() {
        return xy == null;
    }

    public BigInteger xRe() {
        return coordinate(0);
    }

    public BigInteger xIm() {
        return coordinate(4);
    }

    public BigInteger yRe() {
        return coordinate(8);
    }

    public BigInteger yIm() {
        return coordinate(12);
    }

    private BigInteger coordinate(int offset) {
        return xy == null ? BigInteger.ZERO : Fp.toBigInteger(xy, offset);
    }

    /** The EIP-197 encoding: x_im, x_re, y_im, y_re, 128 bytes, all zero at infinity. */
    public byte[] toBytes() {
        byte[] out = new byte[ENCODED_SIZE];
        if (xy != null) {
            Fp.toBytes(xy, 4, out, 0);
            Fp.toBytes(xy, 0, out, 32);
            Fp.toBytes(xy, 12, out, 64);
            Fp.toBytes(xy, 8, out, 96);
        }
        return out;
    }

    /** Copies the affine coordinates (Montgomery form) to m at offset; the point must not be at infinity. */
    void writeAffine(long[] m, int offset) {
        System.arraycopy(xy, 0, m, offset, G2.AFFINE_SIZE);
    }

    public G2Point add(G2Point other) {
        if (isInfinity()) {
            return other;
        }
        if (other.isInfinity()) {
            return this;
        }
        long[] m = new long[G2.SIZE + 2 * G2.AFFINE_SIZE + G2.SCRATCH];
        int sum = 0, q = G2.SIZE, affine = q + G2.AFFINE_SIZE, t = affine + G2.AFFINE_SIZE;
        writeAffine(m, affine);
        G2.fromAffine(m, affine, sum);
        other.writeAffine(m, q);
        G2.addAffine(m, sum, q, sum, t);
        return G2.toAffine(m, sum, affine, t) ? trusted(m, affine) : INFINITY;
    }

    public G2Point negate() {
        if (isInfinity()) {
            return this;
        }
        long[] negated = xy.clone();
        Fp2.neg(negated, 8, 8);
        return new G2Point(negated);
    }

    /** k·Q for any integer k (taken modulo r, the order of every point of G2). */
    public G2Point multiply(BigInteger k) {
        BigInteger scalar = k.mod(Bn254.R);
        if (isInfinity() || scalar.signum() == 0) {
            return INFINITY;
        }
        long[] m = new long[G2.SIZE + G2.AFFINE_SIZE + G2.SCRATCH];
        int point = 0, product = G2.AFFINE_SIZE, t = product + G2.SIZE;
        writeAffine(m, point);
        G2.mul(m, point, Bn254.naf(scalar), product, t);
        return G2.toAffine(m, product, point, t) ? trusted(m, point) : INFINITY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2Point other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return isInfinity() ? "G2(infinity)" : "G2(" + xRe() + " + " + xIm() + "·i, " + yRe() + " + " + yIm() + "·i)";
    }
}
