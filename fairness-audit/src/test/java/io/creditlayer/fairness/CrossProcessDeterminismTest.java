package io.creditlayer.fairness;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        assertEquals(HashMain.report().sha256().hex(), hashInAnotherJvm());
    }

    /** Cluster ids are numbered through a hash map: only lookups, so its per-process order must not show. */
    @Test
    void anotherJvmProducesTheSameHashForClusteredRows() throws Exception {
        assertEquals(HashMain.clusteredReport().sha256().hex(), hashInAnotherJvm("clustered"));
    }

    private static String hashInAnotherJvm(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), HashMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.split("\\R");
        return lines[lines.length - 1];
    }
}
