package io.creditlayer.features.cli;

import io.creditlayer.features.support.TokenDevnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill the extractor mid-run (SIGKILL, no chance to clean up), start it again with the same checkpoint
 * directory: it resumes after the checkpoint and writes exactly what an uninterrupted run writes.
 */
class CheckpointResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumesAfterAKill() throws Exception {
        try (TokenDevnet devnet = new TokenDevnet()) {
            devnet.activity(25);
            long head = devnet.blockNumber();
            Path deployment = dir.resolve("deployment.json");
            Files.writeString(deployment, """
                    {"chainId": 31337, "lendingPool": "0x%1$s", "loanToken": "%2$s", "collateralToken": "0x%1$s",
                     "creditOracle": "0x%1$s"}""".formatted("11".repeat(20), devnet.tokenAddress));

            Path checkpoint = dir.resolve("checkpoint");
            List<String> slow = command(devnet, head, deployment, dir.resolve("resumed.csv"), checkpoint, "15");
            Process first = new ProcessBuilder(slow).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("first.log").toFile()).start();
            Path checkpointFile = checkpoint.resolve("checkpoint.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(checkpointFile) && System.nanoTime() < deadline && first.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(first.isAlive(), "still running when killed: " + Files.readString(dir.resolve("first.log")));
            first.destroyForcibly().waitFor();
            String saved = Files.readString(checkpointFile);
            long checkpointed = Long.parseLong(saved.replaceAll(".*\"lastBlock\":(\\d+).*", "$1"));
            assertTrue(checkpointed < head, "killed before the end: " + saved);

            Process second = new ProcessBuilder(command(devnet, head, deployment, dir.resolve("resumed.csv"), checkpoint, "10000"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile()).start();
            assertEquals(0, second.waitFor(), Files.readString(dir.resolve("second.log")));
            assertTrue(Files.readString(dir.resolve("second.log")).contains("resuming from checkpoint at block " + String.format("%,d", checkpointed + 1)),
                    Files.readString(dir.resolve("second.log")));

            Process reference = new ProcessBuilder(command(devnet, head, deployment, dir.resolve("reference.csv"), dir.resolve("fresh"), "10000"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("reference.log").toFile()).start();
            assertEquals(0, reference.waitFor(), Files.readString(dir.resolve("reference.log")));
            assertEquals(Files.readString(dir.resolve("reference.csv.profiles")), Files.readString(dir.resolve("resumed.csv.profiles")));
            assertTrue(Files.readAllLines(dir.resolve("resumed.csv.profiles")).size() > 4);
        }
    }

    private static List<String> command(TokenDevnet devnet, long head, Path deployment, Path out, Path checkpoint, String rps) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ExtractorCli.class.getName(), "extract", "--rpc", devnet.anvil.rpcUrl(), "--deployment", deployment.toString(),
                "--to", Long.toString(head), "--checkpoint", checkpoint.toString(), "--chunk", "5",
                "--rps", rps, "--out", out.toString(), "--profiles", out + ".profiles"));
        return command;
    }
}
