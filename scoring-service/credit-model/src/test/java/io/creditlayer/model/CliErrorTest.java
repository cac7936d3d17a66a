package io.creditlayer.model;

import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Presets;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.train.ModelTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CLI failure is one line on stderr with a non-zero exit code. */
class CliErrorTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void model() {
        model = dir.resolve("model");
        ModelTrainer.fit(CsvLoader.load(TestData.syntheticWallets(), Presets.wallet()), Presets.wallet(),
                ModelTrainer.Options.wallet(1).withGbt(new GradientBoostedTrees.Options(30, 20, 6, 10, 0.1, 0.7)), null)
                .model().write(model);
    }

    private static String fails(int exit, String... args) {
        Cli cli = Cli.run(args);
        assertEquals(exit, cli.exit(), cli.out() + cli.err());
        String err = cli.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("error: "), err);
        return err;
    }

    @Test
    void reweighingByAColumnThatIsNotAGroup() {
        String csv = TestData.syntheticWallets().toString();
        String err = fails(1, "train", "--preset", "wallet", "--csv", csv, "--out", dir.resolve("rw").toString(),
                "--reweigh-by", "tx_count", "--quiet");
        assertTrue(err.endsWith("cannot reweigh by 'tx_count': not a group column (group columns: wallet)"), err);
        assertTrue(fails(1, "audit", "--preset", "wallet", "--csv", csv, "--out", dir.resolve("au").toString(),
                "--reweigh-by", "age<25").contains("--reweigh-by must be a group column or column<=number"));
    }

    @Test
    void unknownPreset() {
        assertEquals("error: unknown preset 'nope' (wallet, german)", fails(1, "train", "--preset", "nope", "--out", "x"));
    }

    @Test
    void missingInputFile() {
        assertTrue(fails(1, "train", "--csv", dir.resolve("missing.csv").toString(), "--out", "x")
                .startsWith("error: missing.csv: file not found"));
    }

    @Test
    void badCsvNamesFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,label\n1,2,0\n3,x,1\n");
        assertEquals("error: bad.csv:3: column 'b' (2): non-numeric value 'x' in numeric column",
                fails(1, "train", "--csv", bad.toString(), "--out", dir.resolve("o").toString()));
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "a,b,label\n1,2,0\n3,4,0\n");
        assertTrue(fails(1, "train", "--csv", one.toString(), "--out", dir.resolve("o").toString())
                .startsWith("error: one.csv: label column 'label' has only one class"));
        assertTrue(fails(1, "train", "--csv", one.toString(), "--label", "default", "--out", dir.resolve("o").toString())
                .startsWith("error: one.csv:1: label column 'default' not found in the header"));
    }

    @Test
    void tamperedArtifact() throws IOException {
        Path t = dir.resolve("tampered");
        Files.createDirectories(t);
        try (var files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, t.resolve(f.getFileName()));
            }
        }
        Files.writeString(t.resolve(ModelArtifact.MANIFEST),
                Files.readString(t.resolve(ModelArtifact.MANIFEST)).replace("\"minScore\" : 800", "\"minScore\" : 600"));
        String err = fails(1, "score", "--model", t.toString(), "--csv", TestData.syntheticWallets().toString());
        assertTrue(err.contains("is tampered or corrupt"), err);
    }

    @Test
    void dataOfAnotherSchema() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "wallet,x,label\n0x01,1,0\n");
        assertEquals("error: other.csv:1: feature column 'wallet_age_days' not found in the header (schema wallet-v1)",
                fails(1, "score", "--model", model.toString(), "--csv", other.toString()));
    }

    @Test
    void badOptions() {
        assertTrue(fails(2, "train", "--bogus").contains("(see --help)"));
        assertTrue(fails(2, "score", "--csv", "x.csv").contains("--model"));
        assertTrue(fails(1, "explain", "--model", model.toString(), "--csv", TestData.syntheticWallets().toString(),
                "--row", "100000").contains("out of range"));
    }
}
