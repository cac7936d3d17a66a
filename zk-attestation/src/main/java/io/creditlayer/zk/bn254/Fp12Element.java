package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/** An immutable element of Fp12, as pairings return them (in GT once exponentiated). */
public final class Fp12Element {
    public static final Fp12Element ONE;

    static {
        long[] one = new long[Fp12.SIZE];
        Fp12.setOne(one, 0);
        ONE = new Fp12Element(one, 0);
    }

    private final long[] limbs;

    Fp12Element(long[] m, int offset) {
        this.limbs = Arrays.copyOfRange(m, offset, offset + Fp12.SIZE);
    }

    void writeTo(long[] m, int offset) {
        System.arraycopy(limbs, 0, m, offset, Fp12.SIZE);
    }

    public Fp12Element multiply(Fp12Element other) {
        long[] m = workspace(this, other);
        Fp12.mul(m, 0, Fp12.SIZE, 0, 2 * Fp12.SIZE);
        return new Fp12Element(m, 0);
    }

    public Fp12Element square() {
        long[] m = workspace(this, this);
        Fp12.sqr(m, 0, 0, 2 * Fp12.SIZE);
        return new Fp12Element(m, 0);
    }

    public Fp12Element inverse() {
        long[] m = workspace(this, this);
        Fp12.inv(m, 0, 0, 2 * Fp12.SIZE);
        return new Fp12Element(m, 0);
    }

    /** this^(p^k) for k = 1, 2, 3. */
    public Fp12Element frobenius(int k) {
        if (k < 1 || k > 3) {
            throw new IllegalArgumentException("Frobenius power 1, 2 or 3 expected");
        }
        long[] m = workspace(this, this);
        Fp12.frobenius(m, 0, k, 0, 2 * Fp12.SIZE);
        return new Fp12Element(m, 0);
    }

    /** this^e for e >= 0, by square and multiply. */
    public Fp12Element pow(BigInteger e) {
        if (e.signum() < 0) {
            throw new IllegalArgumentException("negative exponent");
        }
        long[] m = workspace(this, ONE);
        int base = 0, result = Fp12.SIZE, t = 2 * Fp12.SIZE;
        for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
            Fp12.sqr(m, result, result, t);
            if (e.testBit(bit)) {
                Fp12.mul(m, result, base, result, t);
            }
        }
        return new Fp12Element(m, result);
    }

    /**
     * The twelve Fp coefficients over the basis (1, i)·(1, v, v^2)·(1, w), the innermost varying fastest: the order
     * of snarkjs's nested [[[c0, c1] × 3] × 2] (as in vk_alphabeta_12).
     */
    public java.util.List<BigInteger> coefficients() {
        java.util.List<BigInteger> coefficients = new java.util.ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            coefficients.add(Fp.toBigInteger(limbs, 4 * i));
        }
        return java.util.List.copyOf(coefficients);
    }

    public boolean isOne() {
        return Fp12.isOne(limbs, 0);
    }

    private static long[] workspace(Fp12Element x, Fp12Element y) {
        long[] m = new long[2 * Fp12.SIZE + Fp12.SCRATCH];
        x.writeTo(m, 0);
        y.writeTo(m, Fp12.SIZE);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp12Element other && Arrays.equals(limbs, other.limbs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(limbs);
    }

    @Override
    public String toString() {
        return "Fp12" + coefficients();
    }
}
