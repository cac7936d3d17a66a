package io.creditlayer.model.bench;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.SyntheticWallets;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.data.Presets;
import io.creditlayer.model.train.ModelTrainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic data and models for the benchmarks (never chain data: see SyntheticWallets). */
final class BenchData {
    private BenchData() {
    }

    /** A labelled synthetic wallet-v1 training set of {@code rows} rows, read through the CSV loader. */
    static Dataset wallets(int rows, long seed) {
        try {
            Path file = Files.createTempFile("bench-wallets", ".csv");
            try {
                Files.writeString(file, SyntheticWallets.csv(rows, seed, true));
                return CsvLoader.load(file, Presets.wallet());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code features} wallet features of a data set, as a schema of its own. */
    static Dataset firstFeatures(Dataset d, int features) {
        List<FeatureDef> defs = new ArrayList<>(d.schema().features().subList(0, features));
        FeatureSchema schema = FeatureSchema.of("bench-" + features + "-v1", defs);
        double[][] x = new double[d.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = java.util.Arrays.copyOf(d.row(i), features);
        }
        return new Dataset(schema, x, d.y(), null, d.time(), d.ids(), Map.of(), "synthetic");
    }

    /** A wallet model with the wallet preset's options (time-ordered; boosted trees: 300 trees of up to 8 leaves). */
    static CreditModel walletModel(int rows, long seed, ModelTrainer.LearnerType learner) {
        return ModelTrainer.fit(wallets(rows, seed), Presets.wallet(),
                ModelTrainer.Options.wallet(seed).withCandidates(List.of(learner)), null).model();
    }
}
