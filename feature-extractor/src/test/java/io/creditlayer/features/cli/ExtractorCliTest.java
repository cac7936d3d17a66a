package io.creditlayer.features.cli;

import io.creditlayer.contracts.devnet.Anvil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets one line on stderr and a non-zero exit, and nothing else happens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractorCliTest {
    private Anvil anvil;

    @TempDir
    Path dir;

    @BeforeAll
    void start() {
        anvil = Anvil.start();
    }

    @AfterAll
    void stop() {
        anvil.close();
    }

    @Test
    void malformedAddress() {
        assertOneLineError("--wallet must be a 0x-prefixed 20-byte address",
                "profile", "--rpc", anvil.rpcUrl(), "--wallet", "0x12345");
    }

    @Test
    void unknownChain() {
        assertOneLineError("unknown chain 31337: no built-in address book; pass --deployment FILE",
                "extract", "--rpc", anvil.rpcUrl());
    }

    @Test
    void wrongChain() {
        assertOneLineError("serves chain 31337, expected 1", "extract", "--rpc", anvil.rpcUrl(), "--chain-id", "1");
    }

    @Test
    void unreachableEndpoint() {
        assertOneLineError("cannot reach JSON-RPC endpoint http://127.0.0.1:9", "extract", "--rpc", "http://127.0.0.1:9");
    }

    @Test
    void malformedDeploymentFile() throws Exception {
        Path file = dir.resolve("deployment.json");
        Files.writeString(file, "{\"chainId\": 31337, \"lendingPool\": \"nope\"}");
        assertOneLineError("\"lendingPool\" must be an address", "extract", "--rpc", anvil.rpcUrl(), "--deployment", file.toString());
    }

    @Test
    void badNumbersAndUnknownCommands() {
        assertOneLineError("--from must be a non-negative integer", "extract", "--rpc", anvil.rpcUrl(), "--from", "-3");
        assertOneLineError("unknown command 'extrct'", "extrct", "--rpc", anvil.rpcUrl());
        assertOneLineError("--rpc needs a value", "extract", "--rpc");
    }

    private static void assertOneLineError(String expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ExtractorCli(new PrintStream(out, true), new PrintStream(err, true)).run(args);
        String message = err.toString();
        assertEquals(1, code, message);
        assertEquals(1, message.strip().lines().count(), message);
        assertTrue(message.startsWith("error: ") && message.contains(expected), message);
        assertEquals("", out.toString());
    }
}
