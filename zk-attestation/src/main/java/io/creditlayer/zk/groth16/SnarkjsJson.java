package io.creditlayer.zk.groth16;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.creditlayer.zk.bn254.Bn254FormatException;
import io.creditlayer.zk.bn254.Fp12Element;
import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Point;
import io.creditlayer.zk.bn254.Pairing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict readers of snarkjs's Groth16 files over bn128 (BN254): {@code verification_key.json}, {@code proof.json}
 * and {@code public.json}. Any departure from what snarkjs writes is a {@link Groth16FormatException} naming the
 * file and field; nothing is reduced, defaulted or repaired.
 *
 * <ul>
 *   <li>Strict JSON: no duplicate keys, nothing after the document, at most {@link #MAX_DOCUMENT_BYTES} bytes.</li>
 *   <li>Every field element is a JSON string holding a canonical decimal (digits only, no sign, no leading zero,
 *       no hex); coordinates must be below p, public inputs below r.</li>
 *   <li>Points are snarkjs's projective triples with z = 1 (affine) or the point at infinity exactly as snarkjs
 *       writes it ([0, 1, 0]); they must be on their curve, G2 points in G2.</li>
 *   <li>Objects carry exactly the known fields: {@code protocol} "groth16", {@code curve} "bn128" (optional in a
 *       proof, as rapidsnark omits it), {@code nPublic} equal to IC's length minus one; {@code vk_alphabeta_12},
 *       when present, must equal e(α, β).</li>
 * </ul>
 */
public final class SnarkjsJson {
    /** Larger documents are refused before parsing (a key with this size holds tens of thousands of inputs). */
    public static final int MAX_DOCUMENT_BYTES = 8 << 20;
    /** 2^256 has 78 decimal digits: longer numbers cannot be field elements. */
    private static final int MAX_DIGITS = 78;
    private static final Pattern CANONICAL_DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    private static final Set<String> KEY_FIELDS = Set.of("protocol", "curve", "nPublic", "vk_alpha_1", "vk_beta_2",
            "vk_gamma_2", "vk_delta_2", "vk_alphabeta_12", "IC");
    private static final Set<String> PROOF_FIELDS = Set.of("pi_a", "pi_b", "pi_c", "protocol", "curve");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private SnarkjsJson() {
    }

    public static VerificationKey verificationKey(Path file) {
        return verificationKey(read(file));
    }

    public static VerificationKey verificationKey(String json) {
        return verificationKey(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads verification_key.json. */
    public static VerificationKey verificationKey(byte[] json) {
        String file = "verification_key.json";
        JsonNode root = parse(json, file);
        requireObject(root, file, KEY_FIELDS, Set.of("protocol", "curve", "nPublic", "vk_alpha_1", "vk_beta_2",
                "vk_gamma_2", "vk_delta_2", "IC"));
        requireText(root.get("protocol"), file + ": protocol", "groth16");
        requireText(root.get("curve"), file + ": curve", "bn128");
        JsonNode nPublic = root.get("nPublic");
        if (!nPublic.isIntegralNumber() || !nPublic.canConvertToInt() || nPublic.intValue() < 0) {
            throw new Groth16FormatException(file + ": nPublic must be a non-negative integer");
        }
        G1Point alpha = g1(root.get("vk_alpha_1"), file + ": vk_alpha_1");
        G2Point beta = g2(root.get("vk_beta_2"), file + ": vk_beta_2");
        G2Point gamma = g2(root.get("vk_gamma_2"), file + ": vk_gamma_2");
        G2Point delta = g2(root.get("vk_delta_2"), file + ": vk_delta_2");
        JsonNode icNode = root.get("IC");
        if (!icNode.isArray()) {
            throw new Groth16FormatException(file + ": IC must be an array of G1 points");
        }
        List<G1Point> ic = new ArrayList<>(icNode.size());
        for (int i = 0; i < icNode.size(); i++) {
            ic.add(g1(icNode.get(i), file + ": IC[" + i + "]"));
        }
        if (ic.size() != nPublic.intValue() + 1) {
            throw new Groth16FormatException(file + ": nPublic is " + nPublic.intValue() + " but IC holds "
                    + ic.size() + " points (expected nPublic + 1)");
        }
        VerificationKey key;
        try {
            key = new VerificationKey(alpha, beta, gamma, delta, ic);
        } catch (Groth16FormatException e) {
            throw new Groth16FormatException(file + ": " + e.getMessage(), e);
        }
        JsonNode alphaBeta = root.get("vk_alphabeta_12");
        if (alphaBeta != null) {
            checkAlphaBeta(alphaBeta, Pairing.pairing(alpha, beta), file + ": vk_alphabeta_12");
        }
        return key;
    }

    public static Proof proof(Path file) {
        return proof(read(file));
    }

    public static Proof proof(String json) {
        return proof(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads proof.json. */
    public static Proof proof(byte[] json) {
        String file = "proof.json";
        JsonNode root = parse(json, file);
        requireObject(root, file, PROOF_FIELDS, Set.of("pi_a", "pi_b", "pi_c", "protocol"));
        requireText(root.get("protocol"), file + ": protocol", "groth16");
        if (root.has("curve")) {
            requireText(root.get("curve"), file + ": curve", "bn128");
        }
        return new Proof(g1(root.get("pi_a"), file + ": pi_a"), g2(root.get("pi_b"), file + ": pi_b"),
                g1(root.get("pi_c"), file + ": pi_c"));
    }

    public static BigInteger[] publicInputs(Path file) {
        return publicInputs(read(file));
    }

    public static BigInteger[] publicInputs(String json) {
        return publicInputs(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads public.json: an array of decimal strings, each below r. */
    public static BigInteger[] publicInputs(byte[] json) {
        String file = "public.json";
        JsonNode root = parse(json, file);
        if (!root.isArray()) {
            throw new Groth16FormatException(file + ": expected an array of decimal strings");
        }
        BigInteger[] inputs = new BigInteger[root.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = decimal(root.get(i), file + "[" + i + "]");
        }
        try {
            Groth16Verifier.checkPublicInputs(List.of(inputs), inputs.length);
        } catch (Groth16FormatException e) {
            throw new Groth16FormatException(file + ": " + e.getMessage(), e);
        }
        return inputs;
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_DOCUMENT_BYTES) {
                throw new Groth16FormatException(file + ": larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode parse(byte[] json, String file) {
        if (json == null || json.length == 0) {
            throw new Groth16FormatException(file + ": empty document");
        }
        if (json.length > MAX_DOCUMENT_BYTES) {
            throw new Groth16FormatException(file + ": larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new Groth16FormatException(file + ": empty document");
            }
            return root;
        } catch (JacksonException e) {
            throw new Groth16FormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Groth16FormatException(file + ": unreadable: " + e.getMessage(), e);
        }
    }

    private static void requireObject(JsonNode node, String file, Set<String> known, Set<String> required) {
        if (!node.isObject()) {
            throw new Groth16FormatException(file + ": expected a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Groth16FormatException(file + ": unknown field " + quoted(name));
            }
        }
        for (String name : required) {
            if (!node.has(name)) {
                throw new Groth16FormatException(file + ": missing field " + name);
            }
        }
    }

    private static void requireText(JsonNode node, String where, String expected) {
        if (!node.isTextual() || !node.textValue().equals(expected)) {
            throw new Groth16FormatException(where + ": expected \"" + expected + "\"");
        }
    }

    private static BigInteger decimal(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new Groth16FormatException(where + ": expected a decimal string");
        }
        String text = node.textValue();
        if (text.isEmpty() || text.length() > MAX_DIGITS || !CANONICAL_DECIMAL.matcher(text).matches()) {
            throw new Groth16FormatException(where + ": not a canonical decimal of at most " + MAX_DIGITS
                    + " digits: " + quoted(text));
        }
        return new BigInteger(text);
    }

    private static JsonNode array(JsonNode node, int size, String where) {
        if (node == null || !node.isArray() || node.size() != size) {
            throw new Groth16FormatException(where + ": expected an array of " + size);
        }
        return node;
    }

    /** [x, y, z] with z = 1, or [0, 1, 0] for infinity. */
    private static G1Point g1(JsonNode node, String where) {
        array(node, 3, where);
        BigInteger x = decimal(node.get(0), where + "[0]");
        BigInteger y = decimal(node.get(1), where + "[1]");
        BigInteger z = decimal(node.get(2), where + "[2]");
        if (z.signum() == 0) {
            if (x.signum() == 0 && y.equals(BigInteger.ONE)) {
                return G1Point.INFINITY;
            }
            throw new Groth16FormatException(where + ": z = 0 but not the point at infinity [0, 1, 0]");
        }
        if (!z.equals(BigInteger.ONE)) {
            throw new Groth16FormatException(where + ": expected affine coordinates (z = 1)");
        }
        if (x.signum() == 0 && y.signum() == 0) {
            throw new Groth16FormatException(where + ": (0, 0) is not on the curve");
        }
        try {
            return G1Point.of(x, y);
        } catch (Bn254FormatException e) {
            throw new Groth16FormatException(where + ": " + e.getMessage(), e);
        }
    }

    /** [[x_re, x_im], [y_re, y_im], [z_re, z_im]] with z = 1, or [[0, 0], [1, 0], [0, 0]] for infinity. */
    private static G2Point g2(JsonNode node, String where) {
        array(node, 3, where);
        BigInteger[][] c = new BigInteger[3][2];
        for (int i = 0; i < 3; i++) {
            JsonNode pair = array(node.get(i), 2, where + "[" + i + "]");
            for (int j = 0; j < 2; j++) {
                c[i][j] = decimal(pair.get(j), where + "[" + i + "][" + j + "]");
            }
        }
        boolean zIsZero = c[2][0].signum() == 0 && c[2][1].signum() == 0;
        if (zIsZero) {
            if (c[0][0].signum() == 0 && c[0][1].signum() == 0 && c[1][0].equals(BigInteger.ONE)
                    && c[1][1].signum() == 0) {
                return G2Point.INFINITY;
            }
            throw new Groth16FormatException(where + ": z = 0 but not the point at infinity [[0, 0], [1, 0], [0, 0]]");
        }
        if (!c[2][0].equals(BigInteger.ONE) || c[2][1].signum() != 0) {
            throw new Groth16FormatException(where + ": expected affine coordinates (z = [1, 0])");
        }
        if (c[0][0].signum() == 0 && c[0][1].signum() == 0 && c[1][0].signum() == 0 && c[1][1].signum() == 0) {
            throw new Groth16FormatException(where + ": (0, 0) is not on the twist");
        }
        try {
            return G2Point.of(c[0][0], c[0][1], c[1][0], c[1][1]);
        } catch (Bn254FormatException e) {
            throw new Groth16FormatException(where + ": " + e.getMessage(), e);
        }
    }

    /** vk_alphabeta_12: [[[c0, c1] × 3] × 2], which must be e(α, β). */
    private static void checkAlphaBeta(JsonNode node, Fp12Element expected, String where) {
        array(node, 2, where);
        List<BigInteger> coefficients = new ArrayList<>(12);
        for (int i = 0; i < 2; i++) {
            JsonNode half = array(node.get(i), 3, where + "[" + i + "]");
            for (int j = 0; j < 3; j++) {
                JsonNode pair = array(half.get(j), 2, where + "[" + i + "][" + j + "]");
                for (int k = 0; k < 2; k++) {
                    coefficients.add(decimal(pair.get(k), where + "[" + i + "][" + j + "][" + k + "]"));
                }
            }
        }
        if (!expected.coefficients().equals(coefficients)) {
            throw new Groth16FormatException(where + ": does not equal e(vk_alpha_1, vk_beta_2)");
        }
    }

    private static String quoted(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return '"' + shown.replaceAll("[^\\x20-\\x7e]", "?") + '"';
    }
}
