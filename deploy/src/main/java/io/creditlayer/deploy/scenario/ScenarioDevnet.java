package io.creditlayer.deploy.scenario;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.SystemDeployer;
import io.creditlayer.deploy.devnet.DevnetConfig;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A reproducible devnet for the scenario, and the {@code scenario} command: anvil with a fixed genesis time, FIFO
 * transaction order and roomy blocks; the system deployed with block timestamps 12 s apart; the scenario run;
 * deployment.json and scenario.json written; anvil stopped.
 */
public final class ScenarioDevnet {
    /** 2025-01-01T00:00:00Z: the devnet's genesis. */
    public static final long GENESIS_TIMESTAMP = 1_735_689_600L;
    /** Blocks hold a day's transactions for thousands of wallets without spilling into the next block. */
    public static final long BLOCK_GAS_LIMIT = 1_000_000_000L;

    private ScenarioDevnet() {
    }

    /** Starts anvil for a reproducible scenario (fixed mnemonic and genesis time, FIFO order, 1G gas blocks). */
    public static Anvil startAnvil() {
        return Anvil.start(Anvil.Options.defaults()
                .withGenesisTimestamp(GENESIS_TIMESTAMP)
                .withFifoOrder(true)
                .withBlockGasLimit(BLOCK_GAS_LIMIT));
    }

    /**
     * Deploys the whole system with the devnet market, each auto-mined block stamped 12 s after the previous one
     * (anvil's block timestamp interval) instead of by the wall clock, so that the deployment is reproducible.
     */
    public static Deployment deploy(ChainClient chain, String rpcUrl, Consumer<String> progress) {
        new DevnetRpc(chain).setBlockTimestampInterval(Simulation.BLOCK_SPACING);
        return new SystemDeployer(chain, DevnetAccounts.DEPLOYER.credentials(), progress).deploy(DevnetConfig.forRpc(rpcUrl));
    }

    /**
     * The {@code scenario} command: starts anvil, deploys, runs the scenario, writes {@code deployment.json} and
     * {@code scenario.json} into {@code outDir}, prints a summary, and stops anvil.
     */
    public static ScenarioManifest command(ScenarioOptions options, Path outDir, PrintStream out) {
        return command(options, outDir, out, false);
    }

    /**
     * As {@link #command(ScenarioOptions, Path, PrintStream)}; with {@code keepRunning} the devnet stays up after the
     * summary (for benchmarks and manual exploration) until the process is stopped.
     */
    public static ScenarioManifest command(ScenarioOptions options, Path outDir, PrintStream out, boolean keepRunning) {
        long started = System.nanoTime();
        try (Anvil anvil = startAnvil();
             ChainClient chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet())) {
            out.println("anvil devnet on " + anvil.rpcUrl() + " (chain " + chain.chainId() + ", genesis " + GENESIS_TIMESTAMP + ")");
            Deployment deployment = deploy(chain, anvil.rpcUrl(), line -> out.println("  " + line));
            Path deploymentFile = outDir.resolve("deployment.json");
            deployment.write(deploymentFile);
            out.printf(Locale.ROOT, "scenario: %,d wallets, %d days, seed %d%n", options.wallets(), options.days(), options.seed());
            ScenarioManifest manifest = DevnetScenario.run(chain, deployment, options, line -> out.println("  " + line));
            Path scenarioFile = outDir.resolve(ScenarioManifest.FILE_NAME);
            manifest.write(scenarioFile);
            printSummary(out, manifest, deploymentFile, scenarioFile, (System.nanoTime() - started) / 1_000_000);
            if (keepRunning) {
                out.println("devnet ready at " + anvil.rpcUrl() + " (stop this process to shut it down)");
                out.flush();
                awaitShutdown();
            }
            return manifest;
        }
    }

    private static void awaitShutdown() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void printSummary(PrintStream out, ScenarioManifest m, Path deploymentFile, Path scenarioFile, long millis) {
        ScenarioManifest.Totals t = m.totals();
        out.println();
        out.println("CreditLayer devnet scenario");
        out.println("  deployment file     " + deploymentFile.toAbsolutePath());
        out.println("  scenario manifest   " + scenarioFile.toAbsolutePath());
        out.printf(Locale.ROOT, "  wallets             %,d over %d days (seed %d): %s%n", m.walletCount(), m.days(), m.seed(),
                m.archetypeCounts());
        out.printf(Locale.ROOT, "  blocks              %,d .. %,d (%,d mined by the scenario), last hash %s%n",
                m.startBlock(), m.endBlock(), t.blocks(), m.endBlockHash());
        out.printf(Locale.ROOT, "  transactions        %,d (%,d reverted)%n", t.transactions(), t.failedTransactions());
        out.printf(Locale.ROOT, "  lending             %,d borrows, %,d repays, %,d liquidations, %,d write-offs "
                        + "(bad debt %s dUSD, socialized %s dUSD)%n", t.borrows(), t.repays(), t.liquidations(),
                t.writeOffs(), usd(t.badDebt()), usd(t.totalSocializedLoss()));
        out.printf(Locale.ROOT, "  other               %,d swaps, %,d attestations, %,d mixer deposits, %,d mixer withdrawals%n",
                t.swaps(), t.attestations(), t.mixerDeposits(), t.mixerWithdrawals());
        out.printf(Locale.ROOT, "  price               crash from day %d over %d days; %s -> %s dUSD per dETH%n",
                m.crashStartDay(), m.crashDays(), usdPrice(m.dailyPrices().getFirst()), usdPrice(m.dailyPrices().getLast()));
        out.printf(Locale.ROOT, "  runtime             %.1f s%n", millis / 1000.0);
    }

    private static String usd(BigInteger units) {
        return String.format(Locale.ROOT, "%,.2f", new BigDecimal(units).movePointLeft(6));
    }

    private static String usdPrice(long answer) {
        return String.format(Locale.ROOT, "%,.2f", answer / 1e8);
    }
}
