package io.creditlayer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.artifact.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fairness audit of the credit model on the real German credit data (seed 42), before and after reweighing by
 * age, through the CLI: the reports are written, the figures are the ones committed in docs/fairness-german.md
 * (the summary there is this run's output, so the document is reproducible), and reweighing narrows the age gap.
 */
class GermanFairnessAuditTest {
    static final String BEGIN = "<!-- audit summary: begin -->\n";
    static final String END = "<!-- audit summary: end -->";

    @TempDir
    static Path dir;
    static Cli audit;
    static JsonNode baseline;
    static JsonNode reweighed;

    @BeforeAll
    static void auditThroughTheCli() throws IOException {
        Path data = TestData.german();
        audit = Cli.run("audit", "--preset", "german", "--csv", data.toString(), "--seed", "42",
                "--reweigh-by", "age_years<=25", "--out", dir.toString(), "--quiet");
        assertEquals(0, audit.exit(), audit.err());
        baseline = Json.parse(Files.readAllBytes(dir.resolve("baseline/fairness-report.json")));
        reweighed = Json.parse(Files.readAllBytes(dir.resolve("reweighed/fairness-report.json")));
    }

    @Test
    void writesBothReportsAndTheSummary() throws IOException {
        for (String model : new String[]{"baseline", "reweighed"}) {
            String html = Files.readString(dir.resolve(model + "/fairness-report.html"));
            assertTrue(html.contains("<svg") && html.contains("approved when PD &lt;= 0.166667"), model);
        }
        assertEquals(Files.readString(dir.resolve("summary.md")), audit.out());
        assertEquals("german-credit", baseline.path("policy").path("document").path("name").asText());
        assertEquals(1000, baseline.path("data").path("rows").asInt(), "every applicant, each scored out of fold");
    }

    @Test
    void theCommittedSummaryIsThisRunsOutput() throws IOException {
        Path doc = docs().resolve("fairness-german.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        assertTrue(from >= 0 && to > from, doc + " holds the summary between the audit-summary markers");
        assertEquals(text.substring(from + BEGIN.length(), to), Files.readString(dir.resolve("summary.md")),
                "rerun the command in " + doc + " and paste its summary.md");
    }

    @Test
    void reweighingByAgeNarrowsTheAgeGap() {
        double before = ageDisparateImpact(baseline);
        double after = ageDisparateImpact(reweighed);
        assertTrue(after > before, "disparate impact of the under-25s: " + before + " before, " + after + " after");
        assertTrue(reweighed.path("model").path("name").asText().contains("reweighed by age_years<=25"));
    }

    /** The under-25s' approval rate over the over-25s', whichever the reference is. */
    private static double ageDisparateImpact(JsonNode report) {
        double young = Double.NaN;
        double rest = Double.NaN;
        for (JsonNode dim : report.path("dimensions")) {
            if (!dim.path("name").asText().equals("age")) {
                continue;
            }
            for (JsonNode g : dim.path("groups")) {
                double rate = g.path("metrics").path("selection_rate").path("value").asDouble();
                if (g.path("group").asText().equals("age<=25")) {
                    young = rate;
                } else {
                    rest = rate;
                }
            }
        }
        assertTrue(!Double.isNaN(young) && !Double.isNaN(rest), "both age groups are in the report");
        return young / rest;
    }

    private static Path docs() {
        String root = System.getProperty("creditlayer.root");
        Path start = root != null && !root.isBlank() && !root.startsWith("${") ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("docs/adr"))) {
                return d.resolve("docs");
            }
        }
        throw new IllegalStateException("no docs/ above " + start);
    }
}
