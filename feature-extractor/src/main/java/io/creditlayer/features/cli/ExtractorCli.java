package io.creditlayer.features.cli;

import io.creditlayer.features.api.DeploymentAddresses;
import io.creditlayer.features.api.Extractor;
import io.creditlayer.features.decode.KnownContracts;
import io.creditlayer.features.ingest.AdaptiveLogFetcher;
import io.creditlayer.features.ingest.ChainIngestor;
import io.creditlayer.features.profile.Feature;
import io.creditlayer.features.profile.FeatureSchema;
import io.creditlayer.features.profile.TrainingRow;
import io.creditlayer.features.profile.TrainingSet;
import io.creditlayer.features.profile.WalletProfile;
import io.creditlayer.features.rpc.RpcException;
import io.creditlayer.features.rpc.Web3jChainSource;
import org.web3j.utils.Numeric;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line for the extractor. {@code extract} ingests a block range (resumable with --checkpoint) and writes
 * a labelled training set and, optionally, a scoring snapshot; {@code profile} prints one wallet's profile.
 * Every failure is one line on stderr and a non-zero exit.
 */
public final class ExtractorCli {
    static final String USAGE = """
            usage: creditlayer-features extract --rpc URL [--deployment FILE [--scenario FILE]] [--chain-id N]
                                              [--from BLOCK] [--to BLOCK] [--confirmations N] [--checkpoint DIR]
                                              [--out training.csv] [--profiles profiles.csv] [--horizon-days D] [--rps N] [--chunk BLOCKS]
                   creditlayer-features profile --rpc URL [--deployment FILE] --wallet ADDRESS [--as-of BLOCK]""";

    private final PrintStream out;
    private final PrintStream err;

    ExtractorCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ExtractorCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                out.println(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            Map<String, String> options = parse(args);
            switch (args[0]) {
                case "extract" -> extract(options);
                case "profile" -> profile(options);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | RpcException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private void extract(Map<String, String> o) {
        long started = System.nanoTime();
        long from = longOption(o, "--from", 0);
        long horizon = longOption(o, "--horizon-days", TrainingSet.DEFAULT_HORIZON_SECONDS / 86_400) * 86_400;
        try (Web3jChainSource source = connect(o)) {
            KnownContracts known = addressBook(o, source.chainId());
            AdaptiveLogFetcher.Options chunking = o.containsKey("--chunk")
                    ? new AdaptiveLogFetcher.Options(positive(o, "--chunk"), positive(o, "--chunk"), 0)
                    : AdaptiveLogFetcher.Options.defaults();
            ChainIngestor.Options ingestOptions = new ChainIngestor.Options(chunking, intOption(o, "--confirmations", 0), 256);
            Extractor extractor = new Extractor(source, known, ingestOptions,
                    o.containsKey("--checkpoint") ? Path.of(o.get("--checkpoint")) : null);
            long latest = source.latestBlockNumber().orThrow() - ingestOptions.confirmations();
            long to = o.containsKey("--to") ? Math.min(longOption(o, "--to", latest), latest) : latest;
            if (to < from) {
                throw new IllegalArgumentException("nothing to extract: --from " + from + " is after block " + to);
            }
            long next = extractor.start(from);
            if (next > from) {
                out.printf("resuming from checkpoint at block %,d%n", next);
            }
            long step = Math.max(1, (to - next + 1) / 10);
            for (long upTo = next + step - 1; next <= to; upTo = Math.min(to, upTo + step)) {
                extractor.ingestTo(Math.min(upTo, to));
                next = Math.min(upTo, to) + 1;
                out.printf("  ingested blocks to %,d of %,d (%d%%), %,d events%n", next - 1, to,
                        100 * (next - 1 - from + 1) / (to - from + 1), extractor.store().eventCount());
            }
            ChainIngestor.Stats stats = extractor.stats();
            List<TrainingRow> rows = extractor.trainingRows(horizon);
            Path training = Path.of(o.getOrDefault("--out", "training.csv"));
            TrainingSet.writeCsv(rows, training);
            long positives = rows.stream().filter(r -> r.label() == 1).count();
            out.printf("chain %d blocks %,d..%,d: %,d logs, %,d events, %,d wallets, %,d blocks read, %d reorgs%n",
                    source.chainId(), from, to, stats.logs, extractor.store().eventCount(),
                    extractor.store().wallets().size(), stats.blocks, stats.reorgs);
            out.printf("training set %s: %,d rows (%,d liquidated or defaulted within %d days), schema %s%n",
                    training.toAbsolutePath(), rows.size(), positives, horizon / 86_400, FeatureSchema.VERSION);
            if (o.containsKey("--profiles")) {
                List<WalletProfile> snapshot = extractor.snapshot(to);
                TrainingSet.writeProfilesCsv(snapshot, Path.of(o.get("--profiles")));
                out.printf("profiles %s: %,d wallets as of block %,d%n", Path.of(o.get("--profiles")).toAbsolutePath(),
                        snapshot.size(), to);
            }
            out.printf("time %.1f s (logs %.1f s, blocks %.1f s, decode+aggregate %.1f s); log chunk %,d blocks, %d refusals%n",
                    (System.nanoTime() - started) / 1e9, extractor.ingestor().logFetchNanos() / 1e9, stats.blockFetchNanos / 1e9,
                    stats.decodeNanos / 1e9, extractor.ingestor().fetcher().chunk(), extractor.ingestor().fetcher().refusals());
        }
    }

    private void profile(Map<String, String> o) {
        String wallet = require(o, "--wallet");
        if (!wallet.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("--wallet must be a 0x-prefixed 20-byte address: " + wallet);
        }
        try (Web3jChainSource source = connect(o)) {
            KnownContracts known = addressBook(o, source.chainId());
            Extractor extractor = new Extractor(source, known, ChainIngestor.Options.defaults(), null);
            long latest = source.latestBlockNumber().orThrow();
            long asOf = Math.min(longOption(o, "--as-of", latest), latest);
            extractor.start(longOption(o, "--from", 0));
            extractor.ingestTo(asOf);
            WalletProfile profile = extractor.profile(wallet, asOf);
            out.printf("wallet %s on chain %d as of block %,d (%s), schema %s%n", profile.wallet(), profile.chainId(),
                    profile.asOfBlock(), profile.asOfBlockHash(), profile.schemaVersion());
            for (Feature feature : FeatureSchema.features()) {
                out.printf("  %-28s %14s %s%n", feature.column(), profile.value(feature), feature.unit());
            }
            out.println("  feature commitment           " + Numeric.toHexString(profile.commitment()));
        }
    }

    private static Web3jChainSource connect(Map<String, String> o) {
        Web3jChainSource.Options defaults = Web3jChainSource.Options.defaults();
        double rps = o.containsKey("--rps") ? Double.parseDouble(o.get("--rps")) : defaults.requestsPerSecond();
        return Web3jChainSource.connect(require(o, "--rpc"), longOption(o, "--chain-id", 0),
                new Web3jChainSource.Options(rps, 2, Duration.ofMillis(200), defaults.blockBatchSize()));
    }

    private static KnownContracts addressBook(Map<String, String> o, long chainId) {
        if (o.containsKey("--deployment")) {
            KnownContracts known = DeploymentAddresses.read(Path.of(o.get("--deployment")),
                    o.containsKey("--scenario") ? Path.of(o.get("--scenario")) : null);
            if (known.chainId() != chainId) {
                throw new IllegalArgumentException("deployment file is for chain " + known.chainId()
                        + ", the endpoint serves chain " + chainId);
            }
            return known;
        }
        if (chainId == KnownContracts.ETHEREUM_MAINNET_CHAIN_ID) {
            return KnownContracts.ethereumMainnet();
        }
        throw new IllegalArgumentException("unknown chain " + chainId + ": no built-in address book; pass --deployment FILE");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> o, String name) {
        String value = o.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static long longOption(Map<String, String> o, String name, long fallback) {
        String value = o.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a non-negative integer: " + value);
        }
    }

    private static int positive(Map<String, String> o, String name) {
        int value = intOption(o, name, 0);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    private static int intOption(Map<String, String> o, String name, int fallback) {
        return Math.toIntExact(longOption(o, name, fallback));
    }
}
