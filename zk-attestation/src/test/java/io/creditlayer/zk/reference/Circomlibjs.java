package io.creditlayer.zk.reference;

import io.creditlayer.zk.tree.TierEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The independent side of the Java tests: values computed at test time by circomlibjs (through
 * zk-attestation/test-js/reference-cli.mjs in a node process), never stored in the repository.
 */
public final class Circomlibjs {
    private Circomlibjs() {
    }

    /** The repository root, passed by the build (creditlayer.root), else found from the working directory. */
    public static Path repositoryRoot() {
        String property = System.getProperty("creditlayer.root");
        Path start = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("zk-attestation").resolve("test-js"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found from " + start);
    }

    /** circomlibjs Poseidon of each input list. */
    public static List<BigInteger> poseidon(List<List<BigInteger>> inputs) {
        String request = inputs.stream()
                .map(list -> list.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "{\"poseidon\":[", "]}"));
        return run(request).stream().map(line -> new BigInteger(field(line, "poseidon")[0])).toList();
    }

    /** A tree built by the JavaScript reference, with the paths of some borrowers. */
    public record ReferenceTree(BigInteger root, List<ReferencePath> paths) {
    }

    public record ReferencePath(int index, BigInteger leaf, List<BigInteger> pathElements, List<Integer> pathIndices) {
    }

    public static ReferenceTree tree(List<TierEntry> entries, List<BigInteger> pathsOf) {
        String entriesJson = entries.stream()
                .map(e -> "{\"borrower\":\"" + e.borrower() + "\",\"score\":\"" + e.score() + "\",\"modelId\":\""
                        + e.modelId() + "\",\"epoch\":\"" + e.epoch() + "\",\"salt\":\"" + e.salt() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String pathsJson = pathsOf.stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(",", "[", "]"));
        List<String> lines = run("{\"tree\":{\"entries\":" + entriesJson + ",\"paths\":" + pathsJson + "}}");
        BigInteger root = new BigInteger(field(lines.getFirst(), "root")[0]);
        List<ReferencePath> paths = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = field(line, "path");
            int depth = (f.length - 2) / 2;
            paths.add(new ReferencePath(Integer.parseInt(f[0]), new BigInteger(f[1]),
                    Arrays.stream(f, 2, 2 + depth).map(BigInteger::new).toList(),
                    Arrays.stream(f, 2 + depth, f.length).map(Integer::valueOf).toList()));
        }
        return new ReferenceTree(root, paths);
    }

    private static String[] field(String line, String tag) {
        String[] parts = line.split(" ");
        if (!parts[0].equals(tag)) {
            throw new IllegalStateException("expected a '" + tag + "' line, got: " + line);
        }
        return Arrays.copyOfRange(parts, 1, parts.length);
    }

    private static List<String> run(String request) {
        Path root = repositoryRoot();
        ProcessBuilder builder = new ProcessBuilder("node", "zk-attestation/test-js/reference-cli.mjs")
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(request.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("reference-cli.mjs failed");
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
