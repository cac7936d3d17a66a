package io.creditlayer.zk.groth16;

import io.creditlayer.zk.bn254.Bn254;
import io.creditlayer.zk.bn254.Fp12Element;
import io.creditlayer.zk.bn254.G1FixedBase;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Prepared;
import io.creditlayer.zk.bn254.Pairing;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinTask;

/**
 * Verifies Groth16 proofs over BN254 as snarkjs does: with X = IC_0 + Σ x_i·IC_i over the public inputs x_i,
 * a proof (A, B, C) is valid iff e(-A, B)·e(α, β)·e(X, γ)·e(C, δ) = 1. The four pairings share one multi-Miller
 * loop and one final exponentiation.
 *
 * <p>A verifier built for a key does per key what does not depend on the proof: the lines of γ and δ, the Miller
 * loop of (α, β) (whose value then joins the loop of the other three pairs as one factor), and tables of
 * multiples of the IC points, so that X costs one mixed addition per 6-bit window of each input and no doubling.
 * The static {@link #verify(VerificationKey, Proof, BigInteger[])} skips the tables (they would cost more than
 * they save once).
 *
 * <p>When the machine has a core to spare, a verification runs on two threads: the proof's own pair (B's lines
 * and the Miller loop of (-A, B)) as a task of the common fork-join pool, X and the Miller loop of the key's two
 * pairs on the calling thread; then one final exponentiation of the product. The two halves take about the same
 * time, so the answer comes after roughly two thirds of the sequential time at the same total CPU time. If no
 * worker takes the task up, the calling thread runs it itself when it joins it. On a busy machine the second
 * thread does not help and hurts: the caller waits for a worker that waits for a core (measured: median 4.0 ms
 * against 3.4 ms on one thread at a load average of 4 on two cores). So the split is used only while the
 * system's load average leaves a core free ({@link #coreToSpare}).
 *
 * <p>Strict: the number of public inputs must match the key, each must lie in [0, r) (never reduced); otherwise
 * {@link Groth16FormatException}. Points were validated when the key and proof were built (coordinates below p, on
 * the curve, B and the key's G2 points in G2). A well-formed proof that does not satisfy the equation gives false.
 * Instances are immutable and thread-safe.
 */
public final class Groth16Verifier {
    private final VerificationKey key;
    private final G2Prepared gamma;
    private final G2Prepared delta;
    /** The Miller loop of (α, β), before the final exponentiation. */
    private final Fp12Element alphaBeta;
    /** Tables for IC_1..IC_n, or null to combine them by Straus's method instead. */
    private final List<G1FixedBase> icTables;

    /** A verifier for one key, with the key's precomputation done once (a few tens of milliseconds). */
    public Groth16Verifier(VerificationKey key) {
        this(key, true);
    }

    /** How a verification uses threads (see the class comment). */
    enum Threads {
        ONE,
        TWO,
        /** two while {@link #coreToSpare()}, else one */
        TWO_WHEN_A_CORE_IS_FREE
    }

    private final Threads threads;

    private Groth16Verifier(VerificationKey key, boolean tables) {
        this(key, tables, Threads.TWO_WHEN_A_CORE_IS_FREE);
    }

    /** A verifier with a fixed choice of threads (tests and benchmarks run both ways). */
    Groth16Verifier(VerificationKey key, boolean tables, Threads threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.key = Objects.requireNonNull(key, "key");
        this.gamma = G2Prepared.of(key.gamma()).normalized();
        this.delta = G2Prepared.of(key.delta()).normalized();
        this.alphaBeta = Pairing.millerLoop(List.of(key.alpha()), List.of(G2Prepared.of(key.beta())));
        this.icTables = tables ? key.ic().subList(1, key.ic().size()).stream().map(G1FixedBase::of).toList() : null;
    }

    /** Verifies one proof against {@code key} without per-key tables; keep a verifier to verify more. */
    public static boolean verify(VerificationKey key, Proof proof, BigInteger[] publicInputs) {
        Objects.requireNonNull(publicInputs, "publicInputs");
        return new Groth16Verifier(key, false).verify(proof, publicInputs);
    }

    public VerificationKey key() {
        return key;
    }

