package io.creditlayer.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's pinned npm toolchain (node_modules/.bin), which the build installs with {@code npm ci}.
 * The root comes from the {@code creditlayer.root} system property, the {@code CREDITLAYER_ROOT} environment
 * variable, or the nearest parent of the working directory holding package.json.
 */
public final class Toolchain {
    private Toolchain() {
    }

    public static Path root() {
        String configured = System.getProperty("creditlayer.root", System.getenv("CREDITLAYER_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json")) && Files.isDirectory(dir.resolve("lending-contracts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the CreditLayer repository root; set -Dcreditlayer.root");
    }

    /** A binary from node_modules/.bin, e.g. "anvil" or "forge". */
    public static Path bin(String name) {
        Path binary = root().resolve("node_modules").resolve(".bin").resolve(name);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: run `npm ci` at the repository root (the Maven build does)");
        }
        return binary;
    }
}
