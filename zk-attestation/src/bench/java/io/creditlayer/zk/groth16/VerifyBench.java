package io.creditlayer.zk.groth16;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Groth16 verification of a five-public-input proof (the tier proof's count; the test circuit of the agreement
 * tests). Sample time, so that JMH reports the median (p0.50) with the mean.
 *
 * <ul>
 *   <li>{@code verifyPrepared}: a verifier built once per key (β, γ, δ prepared), the proof and inputs already
 *       decoded: the pairing equation, the public-input combination and B's lines.</li>
 *   <li>{@code verifyPreparedOneThread}, {@code verifyPreparedTwoThreads}: as verifyPrepared, all of it on the
 *       calling thread, or always split over two threads (the default verifier splits while the load average
 *       leaves a core free).</li>
 *   <li>{@code verifyFromJson}: the same verifier, proof.json and public.json parsed per call (with every check:
 *       canonical numbers, points on their curves, B in G2): the service's path, and what snarkjs's
 *       groth16.verify does with its JSON objects.</li>
 *   <li>{@code verifyWithKeyFromJson}: verification_key.json parsed too (its G2 subgroup checks and the
 *       vk_alphabeta_12 pairing), as snarkjs does on every call.</li>
 * </ul>
 * The proof, key and inputs are copied to {@code zk-attestation/target/bench-fixture/} so that
 * bench/verify-bench.sh times snarkjs on the same files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifyBench {
    private byte[] keyJson;
    private byte[] proofJson;
    private byte[] publicJson;
    private Groth16Verifier verifier;
    private Groth16Verifier oneThreadVerifier;
    private Groth16Verifier twoThreadVerifier;
    private Proof proof;
    private BigInteger[] inputs;

    @Setup
    public void prove() throws IOException {
        Groth16Artifacts artifacts = TestCircuit.artifacts();
        ProofFiles files = ProofFiles.prove(artifacts, TestCircuit.randomInput(new Random(5)),
                artifacts.verificationKey().resolveSibling("proofs"));
        Path fixture = TestCircuit.targetDirectory().resolve("bench-fixture");
        Files.createDirectories(fixture);
        Files.copy(artifacts.verificationKey(), fixture.resolve("verification_key.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(files.proof(), fixture.resolve("proof.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(files.publicInputs(), fixture.resolve("public.json"), StandardCopyOption.REPLACE_EXISTING);

        keyJson = Files.readAllBytes(artifacts.verificationKey());
        proofJson = Files.readAllBytes(files.proof());
        publicJson = Files.readAllBytes(files.publicInputs());
        verifier = new Groth16Verifier(SnarkjsJson.verificationKey(keyJson));
        oneThreadVerifier = new Groth16Verifier(verifier.key(), true, Groth16Verifier.Threads.ONE);
        twoThreadVerifier = new Groth16Verifier(verifier.key(), true, Groth16Verifier.Threads.TWO);
        proof = SnarkjsJson.proof(proofJson);
        inputs = SnarkjsJson.publicInputs(publicJson);
        if (inputs.length != 5 || !verifier.verify(proof, inputs)) {
            throw new IllegalStateException("the benchmark proof must be a valid five-input proof");
        }
    }

    @Benchmark
    public boolean verifyPrepared() {
        return verifier.verify(proof, inputs);
    }

    @Benchmark
    public boolean verifyPreparedOneThread() {
        return oneThreadVerifier.verify(proof, inputs);
    }

    @Benchmark
    public boolean verifyPreparedTwoThreads() {
        return twoThreadVerifier.verify(proof, inputs);
    }

    @Benchmark
    public boolean verifyFromJson() {
        return verifier.verify(SnarkjsJson.proof(proofJson), SnarkjsJson.publicInputs(publicJson));
    }

    @Benchmark
    public boolean verifyWithKeyFromJson() {
        return Groth16Verifier.verify(SnarkjsJson.verificationKey(keyJson), SnarkjsJson.proof(proofJson),
                SnarkjsJson.publicInputs(publicJson));
    }
}
