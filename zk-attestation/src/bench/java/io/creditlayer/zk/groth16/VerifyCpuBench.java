package io.creditlayer.zk.groth16;

import io.creditlayer.zk.bench.CpuTimer;
import io.creditlayer.zk.bn254.G1FixedBase;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Prepared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * VerifyBench's cases and their parts by CPU time ({@link CpuTimer}), on the fixture VerifyBench writes
 * (zk-attestation/target/bench-fixture/): java -cp ... io.creditlayer.zk.groth16.VerifyCpuBench [fixture dir] [rounds].
 */
public final class VerifyCpuBench {
    public static void main(String[] args) throws IOException {
        Path fixture = Path.of(args.length > 0 ? args[0] : "target/bench-fixture");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        byte[] keyJson = Files.readAllBytes(fixture.resolve("verification_key.json"));
        byte[] proofJson = Files.readAllBytes(fixture.resolve("proof.json"));
        byte[] publicJson = Files.readAllBytes(fixture.resolve("public.json"));
        VerificationKey key = SnarkjsJson.verificationKey(keyJson);
        Groth16Verifier verifier = new Groth16Verifier(key);
        Proof proof = SnarkjsJson.proof(proofJson);
        var inputs = SnarkjsJson.publicInputs(publicJson);
        if (!verifier.verify(proof, inputs)) {
            throw new IllegalStateException("fixture proof does not verify");
        }
        List<G1FixedBase> tables = key.ic().subList(1, key.ic().size()).stream().map(G1FixedBase::of).toList();
        System.out.println(CpuTimer.time("verifyPrepared (calling thread)", 2, rounds, 300,
                () -> verifier.verify(proof, inputs) ? 1 : 0));
        Groth16Verifier oneThread = new Groth16Verifier(key, true, Groth16Verifier.Threads.ONE);
        System.out.println(CpuTimer.time("verifyPrepared, one thread", 2, rounds, 300,
                () -> oneThread.verify(proof, inputs) ? 1 : 0));
        // the default verifier's work spreads over two threads: the process's CPU time counts both (and the JIT's
        // and collector's threads)
        System.out.println(CpuTimer.timeProcess("verifyPrepared (process CPU)", 2, rounds, 300,
                () -> verifier.verify(proof, inputs) ? 1 : 0));
        System.out.println(CpuTimer.time("verifyFromJson", 2, rounds, 300,
                () -> verifier.verify(SnarkjsJson.proof(proofJson), SnarkjsJson.publicInputs(publicJson)) ? 1 : 0));
        System.out.println(CpuTimer.time("verifyWithKeyFromJson", 1, rounds, 300,
                () -> Groth16Verifier.verify(SnarkjsJson.verificationKey(keyJson), SnarkjsJson.proof(proofJson),
                        SnarkjsJson.publicInputs(publicJson)) ? 1 : 0));
        System.out.println(CpuTimer.time("  parse proof.json + public.json", 2, rounds, 300,
                () -> SnarkjsJson.proof(proofJson).hashCode() + SnarkjsJson.publicInputs(publicJson).length));
        System.out.println(CpuTimer.time("  G2Prepared.of(B)", 2, rounds, 300,
                () -> G2Prepared.of(proof.b()).hashCode()));
        System.out.println(CpuTimer.time("  X = IC0 + sum x_i IC_i (tables)", 2, rounds, 300,
                () -> G1FixedBase.linearCombination(tables, Arrays.asList(inputs), key.ic().get(0)).hashCode()));
        System.out.println(CpuTimer.time("  X by Straus (no tables)", 2, rounds, 300, () -> {
            java.math.BigInteger[] scalars = new java.math.BigInteger[inputs.length + 1];
            scalars[0] = java.math.BigInteger.ONE;
            System.arraycopy(inputs, 0, scalars, 1, inputs.length);
            return G1Point.linearCombination(key.ic(), Arrays.asList(scalars)).hashCode();
        }));
    }
}
