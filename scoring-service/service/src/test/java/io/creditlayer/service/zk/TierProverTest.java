package io.creditlayer.service.zk;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.zk.prover.TierProof;
import io.creditlayer.zk.prover.TierProofInput;
import io.creditlayer.zk.tree.TierEntry;
import io.creditlayer.zk.tree.TierTree;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The prover's bounds with the real snarkjs: one slot busy means 503 at once; missing files mean 503 too. */
class TierProverTest {
    private static final Path ROOT = Path.of(System.getProperty("creditlayer.root"));

    private static ZkSettings settings(Path artifacts, int slots, Duration wait) {
        return new ZkSettings(artifacts.toString(), ROOT.resolve("node_modules/snarkjs").toString(), "node",
                Duration.ofSeconds(60), slots, wait, false, Duration.ofHours(24), Duration.ofHours(48),
                Duration.ofDays(7));
    }

    private static TierProofInput input() {
        SecureRandom random = new SecureRandom();
        BigInteger model = TierEntry.modelIdField("0x" + "ab".repeat(32));
        List<TierEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(new TierEntry(new BigInteger(160, random), 700, model, 3, TierEntry.randomSalt(random)));
        }
        TierTree tree = TierTree.build(entries);
        return TierProofInput.of(tree, entries.getFirst().borrower(), 3);
    }

    @Test
    void aSecondProofWhileTheOnlySlotIsBusyIsTurnedAway() throws Exception {
        TierProver prover = new TierProver(settings(ROOT.resolve(".cache/zk"), 1, Duration.ZERO));
        TierProofInput input = input();
        // two proofs at once with one slot and no queueing: whichever comes second finds the slot taken, since a
        // proof holds it for seconds
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return prover.prove(input);
                } catch (ApiProblem e) {
                    return e;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, Executors.newVirtualThreadPerTaskExecutor()));
        }
        go.countDown();
        List<Object> outcomes = calls.stream().map(CompletableFuture::join).toList();
        List<TierProof> proofs = outcomes.stream().filter(TierProof.class::isInstance).map(TierProof.class::cast).toList();
        List<ApiProblem> refused = outcomes.stream().filter(ApiProblem.class::isInstance).map(ApiProblem.class::cast).toList();
        assertEquals(1, proofs.size(), outcomes.toString());
        assertEquals(input.publicSignals(), proofs.getFirst().publicSignals());
        assertEquals(1, refused.size());
        assertEquals("prover-busy", refused.getFirst().slug());
        assertEquals(503, refused.getFirst().status());
        assertEquals("5", refused.getFirst().headers().get("Retry-After"));
        // the slot is free again
        assertEquals(input.publicSignals(), prover.prove(input).publicSignals());
    }

    @Test
    void missingCircuitFilesMeanProvingIsUnavailable() {
        TierProver prover = new TierProver(settings(ROOT.resolve("target/no-such-zk-dir"), 1, Duration.ZERO));
        ApiProblem problem = assertThrows(ApiProblem.class, () -> prover.prove(input()));
        assertEquals(503, problem.status());
        assertEquals("prover-unavailable", problem.slug());
        ProofVerifier verifier = new ProofVerifier(settings(ROOT.resolve("target/no-such-zk-dir"), 1, Duration.ZERO));
        ApiProblem noKey = assertThrows(ApiProblem.class, () -> verifier.verify(null, List.of()));
        assertEquals("verifier-unavailable", noKey.slug());
    }
}
