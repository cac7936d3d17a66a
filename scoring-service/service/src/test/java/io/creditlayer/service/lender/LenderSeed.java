package io.creditlayer.service.lender;

import io.creditlayer.features.profile.Feature;
import io.creditlayer.features.profile.FeatureCommitment;
import io.creditlayer.features.profile.FeatureSchema;
import io.creditlayer.model.CreditModel;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wallet profiles for the lender tests and the load script (bench/load.sh), from the credit-model module's
 * synthetic wallet-v1 CSV: real feature vectors, in the model's feature order, with their real feature
 * commitments. Plain JDBC, so the load script runs it outside Quarkus as {@link #main}.
 */
public final class LenderSeed {
    private static final String SOURCE = "synthetic-wallet-v1 (test seed)";

    private LenderSeed() {
    }

    /**
     * A profile ready to store.
     *
     * @param features  values in the model's feature order (wallet_profile.features)
     * @param byFeature values in the extractor's {@link Feature} order (what the commitment covers)
     */
    public record Profile(String address, long chainId, long asOfBlock, String asOfBlockHash, long asOfTimestamp,
                          double[] features, long[] byFeature, String commitment) {

        /** The same wallet history under another address (the commitment binds the address, so it is redone). */
        public Profile as(String wallet) {
            String lower = wallet.toLowerCase(Locale.ROOT);
            return new Profile(lower, chainId, asOfBlock, asOfBlockHash, asOfTimestamp, features, byFeature,
                    commit(chainId, asOfBlock, asOfBlockHash, lower, byFeature));
        }
    }

    /** One profile per distinct wallet of the CSV, in file order; {@code modelFeatures} names the model's order. */
    public static List<Profile> readCsv(Path csv, List<String> modelFeatures) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        Map<String, Integer> column = new HashMap<>();
        String[] header = lines.getFirst().split(",");
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        Map<String, Profile> byWallet = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String wallet = cells[column.get("wallet")].toLowerCase(Locale.ROOT);
            if (byWallet.containsKey(wallet)) {
                continue;
            }
            long[] byFeature = new long[FeatureSchema.size()];
            for (Feature feature : FeatureSchema.features()) {
                byFeature[feature.ordinal()] = FeatureSchema.quantize(Double.parseDouble(cells[require(column, feature.column())]));
            }
            double[] features = new double[modelFeatures.size()];
            for (int j = 0; j < features.length; j++) {
                features[j] = byFeature[Feature.valueOf(modelFeatures.get(j).toUpperCase(Locale.ROOT)).ordinal()]
                        / (double) FeatureSchema.SCALE;
            }
            long chainId = Long.parseLong(cells[column.get("chain_id")]);
            long block = Long.parseLong(cells[column.get("as_of_block")]);
            String blockHash = cells[column.get("as_of_block_hash")];
            byWallet.put(wallet, new Profile(wallet, chainId, block, blockHash, Long.parseLong(cells[column.get("as_of_timestamp")]),
                    features, byFeature, commit(chainId, block, blockHash, wallet, byFeature)));
        }
        return List.copyOf(byWallet.values());
    }

    /** {@code count} profiles: the base ones cycled under derived addresses 0x5eed...{i}. */
    public static List<Profile> expand(List<Profile> base, int count) {
        List<Profile> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String wallet = "0x5eed" + String.format(Locale.ROOT, "%036x", BigInteger.valueOf(i));
            out.add(base.get(i % base.size()).as(wallet));
        }
        return out;
    }

    /** Inserts or replaces the profiles (wallet_profile). */
    public static void store(Connection connection, List<Profile> profiles) throws SQLException {
        String sql = "INSERT INTO wallet_profile (address, chain_id, feature_schema_hash, features, feature_commitment, "
                + "as_of_block, as_of_timestamp, source, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()) "
                + "ON CONFLICT (address) DO UPDATE SET chain_id = excluded.chain_id, "
                + "feature_schema_hash = excluded.feature_schema_hash, features = excluded.features, "
                + "feature_commitment = excluded.feature_commitment, as_of_block = excluded.as_of_block, "
                + "as_of_timestamp = excluded.as_of_timestamp, source = excluded.source, refreshed_at = now()";
        String schemaHash = Numeric.toHexString(FeatureSchema.hash());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Profile p : profiles) {
                insert.setString(1, p.address());
                insert.setLong(2, p.chainId());
                insert.setString(3, schemaHash);
                insert.setArray(4, connection.createArrayOf("float8", Arrays.stream(p.features()).boxed().toArray()));
                insert.setString(5, p.commitment());
                insert.setLong(6, p.asOfBlock());
                insert.setLong(7, p.asOfTimestamp());
                insert.setString(8, SOURCE);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Marks a registered model approved and active, as governance would (the load script's shortcut: the service
     * loads the active model on first use).
     */
    public static void activate(Connection connection, String modelId) throws SQLException {
        try (PreparedStatement others = connection.prepareStatement(
                "UPDATE credit_model SET active = false WHERE active AND model_id <> ?");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE credit_model SET status = 'APPROVED', active = true, approved_at = now() WHERE model_id = ?")) {
            others.setString(1, modelId);
            others.executeUpdate();
            update.setString(1, modelId);
            if (update.executeUpdate() == 0) {
                throw new IllegalStateException("model " + modelId + " is not registered; start the service with creditlayer.model.dir first");
            }
        }
    }

    private static String commit(long chainId, long block, String blockHash, String wallet, long[] byFeature) {
        return Numeric.toHexString(FeatureCommitment.compute(chainId, block, blockHash, wallet, byFeature));
    }

    private static int require(Map<String, Integer> column, String name) {
        Integer index = column.get(name);
        if (index == null) {
            throw new IllegalArgumentException("the CSV has no column " + name);
        }
        return index;
    }

    /**
     * The load script's seeding step: {@code --jdbc URL --csv FILE --model-dir DIR --wallets N --addresses-out FILE}.
     * Activates the model (registered by the running service), stores N profiles and writes their addresses.
     */
    public static void main(String... args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--jdbc", "--csv", "--model-dir", "--wallets", "--addresses-out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required
                        + " (usage: --jdbc URL --csv FILE --model-dir DIR --wallets N --addresses-out FILE)");
            }
        }
        CreditModel model = CreditModel.load(Path.of(options.get("--model-dir")));
        List<Profile> profiles = expand(readCsv(Path.of(options.get("--csv")), model.schema().names()),
                Integer.parseInt(options.get("--wallets")));
        try (Connection connection = DriverManager.getConnection(options.get("--jdbc"),
                options.getOrDefault("--user", "postgres"), options.getOrDefault("--password", ""))) {
            activate(connection, model.modelId());
            store(connection, profiles);
        }
        Files.write(Path.of(options.get("--addresses-out")), profiles.stream().map(Profile::address).toList());
        System.out.printf(Locale.ROOT, "seeded %,d wallet profiles; model %s active%n", profiles.size(), model.modelId());
    }
}
