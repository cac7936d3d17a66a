package io.creditlayer.zk.groth16;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What proving and verifying a circuit with snarkjs takes: the witness generator (wasm), the final proving key
 * (zkey) and the exported verification_key.json. The test circuit builds its own under target/; the tier proof's
 * come from the ceremony script's output directory (.cache/zk/: tier_proof.wasm, tier_proof_final.zkey,
 * verification_key.json), see {@link #inDirectory}.
 */
record Groth16Artifacts(Path wasm, Path zkey, Path verificationKey) {
    Groth16Artifacts {
        for (Path file : new Path[] {wasm, zkey, verificationKey}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("missing artifact " + file);
            }
        }
    }

    /** {@code <directory>/<circuit>.wasm}, {@code <circuit>_final.zkey} and {@code verification_key.json}. */
    static Groth16Artifacts inDirectory(Path directory, String circuit) {
        return new Groth16Artifacts(directory.resolve(circuit + ".wasm"), directory.resolve(circuit + "_final.zkey"),
                directory.resolve("verification_key.json"));
    }
}
