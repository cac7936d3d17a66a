package io.creditlayer.features.profile;

import io.creditlayer.features.ingest.EventStore;
import io.creditlayer.features.ingest.WalletEntry;
import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Labelled training sets and scoring snapshots from an {@link EventStore}.
 *
 * <p>Rows follow the credit decision: one per borrow, with features as of the block before it (only what a
 * lender could have known) and a label from what happened after it: liquidated or written off within the
 * horizon (30 days by default, after Spectral's credit challenge, whose label also counts a health factor
 * under 1.2; health factors are not observable from events here). A borrow whose horizon extends past the last
 * ingested block is censored and left out, so no label is guessed.
 */
public final class TrainingSet {
    public static final long DEFAULT_HORIZON_SECONDS = 30L * 86_400;

    private final EventStore store;
    private final ProfileBuilder profiles;

    public TrainingSet(EventStore store, ProfileBuilder profiles) {
        this.store = store;
        this.profiles = profiles;
    }

    /** One row per observable borrow, sorted by time then wallet. */
    public List<TrainingRow> borrowRows(long horizonSeconds) {
        long lastTimestamp = store.lastBlock().map(EventStore.BlockInfo::timestamp).orElse(0L);
        long firstBlock = store.lastBlock().isEmpty() ? 0 : firstBlock();
        List<TrainingRow> rows = new ArrayList<>();
        for (String wallet : new TreeSet<>(store.wallets())) {
            List<WalletEntry> history = store.history(wallet);
            for (WalletEntry entry : history) {
                DecodedEvent event = entry.event();
                if (event == null || event.action() != Action.BORROW || !event.wallet().equals(wallet)) {
                    continue;
                }
                long borrowBlock = entry.block();
                long until = entry.timestamp() + horizonSeconds;
                if (until > lastTimestamp || borrowBlock - 1 < firstBlock) {
                    continue;
                }
                int label = defaultedBetween(history, wallet, entry.timestamp(), until) ? 1 : 0;
                rows.add(new TrainingRow(profiles.build(wallet, borrowBlock - 1), borrowBlock, entry.timestamp(), label));
            }
        }
        rows.sort(Comparator.comparingLong(TrainingRow::borrowTimestamp).thenComparing(r -> r.profile().wallet()));
        return rows;
    }

    /** Profiles of every wallet that sent a transaction at or before {@code asOfBlock} (externally owned accounts). */
    public List<WalletProfile> snapshot(long asOfBlock) {
        List<WalletProfile> result = new ArrayList<>();
        for (String wallet : new TreeSet<>(store.wallets())) {
            boolean active = store.history(wallet).stream()
                    .anyMatch(e -> e.block() <= asOfBlock && e.tx() != null && e.outgoing());
            if (active) {
                result.add(profiles.build(wallet, asOfBlock));
            }
        }
        return result;
    }

    private static boolean defaultedBetween(List<WalletEntry> history, String wallet, long after, long until) {
        for (WalletEntry entry : history) {
            if (entry.timestamp() <= after) {
                continue;
            }
            if (entry.timestamp() > until) {
                return false;
            }
            DecodedEvent event = entry.event();
            if (event != null && event.wallet().equals(wallet)
                    && (event.action() == Action.LIQUIDATED || event.action() == Action.WRITE_OFF)) {
                return true;
            }
        }
        return false;
    }

    private long firstBlock() {
        long first = Long.MAX_VALUE;
        for (String wallet : store.wallets()) {
            List<WalletEntry> history = store.history(wallet);
            if (!history.isEmpty()) {
                first = Math.min(first, history.getFirst().block());
            }
        }
        return first == Long.MAX_VALUE ? 0 : first;
    }

    /** Writes rows as CSV: provenance columns, the features in schema order, the label, the commitment. */
    public static void writeCsv(List<TrainingRow> rows, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(header(true));
                for (TrainingRow row : rows) {
                    out.write(line(row.profile(), Integer.toString(row.label())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes profiles (no label) as CSV, for scoring. */
    public static void writeProfilesCsv(List<WalletProfile> profiles, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(header(false));
                for (WalletProfile profile : profiles) {
                    out.write(line(profile, null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String header(boolean labelled) {
        StringBuilder header = new StringBuilder("wallet,chain_id,as_of_block,as_of_block_hash,as_of_timestamp,schema_version");
        for (Feature feature : FeatureSchema.features()) {
            header.append(',').append(feature.column());
        }
        if (labelled) {
            header.append(",label");
        }
        return header.append(",feature_commitment\n").toString();
    }

    private static String line(WalletProfile p, String label) {
        StringBuilder line = new StringBuilder(p.wallet()).append(',').append(p.chainId()).append(',')
                .append(p.asOfBlock()).append(',').append(p.asOfBlockHash()).append(',').append(p.asOfTimestamp())
                .append(',').append(p.schemaVersion());
        for (long scaled : p.scaledValues()) {
            line.append(',').append(java.math.BigDecimal.valueOf(scaled, FeatureSchema.DECIMALS).stripTrailingZeros().toPlainString());
        }
        if (label != null) {
            line.append(',').append(label);
        }
        return line.append(',').append(org.web3j.utils.Numeric.toHexString(p.commitment())).append('\n').toString();
    }
}
