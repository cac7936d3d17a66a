package io.creditlayer.zk.groth16;

import io.creditlayer.contracts.devnet.Toolchain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The five-public-input test circuit (five_public.circom), compiled with circom2 and set up with a small local
 * snarkjs ceremony (powers of tau 2^8 with one contribution, phase 2 with one contribution), cached under
 * {@code zk-attestation/target/zk-test-circuit/<hash of the circuit>/} so that only the first run pays for it.
 * The entropy is fixed: these keys are for tests only.
 */
final class TestCircuit {
    static final String NAME = "five_public";
    static final int PUBLIC_INPUTS = 5;

    private TestCircuit() {
    }

    /** The module's target directory (the tests run with the module as working directory). */
    static Path targetDirectory() {
        Path module = Toolchain.root().resolve("zk-attestation");
        return module.resolve("target");
    }

    /** Builds the artifacts unless a previous run left them complete. */
    static synchronized Groth16Artifacts artifacts() {
        try {
            byte[] source;
            try (InputStream in = TestCircuit.class.getResourceAsStream(NAME + ".circom")) {
                source = in.readAllBytes();
            }
            Path directory = targetDirectory().resolve("zk-test-circuit").resolve(sha256(source).substring(0, 16));
            Path complete = directory.resolve(".complete");
            if (!Files.exists(complete)) {
                build(directory, source);
                Files.writeString(complete, "built\n");
            }
            return new Groth16Artifacts(directory.resolve(NAME + "_js/" + NAME + ".wasm"),
                    directory.resolve(NAME + "_final.zkey"), directory.resolve("verification_key.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key exported before the phase-2 contribution: γ = δ, which the verifier must refuse. */
    static Path uncontributedVerificationKey() {
        return artifacts().verificationKey().resolveSibling("verification_key_uncontributed.json");
    }

    private static void build(Path directory, byte[] source) throws IOException {
        Files.createDirectories(directory);
        // circom2 (WASI) only sees files under its working directory
        Files.write(directory.resolve(NAME + ".circom"), source);
        Path circom = Snarkjs.nodeModules().resolve("circom2/cli.js");
        Snarkjs.run(directory, List.of("node", circom.toString(), NAME + ".circom", "--r1cs", "--wasm", "-o", "."));
        Snarkjs.snarkjs(directory, "powersoftau", "new", "bn128", "8", "pot8_0000.ptau");
        Snarkjs.snarkjs(directory, "powersoftau", "contribute", "pot8_0000.ptau", "pot8_0001.ptau",
                "--name=test", "-e=zk-attestation test entropy 1");
        Snarkjs.snarkjs(directory, "powersoftau", "prepare", "phase2", "pot8_0001.ptau", "pot8_final.ptau");
        Snarkjs.snarkjs(directory, "groth16", "setup", NAME + ".r1cs", "pot8_final.ptau", NAME + "_0000.zkey");
        Snarkjs.snarkjs(directory, "zkey", "contribute", NAME + "_0000.zkey", NAME + "_final.zkey",
                "--name=test", "-e=zk-attestation test entropy 2");
        Snarkjs.snarkjs(directory, "zkey", "export", "verificationkey", NAME + "_final.zkey", "verification_key.json");
        Snarkjs.snarkjs(directory, "zkey", "export", "verificationkey", NAME + "_0000.zkey",
                "verification_key_uncontributed.json");
    }

    /** A satisfying input: random x[1..4] and secret, x[0] = secret^2 + x[1]·x[2] + x[3]·x[4] mod r. */
    static String randomInput(Random random) {
        BigInteger r = io.creditlayer.zk.bn254.Bn254.R;
        BigInteger[] x = new BigInteger[PUBLIC_INPUTS];
        for (int i = 1; i < PUBLIC_INPUTS; i++) {
            x[i] = new BigInteger(254, random).mod(r);
        }
        BigInteger secret = new BigInteger(254, random).mod(r);
        x[0] = secret.multiply(secret).add(x[1].multiply(x[2])).add(x[3].multiply(x[4])).mod(r);
        StringBuilder json = new StringBuilder("{\"x\": [");
        for (int i = 0; i < PUBLIC_INPUTS; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(x[i]).append('"');
        }
        return json.append("], \"secret\": \"").append(secret).append("\"}").toString();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
