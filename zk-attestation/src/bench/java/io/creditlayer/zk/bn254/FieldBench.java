package io.creditlayer.zk.bn254;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The building blocks of a pairing check, one at a time (nanoseconds per call): where a verification's time goes
 * and what a change to the limb arithmetic buys. Each benchmark feeds its output back as an input, so the JIT
 * cannot hoist the work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldBench {
    private final long[] m = new long[1024];
    private static final int X = 0, Y = 96, T = 192;
    private Fp12Element millerValue;

    @Setup
    public void fill() {
        Random random = new Random(1);
        for (int i = 0; i < 2 * Fp12.SIZE; i += Fp.SIZE) {
            Fp.fromBigInteger(new BigInteger(253, random), m, i);
        }
        millerValue = new Fp12Element(m, X);
    }

    @Benchmark
    public long fpMul() {
        Fp.mul(m, X, m, Y, m, X);
        return m[X];
    }

    @Benchmark
    public long fpSqr() {
        Fp.sqr(m, X, m, X);
        return m[X];
    }

    @Benchmark
    public long fpAdd() {
        Fp.add(m, X, m, Y, m, X);
        return m[X];
    }

    @Benchmark
    public long fpSub() {
        Fp.sub(m, X, m, Y, m, X);
        return m[X];
    }

    @Benchmark
    public long fp2Mul() {
        Fp2.mul(m, X, Y, X, T);
        return m[X];
    }

    @Benchmark
    public long fp2Sqr() {
        Fp2.sqr(m, X, X, T);
        return m[X];
    }

    @Benchmark
    public long fp12Mul() {
        Fp12.mul(m, X, Y, X, T);
        return m[X];
    }

    @Benchmark
    public long fp12Sqr() {
        Fp12.sqr(m, X, X, T);
        return m[X];
    }

    @Benchmark
    public long fp12CyclotomicSqr() {
        Fp12.cyclotomicSqr(m, X, X, T);
        return m[X];
    }

    @Benchmark
    public long fp12MulBy034() {
        Fp12.mulBy034(m, X, Y, Y + 8, Y + 16, X, T);
        return m[X];
    }

    @Benchmark
    public Fp12Element finalExponentiation() {
        return Pairing.finalExponentiation(millerValue);
    }
}