    /**
     * Whether the proof is valid for these public inputs.
     *
     * @throws Groth16FormatException if the inputs are not exactly {@code key.publicInputCount()} values in [0, r)
     */
    public boolean verify(Proof proof, BigInteger[] publicInputs) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(publicInputs, "publicInputs");
        return verify(proof, Arrays.asList(publicInputs));
    }

    /** As {@link #verify(Proof, BigInteger[])}. */
    public boolean verify(Proof proof, List<BigInteger> publicInputs) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(publicInputs, "publicInputs");
        checkPublicInputs(publicInputs, key.publicInputCount());
        G1Point minusA = proof.a().negate();
        G2Prepared b = null;
        ForkJoinTask<Fp12Element> proofPair = null;
        if (threads == Threads.TWO || threads == Threads.TWO_WHEN_A_CORE_IS_FREE && coreToSpare()) {
            // the task's half is the lighter one (B's lines cost less than X and a second pair's line products),
            // so it takes the product with e(α, β)'s loop too
            proofPair = ForkJoinTask.adapt(() -> Pairing.millerLoop(List.of(minusA), List.of(G2Prepared.of(proof.b())))
                    .multiply(alphaBeta)).fork();
        } else {
            b = G2Prepared.of(proof.b());
        }
        List<G1Point> ic = key.ic();
        G1Point x;
        if (icTables != null) {
            x = G1FixedBase.linearCombination(icTables, publicInputs, ic.get(0));
        } else {
            // X = IC_0 + Σ x_i·IC_i, with 1 as IC_0's scalar
            BigInteger[] scalars = new BigInteger[ic.size()];
            scalars[0] = BigInteger.ONE;
            for (int i = 0; i < publicInputs.size(); i++) {
                scalars[i + 1] = publicInputs.get(i);
            }
            x = G1Point.linearCombination(ic, Arrays.asList(scalars));
        }
        if (proofPair == null) {
            return Pairing.checkPrepared(List.of(minusA, x, proof.c()), List.of(b, gamma, delta), alphaBeta);
        }
        Fp12Element keyPairs = Pairing.millerLoop(List.of(x, proof.c()), List.of(gamma, delta));
        return Pairing.finalExponentiationIsOne(keyPairs.multiply(proofPair.join()));
    }

    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();
    private static final OperatingSystemMXBean SYSTEM = ManagementFactory.getOperatingSystemMXBean();
    /** How long a reading of the load average is reused: reading it costs a file read, a verification 2 ms. */
    private static final long LOAD_READING_NANOS = 250_000_000L;
    private static volatile long loadReadAt = System.nanoTime() - LOAD_READING_NANOS;
    private static volatile boolean coreToSpare = PROCESSORS > 1;

    /**
     * Whether a second core seems free: more than one processor and a one-minute load average below their number
     * plus a half. A verifying thread counts for about one, the split's second thread for a little more than half
     * of one, so a two-core machine that only verifies reads ~1.6. Measured on two cores (JMH medians, split
     * against one thread in the same run): the split won at load averages of 1.1-2.2 (1.92 against 2.55 ms,
     * 2.68 against 3.56 ms) and lost at 3.0-6.1 (2.90 against 2.59 ms, 4.02 against 3.45 ms). Where no load
     * average is available (-1), only the processor count decides. Races between threads only re-read it.
     */
    static boolean coreToSpare() {
        long now = System.nanoTime();
        if (PROCESSORS > 1 && now - loadReadAt >= LOAD_READING_NANOS) {
            loadReadAt = now;
            double load = SYSTEM.getSystemLoadAverage();
            coreToSpare = load < PROCESSORS + 0.5;
        }
        return coreToSpare;
    }

    static void checkPublicInputs(List<BigInteger> publicInputs, int expected) {
        if (publicInputs.size() != expected) {
            throw new Groth16FormatException("expected " + expected + " public inputs, got " + publicInputs.size());
        }
        for (int i = 0; i < publicInputs.size(); i++) {
            BigInteger x = publicInputs.get(i);
            if (x == null) {
                throw new Groth16FormatException("public input " + i + " is missing");
            }
            if (x.signum() < 0 || x.compareTo(Bn254.R) >= 0) {
                throw new Groth16FormatException("public input " + i + " is not in [0, r)");
            }
        }
    }
}
