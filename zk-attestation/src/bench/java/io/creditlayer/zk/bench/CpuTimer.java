package io.creditlayer.zk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Times an operation by the CPU time of the calling thread rather than by the wall clock. On a shared machine
 * whose cores other jobs keep busy, wall time (what JMH reports) counts the time slices the thread waited for a
 * core; CPU time does not, so it is the steadier figure to compare two versions of the code with. Each round runs
 * the operation for about {@code roundMillis} of CPU time; the result is the best and the median round.
 */
public final class CpuTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Whether to read the whole process's CPU time (set by {@link #timeProcess}) instead of the thread's. */
    private static boolean process;

    /** Best and median CPU nanoseconds per call over the rounds. */
    public record Result(String name, double bestNanos, double medianNanos) {
        @Override
        public String toString() {
            return String.format("%-34s best %12.1f ns  median %12.1f ns (CPU time per call)", name, bestNanos,
                    medianNanos);
        }
    }

    private static long sink;

    private CpuTimer() {
    }

    /**
     * As {@link #time}, but by the CPU time of the whole process: for operations that spread their work over other
     * threads (a tier tree's parallel levels). It includes the JIT's and the garbage collector's threads too.
     */
    public static Result timeProcess(String name, int warmupRounds, int rounds, long roundMillis,
                                     LongSupplier operation) {
        process = true;
        try {
            return time(name, warmupRounds, rounds, roundMillis, operation);
        } finally {
            process = false;
        }
    }

    private static long cpuNanos() {
        return process ? OS.getProcessCpuTime() : THREADS.getCurrentThreadCpuTime();
    }

    public static Result time(String name, int warmupRounds, int rounds, long roundMillis, LongSupplier operation) {
        // warm up for about a second of CPU time first (class initialisation, JIT compilation), so that the batch
        // size below is not computed from interpreted calls
        long warmupEnd = cpuNanos() + 1_000_000_000L;
        while (cpuNanos() < warmupEnd) {
            run(operation, 1);
        }
        long calls = 1;
        // find a batch size that takes about roundMillis
        while (true) {
            long start = cpuNanos();
            run(operation, calls);
            long elapsed = cpuNanos() - start;
            if (elapsed > roundMillis * 1_000_000L / 4 || calls > (1L << 40)) {
                calls = Math.max(1, calls * roundMillis * 1_000_000L / Math.max(1, elapsed));
                break;
            }
            calls *= 2;
        }
        for (int i = 0; i < warmupRounds; i++) {
            run(operation, calls);
        }
        double[] perCall = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = cpuNanos();
            run(operation, calls);
            perCall[i] = (double) (cpuNanos() - start) / calls;
        }
        Arrays.sort(perCall);
        return new Result(name, perCall[0], perCall[rounds / 2]);
    }

    private static void run(LongSupplier operation, long calls) {
        long acc = 0;
        for (long i = 0; i < calls; i++) {
            acc += operation.getAsLong();
        }
        sink += acc;
    }

    public static long sink() {
        return sink;
    }
}
