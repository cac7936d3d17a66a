package io.creditlayer.zk.prover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side tier proving: runs snarkjs's groth16 fullProve (witness from the circuit's wasm, proof from the
 * ceremony's zkey) in a node process per proof. The circuit input, which holds the borrower's salt, goes to the
 * process on stdin only: never to a file or the command line.
 *
 * <p>Thread-safe: each call has its own process.
 */
public final class SnarkjsProver {
    private static final String SCRIPT_RESOURCE = "fullprove.cjs";
    private static final Pattern DECIMAL_STRING = Pattern.compile("\"([0-9]+)\"");

    private final Options options;
    private final String script;

    /**
     * Where the prover finds node, snarkjs and the circuit's artifacts, and how long one proof may take.
     *
     * @param node      the node executable (a name on the PATH or a path)
     * @param snarkjs   the snarkjs package directory (node_modules/snarkjs)
     * @param wasm      the compiled circuit (tier_proof.wasm)
     * @param zkey      the final proving key (tier_proof_final.zkey)
     * @param timeout   the longest one proof may run before its process is killed
     */
    public record Options(String node, Path snarkjs, Path wasm, Path zkey, Duration timeout) {
        public Options {
            Objects.requireNonNull(node, "node");
            if (node.isBlank()) {
                throw new IllegalArgumentException("node executable is blank");
            }
            requireFile(snarkjs.resolve("package.json"), "snarkjs package");
            requireFile(wasm, "circuit wasm");
            requireFile(zkey, "proving key");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
        }

        /**
         * The repository layout: node on the PATH, {@code <root>/node_modules/snarkjs}, and the artifacts the
         * ceremony publishes to {@code <root>/.cache/zk}; one minute per proof.
         */
        public static Options fromRepository(Path repositoryRoot) {
            Path zk = repositoryRoot.resolve(".cache").resolve("zk");
            return new Options("node", repositoryRoot.resolve("node_modules").resolve("snarkjs"),
                    zk.resolve("tier_proof.wasm"), zk.resolve("tier_proof_final.zkey"), Duration.ofMinutes(1));
        }

        private static void requireFile(Path file, String what) {
            Objects.requireNonNull(file, what);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(what + " not found: " + file
                        + " (run npm ci and zk-attestation/ceremony/ceremony.sh at the repository root)");
            }
        }
    }

    public SnarkjsProver(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        try (InputStream in = SnarkjsProver.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the classpath");
            }
            this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Options options() {
        return options;
    }

    /**
     * Proves {@code input}'s claim. Throws {@link ProvingException} when snarkjs fails (its first error line, which
     * never contains the inputs), when it exceeds the timeout, or when the proof's public signals are not the
     * input's.
     */
    public TierProof prove(TierProofInput input) {
        Objects.requireNonNull(input, "input");
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(options.node(), "-e", script,
                options.snarkjs().toAbsolutePath().toString(), options.wasm().toAbsolutePath().toString(),
                options.zkey().toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProvingException("cannot start " + options.node() + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<byte[]> stdout = readAsync(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.toJson().getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProvingException("snarkjs did not finish within " + options.timeout(), null);
            }
            String out = new String(stdout.join(), StandardCharsets.UTF_8);
            String err = new String(stderr.join(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new ProvingException("snarkjs failed (exit " + process.exitValue() + "): " + err, null);
            }
            Duration wallTime = Duration.ofNanos(System.nanoTime() - started);
            TierProof proof = parse(out, wallTime);
            if (!proof.publicSignals().equals(input.publicSignals())) {
                throw new ProvingException("the proof's public signals " + proof.publicSignals()
                        + " are not the input's " + input.publicSignals(), null);
            }
            return proof;
        } catch (IOException e) {
            throw new ProvingException("talking to snarkjs failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvingException("interrupted while proving", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static TierProof parse(String out, Duration wallTime) {
        String[] lines = out.strip().split("\n");
        if (lines.length != 4) {
            throw new ProvingException("unexpected prover output: " + lines.length + " lines", null);
        }
        List<BigInteger> publicSignals = new ArrayList<>();
        Matcher matcher = DECIMAL_STRING.matcher(lines[1]);
        while (matcher.find()) {
            publicSignals.add(new BigInteger(matcher.group(1)));
        }
        List<BigInteger> calldata = Arrays.stream(lines[2].strip().split(" ")).map(BigInteger::new).toList();
        Duration provingTime = Duration.ofNanos(Long.parseLong(lines[3].strip()));
        return new TierProof(lines[0], publicSignals, calldata, provingTime, wallTime);
    }

    private static CompletableFuture<byte[]> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** snarkjs could not make the proof. */
    public static final class ProvingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProvingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
