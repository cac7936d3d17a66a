package io.creditlayer.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.zk.bn254.Bn254;
import io.creditlayer.zk.bn254.Bn254FormatException;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Point;
import io.creditlayer.zk.bn254.Precompiles;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seeded mutation fuzzing of the JSON readers and the binary decoders. Whatever the input, the outcome is either a
 * {@link Groth16FormatException} (or, for the curve encodings, a {@code Bn254FormatException}) or a value; no other
 * exception escapes, and a verification that says true had exactly the original, valid proof and inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParserFuzzTest {
    private static final BigInteger P = io.creditlayer.zk.bn254.Fp.P;
    private static final BigInteger R = Bn254.R;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private byte[] keyBytes;
    private byte[] proofBytes;
    private byte[] publicBytes;
    private VerificationKey key;
    private Proof proof;
    private BigInteger[] inputs;
    private Groth16Verifier verifier;

    @BeforeAll
    void validDocuments() throws Exception {
        Groth16Artifacts artifacts = TestCircuit.artifacts();
        ProofFiles files = ProofFiles.prove(artifacts, TestCircuit.randomInput(new Random(5)),
                artifacts.verificationKey().resolveSibling("proofs"));
        keyBytes = Files.readAllBytes(artifacts.verificationKey());
        proofBytes = Files.readAllBytes(files.proof());
        publicBytes = Files.readAllBytes(files.publicInputs());
        key = SnarkjsJson.verificationKey(keyBytes);
        proof = SnarkjsJson.proof(proofBytes);
        inputs = SnarkjsJson.publicInputs(publicBytes);
        verifier = new Groth16Verifier(key);
        assertTrue(verifier.verify(proof, inputs));
    }

    // ---- mutations ------------------------------------------------------------------------------------------

    /** Values that are wrong where a canonical decimal string is expected (or right, by accident, for some). */
    private static JsonNode replacement(Random random, JsonNode original) {
        String text = original != null && original.isTextual() ? original.textValue() : "1";
        BigInteger value = text.matches("[0-9]{1,78}") ? new BigInteger(text) : BigInteger.ONE;
        return switch (random.nextInt(24)) {
            case 0 -> NODES.numberNode(value);
            case 1 -> NODES.numberNode(random.nextInt(10));
            case 2 -> NODES.numberNode(1.5);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.objectNode();
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.textNode("-" + text);
            case 8 -> NODES.textNode("0x" + value.toString(16));
            case 9 -> NODES.textNode("00" + text);
            case 10 -> NODES.textNode(" " + text);
            case 11 -> NODES.textNode(text + ".0");
            case 12 -> NODES.textNode("1e3");
            case 13 -> NODES.textNode("");
            case 14 -> NODES.textNode(value.add(P).toString());
            case 15 -> NODES.textNode(value.add(R).toString());
            case 16 -> NODES.textNode("9".repeat(1 + random.nextInt(2000)));
            case 17 -> NODES.textNode(P.subtract(BigInteger.ONE).toString());
            case 18 -> NODES.textNode(R.toString());
            case 19 -> NODES.textNode("\u0661\u0662");
            case 20 -> NODES.textNode(value.add(BigInteger.ONE).toString());
            case 21 -> NODES.textNode("0");
            case 22 -> NODES.arrayNode().add(text);
            default -> NODES.textNode(text + "\u0000");
        };
    }

    /** All (parent, key-or-index) places in a tree, depth first. */
    private static void places(JsonNode node, List<Object[]> out) {
        if (node.isObject()) {
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                out.add(new Object[] {node, name});
                places(node.get(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Object[] {node, i});
                places(node.get(i), out);
            }
        }
    }

    /** A structural mutation of the parsed document: replace, remove, add, duplicate or re-wrap a node. */
    private static byte[] treeMutation(Random random, byte[] document) throws Exception {
        JsonNode root = Snarkjs.json().readTree(document);
        List<Object[]> all = new ArrayList<>();
        places(root, all);
        Object[] place = all.get(random.nextInt(all.size()));
        JsonNode parent = (JsonNode) place[0];
        int action = random.nextInt(10);
        if (parent instanceof ObjectNode object) {
            String name = (String) place[1];
            switch (action) {
                case 0 -> object.remove(name);
                case 1 -> object.set("unexpected_" + random.nextInt(9), replacement(random, null));
                case 2 -> {
                    // a duplicate key cannot live in a tree: splice it into the text
                    String text = Snarkjs.json().writeValueAsString(root);
                    return text.replaceFirst("\\{", "{\"" + name + "\": 1, ").getBytes(StandardCharsets.UTF_8);
                }
                default -> object.set(name, replacement(random, object.get(name)));
            }
        } else {
            ArrayNode array = (ArrayNode) parent;
            int index = (Integer) place[1];
            switch (action) {
                case 0 -> array.remove(index);
                case 1 -> array.add(replacement(random, null));
                case 2 -> array.insert(index, array.get(index).deepCopy());
                case 3 -> array.set(index, NODES.arrayNode().add(array.get(index)));
                default -> array.set(index, replacement(random, array.get(index)));
            }
        }
        if (random.nextInt(20) == 0) {
            root = NODES.arrayNode().add(root);
        }
        return Snarkjs.json().writeValueAsBytes(root);
    }

    /** A byte-level mutation of the text: overwrite, insert, delete, truncate, duplicate a span. */
    private static byte[] byteMutation(Random random, byte[] document) {
        byte[] out = document.clone();
        int at = random.nextInt(out.length);
        switch (random.nextInt(6)) {
            case 0 -> out[at] = (byte) random.nextInt(256);
            case 1 -> out[at] = (byte) "0123456789\"[]{},:-x ".charAt(random.nextInt(20));
            case 2 -> {
                byte[] longer = new byte[out.length + 1];
                System.arraycopy(out, 0, longer, 0, at);
                longer[at] = (byte) "0123456789\"[]{},:".charAt(random.nextInt(17));
                System.arraycopy(out, at, longer, at + 1, out.length - at);
                out = longer;
            }
            case 3 -> {
                byte[] shorter = new byte[out.length - 1];
                System.arraycopy(out, 0, shorter, 0, at);
                System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                out = shorter;
            }
            case 4 -> out = Arrays.copyOf(out, at);
            default -> {
                int length = Math.min(1 + random.nextInt(40), out.length - at);
                byte[] longer = new byte[out.length + length];
                System.arraycopy(out, 0, longer, 0, at + length);
                System.arraycopy(out, at, longer, at + length, out.length - at);
                out = longer;
            }
        }
        return out;
    }

    private static byte[] mutate(Random random, byte[] document) throws Exception {
        byte[] mutated = random.nextBoolean() ? treeMutation(random, document) : byteMutation(random, document);
        if (random.nextInt(8) == 0) {
            mutated = random.nextBoolean() ? treeMutation(random, mutated.length > 0 && parses(mutated) ? mutated : document)
                    : byteMutation(random, mutated.length > 0 ? mutated : document);
        }
        return mutated;
    }

    private static boolean parses(byte[] document) {
        try {
            Snarkjs.json().readTree(document);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs {@code read} on the document: a value, a Groth16FormatException (null), or a test failure. */
    private static <T> T outcome(byte[] document, Function<byte[], T> read) {
        try {
            return read.apply(document);
        } catch (Groth16FormatException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            fail("unexpected " + e + " for " + new String(document, 0, Math.min(400, document.length),
                    StandardCharsets.UTF_8), e);
            return null;
        }
    }

    // ---- JSON ---------------------------------------------------------------------------------------------

    @Test
    void mutatedProofsAreRefusedOrFailUnlessUnchanged() throws Exception {
        Random random = new Random(101);
        int refused = 0;
        for (int n = 0; n < 1500; n++) {
            byte[] mutated = mutate(random, proofBytes);
            Proof parsed = outcome(mutated, SnarkjsJson::proof);
            if (parsed == null) {
                refused++;
            } else if (verifier.verify(parsed, inputs)) {
                assertEquals(proof, parsed, "a changed proof verified");
            }
        }
        assertTrue(refused > 1000, "most mutations are refused: " + refused);
    }

    @Test
    void mutatedPublicInputsAreRefusedOrFailUnlessUnchanged() throws Exception {
        Random random = new Random(102);
        int refused = 0;
        for (int n = 0; n < 1000; n++) {
            byte[] mutated = mutate(random, publicBytes);
            BigInteger[] parsed = outcome(mutated, SnarkjsJson::publicInputs);
            if (parsed == null) {
                refused++;
                continue;
            }
            try {
                if (verifier.verify(proof, parsed)) {
                    assertArrayEquals(inputs, parsed, "changed public inputs verified");
                }
            } catch (Groth16FormatException wrongCount) {
                assertTrue(parsed.length != inputs.length);
            }
        }
        assertTrue(refused > 450, "many mutations are refused: " + refused);
    }

    @Test
    void mutatedKeysAreRefusedOrFailUnlessUnchanged() throws Exception {
        Random random = new Random(103);
        int refused = 0;
        for (int n = 0; n < 400; n++) {
            byte[] mutated = mutate(random, keyBytes);
            VerificationKey parsed = outcome(mutated, SnarkjsJson::verificationKey);
            if (parsed == null) {
                refused++;
            } else if (Groth16Verifier.verify(parsed, proof, inputs)) {
                assertEquals(key, parsed, "a changed key verified");
            }
        }
        assertTrue(refused > 300, "most mutations are refused: " + refused);
    }

    @Test
    void hostileDocumentsAreRefused() {
        List<String> documents = List.of("", " ", "null", "true", "1", "\"x\"", "[]", "{}", "[[]]", "{\"pi_a\":",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "[\"" + "1".repeat(100_000) + "\"]", "[" + "1".repeat(5000) + "]", "[\"1\"] [\"2\"]", "[\"1\",]",
                "[\"1\"]//", "['1']", "[NaN]", "\uFEFF[\"1\"]", "[\"1\"\u0000]");
        for (String document : documents) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            for (Function<byte[], ?> reader : List.<Function<byte[], ?>>of(
                    SnarkjsJson::proof, SnarkjsJson::publicInputs, SnarkjsJson::verificationKey)) {
                Object parsed = outcome(bytes, reader);
                if (parsed != null) {
                    assertTrue(parsed instanceof BigInteger[] values && values.length <= 1, document);
                }
            }
        }
        byte[] huge = new byte[SnarkjsJson.MAX_DOCUMENT_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        assertNull(outcome(huge, SnarkjsJson::proof));
    }

    // ---- binary ------------------------------------------------------------------------------------------

    @Test
    void mutatedBinaryProofsAreRefusedOrFail() {
        Random random = new Random(104);
        byte[] valid = proof.toBytes();
        int refused = 0;
        for (int n = 0; n < 1500; n++) {
            byte[] mutated;
            switch (random.nextInt(4)) {
                case 0 -> {
                    mutated = valid.clone();
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                case 1 -> mutated = Arrays.copyOf(valid, random.nextInt(2 * valid.length));
                case 2 -> {
                    mutated = new byte[random.nextBoolean() ? valid.length : random.nextInt(600)];
                    random.nextBytes(mutated);
                }
                default -> {
                    // a word replaced by a value from p or r, or by all ones
                    mutated = valid.clone();
                    int word = random.nextInt(8);
                    BigInteger old = new BigInteger(1, Arrays.copyOfRange(valid, 32 * word, 32 * word + 32));
                    BigInteger replacement = switch (random.nextInt(3)) {
                        case 0 -> old.add(P);
                        case 1 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
                        default -> P;
                    };
                    byte[] raw = replacement.toByteArray();
                    Arrays.fill(mutated, 32 * word, 32 * word + 32, (byte) 0);
                    int length = Math.min(32, raw.length);
                    System.arraycopy(raw, raw.length - length, mutated, 32 * word + 32 - length, length);
                }
            }
            Proof decoded = outcome(mutated, Proof::fromBytes);
            if (decoded == null) {
                refused++;
            } else if (verifier.verify(decoded, inputs)) {
                assertEquals(proof, decoded, "a changed binary proof verified");
            }
        }
        assertTrue(refused > 1200, "most mutations are refused: " + refused);
    }

    @Test
    void randomCurveEncodingsOnlyRaiseFormatErrors() {
        Random random = new Random(105);
        byte[] g1 = G1Point.GENERATOR.multiply(BigInteger.valueOf(99)).toBytes();
        byte[] g2 = G2Point.GENERATOR.multiply(BigInteger.valueOf(99)).toBytes();
        for (int n = 0; n < 400; n++) {
            byte[] base = random.nextBoolean() ? g1 : g2;
            byte[] input = random.nextBoolean() ? base.clone() : new byte[random.nextInt(400)];
            if (input.length == base.length) {
                input[random.nextInt(input.length)] ^= (byte) (1 + random.nextInt(255));
            } else {
                random.nextBytes(input);
            }
            for (Function<byte[], ?> decoder : List.<Function<byte[], ?>>of(
                    b -> G1Point.fromBytes(b, 0), b -> G2Point.fromBytes(b, 0),
                    Precompiles::ecAdd, Precompiles::ecMul, Precompiles::pairing)) {
                try {
                    decoder.apply(input);
                } catch (Bn254FormatException expected) {
                    assertTrue(expected.getMessage() != null);
                } catch (RuntimeException e) {
                    fail("unexpected " + e, e);
                }
            }
        }
    }
}
