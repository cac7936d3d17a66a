package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable point of G1 (y^2 = x^3 + 3 over Fp) in affine coordinates, or the point at infinity. Every
 * instance is valid: the factories reject coordinates not below p and points off the curve (G1 has cofactor 1,
 * so a point on the curve is in G1).
 */
public final class G1Point {
    public static final G1Point INFINITY = new G1Point(null);
    /** The generator (1, 2) of EIP-196. */
    public static final G1Point GENERATOR = of(BigInteger.ONE, BigInteger.TWO);
    /** The EIP-196 encoding length: x and y as 32-byte big-endian integers. */
    public static final int ENCODED_SIZE = 64;

    /** Affine x, y in Montgomery form, or null at infinity. */
    private final long[] xy;

    private G1Point(long[] xy) {
        this.xy = xy;
    }

    /**
     * The point (x, y); (0, 0) is the point at infinity as in EIP-196.
     *
     * @throws Bn254FormatException if a coordinate is negative or not below p, or the point is not on the curve
     */
    public static G1Point of(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || x.compareTo(Fp.P) >= 0 || y.signum() < 0 || y.compareTo(Fp.P) >= 0) {
            throw new Bn254FormatException("G1 coordinate not in [0, p)");
        }
        if (x.signum() == 0 && y.signum() == 0) {
            return INFINITY;
        }
        long[] xy = new long[G1.AFFINE_SIZE];
        Fp.fromBigInteger(x, xy, 0);
        Fp.fromBigInteger(y, xy, 4);
        return checked(xy);
    }

    /**
     * Decodes 64 bytes at {@code offset} (EIP-196: x then y, big-endian; all zero for infinity).
     *
     * @throws Bn254FormatException as {@link #of}, or if fewer than 64 bytes are left
     */
    public static G1Point fromBytes(byte[] in, int offset) {
        if (offset < 0 || in.length - offset < ENCODED_SIZE) {
            throw new Bn254FormatException("a G1 point needs 64 bytes");
        }
        long[] xy = new long[G1.AFFINE_SIZE];
        if (!Fp.fromBytes(in, offset, xy, 0) || !Fp.fromBytes(in, offset + 32, xy, 4)) {
            throw new Bn254FormatException("G1 coordinate not in [0, p)");
        }
        if (Fp.isZero(xy, 0) && Fp.isZero(xy, 4)) {
            return INFINITY;
        }
        return checked(xy);
    }

    private static G1Point checked(long[] xy) {
        long[] m = new long[G1.AFFINE_SIZE + 8];
        System.arraycopy(xy, 0, m, 0, G1.AFFINE_SIZE);
        if (!G1.isOnCurve(m, 0, G1.AFFINE_SIZE)) {
            throw new Bn254FormatException("point not on G1 (y^2 != x^3 + 3)");
        }
        return new G1Point(xy);
    }

    /** Builds a point from an affine result already known to be on the curve. */
    static G1Point trusted(long[] m, int offset) {
        return new G1Point(Arrays.copyOfRange(m, offset, offset + G1.AFFINE_SIZE));
    }

    public boolean isInfinity() {
        return xy == null;
    }

    /** The x coordinate (0 at infinity, as encoded). */
    public BigInteger x() {
        return xy == null ? BigInteger.ZERO : Fp.toBigInteger(xy, 0);
    }

    /** The y coordinate (0 at infinity, as encoded). */
    public BigInteger y() {
        return xy == null ? BigInteger.ZERO : Fp.toBigInteger(xy, 4);
    }

    /** The EIP-196 encoding: 64 bytes, all zero at infinity. */
    public byte[] toBytes() {
        byte[] out = new byte[ENCODED_SIZE];
        if (xy != null) {
            Fp.toBytes(xy, 0, out, 0);
            Fp.toBytes(xy, 4, out, 32);
        }
        return out;
    }

    /** Copies the affine coordinates (Montgomery form) to m at offset; the point must not be at infinity. */
    void writeAffine(long[] m, int offset) {
        System.arraycopy(xy, 0, m, offset, G1.AFFINE_SIZE);
    }

    public G1Point add(G1Point other) {
        if (isInfinity()) {
            return other;
        }
        if (other.isInfinity()) {
            return this;
        }
        long[] m = new long[G1.SIZE + 2 * G1.AFFINE_SIZE + G1.SCRATCH];
        int sum = 0, q = G1.SIZE, affine = q + G1.AFFINE_SIZE, t = affine + G1.AFFINE_SIZE;
        writeAffine(m, affine);
        G1.fromAffine(m, affine, sum);
        other.writeAffine(m, q);
        G1.addAffine(m, sum, q, sum, t);
        return G1.toAffine(m, sum, affine, t) ? trusted(m, affine) : INFINITY;
    }

    public G1Point negate() {
        if (isInfinity()) {
            return this;
        }
        long[] negated = xy.clone();
        Fp.neg(xy, 4, negated, 4);
        return new G1Point(negated);
    }

    /** k·P for any integer k (taken modulo r, the order of every point of G1). */
    public G1Point multiply(BigInteger k) {
        BigInteger scalar = k.mod(Bn254.R);
        if (isInfinity() || scalar.signum() == 0) {
            return INFINITY;
        }
        long[] m = new long[G1.SIZE + 2 * G1.AFFINE_SIZE + G1.SCRATCH];
        int point = 0, negative = G1.AFFINE_SIZE, product = 2 * G1.AFFINE_SIZE, t = product + G1.SIZE;
        writeAffine(m, point);
        G1.multiScalarMul(m, new int[] {point}, new int[] {negative}, new int[][] {Bn254.naf(scalar)}, product, t);
        return G1.toAffine(m, product, point, t) ? trusted(m, point) : INFINITY;
    }

    /**
     * Σ k_i·P_i with each k_i taken modulo r, by Straus's interleaving: one shared chain of doublings, one addition
     * per non-zero digit of each scalar's non-adjacent form.
     */
    public static G1Point linearCombination(java.util.List<G1Point> points, java.util.List<BigInteger> scalars) {
        if (points.size() != scalars.size()) {
            throw new IllegalArgumentException("as many scalars as points expected");
        }
        java.util.List<G1Point> used = new java.util.ArrayList<>();
        java.util.List<int[]> nafs = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            BigInteger k = scalars.get(i).mod(Bn254.R);
            if (!points.get(i).isInfinity() && k.signum() != 0) {
                used.add(points.get(i));
                nafs.add(Bn254.naf(k));
            }
        }
        if (used.isEmpty()) {
            return INFINITY;
        }
        int n = used.size();
        int product = 2 * n * G1.AFFINE_SIZE, t = product + G1.SIZE;
        long[] m = new long[t + G1.SCRATCH];
        int[] at = new int[n], negatives = new int[n];
        for (int i = 0; i < n; i++) {
            at[i] = 2 * i * G1.AFFINE_SIZE;
            negatives[i] = at[i] + G1.AFFINE_SIZE;
            used.get(i).writeAffine(m, at[i]);
        }
        G1.multiScalarMul(m, at, negatives, nafs.toArray(int[][]::new), product, t);
        return G1.toAffine(m, product, 0, t) ? trusted(m, 0) : INFINITY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G1Point other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return isInfinity() ? "G1(infinity)" : "G1(" + x() + ", " + y() + ")";
    }
}
