package io.creditlayer.zk.groth16;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.contracts.devnet.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repository's pinned snarkjs and circom2 (node_modules at the repository root, found through
 * {@link Toolchain#root()}), run as Node processes.
 */
final class Snarkjs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Snarkjs() {
    }

    static Path nodeModules() {
        return Toolchain.root().resolve("node_modules");
    }

    static Path cli() {
        return nodeModules().resolve("snarkjs/build/cli.cjs");
    }

    /** The output of a process that exited with 0 (or with {@code allowedExit}). */
    record Result(int exitCode, String output) {
    }

    static Result run(Path workingDirectory, List<String> command, int... allowedExits) {
        try {
            Path log = Files.createTempFile("snarkjs-", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(workingDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", command));
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                int exit = process.exitValue();
                if (exit != 0 && java.util.Arrays.stream(allowedExits).noneMatch(allowed -> allowed == exit)) {
                    throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command) + "\n" + output);
                }
                return new Result(exit, output);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** node cli.cjs args..., in {@code workingDirectory}. */
    static Result snarkjs(Path workingDirectory, String... args) {
        return snarkjs(workingDirectory, new int[0], args);
    }

    static Result snarkjs(Path workingDirectory, int[] allowedExits, String... args) {
        List<String> command = new ArrayList<>(List.of("node", cli().toString()));
        command.addAll(List.of(args));
        return run(workingDirectory, command, allowedExits);
    }

    /** {@code snarkjs groth16 fullprove}: writes proof.json and public.json to {@code outDirectory}. */
    static void fullProve(Groth16Artifacts artifacts, Path input, Path outDirectory) {
        try {
            Files.createDirectories(outDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        snarkjs(outDirectory, "groth16", "fullprove", input.toString(), artifacts.wasm().toString(),
                artifacts.zkey().toString(), outDirectory.resolve("proof.json").toString(),
                outDirectory.resolve("public.json").toString());
    }

    /** {@code snarkjs groth16 verify}: exit 0 and "OK!" for a valid proof, exit 1 for an invalid one. */
    static boolean verifyCli(Path verificationKey, Path publicInputs, Path proof) {
        Result result = snarkjs(verificationKey.getParent(), new int[] {1}, "groth16", "verify",
                verificationKey.toString(), publicInputs.toString(), proof.toString());
        boolean ok = result.exitCode() == 0 && result.output().contains("OK!");
        if (!ok && !result.output().contains("Invalid proof")) {
            throw new IllegalStateException("snarkjs groth16 verify said neither OK nor invalid:\n" + result.output());
        }
        return ok;
    }

    /** One verification case for {@link #verifyBatch}: the three documents as snarkjs reads them. */
    record Case(JsonNode verificationKey, JsonNode proof, JsonNode publicSignals) {
    }

    /**
     * snarkjs's groth16.verify on every case, in one Node process: true, false, or null where snarkjs threw
     * (which counts as a rejection).
     */
    static List<Boolean> verifyBatch(List<Case> cases, Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path file = Files.createTempFile(scratch, "cases-", ".json");
            try {
                var array = JSON.createArrayNode();
                for (Case c : cases) {
                    array.addObject().<com.fasterxml.jackson.databind.node.ObjectNode>set("vk", c.verificationKey())
                            .<com.fasterxml.jackson.databind.node.ObjectNode>set("proof", c.proof())
                            .set("publicSignals", c.publicSignals());
                }
                JSON.writeValue(file.toFile(), array);
                Path script = Path.of(Snarkjs.class.getResource("verify-batch.cjs").toURI());
                Result result = run(scratch, List.of("node", script.toString(),
                        nodeModules().resolve("snarkjs").toString(), file.toString()));
                String output = result.output().strip();
                String lastLine = output.substring(output.lastIndexOf('\n') + 1);
                JsonNode verdicts = JSON.readTree(lastLine);
                if (!verdicts.isArray() || verdicts.size() != cases.size()) {
                    throw new IllegalStateException("unexpected verify-batch output:\n" + output);
                }
                List<Boolean> results = new ArrayList<>();
                for (JsonNode verdict : verdicts) {
                    results.add(verdict.isBoolean() ? verdict.booleanValue() : null);
                }
                return results;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
