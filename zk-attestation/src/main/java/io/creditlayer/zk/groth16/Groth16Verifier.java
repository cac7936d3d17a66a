package io.creditlayer.zk.groth16;

import io.creditlayer.zk.bn254.Bn254;
import io.creditlayer.zk.bn254.Fp12Element;
import io.creditlayer.zk.bn254.G1FixedBase;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Prepared;
import io.creditlayer.zk.bn254.Pairing;
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
 * <p>On a machine with more than one processor a verification runs on two threads: the proof's own pair
 * (B's lines and the Miller loop of (-A, B)) as a task of the common fork-join pool, X and the Miller loop of the
 * key's two pairs on the calling thread; then one final exponentiation of the product. The two halves take about
 * the same time, so the answer comes after roughly two thirds of the sequential time at the same total CPU time.
 * If no worker takes the task up, the calling thread runs it itself when it joins it.
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

    /** Whether to run the proof's pair on a second thread (see the class comment). */
    private final boolean parallel;

    private Groth16Verifier(VerificationKey key, boolean tables) {
        this(key, tables, Runtime.getRuntime().availableProcessors() > 1);
    }

    /** A verifier with the proof's pair run on the calling thread too if {@code parallel} is false (for tests). */
    Groth16Verifier(VerificationKey key, boolean tables, boolean parallel) {
        this.parallel = parallel;
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
        if (parallel) {
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
