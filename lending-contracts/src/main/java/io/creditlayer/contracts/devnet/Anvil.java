package io.creditlayer.contracts.devnet;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A local anvil devnet started from the pinned toolchain with a fixed mnemonic, so that account keys and
 * contract addresses are the same on every run. Closing it stops the process.
 */
public final class Anvil implements AutoCloseable {
    /** The devnet's fixed mnemonic (anvil's well-known development mnemonic: never hold value with it). */
    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    public static final long CHAIN_ID = 31337;

    private final Process process;
    private final int port;
    private final Path log;

    private Anvil(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts anvil on a free port and waits until it answers JSON-RPC. */
    public static Anvil start() {
        return start(freePort());
    }

    /** Starts anvil on {@code port} and waits until it answers JSON-RPC. */
    public static Anvil start(int port) {
        return start(port, Options.defaults());
    }

    /**
     * Starts anvil on a free port with a fixed genesis timestamp: together with the fixed mnemonic and explicit
     * block timestamps, the same transactions then give the same block hashes on every run.
     */
    public static Anvil startAt(long genesisTimestamp) {
        return start(Options.defaults().withGenesisTimestamp(genesisTimestamp));
    }

    /** Starts anvil on a free port with {@code options} and waits until it answers JSON-RPC. */
    public static Anvil start(Options options) {
        return start(freePort(), options);
    }

    /** Starts anvil on {@code port} with {@code options} and waits until it answers JSON-RPC. */
    public static Anvil start(int port, Options options) {
        try {
            Path log = Files.createTempFile("anvil-" + port + "-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Toolchain.foundry("anvil").toString(),
                    "--host", "127.0.0.1",
                    "--port", Integer.toString(port),
                    "--chain-id", Long.toString(CHAIN_ID),
                    "--mnemonic", MNEMONIC,
                    "--accounts", Integer.toString(DevnetAccounts.COUNT),
                    "--balance", "100000",
                    "--silent"));
            command.addAll(options.arguments());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Anvil anvil = new Anvil(process, port, log);
            // A JVM that exits without close() (Ctrl-C, a crash) must not leave anvil running.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "anvil-stop-" + port));
            anvil.awaitReady(Duration.ofSeconds(30));
            return anvil;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start anvil", e);
        }
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with " + process.exitValue() + ": " + tail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for anvil", e);
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("anvil did not answer on " + rpcUrl() + " within " + timeout.toSeconds() + " s");
    }

    private String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 500 ? text.substring(text.length() - 500) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Launch options beyond the fixed mnemonic, chain id and balances.
     *
     * @param genesisTimestamp the genesis block's timestamp (unix seconds), or 0 for anvil's default (now)
     * @param noMining         start with auto-mining off ({@code --no-mining}): blocks are mined on demand
     *                         ({@code evm_mine}); {@code evm_setAutomine} switches auto-mining back on
     * @param fifoOrder        order pending transactions by arrival ({@code --order fifo}) instead of by fee, so a
     *                         batch of transactions lands in a block in the order it was sent
     * @param blockGasLimit    the block gas limit ({@code --gas-limit}), or 0 for anvil's default (30,000,000)
     */
    public record Options(long genesisTimestamp, boolean noMining, boolean fifoOrder, long blockGasLimit) {
        public Options {
            if (genesisTimestamp < 0 || blockGasLimit < 0) {
                throw new IllegalArgumentException("genesisTimestamp and blockGasLimit must not be negative");
            }
        }

        /** Anvil's defaults: genesis now, auto-mining, fee ordering, 30M gas blocks. */
        public static Options defaults() {
            return new Options(0, false, false, 0);
        }

        public Options withGenesisTimestamp(long timestamp) {
            return new Options(timestamp, noMining, fifoOrder, blockGasLimit);
        }

        public Options withNoMining(boolean off) {
            return new Options(genesisTimestamp, off, fifoOrder, blockGasLimit);
        }

        public Options withFifoOrder(boolean fifo) {
            return new Options(genesisTimestamp, noMining, fifo, blockGasLimit);
        }

        public Options withBlockGasLimit(long gasLimit) {
            return new Options(genesisTimestamp, noMining, fifoOrder, gasLimit);
        }

        List<String> arguments() {
            List<String> arguments = new ArrayList<>();
            if (genesisTimestamp > 0) {
                arguments.addAll(List.of("--timestamp", Long.toString(genesisTimestamp)));
            }
            if (noMining) {
                arguments.add("--no-mining");
            }
            if (fifoOrder) {
                arguments.addAll(List.of("--order", "fifo"));
            }
            if (blockGasLimit > 0) {
                arguments.addAll(List.of("--gas-limit", Long.toString(blockGasLimit)));
            }
            return arguments;
        }
    }
}
