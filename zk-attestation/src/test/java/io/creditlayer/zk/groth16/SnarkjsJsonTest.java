package io.creditlayer.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.zk.bn254.Bn254;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Point;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The strictness rules of {@link SnarkjsJson} and {@link VerificationKey}, one by one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnarkjsJsonTest {
    private JsonNode key;
    private JsonNode proof;
    private JsonNode publicInputs;

    @BeforeAll
    void documents() {
        Groth16Artifacts artifacts = TestCircuit.artifacts();
        ProofFiles files = ProofFiles.prove(artifacts, TestCircuit.randomInput(new Random(5)),
                artifacts.verificationKey().resolveSibling("proofs"));
        key = Snarkjs.readJson(artifacts.verificationKey());
        proof = Snarkjs.readJson(files.proof());
        publicInputs = Snarkjs.readJson(files.publicInputs());
    }

    private static String edited(JsonNode document, Consumer<JsonNode> edit) {
        JsonNode copy = document.deepCopy();
        edit.accept(copy);
        return copy.toString();
    }

    private static void assertRefused(String expectedMessagePart, Runnable read) {
        Groth16FormatException refused = assertThrows(Groth16FormatException.class, read::run);
        assertTrue(refused.getMessage().contains(expectedMessagePart), refused.getMessage());
    }

    @Test
    void validDocumentsRead() {
        VerificationKey vk = SnarkjsJson.verificationKey(key.toString());
        Proof p = SnarkjsJson.proof(proof.toString());
        BigInteger[] x = SnarkjsJson.publicInputs(publicInputs.toString());
        assertTrue(Groth16Verifier.verify(vk, p, x));
        // rapidsnark omits "curve" in proof.json
        assertEquals(p, SnarkjsJson.proof(edited(proof, n -> ((ObjectNode) n).remove("curve"))));
    }

    @Test
    void numbersMustBeCanonicalDecimalStrings() {
        String x = proof.get("pi_a").get(0).textValue();
        for (String bad : List.of("0x" + new BigInteger(x).toString(16), "0" + x, "-" + x, "+" + x, x + " ", "",
                x + "0".repeat(80))) {
            assertRefused("pi_a[0]", () -> SnarkjsJson.proof(edited(proof, n -> ((ArrayNode) n.get("pi_a")).set(0, bad))));
        }
        assertRefused("expected a decimal string", () -> SnarkjsJson.proof(
                edited(proof, n -> ((ArrayNode) n.get("pi_a")).set(0, new BigInteger(x)))));
        assertRefused("public.json[2]", () -> SnarkjsJson.publicInputs("[\"1\", \"2\", 3]"));
    }

    @Test
    void valuesAreNeverReduced() {
        BigInteger x = new BigInteger(proof.get("pi_a").get(0).textValue());
        assertRefused("not in [0, p)", () -> SnarkjsJson.proof(edited(proof,
                n -> ((ArrayNode) n.get("pi_a")).set(0, x.add(io.creditlayer.zk.bn254.Fp.P).toString()))));
        assertRefused("not in [0, r)", () -> SnarkjsJson.publicInputs("[\"" + Bn254.R + "\"]"));
        assertEquals(Bn254.R.subtract(BigInteger.ONE),
                SnarkjsJson.publicInputs("[\"" + Bn254.R.subtract(BigInteger.ONE) + "\"]")[0]);
    }

    @Test
    void pointsMustBeOnTheirCurvesAndB_InG2() {
        BigInteger y = new BigInteger(proof.get("pi_a").get(1).textValue());
        assertRefused("not on G1", () -> SnarkjsJson.proof(edited(proof,
                n -> ((ArrayNode) n.get("pi_a")).set(1, y.add(BigInteger.ONE).toString()))));
        assertRefused("not on the G2 twist", () -> SnarkjsJson.proof(edited(proof,
                n -> ((ArrayNode) n.get("pi_b").get(1)).set(0, "1"))));
        String outside = twistPointOutsideG2();
        assertRefused("not in G2", () -> SnarkjsJson.proof(edited(proof, n -> ((ObjectNode) n).set("pi_b",
                readTree(outside)))));
    }

    private static String twistPointOutsideG2() {
        // a random point of the twist: its cofactor 2p - r is huge, so it is outside G2
        BigInteger[] point = io.creditlayer.zk.bn254.TwistPoints.randomTwistPoint(new Random(8));
        return "[[\"" + point[0] + "\", \"" + point[1] + "\"], [\"" + point[2] + "\", \"" + point[3]
                + "\"], [\"1\", \"0\"]]";
    }

    private static JsonNode readTree(String json) {
        try {
            return Snarkjs.json().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pointAtInfinityOnlyInSnarkjsForm() {
        Proof p = SnarkjsJson.proof(edited(proof, n -> ((ObjectNode) n).set("pi_c", readTree("[\"0\", \"1\", \"0\"]"))));
        assertTrue(p.c().isInfinity());
        Proof q = SnarkjsJson.proof(edited(proof, n -> ((ObjectNode) n).set("pi_b",
                readTree("[[\"0\", \"0\"], [\"1\", \"0\"], [\"0\", \"0\"]]"))));
        assertTrue(q.b().isInfinity());
        assertRefused("z = 0", () -> SnarkjsJson.proof(edited(proof, n -> ((ArrayNode) n.get("pi_a")).set(2, "0"))));
        assertRefused("z = 1", () -> SnarkjsJson.proof(edited(proof, n -> ((ArrayNode) n.get("pi_a")).set(2, "2"))));
        assertRefused("(0, 0)", () -> SnarkjsJson.proof(edited(proof,
                n -> ((ObjectNode) n).set("pi_a", readTree("[\"0\", \"0\", \"1\"]")))));
    }

    @Test
    void fieldsAreExactlyTheKnownOnes() {
        assertRefused("unknown field", () -> SnarkjsJson.proof(edited(proof, n -> ((ObjectNode) n).put("extra", "1"))));
        assertRefused("missing field pi_b", () -> SnarkjsJson.proof(edited(proof, n -> ((ObjectNode) n).remove("pi_b"))));
        assertRefused("protocol", () -> SnarkjsJson.proof(edited(proof, n -> ((ObjectNode) n).put("protocol", "plonk"))));
        assertRefused("curve", () -> SnarkjsJson.verificationKey(edited(key, n -> ((ObjectNode) n).put("curve", "bls12381"))));
        assertRefused("Duplicate field", () -> SnarkjsJson.proof("{\"protocol\": \"groth16\", " + proof.toString().substring(1)));
        assertRefused("not valid JSON", () -> SnarkjsJson.proof(proof.toString() + " {}"));
    }

    @Test
    void keyShapeIsChecked() {
        assertRefused("nPublic is 4", () -> SnarkjsJson.verificationKey(edited(key, n -> ((ObjectNode) n).put("nPublic", 4))));
        assertRefused("nPublic must be", () -> SnarkjsJson.verificationKey(edited(key, n -> ((ObjectNode) n).put("nPublic", "5"))));
        assertRefused("vk_alphabeta_12", () -> SnarkjsJson.verificationKey(edited(key,
                n -> ((ArrayNode) n.get("vk_alphabeta_12").get(0).get(0)).set(0, "1"))));
        // a key without vk_alphabeta_12 still reads
        VerificationKey vk = SnarkjsJson.verificationKey(edited(key, n -> ((ObjectNode) n).remove("vk_alphabeta_12")));
        assertEquals(5, vk.publicInputCount());
    }

    @Test
    void unsafeKeysAreRefused() {
        VerificationKey vk = SnarkjsJson.verificationKey(key.toString());
        assertRefused("gamma equals delta",
                () -> new VerificationKey(vk.alpha(), vk.beta(), vk.gamma(), vk.gamma(), vk.ic()));
        assertRefused("point at infinity",
                () -> new VerificationKey(G1Point.INFINITY, vk.beta(), vk.gamma(), vk.delta(), vk.ic()));
        assertRefused("point at infinity",
                () -> new VerificationKey(vk.alpha(), vk.beta(), G2Point.INFINITY, vk.delta(), vk.ic()));
        assertRefused("IC", () -> new VerificationKey(vk.alpha(), vk.beta(), vk.gamma(), vk.delta(), List.of()));
    }

    @Test
    void publicInputsAreRangeCheckedAndCounted() throws Exception {
        VerificationKey vk = SnarkjsJson.verificationKey(key.toString());
        Proof p = SnarkjsJson.proof(proof.toString());
        BigInteger[] x = SnarkjsJson.publicInputs(publicInputs.toString());
        Groth16Verifier verifier = new Groth16Verifier(vk);
        BigInteger[] aliased = x.clone();
        aliased[3] = aliased[3].add(Bn254.R);
        assertRefused("public input 3", () -> verifier.verify(p, aliased));
        BigInteger[] negative = x.clone();
        negative[0] = BigInteger.ONE.negate();
        assertRefused("public input 0", () -> verifier.verify(p, negative));
        assertRefused("expected 5 public inputs", () -> verifier.verify(p, new BigInteger[4]));
        BigInteger[] missing = x.clone();
        missing[1] = null;
        assertRefused("missing", () -> verifier.verify(p, missing));
        assertFalse(verifier.verify(p, new BigInteger[] {x[0], x[1], x[2], x[3], x[4].add(BigInteger.ONE).mod(Bn254.R)}));
        // the binary proof form round-trips
        assertEquals(p, Proof.fromBytes(p.toBytes()));
        assertTrue(Files.isRegularFile(TestCircuit.artifacts().zkey()));
    }
}
