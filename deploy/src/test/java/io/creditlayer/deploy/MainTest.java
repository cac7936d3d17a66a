package io.creditlayer.deploy;

import io.creditlayer.deploy.config.ConfigException;
import io.creditlayer.deploy.config.DeploymentConfig;
import io.creditlayer.deploy.config.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the deployer gets a one-line error, and keys load only from the environment or a keystore. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void unknownCommandAndMissingConfigFailWithOneLine() {
        assertEquals(2, Main.run(new String[] {"launch"}));
        String err = stderrOf(() -> assertEquals(1, Main.run(new String[] {"deploy", "--config", dir.resolve("none.json").toString()})));
        assertEquals(1, err.strip().lines().count());
        assertTrue(err.startsWith("error: config file"), err);
    }

    @Test
    void malformedConfigNamesTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Files.readString(Path.of("networks/example-sepolia.json")).replace("0x", "0xzz"));
        ConfigException e = assertThrows(ConfigException.class, () -> DeploymentConfig.read(file));
        assertTrue(e.getMessage().contains("must be a 0x-prefixed 20-byte address"), e.getMessage());
    }

    @Test
    void exampleConfigsParse() {
        DeploymentConfig sepolia = DeploymentConfig.read(Path.of("networks/example-sepolia.json"));
        assertEquals(11155111L, sepolia.network().chainId());
        assertFalse(sepolia.devnetMarket());
    }

    @Test
    void unreachableEndpointFailsWithOneLine() throws Exception {
        Path file = dir.resolve("offline.json");
        Files.writeString(file, Files.readString(Path.of("networks/example-sepolia.json"))
                .replace("https://rpc.sepolia.org", "http://127.0.0.1:9"));
        String err = stderrOf(() -> assertEquals(1, Main.run(new String[] {"deploy", "--config", file.toString()})));
        assertTrue(err.startsWith("error: "), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void badScenarioNumbersFailWithOneLine() {
        String err = stderrOf(() -> assertEquals(1, Main.run(new String[] {"scenario", "--wallets", "many"})));
        assertEquals("error: --wallets must be an integer: many", err.strip());
    }

    @Test
    void demoStopsOnlyAfterTheAuditAndReauditNeedsAFinishedRun() {
        String err = stderrOf(() -> assertEquals(1, Main.run(new String[] {"demo", "--until", "service"})));
        assertEquals("error: --until takes 'audit' (stop after the fairness audit): service", err.strip());
        String missing = stderrOf(() -> assertEquals(1, Main.run(new String[] {"reaudit", "--out", dir.toString()})));
        assertEquals(1, missing.strip().lines().count(), missing);
        assertTrue(missing.startsWith("error: "), missing);
    }

    @Test
    void keysComeFromEnvironmentOrEncryptedKeystore() throws Exception {
        ECKeyPair pair = Keys.createEcKeyPair();
        Credentials expected = Credentials.create(pair);
        String hexKey = "0x" + pair.getPrivateKey().toString(16);
        assertEquals(expected.getAddress(), KeySource.fromEnv("K").load(Map.of("K", hexKey)).getAddress());

        String keystore = WalletUtils.generateWalletFile("correct horse", pair, dir.toFile(), false);
        KeySource source = KeySource.fromKeystore(dir.resolve(keystore).toString(), "PW");
        assertEquals(expected.getAddress(), source.load(Map.of("PW", "correct horse")).getAddress());
        ConfigException wrong = assertThrows(ConfigException.class, () -> source.load(Map.of("PW", "wrong")));
        assertFalse(wrong.getMessage().contains("wrong\""), "password never echoed");
        assertThrows(ConfigException.class, () -> KeySource.fromEnv("K").load(Map.of()));
        assertThrows(ConfigException.class, () -> KeySource.fromEnv("K").load(Map.of("K", "0x1234")));
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString();
    }
}
