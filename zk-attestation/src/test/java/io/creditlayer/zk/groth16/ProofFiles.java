package io.creditlayer.zk.groth16;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A proof made by {@code snarkjs groth16 fullprove}: proof.json and public.json, cached by the proving key's hash
 * and the input so that repeated test runs reuse them.
 */
record ProofFiles(Path proof, Path publicInputs) {

    static ProofFiles prove(Groth16Artifacts artifacts, String input, Path cacheDirectory) {
        try {
            String key = TestCircuit.sha256(TestCircuit.sha256(Files.readAllBytes(artifacts.zkey())) + "\n" + input);
            Path directory = cacheDirectory.resolve(key.substring(0, 24));
            ProofFiles files = new ProofFiles(directory.resolve("proof.json"), directory.resolve("public.json"));
            if (!Files.isRegularFile(files.proof()) || !Files.isRegularFile(files.publicInputs())) {
                Files.createDirectories(directory);
                Path inputFile = directory.resolve("input.json");
                Files.writeString(inputFile, input);
                Snarkjs.fullProve(artifacts, inputFile, directory);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
