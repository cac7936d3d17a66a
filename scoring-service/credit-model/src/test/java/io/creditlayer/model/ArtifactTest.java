package io.creditlayer.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.artifact.Json;
import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.data.Presets;
import io.creditlayer.model.data.WalletV1;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.train.ModelTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reproducible hashes, deterministic bytes, and refusal of tampered or mismatched artifacts. */
class ArtifactTest {
    static Dataset wallets;
    static ModelTrainer.Options options;
    static ModelTrainer.Result first;

    @TempDir
    static Path dir;

    @BeforeAll
    static void train() {
        wallets = CsvLoader.load(TestData.syntheticWallets(), Presets.wallet());
        options = ModelTrainer.Options.wallet(42).withGbt(new GradientBoostedTrees.Options(120, 20, 8, 10, 0.05, 0.7));
        first = ModelTrainer.fit(wallets, Presets.wallet(), options, null);
        first.model().write(dir.resolve("first"));
    }

    @Test
    void sameDataAndSeedGiveTheSameArtifactByteForByte() throws IOException {
        // a second run, with a different number of threads: results must not depend on scheduling
        ModelTrainer.Result second = ModelTrainer.fit(CsvLoader.load(TestData.syntheticWallets(), Presets.wallet()),
                Presets.wallet(), options.withThreads(options.threads() == 1 ? 2 : 1), null);
        assertEquals(first.model().modelId(), second.model().modelId());
        assertArrayEquals(first.artifact().payload(), second.artifact().payload());
        second.model().write(dir.resolve("second"));
        for (String file : List.of(ModelArtifact.MANIFEST, ModelArtifact.PAYLOAD, ModelArtifact.HASH,
                ModelArtifact.CARD_JSON, ModelArtifact.CARD_MD)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("first").resolve(file)),
                    Files.readAllBytes(dir.resolve("second").resolve(file)), file);
        }
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        ModelTrainer.Result other = ModelTrainer.fit(wallets, Presets.wallet(), options.withSeed(43), null);
        assertNotEquals(first.model().modelId(), other.model().modelId());
    }

    @Test
    void serializationIsDeterministicAndUseDoesNotChangeTheBytes() {
        CreditModel model = first.model();
        byte[] payload = first.artifact().payload();
        assertArrayEquals(payload, ModelArtifact.serialize(model.learner()));
        for (int i = 0; i < wallets.size(); i++) {
            model.explain(wallets.row(i), 3);
        }
        assertArrayEquals(payload, ModelArtifact.serialize(model.learner()));
        assertArrayEquals(payload, ModelArtifact.serialize(first.artifact().learner()));
    }

    @Test
    void theHashIsSha256OverTheCanonicalBytes() throws IOException {
        Path d = dir.resolve("first");
        String recorded = Files.readString(d.resolve(ModelArtifact.HASH)).strip();
        assertEquals(first.model().modelId(), "0x" + recorded);
        assertTrue(recorded.matches("[0-9a-f]{64}"));
        byte[] manifest = Json.canonical(Json.parse(Files.readAllBytes(d.resolve(ModelArtifact.MANIFEST))));
        byte[] payload = Files.readAllBytes(d.resolve(ModelArtifact.PAYLOAD));
        java.security.MessageDigest sha = io.creditlayer.model.data.Hashes.sha256();
        sha.update("creditlayer-model/1\n".getBytes(StandardCharsets.UTF_8));
        sha.update(manifest);
        sha.update((byte) '\n');
        sha.update(payload);
        assertEquals(recorded, io.creditlayer.model.data.Hashes.hex(sha.digest()));
        // the model id is also in the card
        assertTrue(Files.readString(d.resolve(ModelArtifact.CARD_MD)).contains(first.model().modelId()));
    }

    @Test
    void aLoadedModelScoresExactlyAsTheTrainedOne() {
        CreditModel loaded = CreditModel.load(dir.resolve("first"), WalletV1.schema());
        assertEquals(first.model().modelId(), loaded.modelId());
        for (int i = 0; i < wallets.size(); i++) {
            assertEquals(first.model().score(wallets.row(i)), loaded.score(wallets.row(i)));
            assertEquals(first.model().explain(wallets.row(i), 3), loaded.explain(wallets.row(i), 3));
        }
        CreditModel pinned = CreditModel.load(dir.resolve("first"), WalletV1.schema(), first.model().modelId());
        assertEquals(loaded.modelId(), pinned.modelId());
    }

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target);
        try (var files = Files.list(dir.resolve("first"))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static String refused(Path artifact) {
        CreditModelException e = assertThrows(CreditModelException.class, () -> CreditModel.load(artifact));
        assertFalse(e.getMessage().contains("\n"));
        return e.getMessage();
    }

    @Test
    void aTamperedManifestIsRefused() throws IOException {
        Path t = copy("tampered-manifest");
        ObjectNode manifest = (ObjectNode) Json.parse(Files.readAllBytes(t.resolve(ModelArtifact.MANIFEST)));
        // a friendlier policy: tier 5 from score 700
        ((ObjectNode) manifest.path("policy").path("tiers").get(5)).put("minScore", 700);
        Files.writeString(t.resolve(ModelArtifact.MANIFEST), Json.pretty(manifest));
        String m = refused(t);
        assertTrue(m.startsWith("artifact " + t + " is tampered or corrupt: its content hashes to 0x"), m);
        assertTrue(m.endsWith("but artifact.sha256 records " + first.model().modelId()), m);
    }

    @Test
    void aTamperedPayloadIsRefused() throws IOException {
        Path t = copy("tampered-payload");
        byte[] payload = Files.readAllBytes(t.resolve(ModelArtifact.PAYLOAD));
        payload[payload.length - 20] ^= 1;
        Files.write(t.resolve(ModelArtifact.PAYLOAD), payload);
        assertTrue(refused(t).contains("is tampered or corrupt"));
    }

    @Test
    void aReformattedManifestIsStillTheSameArtifact() throws IOException {
        // the hash covers canonical JSON, not whitespace or key order
        Path t = copy("reformatted");
        byte[] canonical = Json.canonical(Json.parse(Files.readAllBytes(t.resolve(ModelArtifact.MANIFEST))));
        Files.write(t.resolve(ModelArtifact.MANIFEST), canonical);
        assertEquals(first.model().modelId(), CreditModel.load(t).modelId());
    }

    @Test
    void missingFilesAndAReplacedHashAreRefused() throws IOException {
        Path t = copy("missing");
        Files.delete(t.resolve(ModelArtifact.PAYLOAD));
        assertEquals("artifact " + t + ": missing model.bin", refused(t));
        Path h = copy("rehashed");
        Files.writeString(h.resolve(ModelArtifact.HASH), "00".repeat(32) + "\n");
        assertTrue(refused(h).contains("is tampered or corrupt"));
        assertTrue(refused(dir.resolve("nowhere")).endsWith("not a directory"));
    }

    @Test
    void aSchemaMismatchIsRefused() {
        FeatureSchema other = FeatureSchema.of("other-v1", List.of(FeatureDef.numeric("x", "")));
        CreditModelException e = assertThrows(CreditModelException.class,
                () -> CreditModel.load(dir.resolve("first"), other));
        assertEquals("schema mismatch: artifact " + dir.resolve("first") + " expects wallet-v1 ("
                + WalletV1.schema().hash() + ") but was offered other-v1 (" + other.hash() + ")", e.getMessage());
        Dataset otherData = Dataset.of(other, new double[][]{{1}, {2}}, new int[]{0, 1});
        CreditModelException psi = assertThrows(CreditModelException.class,
                () -> first.model().psi(otherData));
        assertTrue(psi.getMessage().startsWith("schema mismatch: model " + first.model().modelId()), psi.getMessage());
        assertThrows(CreditModelException.class, () -> first.model().score(new double[17]));
    }

    @Test
    void anotherModelIdIsRefused() {
        CreditModelException e = assertThrows(CreditModelException.class,
                () -> CreditModel.load(dir.resolve("first"), WalletV1.schema(), "0x" + "ab".repeat(32)));
        assertTrue(e.getMessage().contains("expected 0x" + "ab".repeat(32)), e.getMessage());
    }

    @Test
    void foreignClassesInThePayloadAreNotDeserialized() throws IOException {
        // a payload with a class outside the allow-list, sealed with a correct hash: the filter still refuses it
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(java.time.Duration.ofSeconds(1));
        }
        ObjectNode manifest = (ObjectNode) first.artifact().manifest().deepCopy();
        ModelArtifact forged = ModelArtifact.seal(manifest, bytes.toByteArray());
        CreditModelException e = assertThrows(CreditModelException.class, forged::learner);
        assertTrue(e.getMessage().startsWith("artifact payload refused"), e.getMessage());
    }

    @Test
    void theModelIsThreadSafe() {
        CreditModel model = first.model();
        Explanation[] sequential = new Explanation[wallets.size()];
        for (int i = 0; i < sequential.length; i++) {
            sequential[i] = model.explain(wallets.row(i), 3);
        }
        for (int round = 0; round < 3; round++) {
            java.util.stream.IntStream.range(0, wallets.size()).parallel().forEach(i ->
                    assertEquals(sequential[i], model.explain(wallets.row(i), 3)));
        }
        Score[] all = model.scoreAll(wallets.x());
        for (int i = 0; i < all.length; i++) {
            assertEquals(sequential[i].score(), all[i]);
        }
    }

    @Test
    void scoresCarryTheModelIdAndUnscoredIsTierZero() {
        CreditModel model = first.model();
        Score s = model.score(wallets.row(0));
        assertEquals(model.modelId(), s.modelId());
        assertTrue(s.scored() && s.tier() >= 1 && s.score() >= 300);
        Score none = model.unscored();
        assertEquals(0, none.tier());
        assertEquals(15_000, none.collateralRatioBps());
        assertFalse(none.scored());
    }

    @Test
    void theManifestRecordsWhatTrainingUsed() {
        var m = first.artifact().manifest();
        assertEquals("creditlayer-model/1", m.path("format").asText());
        assertEquals(42, m.path("training").path("seed").asLong());
        assertEquals(wallets.contentHash(), m.path("training").path("dataHash").asText());
        assertEquals("wallet-v1", m.path("schema").path("version").asText());
        assertEquals(WalletV1.schema().hash(), m.path("schema").path("hash").asText());
        assertEquals(38, m.path("reference").path("features").size());
        assertEquals("tier-policy-v1", m.path("policy").path("version").asText());
        assertTrue(m.path("metrics").path("holdout").has("chosen"));
        var card = Json.parse(first.artifact().manifest().toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(card.has("calibration"));
    }
}
