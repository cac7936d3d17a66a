package io.creditlayer.fairness;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same audit in another JVM gives the same bytes. Within one JVM, hash-seeded orders (Map.copyOf, Set.of,
 * identity hash codes) look stable; a fresh process re-randomises them, so this catches any that leak into the
 * report.
 */
class CrossProcessDeterminismTest {

    @Test
    void anotherJvmProducesTheSameHash() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), HashMain.class.getName()))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.split("\\R");
        assertEquals(HashMain.report().sha256().hex(), lines[lines.length - 1]);
    }
}
