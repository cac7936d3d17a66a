package io.creditlayer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.artifact.Json;
import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.data.Presets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UCI German credit data through the CLI: nested stratified 5-fold cross-validation (seed 42), then the final
 * fit, evaluation, scoring and explanation of the written artifact.
 */
class GermanCreditTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static Cli train;
    static JsonNode metrics;

    @BeforeAll
    static void trainThroughTheCli() throws IOException {
        data = TestData.german();
        model = dir.resolve("german");
        train = Cli.run("train", "--preset", "german", "--csv", data.toString(), "--seed", "42", "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        metrics = Json.parse(Files.readAllBytes(model.resolve(ModelArtifact.MANIFEST))).path("metrics");
    }

    @Test
    void boostedTreesReachTheTargetFiveFoldAuc() {
        JsonNode gbt = metrics.path("holdout").path("gbt");
        assertEquals(1000, gbt.path("rows").asInt());
        assertEquals(300, gbt.path("defaults").asInt());
        // goal 0.79 (published tree ensembles: 0.78-0.80); seed 42 gives 0.8017 pooled, 0.8031 mean of folds
        assertTrue(gbt.path("auc").asDouble() >= 0.79, "GBT 5-fold AUC " + gbt.path("auc").asDouble());
        assertTrue(metrics.path("foldAuc").path("gbt").path("mean").asDouble() >= 0.79);
        // Spectral's credit-challenge knock-out bar: AUC 0.75 and KS 0.45
        assertTrue(gbt.path("ks").asDouble() >= 0.45, "GBT KS " + gbt.path("ks").asDouble());
        assertTrue(gbt.path("ece").asDouble() < 0.05, "GBT ECE " + gbt.path("ece").asDouble());
    }

    @Test
    void theScorecardBaselineAndThePipelineAreReported() {
        JsonNode scorecard = metrics.path("holdout").path("scorecard");
        assertTrue(scorecard.path("auc").asDouble() >= 0.76, "scorecard AUC " + scorecard.path("auc").asDouble());
        assertTrue(scorecard.path("ece").asDouble() < 0.05, "scorecard ECE " + scorecard.path("ece").asDouble());
        // the pipeline with its per-fold model choice (nested): what shipping "the chosen model" achieves
        assertTrue(metrics.path("holdout").path("chosen").path("auc").asDouble() >= 0.78);
        assertEquals("gbt", metrics.path("chosen").asText());
        assertEquals(5, metrics.path("folds").size());
        assertTrue(List.of("platt", "isotonic").contains(metrics.path("calibration").path("gbt").path("method").asText()));
        assertTrue(train.out().contains("held-out metrics (cross-validation), calibrated PD:"), train.out());
        assertTrue(train.out().contains("model " + "0x"), train.out());
        assertTrue(train.err().contains("outer fold 5/5"), "progress lines on stderr");
    }

    @Test
    void protectedAttributesAreNotFeatures() throws IOException {
        JsonNode manifest = Json.parse(Files.readAllBytes(model.resolve(ModelArtifact.MANIFEST)));
        for (JsonNode f : manifest.path("schema").path("features")) {
            assertTrue(!Presets.GERMAN_GROUPS.contains(f.path("name").asText()), f.toString());
        }
        assertEquals(3, manifest.path("columns").path("groups").size());
        String card = Files.readString(model.resolve(ModelArtifact.CARD_MD));
        assertTrue(card.contains("## Ethical considerations"));
        assertTrue(card.contains("personal_status_sex, age_years, foreign_worker"));
    }

    @Test
    void evaluateReportsMetricsAndPsiAgainstTraining() {
        Cli eval = Cli.run("evaluate", "--model", model.toString(), "--csv", data.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("AUC"), eval.out());
        // evaluated on the training population itself: every PSI is 0
        String scoreLine = eval.out().lines().filter(l -> l.startsWith("score ")).findFirst().orElseThrow();
        assertTrue(scoreLine.contains("0.0000") && scoreLine.contains("stable"), scoreLine);
        assertTrue(eval.out().contains("checking_status"));
    }

    @Test
    void scoreWritesOneLinePerApplicant() throws IOException {
        Path out = dir.resolve("scores.csv");
        Cli score = Cli.run("score", "--model", model.toString(), "--csv", data.toString(), "--out", out.toString());
        assertEquals(0, score.exit(), score.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1001, lines.size());
        assertEquals("row,pd,score,tier,collateral_ratio_bps,reason_codes,reason_1,reason_2,reason_3", lines.getFirst());
        int[] ratio = {15_000, 14_000, 12_500, 11_000, 9_500, 8_000};
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 6);
            int s = Integer.parseInt(cells[2]);
            int tier = Integer.parseInt(cells[3]);
            assertTrue(s >= 300 && s <= 850);
            assertTrue(tier >= 1 && tier <= 5);
            assertEquals(ratio[tier], Integer.parseInt(cells[4]));
        }
    }

    @Test
    void explainPrintsContributionsAndReasons() {
        Cli explain = Cli.run("explain", "--model", model.toString(), "--csv", data.toString(), "--row", "2");
        assertEquals(0, explain.exit(), explain.err());
        assertTrue(explain.out().contains("tree-shap"), explain.out());
        assertTrue(explain.out().contains("reasons:\n1. ["), explain.out());
        assertTrue(explain.out().contains("duration_months"), explain.out());
    }
}
