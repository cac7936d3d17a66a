package io.creditlayer.zk.prover;

import io.creditlayer.zk.reference.Circomlibjs;
import io.creditlayer.zk.tree.TierEntry;
import io.creditlayer.zk.tree.TierTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves with the ceremony's key (the build runs zk-attestation/ceremony/ceremony.sh first). */
class SnarkjsProverTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger MODEL_ID =
            TierEntry.modelIdField("0x8f410c63c244ba704a9f2f54fabdfadee2c8d7e5a2838e8ac1979e2045b574b7");

    private static Path root;
    private static SnarkjsProver prover;
    private static TierTree tree;
    private static List<TierEntry> entries;

    @BeforeAll
    static void setUp() {
        root = Circomlibjs.repositoryRoot();
        prover = new SnarkjsProver(SnarkjsProver.Options.fromRepository(root));
        entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(new TierEntry(new BigInteger(160, RANDOM), 300 + RANDOM.nextInt(551), MODEL_ID, 9,
                    TierEntry.randomSalt(RANDOM)));
        }
        tree = TierTree.build(entries);
    }

    @Test
    void proofVerifiesWithSnarkjs(@TempDir Path dir) throws Exception {
        TierEntry entry = entries.stream().filter(e -> e.score() >= 670).findFirst()
                .orElseGet(() -> entries.getFirst());
        int tier = highestTier(entry.score());
        TierProofInput input = TierProofInput.of(tree, entry.borrower(), tier);

        TierProof proof = prover.prove(input);

        assertEquals(List.of(tree.root(), entry.borrower(), BigInteger.valueOf(tier), MODEL_ID, BigInteger.valueOf(9)),
                proof.publicSignals());
        assertEquals(8, proof.calldata().size());
        assertTrue(snarkjsVerifies(dir, proof.publicSignalsJson(), proof.proofJson()), "snarkjs groth16 verify");
        System.out.printf("tier proof: %d ms proving in snarkjs, %d ms with node start-up%n",
                proof.provingTime().toMillis(), proof.wallTime().toMillis());
    }

    @Test
    void proofDoesNotVerifyForAnotherTier(@TempDir Path dir) throws Exception {
        TierEntry entry = entries.stream().filter(e -> e.score() >= 580).findFirst().orElseThrow();
        TierProof proof = prover.prove(TierProofInput.of(tree, entry.borrower(), 2));
        String otherTier = proof.publicSignalsJson().replaceFirst(",\"2\",", ",\"1\",");
        assertTrue(!otherTier.equals(proof.publicSignalsJson()));
        assertTrue(!snarkjsVerifies(dir, otherTier, proof.proofJson()));
    }

    @Test
    void claimAboveTheScoreIsRefusedBeforeProving() {
        TierEntry entry = entries.stream().filter(e -> e.score() < 800).findFirst().orElseThrow();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TierProofInput.of(tree, entry.borrower(), 5));
        assertTrue(error.getMessage().contains("floor"));
        assertTrue(!error.getMessage().contains(String.valueOf(entry.score())), "the message keeps the score secret");
    }

    @Test
    void unknownBorrowerAndBadTierAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TierProofInput.of(tree, BigInteger.valueOf(77), 1));
        BigInteger borrower = entries.getFirst().borrower();
        assertThrows(IllegalArgumentException.class, () -> TierProofInput.of(tree, borrower, 0));
        assertThrows(IllegalArgumentException.class, () -> TierProofInput.of(tree, borrower, 6));
    }

    @Test
    void optionsCheckTheArtifacts(@TempDir Path dir) {
        SnarkjsProver.Options good = SnarkjsProver.Options.fromRepository(root);
        assertThrows(IllegalArgumentException.class, () -> new SnarkjsProver.Options("node", good.snarkjs(),
                dir.resolve("missing.wasm"), good.zkey(), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> new SnarkjsProver.Options("node", good.snarkjs(),
                good.wasm(), good.zkey(), Duration.ZERO));
    }

    @Test
    void timeoutKillsTheProver() {
        SnarkjsProver.Options good = SnarkjsProver.Options.fromRepository(root);
        SnarkjsProver hasty = new SnarkjsProver(new SnarkjsProver.Options(good.node(), good.snarkjs(), good.wasm(),
                good.zkey(), Duration.ofMillis(1)));
        TierEntry entry = entries.getFirst();
        assertThrows(SnarkjsProver.ProvingException.class,
                () -> hasty.prove(TierProofInput.of(tree, entry.borrower(), 1)));
    }

    private static int highestTier(int score) {
        int tier = 1;
        for (int t = 2; t <= 5; t++) {
            if (score >= TierProofInput.floorOf(t)) {
                tier = t;
            }
        }
        return tier;
    }

    private static boolean snarkjsVerifies(Path dir, String publicJson, String proofJson)
            throws IOException, InterruptedException {
        Path publicFile = dir.resolve("public.json");
        Path proofFile = dir.resolve("proof.json");
        Files.writeString(publicFile, publicJson);
        Files.writeString(proofFile, proofJson);
        Process process = new ProcessBuilder("node", root.resolve("node_modules/snarkjs/build/cli.cjs").toString(),
                "groth16", "verify", root.resolve(".cache/zk/verification_key.json").toString(),
                publicFile.toString(), proofFile.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        return process.exitValue() == 0 && out.contains("OK!");
    }
}
