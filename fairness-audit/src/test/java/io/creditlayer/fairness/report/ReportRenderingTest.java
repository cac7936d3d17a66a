package io.creditlayer.fairness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.Synthetic;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HTML report renders in a real browser: headless Debian Chromium driven by playwright-core
 * (src/test/js/render-report.mjs) loads a written report; no console error, page error or network request occurs;
 * every SVG chart is drawn and visible; a full-page screenshot lands in target/report-render/.
 *
 * <p>Without Chromium this test fails, pointing to deploy/bin/install-chromium, rather than skipping: a skipped
 * rendering check looks green in CI while nobody has seen the page. Every machine of the project runs as root with
 * Debian's packages reachable, and .ci/run installs Chromium first, so the failure only asks a developer for the
 * one command CI runs anyway.
 */
class ReportRenderingTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("creditlayer.chromium", "/usr/bin/chromium"));
    private static final Pattern SVG = Pattern.compile("<svg\\b");

    @Test
    void theReportRendersInHeadlessChromiumWithVisibleCharts() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is not installed at " + CHROMIUM + ": run deploy/bin/install-chromium (as root; it calls "
                    + "apt-get install chromium), or point -Dcreditlayer.chromium=PATH at another build");
        }
        Path root = repositoryRoot();
        Path script = Path.of("src/test/js/render-report.mjs").toAbsolutePath();
        Path out = Path.of("target/report-render").toAbsolutePath();
        Files.createDirectories(out);
        Path html = out.resolve("fairness-report.html");
        Path png = out.resolve("fairness-report.png");
        Files.deleteIfExists(png);

        // a biased synthetic model: failing checks, three attributes and their intersection, threshold analysis
        AuditReport report = FairnessAudit.run(Synthetic.applicants(4000, 11, 0.05), FairnessPolicy.defaults(),
                FairnessAudit.Options.defaults().withBootstrap(200, 3));
        String page = report.toHtml();
        Files.writeString(html, page, StandardCharsets.UTF_8);
        int charts = count(SVG, page);
        assertTrue(charts >= 6, "the report draws charts: " + charts);

        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), html.toString(), png.toString(), CHROMIUM.toString())
                .directory(root.toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run node (Node.js 20 or later is needed for the rendering check): " + e.getMessage(), e);
        }
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("rendering the report took more than 180 s");
        }
        String text = new String(output, StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), "render-report.mjs failed:\n" + text);
        String lastLine = text.lines().reduce((a, b) -> b).orElse("");
        JsonNode result = new ObjectMapper().readTree(lastLine);
        assertTrue(result.get("problems").isEmpty(), text);
        assertEquals(charts, result.get("charts").asInt(), "every chart of the page was found: " + text);
        assertEquals(charts, result.get("visible").asInt(), text);
        assertEquals(charts, result.get("drawn").asInt(), text);
        assertTrue(result.get("title").asText().startsWith("Fairness report: synthetic"), text);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG screenshot was written to " + png);
        assertEquals(result.get("width").asInt(), image.getWidth(), "full-page width");
        assertTrue(image.getHeight() >= 2000, "the full page, not just the viewport: " + image.getHeight());
        assertTrue(distinctColours(image) > 50, "the screenshot shows content, not a blank page");
    }

    /** The directory with package.json and node_modules/playwright-core (npm ci installs it there). */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json")) && Files.isDirectory(dir.resolve("node_modules"))) {
                if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
                    fail("node_modules/playwright-core is missing under " + dir + ": run npm ci at the repository root");
                }
                return dir;
            }
        }
        fail("no package.json with node_modules above " + Path.of("").toAbsolutePath() + ": run npm ci at the repository root");
        return null;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
