package io.creditlayer.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.zk.bn254.Bn254;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Point;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Java verifier and snarkjs agree on proofs made by {@code snarkjs groth16 fullprove} for a circuit: valid
 * proofs pass both, tampered ones fail both, in every byte-position class (A, B, C, each public input) and with
 * tampering that keeps every point on its curve.
 *
 * <p>A subclass names the circuit's artifacts and satisfying inputs; the test circuit's is
 * {@link FivePublicAgreementTest}, and the tier proof's artifacts (.cache/zk/) plug in the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnarkjsAgreementContract {
    private static final BigInteger R = Bn254.R;

    /** The circuit's wasm, final zkey and verification key. */
    abstract Groth16Artifacts artifacts();

    /** At least two satisfying inputs (snarkjs input.json documents) with different public inputs. */
    abstract List<String> inputs();

    /** Where proofs and scratch files go. */
    abstract Path workDirectory();

    private JsonNode keyJson;
    private Groth16Verifier verifier;
    /** The same key's verifier with all of a verification on the calling thread ({@code verifier} always splits). */
    private Groth16Verifier oneThread;
    private final List<ProofFiles> proofs = new ArrayList<>();

    @BeforeAll
    void prove() {
        Groth16Artifacts artifacts = artifacts();
        keyJson = Snarkjs.readJson(artifacts.verificationKey());
        verifier = new Groth16Verifier(SnarkjsJson.verificationKey(artifacts.verificationKey()), true,
                Groth16Verifier.Threads.TWO);
        oneThread = new Groth16Verifier(verifier.key(), true, Groth16Verifier.Threads.ONE);
        for (String input : inputs()) {
            proofs.add(ProofFiles.prove(artifacts, input, workDirectory().resolve("proofs")));
        }
    }

    private Proof proof(int i) {
        return SnarkjsJson.proof(proofs.get(i).proof());
    }

    private BigInteger[] publicInputs(int i) {
        return SnarkjsJson.publicInputs(proofs.get(i).publicInputs());
    }

    /** A case as raw words, so that it can carry values no valid object could (coordinates from p, inputs from r). */
    private record Tampered(String description, byte[] proof, BigInteger[] publicInputs) {
    }

    /**
     * Java's verdict: false for a proof or input it refuses as malformed. The two-thread and the one-thread
     * verification must agree.
     */
    private boolean java(Tampered c) {
        Proof proof;
        try {
            proof = Proof.fromBytes(c.proof());
            Groth16Verifier.checkPublicInputs(java.util.Arrays.asList(c.publicInputs()),
                    verifier.key().publicInputCount());
        } catch (Groth16FormatException refused) {
            return false;
        }
        boolean verdict = verifier.verify(proof, c.publicInputs());
        assertEquals(verdict, oneThread.verify(proof, c.publicInputs()),
                "one thread against two on " + c.description());
        return verdict;
    }

    /** snarkjs's proof.json for raw proof words (A.x, A.y, B.x_im, B.x_re, B.y_im, B.y_re, C.x, C.y). */
    private static JsonNode proofJson(byte[] proof) {
        BigInteger[] w = new BigInteger[8];
        for (int i = 0; i < 8; i++) {
            w[i] = new BigInteger(1, java.util.Arrays.copyOfRange(proof, 32 * i, 32 * i + 32));
        }
        ObjectNode json = Snarkjs.json().createObjectNode();
        ArrayNode a = json.putArray("pi_a");
        a.add(w[0].toString()).add(w[1].toString()).add("1");
        ArrayNode b = json.putArray("pi_b");
        b.addArray().add(w[3].toString()).add(w[2].toString());
        b.addArray().add(w[5].toString()).add(w[4].toString());
        b.addArray().add("1").add("0");
        ArrayNode c = json.putArray("pi_c");
        c.add(w[6].toString()).add(w[7].toString()).add("1");
        json.put("protocol", "groth16");
        json.put("curve", "bn128");
        return json;
    }

    private static JsonNode publicJson(BigInteger[] inputs) {
        ArrayNode json = Snarkjs.json().createArrayNode();
        for (BigInteger x : inputs) {
            json.add(x.toString());
        }
        return json;
    }

    /** Runs the cases through both verifiers; returns snarkjs's verdicts (null where snarkjs threw). */
    private List<Boolean> assertBothSay(boolean expected, List<Tampered> cases) {
        List<Snarkjs.Case> batch = cases.stream()
                .map(c -> new Snarkjs.Case(keyJson, proofJson(c.proof()), publicJson(c.publicInputs())))
                .toList();
        List<Boolean> snarkjs = Snarkjs.verifyBatch(batch, workDirectory().resolve("scratch"));
        for (int i = 0; i < cases.size(); i++) {
            Tampered c = cases.get(i);
            boolean snarkjsAccepts = Boolean.TRUE.equals(snarkjs.get(i));
            assertEquals(expected, snarkjsAccepts, "snarkjs on " + c.description());
            assertEquals(expected, java(c), "Java on " + c.description());
        }
        return snarkjs;
    }

    @Test
    void validProofsPassBoth() {
        ProofFiles first = proofs.get(0);
        assertTrue(Snarkjs.verifyCli(artifacts().verificationKey(), first.publicInputs(), first.proof()),
                "snarkjs groth16 verify");
        List<Tampered> cases = new ArrayList<>();
        for (int i = 0; i < proofs.size(); i++) {
            assertTrue(verifier.verify(proof(i), publicInputs(i)));
            assertTrue(Groth16Verifier.verify(verifier.key(), proof(i), publicInputs(i)));
            cases.add(new Tampered("valid proof " + i, proof(i).toBytes(), publicInputs(i)));
        }
        assertBothSay(true, cases);
    }

    @Test
    void bitFlipsInEveryPositionClassFailBoth() {
        Random random = new Random(99);
        List<Tampered> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] proof = proof(i).toBytes();
            BigInteger[] inputs = publicInputs(i);
            int[][] classes = {{0, 64}, {64, 192}, {192, 256}};
            String[] names = {"A", "B", "C"};
            for (int k = 0; k < classes.length; k++) {
                for (int n = 0; n < 4; n++) {
                    byte[] flipped = proof.clone();
                    int at = classes[k][0] + random.nextInt(classes[k][1] - classes[k][0]);
                    flipped[at] ^= (byte) (1 << random.nextInt(8));
                    cases.add(new Tampered("proof " + i + ": bit flip in " + names[k] + " at byte " + at, flipped, inputs));
                }
            }
            for (int j = 0; j < inputs.length; j++) {
                for (int n = 0; n < 4; n++) {
                    BigInteger[] flipped = inputs.clone();
                    flipped[j] = flipped[j].flipBit(random.nextInt(n == 0 ? 8 : 254));
                    cases.add(new Tampered("proof " + i + ": bit flip in public input " + j, proof, flipped));
                }
            }
        }
        assertBothSay(false, cases);
    }

    @Test
    void tamperingThatKeepsPointsOnTheirCurvesFailsBoth() {
        List<Tampered> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Proof p = proof(i);
            BigInteger[] inputs = publicInputs(i);
            G1Point g1 = G1Point.GENERATOR;
            G2Point g2 = G2Point.GENERATOR;
            cases.add(new Tampered(i + ": A + G1", new Proof(p.a().add(g1), p.b(), p.c()).toBytes(), inputs));
            cases.add(new Tampered(i + ": -A", new Proof(p.a().negate(), p.b(), p.c()).toBytes(), inputs));
            cases.add(new Tampered(i + ": 2A", new Proof(p.a().multiply(BigInteger.TWO), p.b(), p.c()).toBytes(), inputs));
            cases.add(new Tampered(i + ": B + G2", new Proof(p.a(), p.b().add(g2), p.c()).toBytes(), inputs));
            cases.add(new Tampered(i + ": -B", new Proof(p.a(), p.b().negate(), p.c()).toBytes(), inputs));
            cases.add(new Tampered(i + ": C + G1", new Proof(p.a(), p.b(), p.c().add(g1)).toBytes(), inputs));
            cases.add(new Tampered(i + ": A and C swapped", new Proof(p.c(), p.b(), p.a()).toBytes(), inputs));
            cases.add(new Tampered(i + ": C at infinity", new Proof(p.a(), p.b(), G1Point.INFINITY).toBytes(), inputs));
            for (int j = 0; j < inputs.length; j++) {
                BigInteger[] changed = inputs.clone();
                changed[j] = changed[j].add(BigInteger.ONE).mod(R);
                cases.add(new Tampered(i + ": public input " + j + " + 1", p.toBytes(), changed));
                BigInteger[] aliased = inputs.clone();
                aliased[j] = aliased[j].add(R);
                cases.add(new Tampered(i + ": public input " + j + " + r (same residue)", p.toBytes(), aliased));
            }
            for (int j = 1; j < inputs.length; j++) {
                if (!inputs[j].equals(inputs[j - 1])) {
                    BigInteger[] swapped = inputs.clone();
                    swapped[j - 1] = inputs[j];
                    swapped[j] = inputs[j - 1];
                    cases.add(new Tampered(i + ": public inputs " + (j - 1) + " and " + j + " swapped", p.toBytes(),
                            swapped));
                    break;
                }
            }
            cases.add(new Tampered(i + ": another proof's public inputs", p.toBytes(), publicInputs(1 - i)));
        }
        assertBothSay(false, cases);
    }

    /**
     * A coordinate plus p names the same residue. snarkjs's JavaScript verifier reduces it and accepts; the EVM's
     * precompiles (which the on-chain verifier calls) and this verifier refuse it: values are never reduced.
     */
    @Test
    void coordinatesFromPAreRefusedWhereSnarkjsReducesThem() {
        BigInteger p = io.creditlayer.zk.bn254.Fp.P;
        byte[] valid = proof(0).toBytes();
        List<Tampered> cases = new ArrayList<>();
        for (int word : new int[] {0, 2, 7}) {
            byte[] aliased = valid.clone();
            BigInteger value = new BigInteger(1, java.util.Arrays.copyOfRange(valid, 32 * word, 32 * word + 32));
            byte[] raw = value.add(p).toByteArray();
            java.util.Arrays.fill(aliased, 32 * word, 32 * word + 32, (byte) 0);
            int length = Math.min(32, raw.length);
            System.arraycopy(raw, raw.length - length, aliased, 32 * word + 32 - length, length);
            cases.add(new Tampered("proof word " + word + " + p", aliased, publicInputs(0)));
        }
        List<Boolean> snarkjs = Snarkjs.verifyBatch(cases.stream()
                .map(c -> new Snarkjs.Case(keyJson, proofJson(c.proof()), publicJson(c.publicInputs())))
                .toList(), workDirectory().resolve("scratch"));
        for (int i = 0; i < cases.size(); i++) {
            Tampered c = cases.get(i);
            org.junit.jupiter.api.Assertions.assertThrows(Groth16FormatException.class, () -> Proof.fromBytes(c.proof()),
                    c.description());
            assertEquals(Boolean.TRUE, snarkjs.get(i), "snarkjs 0.7 reduces " + c.description());
        }
    }

    /**
     * Groth16 proofs are malleable: (k·A, k^-1·B, C) satisfies the same equation. Both verifiers accept it, so a
     * proof's bytes must never serve as a nullifier (the contract keys replay protection on the public inputs).
     */
    @Test
    void rescaledProofPassesBothAsGroth16Allows() {
        Proof p = proof(0);
        BigInteger k = BigInteger.valueOf(7);
        Proof rescaled = new Proof(p.a().multiply(k), p.b().multiply(k.modInverse(R)), p.c());
        assertBothSay(true, List.of(new Tampered("A·7, B/7", rescaled.toBytes(), publicInputs(0))));
    }

    /** Verifications from several threads at once (each spawning its own task) keep their verdicts apart. */
    @Test
    void concurrentVerificationsKeepTheirVerdicts() throws Exception {
        Proof valid = proof(0);
        BigInteger[] inputs = publicInputs(0);
        BigInteger[] wrong = publicInputs(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> verdicts = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                BigInteger[] x = n % 2 == 0 ? inputs : wrong;
                verdicts.add(pool.submit(() -> verifier.verify(valid, x)));
            }
            for (int n = 0; n < verdicts.size(); n++) {
                assertEquals(n % 2 == 0, verdicts.get(n).get(), "verification " + n);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrongNumberOfPublicInputsIsRefused() {
        BigInteger[] inputs = publicInputs(0);
        Proof p = proof(0);
        org.junit.jupiter.api.Assertions.assertThrows(Groth16FormatException.class,
                () -> verifier.verify(p, java.util.Arrays.copyOf(inputs, inputs.length - 1)));
        BigInteger[] longer = java.util.Arrays.copyOf(inputs, inputs.length + 1);
        longer[inputs.length] = BigInteger.ZERO;
        org.junit.jupiter.api.Assertions.assertThrows(Groth16FormatException.class, () -> verifier.verify(p, longer));
        assertFalse(inputs.length == 0);
    }
}
