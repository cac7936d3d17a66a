package io.creditlayer.contracts.devnet;

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

    /**
     * The platform binary of a Foundry tool ("anvil", "forge") from the pinned npm packages. npm's shim in
     * node_modules/.bin is a Node process in front of the tool, which hides its exit status and outlives a
     * forced stop; the binary itself is run instead.
     */
    public static Path foundry(String tool) {
        Path binary = root().resolve("node_modules").resolve("@foundry-rs")
                .resolve(tool + "-" + platform()).resolve("bin").resolve(tool);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: run `npm ci` at the repository root (the Maven build does)");
        }
        return binary;
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch").toLowerCase();
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        if (os.contains("linux")) {
            return "linux-" + cpu;
        }
        if (os.contains("mac")) {
            return "darwin-" + cpu;
        }
        throw new IllegalStateException("no Foundry binaries for " + os + "/" + arch);
    }
}
