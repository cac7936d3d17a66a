package io.creditlayer.deploy.scenario;

import io.creditlayer.deploy.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code scenario} command writes deployment.json and scenario.json side by side and prints a summary. */
class ScenarioCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheDeploymentAndTheManifestAndPrintsASummary() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ScenarioOptions options = ScenarioOptions.defaults().withWallets(10).withDays(7).withSeed(3);
        ScenarioManifest manifest = ScenarioDevnet.command(options, dir, new PrintStream(captured, true, StandardCharsets.UTF_8));

        Deployment deployment = Deployment.read(dir.resolve("deployment.json"));
        ScenarioManifest written = ScenarioManifest.read(dir.resolve(ScenarioManifest.FILE_NAME));
        assertEquals(manifest, written);
        assertEquals(deployment.lendingPool().toLowerCase(), written.contracts().lendingPool());
        assertEquals(deployment.chainId(), written.chainId());
        assertEquals(10, written.walletCount());
        assertEquals(ScenarioDevnet.GENESIS_TIMESTAMP, written.genesisTimestamp());
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("day   7/7"), out);
        assertTrue(out.contains("CreditLayer devnet scenario"), out);
        assertTrue(out.contains(written.endBlockHash()), out);
    }
}
