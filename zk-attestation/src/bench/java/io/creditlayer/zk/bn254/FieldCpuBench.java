package io.creditlayer.zk.bn254;

import io.creditlayer.zk.bench.CpuTimer;
import java.math.BigInteger;
import java.util.Random;

/** FieldBench's operations timed by CPU time (see {@link CpuTimer}): java ... io.creditlayer.zk.bn254.FieldCpuBench. */
public final class FieldCpuBench {
    public static void main(String[] args) {
        long[] m = new long[1024];
        int x = 0, y = 96, t = 192;
        Random random = new Random(1);
        for (int i = 0; i < 2 * Fp12.SIZE; i += Fp.SIZE) {
            Fp.fromBigInteger(new BigInteger(253, random), m, i);
        }
        Fp12Element millerValue = new Fp12Element(m, x);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        System.out.println(CpuTimer.time("Fp.mul", 3, rounds, 200, () -> { Fp.mul(m, x, m, y, m, x); return m[x]; }));
        System.out.println(CpuTimer.time("Fp.sqr", 3, rounds, 200, () -> { Fp.sqr(m, x, m, x); return m[x]; }));
        System.out.println(CpuTimer.time("Fp.add", 3, rounds, 200, () -> { Fp.add(m, x, m, y, m, x); return m[x]; }));
        System.out.println(CpuTimer.time("Fp.sub", 3, rounds, 200, () -> { Fp.sub(m, x, m, y, m, x); return m[x]; }));
        System.out.println(CpuTimer.time("Fp2.mul", 3, rounds, 200, () -> { Fp2.mul(m, x, y, x, t); return m[x]; }));
        System.out.println(CpuTimer.time("Fp2.sqr", 3, rounds, 200, () -> { Fp2.sqr(m, x, x, t); return m[x]; }));
        System.out.println(CpuTimer.time("Fp12.mul", 3, rounds, 200, () -> { Fp12.mul(m, x, y, x, t); return m[x]; }));
        System.out.println(CpuTimer.time("Fp12.sqr", 3, rounds, 200, () -> { Fp12.sqr(m, x, x, t); return m[x]; }));
        System.out.println(CpuTimer.time("Fp12.cyclotomicSqr", 3, rounds, 200,
                () -> { Fp12.cyclotomicSqr(m, x, x, t); return m[x]; }));
        System.out.println(CpuTimer.time("Fp12.mulBy034", 3, rounds, 200,
                () -> { Fp12.mulBy034(m, x, y, y + 8, y + 16, x, t); return m[x]; }));
        System.out.println(CpuTimer.time("Fp12.mulBy1034", 3, rounds, 200,
                () -> { Fp12.mulBy1034(m, x, y + 8, y + 16, x, t); return m[x]; }));
        System.out.println(CpuTimer.time("finalExponentiation", 3, rounds, 300,
                () -> Pairing.finalExponentiation(millerValue).hashCode()));
    }
}
