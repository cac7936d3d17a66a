package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/** An immutable element of Fp, a wrapper over {@link Fp}'s limb functions (Montgomery form inside). */
public final class FpElement {
    public static final FpElement ZERO = of(BigInteger.ZERO);
    public static final FpElement ONE = of(BigInteger.ONE);

    private final long[] limbs;

    private FpElement(long[] limbs) {
        this.limbs = limbs;
    }

    /** The element v; 0 <= v < p, never reduced. */
    public static FpElement of(BigInteger v) {
        long[] limbs = new long[Fp.SIZE];
        Fp.fromBigInteger(v, limbs, 0);
        return new FpElement(limbs);
    }

    public FpElement add(FpElement y) {
        long[] z = new long[Fp.SIZE];
        Fp.add(limbs, 0, y.limbs, 0, z, 0);
        return new FpElement(z);
    }

    public FpElement subtract(FpElement y) {
        long[] z = new long[Fp.SIZE];
        Fp.sub(limbs, 0, y.limbs, 0, z, 0);
        return new FpElement(z);
    }

    public FpElement multiply(FpElement y) {
        long[] z = new long[Fp.SIZE];
        Fp.mul(limbs, 0, y.limbs, 0, z, 0);
        return new FpElement(z);
    }

    public FpElement square() {
        return multiply(this);
    }

    public FpElement negate() {
        long[] z = new long[Fp.SIZE];
        Fp.neg(limbs, 0, z, 0);
        return new FpElement(z);
    }

    /** The inverse; the inverse of 0 is 0. */
    public FpElement inverse() {
        long[] z = new long[2 * Fp.SIZE];
        Fp.inv(limbs, 0, z, 0, z, Fp.SIZE);
        return new FpElement(Arrays.copyOf(z, Fp.SIZE));
    }

    public boolean isZero() {
        return Fp.isZero(limbs, 0);
    }

    public BigInteger toBigInteger() {
        return Fp.toBigInteger(limbs, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FpElement other && Arrays.equals(limbs, other.limbs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(limbs);
    }

    @Override
    public String toString() {
        return toBigInteger().toString();
    }
}
