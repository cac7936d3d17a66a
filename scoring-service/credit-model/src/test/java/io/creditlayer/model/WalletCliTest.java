package io.creditlayer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.artifact.Json;
import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.data.WalletV1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wallet preset on the synthetic wallet-v1 training set, through the CLI. */
class WalletCliTest {
    @TempDir
    static Path dir;
    static Path model;
    static Cli train;

    @BeforeAll
    static void trainThroughTheCli() {
        model = dir.resolve("wallet");
        train = Cli.run("train", "--preset", "wallet", "--csv", TestData.syntheticWallets().toString(), "--out",
                model.toString(), "--seed", "7");
        assertEquals(0, train.exit(), train.err());
    }

    @Test
    void theCommittedResourceIsTheGeneratorsOutput() throws IOException {
        assertEquals(SyntheticWallets.csv(SyntheticWallets.RESOURCE_ROWS, SyntheticWallets.RESOURCE_SEED, true),
                TestData.syntheticWalletsText());
    }

    @Test
    void trainsTimeOrderedAndLearnsTheSyntheticSignal() throws IOException {
        JsonNode manifest = Json.parse(Files.readAllBytes(model.resolve(ModelArtifact.MANIFEST)));
        JsonNode split = manifest.path("training").path("split");
        assertEquals(360, split.path("train").asInt());
        assertTrue(split.path("validationTimeFrom").asLong() > split.path("trainTimeTo").asLong());
        assertTrue(split.path("testTimeFrom").asLong() > split.path("validationTimeTo").asLong());
        assertEquals(WalletV1.schema().hash(), manifest.path("schema").path("hash").asText());
        double auc = manifest.path("metrics").path("holdout").path("chosen").path("auc").asDouble();
        assertTrue(auc > 0.65, "synthetic test AUC " + auc);
        assertTrue(train.out().contains("held-out metrics (test)"), train.out());
    }

    @Test
    void downturnCalibrationAndRollingOriginsAreOptionsOfTheTimeSplit() throws IOException {
        JsonNode plain = Json.parse(Files.readAllBytes(model.resolve(ModelArtifact.MANIFEST))).path("training").path("split");
        assertTrue(plain.path("downturnRate").isMissingNode(), "off by default: " + plain);
        assertEquals(1, plain.path("calibrationOrigins").asInt());

        Path downturn = dir.resolve("downturn");
        Cli on = Cli.run("train", "--preset", "wallet", "--csv", TestData.syntheticWallets().toString(), "--out",
                downturn.toString(), "--seed", "7", "--downturn", "--quiet");
        assertEquals(0, on.exit(), on.err());
        JsonNode split = Json.parse(Files.readAllBytes(downturn.resolve(ModelArtifact.MANIFEST))).path("training").path("split");
        double rate = split.path("downturnRate").asDouble();
        double earlierRate = (split.path("trainDefaults").asDouble() + split.path("validationDefaults").asDouble())
                / (split.path("train").asDouble() + split.path("validation").asDouble());
        assertTrue(rate >= earlierRate, "the worst window is at least the average: " + split);
        assertTrue(split.path("downturnShift").asDouble() >= 0, split.toString());

        Path rolling = dir.resolve("rolling");
        Cli three = Cli.run("train", "--preset", "wallet", "--csv", TestData.syntheticWallets().toString(), "--out",
                rolling.toString(), "--seed", "7", "--calibration-origins", "3", "--quiet");
        assertEquals(0, three.exit(), three.err());
        JsonNode threeSplit = Json.parse(Files.readAllBytes(rolling.resolve(ModelArtifact.MANIFEST))).path("training").path("split");
        assertEquals(3, threeSplit.path("calibrationOrigins").asInt(), threeSplit.toString());
        // two earlier blocks of the validation's size, all before the validation rows
        assertEquals(3 * threeSplit.path("validation").asInt(), threeSplit.path("calibration").asInt(), 2, threeSplit.toString());
        assertTrue(threeSplit.path("calibrationTimeFrom").asLong() < threeSplit.path("validationTimeFrom").asLong());
        assertEquals(2, Cli.run("train", "--preset", "wallet", "--csv", TestData.syntheticWallets().toString(), "--out",
                dir.resolve("bad").toString(), "--calibration-origins", "x").exit());
    }

    @Test
    void splitSharesAreAnOption() throws IOException {
        Path other = dir.resolve("split");
        Cli cli = Cli.run("train", "--preset", "wallet", "--csv", TestData.syntheticWallets().toString(), "--out",
                other.toString(), "--split", "0.5,0.3", "--learners", "scorecard", "--quiet");
        assertEquals(0, cli.exit(), cli.err());
        JsonNode split = Json.parse(Files.readAllBytes(other.resolve(ModelArtifact.MANIFEST))).path("training").path("split");
        assertTrue(Math.abs(split.path("train").asInt() - 300) <= 40, split.toString());
        assertTrue(Math.abs(split.path("validation").asInt() - 180) <= 40, split.toString());
        assertEquals(2, Cli.run("train", "--preset", "wallet", "--csv", "x.csv", "--out", "y", "--split", "a").exit());
        assertEquals(1, Cli.run("train", "--preset", "wallet", "--csv", TestData.syntheticWallets().toString(),
                "--out", "y", "--split", "0.9,0.2").exit());
    }

    @Test
    void scoresProfilesWithReasonTextsFromTheCatalogue() throws IOException {
        Path profiles = dir.resolve("profiles.csv");
        Files.writeString(profiles, SyntheticWallets.csv(40, 99, false));
        Path out = dir.resolve("scores.csv");
        Cli score = Cli.run("score", "--model", model.toString(), "--csv", profiles.toString(), "--out", out.toString());
        assertEquals(0, score.exit(), score.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(41, lines.size());
        assertEquals("wallet,pd,score,tier,collateral_ratio_bps,reason_codes,reason_1,reason_2,reason_3", lines.getFirst());
        Set<String> catalogue = catalogueTexts();
        int reasons = 0;
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("0x"), line);
            for (String cell : splitCsv(line).subList(6, 9)) {
                if (!cell.isEmpty()) {
                    assertTrue(catalogue.contains(cell), "catalogue text: " + cell);
                    reasons++;
                }
            }
        }
        assertTrue(reasons > 40, "reasons given");
    }

    @Test
    void explainsOneWalletById() {
        String wallet = String.format("0x%040x", 5);
        Cli explain = Cli.run("explain", "--model", model.toString(), "--csv", TestData.syntheticWallets().toString(),
                "--id", wallet, "--top", "3");
        assertEquals(0, explain.exit(), explain.err());
        assertTrue(explain.out().startsWith(wallet + " (row "), explain.out());
        assertTrue(explain.out().contains("liquidation_count"), explain.out());
    }

    @Test
    void evaluateShowsPsiForEveryFeature() {
        Cli eval = Cli.run("evaluate", "--model", model.toString(), "--csv", TestData.syntheticWallets().toString());
        assertEquals(0, eval.exit(), eval.err());
        for (String f : WalletV1.featureNames()) {
            assertTrue(eval.out().contains(f), f);
        }
    }

    private static Set<String> catalogueTexts() throws IOException {
        try (InputStream in = WalletCliTest.class.getResourceAsStream("/io/creditlayer/model/reasons/wallet-v1.json")) {
            JsonNode reasons = Json.MAPPER.readTree(in).path("reasons");
            Set<String> texts = new HashSet<>();
            reasons.forEach(r -> {
                texts.add(r.path("low").asText());
                texts.add(r.path("high").asText());
            });
            return texts;
        }
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
