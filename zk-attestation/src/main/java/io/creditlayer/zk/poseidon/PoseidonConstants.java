package io.creditlayer.zk.poseidon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * circomlib's Poseidon round constants and MDS matrices, read once from {@code poseidon_constants.json} on the
 * classpath. The build copies that file from the pinned circomlibjs package (node_modules/circomlibjs/src), so the
 * constants are exactly those of the circuit's circomlib and of the JavaScript reference, and no copy of them lives
 * in this repository.
 *
 * <p>The file is {"C": [16 arrays of hex constants, one per width t = 2..17], "M": [16 t-by-t matrices]}.
 */
final class PoseidonConstants {
    static final String RESOURCE = "poseidon_constants.json";

    private static final int WIDTHS = Poseidon.MAX_INPUTS;
    private static final BigInteger[][] ROUND_CONSTANTS;
    private static final BigInteger[][][] MDS;

    static {
        Object parsed;
        try (InputStream in = PoseidonConstants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath next to "
                        + PoseidonConstants.class.getName() + ": the build copies it from circomlibjs");
            }
            parsed = new NestedArrayParser(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).parseDocument();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        List<?> document = (List<?>) parsed;
        List<?> c = (List<?>) document.get(0);
        List<?> m = (List<?>) document.get(1);
        if (c.size() != WIDTHS || m.size() != WIDTHS) {
            throw new IllegalStateException(RESOURCE + ": expected constants for " + WIDTHS + " widths");
        }
        ROUND_CONSTANTS = new BigInteger[WIDTHS][];
        MDS = new BigInteger[WIDTHS][][];
        for (int w = 0; w < WIDTHS; w++) {
            int t = w + 2;
            ROUND_CONSTANTS[w] = toFieldArray((List<?>) c.get(w));
            List<?> rows = (List<?>) m.get(w);
            if (rows.size() != t) {
                throw new IllegalStateException(RESOURCE + ": MDS matrix for t=" + t + " has " + rows.size() + " rows");
            }
            MDS[w] = new BigInteger[t][];
            for (int i = 0; i < t; i++) {
                MDS[w][i] = toFieldArray((List<?>) rows.get(i));
                if (MDS[w][i].length != t) {
                    throw new IllegalStateException(RESOURCE + ": MDS row " + i + " for t=" + t + " is not " + t + " wide");
                }
            }
        }
    }

    private PoseidonConstants() {
    }

    /** The round constants for width t, round-major: constant i of round r is at r * t + i. */
    static BigInteger[] roundConstants(int t) {
        return ROUND_CONSTANTS[t - 2];
    }

    static BigInteger[][] mds(int t) {
        return MDS[t - 2];
    }

    private static BigInteger[] toFieldArray(List<?> hexStrings) {
        BigInteger[] values = new BigInteger[hexStrings.size()];
        for (int i = 0; i < values.length; i++) {
            String hex = (String) hexStrings.get(i);
            if (!hex.startsWith("0x")) {
                throw new IllegalStateException(RESOURCE + ": constant is not 0x-prefixed hex: " + hex);
            }
            values[i] = Poseidon.requireFieldElement(new BigInteger(hex.substring(2), 16), RESOURCE + " constant");
        }
        return values;
    }

    /**
     * Reads the constants file: an object whose values (in key order C, M) are nested arrays of strings. Small
     * enough to parse by hand, which keeps this library free of a JSON dependency.
     */
    private static final class NestedArrayParser {
        private final String text;
        private int pos;

        NestedArrayParser(String text) {
            this.text = text;
        }

        /** The object's values in order, after checking that the keys are "C" then "M". */
        List<Object> parseDocument() {
            expect('{');
            List<Object> values = new ArrayList<>();
            for (String key : List.of("C", "M")) {
                String actual = parseString();
                if (!actual.equals(key)) {
                    throw error("expected key " + key + ", found " + actual);
                }
                expect(':');
                values.add(parseValue());
                if (key.equals("C")) {
                    expect(',');
                }
            }
            expect('}');
            return values;
        }

        private Object parseValue() {
            skipWhitespace();
            if (peek() == '"') {
                return parseString();
            }
            expect('[');
            List<Object> items = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return items;
            }
            while (true) {
                items.add(parseValue());
                skipWhitespace();
                char next = text.charAt(pos++);
                if (next == ']') {
                    return items;
                }
                if (next != ',') {
                    throw error("expected , or ]");
                }
            }
        }

        private String parseString() {
            expect('"');
            int end = text.indexOf('"', pos);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(pos, end);
            pos = end + 1;
            return value;
        }

        private void expect(char c) {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private void skipWhitespace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalStateException error(String message) {
            return new IllegalStateException(RESOURCE + ": " + message + " at offset " + pos);
        }
    }
}
