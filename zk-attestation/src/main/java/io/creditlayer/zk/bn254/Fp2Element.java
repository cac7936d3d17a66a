package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/** An immutable element re + im·i of Fp2, a wrapper over {@link Fp2}'s functions. */
public final class Fp2Element {
    private static final int SCRATCH = 3 * Fp2.SIZE + Fp2.MUL_SCRATCH;

    private final long[] limbs;

    private Fp2Element(long[] limbs) {
        this.limbs = limbs;
    }

    /** re + im·i; both in [0, p), never reduced. */
    public static Fp2Element of(BigInteger re, BigInteger im) {
        long[] limbs = new long[Fp2.SIZE];
        Fp.fromBigInteger(re, limbs, 0);
        Fp.fromBigInteger(im, limbs, Fp.SIZE);
        return new Fp2Element(limbs);
    }

    public Fp2Element add(Fp2Element y) {
        long[] m = workspace(y);
        Fp2.add(m, 0, Fp2.SIZE, 0);
        return result(m);
    }

    public Fp2Element subtract(Fp2Element y) {
        long[] m = workspace(y);
        Fp2.sub(m, 0, Fp2.SIZE, 0);
        return result(m);
    }

    public Fp2Element multiply(Fp2Element y) {
        long[] m = workspace(y);
        Fp2.mul(m, 0, Fp2.SIZE, 0, 2 * Fp2.SIZE);
        return result(m);
    }

    public Fp2Element square() {
        long[] m = workspace(this);
        Fp2.sqr(m, 0, 0, 2 * Fp2.SIZE);
        return result(m);
    }

    /** this·(9 + i), the tower's non-residue ξ. */
    public Fp2Element multiplyByXi() {
        long[] m = workspace(this);
        Fp2.mulByXi(m, 0, 0, 2 * Fp2.SIZE);
        return result(m);
    }

    /** The inverse; the inverse of 0 is 0. */
    public Fp2Element inverse() {
        long[] m = workspace(this);
        Fp2.inv(m, 0, 0, 2 * Fp2.SIZE);
        return result(m);
    }

    /** re - im·i, which is also this^p. */
    public Fp2Element conjugate() {
        long[] m = workspace(this);
        Fp2.conj(m, 0, 0);
        return result(m);
    }

    public Fp2Element pow(BigInteger e) {
        long[] m = workspace(this);
        Fp2.pow(m, 0, e, 0, 2 * Fp2.SIZE);
        return result(m);
    }

    public BigInteger re() {
        return Fp.toBigInteger(limbs, 0);
    }

    public BigInteger im() {
        return Fp.toBigInteger(limbs, Fp.SIZE);
    }

    public boolean isZero() {
        return Fp2.isZero(limbs, 0);
    }

    private long[] workspace(Fp2Element y) {
        long[] m = new long[2 * Fp2.SIZE + SCRATCH];
        Fp2.copy(limbs, 0, m, 0);
        Fp2.copy(y.limbs, 0, m, Fp2.SIZE);
        return m;
    }

    private static Fp2Element result(long[] m) {
        return new Fp2Element(Arrays.copyOf(m, Fp2.SIZE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp2Element other && Arrays.equals(limbs, other.limbs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(limbs);
    }

    @Override
    public String toString() {
        return re() + " + " + im() + "·i";
    }
}
