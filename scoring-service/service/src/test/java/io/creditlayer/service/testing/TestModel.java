package io.creditlayer.service.testing;

import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.cli.ModelCli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real credit model for the service tests: trained once per build on the credit-model module's synthetic
 * wallet-v1 data set (600 rows) and reused by every test run of the build.
 */
public final class TestModel {
    private static final Path DIR = Path.of("target/test-model");

    private TestModel() {
    }

    public static synchronized Path dir() {
        if (!Files.isRegularFile(DIR.resolve(ModelArtifact.MANIFEST))) {
            String csv = System.getProperty("creditlayer.test.training-csv");
            if (csv == null || !Files.isRegularFile(Path.of(csv))) {
                throw new IllegalStateException("creditlayer.test.training-csv must name the synthetic wallet-v1 CSV: " + csv);
            }
            int exit = ModelCli.run("train", "--preset", "wallet", "--csv", csv, "--out", DIR.toString(), "--seed", "7",
                    "--quiet");
            if (exit != 0) {
                throw new IllegalStateException("training the test model failed with exit code " + exit);
            }
        }
        return DIR.toAbsolutePath();
    }
}
