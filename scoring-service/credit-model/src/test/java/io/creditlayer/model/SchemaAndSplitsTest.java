package io.creditlayer.model;

import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.data.Splits;
import io.creditlayer.model.data.WalletV1;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaAndSplitsTest {
    /** FeatureSchema.hash() of the feature-extractor (keccak-256 of "wallet-v1|6|name:unit,..."). */
    static final String EXTRACTOR_WALLET_V1_HASH = "0x85af8c61d92089862502e5e3f7dee708723de7cc937e631657a3156ca4e80f49";

    @Test
    void walletSchemaHashIsTheExtractors() {
        assertEquals(EXTRACTOR_WALLET_V1_HASH, WalletV1.schema().hash());
        assertEquals("keccak-256", WalletV1.schema().hashAlgorithm());
        assertEquals(38, WalletV1.schema().size());
        assertEquals("wallet_age_days", WalletV1.featureNames().getFirst());
        assertEquals("debt_per_collateral", WalletV1.featureNames().getLast());
    }

    @Test
    void schemaMismatchIsAOneLineError() {
        FeatureSchema other = FeatureSchema.of("custom-v1", List.of(FeatureDef.numeric("x", "")));
        CreditModelException e = assertThrows(CreditModelException.class,
                () -> WalletV1.schema().requireSame(other, "model M"));
        assertEquals("schema mismatch: model M expects wallet-v1 (" + EXTRACTOR_WALLET_V1_HASH
                + ") but was offered custom-v1 (" + other.hash() + ")", e.getMessage());
        assertNotEquals(other.hash(), FeatureSchema.of("custom-v1", List.of(FeatureDef.numeric("y", ""))).hash());
    }

    @Test
    void featureVectorsAreValidated() {
        FeatureSchema s = FeatureSchema.of("t", List.of(FeatureDef.numeric("x", ""), FeatureDef.categorical("c", List.of("a", "b"))));
        s.requireValid(new double[]{1.5, 1});
        assertThrows(CreditModelException.class, () -> s.requireValid(new double[]{1.5}));
        assertThrows(CreditModelException.class, () -> s.requireValid(new double[]{Double.NaN, 0}));
        assertThrows(CreditModelException.class, () -> s.requireValid(new double[]{1, 2}));
        assertThrows(CreditModelException.class, () -> s.requireValid(new double[]{1, 0.5}));
    }

    @Test
    void timeSplitNeverCutsATieAndNeverLeaksTheFuture() {
        long[] time = {5, 1, 2, 2, 2, 3, 4, 4, 6, 7};
        Splits.TimeSplit s = Splits.timeOrdered(time, 0.3, 0.3);
        // sorted: 1 2 2 2 3 4 4 5 6 7; cut at 3 falls inside the tie of 2s -> moves to 4
        assertEquals(4, s.train().length);
        long maxTrain = 0;
        for (int i : s.train()) {
            maxTrain = Math.max(maxTrain, time[i]);
        }
        for (int i : s.validation()) {
            assertTrue(time[i] > maxTrain, "validation after train");
        }
        long maxValidation = 0;
        for (int i : s.validation()) {
            maxValidation = Math.max(maxValidation, time[i]);
        }
        for (int i : s.test()) {
            assertTrue(time[i] > maxValidation, "test after validation");
        }
        assertEquals(time.length, s.train().length + s.validation().length + s.test().length);
    }

    @Test
    void stratifiedFoldsKeepTheClassMixAndAreSeeded() {
        int[] y = new int[1000];
        for (int i = 0; i < 300; i++) {
            y[i * 3] = 1;
        }
        int[] folds = Splits.stratifiedFolds(y, 5, 42);
        for (int f = 0; f < 5; f++) {
            int[] rows = Splits.rows(folds, f, true);
            int positives = 0;
            for (int i : rows) {
                positives += y[i];
            }
            assertEquals(200, rows.length);
            assertEquals(60, positives);
        }
        assertEquals(java.util.Arrays.toString(folds), java.util.Arrays.toString(Splits.stratifiedFolds(y, 5, 42)));
        assertNotEquals(java.util.Arrays.toString(folds), java.util.Arrays.toString(Splits.stratifiedFolds(y, 5, 43)));
    }
}
