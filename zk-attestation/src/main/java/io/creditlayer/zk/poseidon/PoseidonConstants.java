package io.creditlayer.zk.poseidon;

import io.creditlayer.zk.bn254.Fr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * circomlib's Poseidon constants in the optimized form of circomlibjs's {@code poseidon_opt.js} (the sparse-matrix
 * method of Filecoin's Neptune, which gives the same permutation as the reference form with far fewer partial-round
 * products), read once from {@code poseidon_constants_opt.json} on the classpath. The build copies that file from the
 * pinned circomlibjs package (node_modules/circomlibjs/src), so the constants are exactly those of the circuit's
 * circomlib and of the JavaScript reference, and no copy of them lives in this repository.
 *
 * <p>The file is {"C": [...], "M": [...], "P": [...], "S": [...]}, each holding 16 entries, one per width
 * t = 2..17: C the round constants (8t + partial rounds of them, the partial rounds' folded into one per round), M
 * the t-by-t MDS matrix, P the t-by-t matrix applied before the partial rounds, S the sparse matrices of the
 * partial rounds (2t - 1 per round). Parsing keeps the hex strings; a width's constants are converted to Montgomery
 * limbs ({@link Fr}) on its first use.
 */
final class PoseidonConstants {
    static final String RESOURCE = "poseidon_constants_opt.json";

    private static final int WIDTHS = Poseidon.MAX_INPUTS;
    private static final List<String> KEYS = List.of("C", "M", "P", "S");
    /** The parsed document: C, M, P, S as nested lists of hex strings. */
    private static final List<Object> DOCUMENT;
    /** Converted widths, index t - 2; each is written once and then only read. */
    private static final Width[] WIDTH_CACHE = new Width[WIDTHS];

    static {
        try (InputStream in = PoseidonConstants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath next to "
                        + PoseidonConstants.class.getName() + ": the build copies it from circomlibjs");
            }
            DOCUMENT = parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), RESOURCE, KEYS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (Object value : DOCUMENT) {
            if (((List<?>) value).size() != WIDTHS) {
                throw new IllegalStateException(RESOURCE + ": expected constants for " + WIDTHS + " widths");
            }
        }
    }

    /**
     * One width's constants as Montgomery limbs ({@link Fr#SIZE} longs per element), laid out for the permutation:
     * c[4i] is C[i]; m[4(i·t + j)] is M[j][i] and p likewise (so that output i of a mix reads one contiguous row);
     * s[4i] is S[i].
     */
    record Width(int t, long[] c, long[] m, long[] p, long[] s) {
    }

    private PoseidonConstants() {
    }

    /** The constants of width t (2..17). */
    static Width width(int t) {
        Width width = WIDTH_CACHE[t - 2];
        if (width == null) {
            // A race converts the same constants twice, harmlessly. A thread that reads another's Width without
            // synchronisation still sees its arrays filled: they were written before the record's final fields
            // were set (final-field semantics).
            width = convert(t);
            WIDTH_CACHE[t - 2] = width;
        }
        return width;
    }

    private static Width convert(int t) {
        int w = t - 2;
        List<?> c = (List<?>) ((List<?>) DOCUMENT.get(0)).get(w);
        List<?> m = (List<?>) ((List<?>) DOCUMENT.get(1)).get(w);
        List<?> p = (List<?>) ((List<?>) DOCUMENT.get(2)).get(w);
        List<?> s = (List<?>) ((List<?>) DOCUMENT.get(3)).get(w);
        int partialRounds = Poseidon.partialRounds(t);
        if (c.size() != Poseidon.FULL_ROUNDS * t + partialRounds) {
            throw new IllegalStateException(RESOURCE + ": " + c.size() + " round constants for t=" + t);
        }
        if (s.size() != (2 * t - 1) * partialRounds) {
            throw new IllegalStateException(RESOURCE + ": " + s.size() + " sparse-matrix entries for t=" + t);
        }
        return new Width(t, toLimbs(c), transposedToLimbs(m, t), transposedToLimbs(p, t), toLimbs(s));
    }

    /** The t-by-t matrix {@code rows} with entry [j][i] at limb offset 4(i·t + j). */
    private static long[] transposedToLimbs(List<?> rows, int t) {
        if (rows.size() != t) {
            throw new IllegalStateException(RESOURCE + ": matrix for t=" + t + " has " + rows.size() + " rows");
        }
        long[] limbs = new long[t * t * Fr.SIZE];
        for (int j = 0; j < t; j++) {
            List<?> row = (List<?>) rows.get(j);
            if (row.size() != t) {
                throw new IllegalStateException(RESOURCE + ": matrix row " + j + " for t=" + t + " is not " + t + " wide");
            }
            for (int i = 0; i < t; i++) {
                Fr.fromBigInteger(toField(row.get(i)), limbs, (i * t + j) * Fr.SIZE);
            }
        }
        return limbs;
    }

    private static long[] toLimbs(List<?> hexStrings) {
        long[] limbs = new long[hexStrings.size() * Fr.SIZE];
        for (int i = 0; i < hexStrings.size(); i++) {
            Fr.fromBigInteger(toField(hexStrings.get(i)), limbs, i * Fr.SIZE);
        }
        return limbs;
    }

    private static BigInteger toField(Object value) {
        String hex = (String) value;
        if (!hex.startsWith("0x")) {
            throw new IllegalStateException(RESOURCE + ": constant is not 0x-prefixed hex: " + hex);
        }
        return Poseidon.requireFieldElement(new BigInteger(hex.substring(2), 16), RESOURCE + " constant");
    }

    /**
     * Parses a constants file: an object whose keys are exactly {@code keys} in that order and whose values are
     * nested arrays of strings; returns the values in order. Small enough to parse by hand, which keeps this library
     * free of a JSON dependency here. (The tests read circomlibjs's reference-form file with it too.)
     */
    static List<Object> parse(String text, String name, List<String> keys) {
        return new NestedArrayParser(text, name).parseDocument(keys);
    }

    /**
     * Reads the constants file: an object whose values (in key order C, M) are nested arrays of strings. Small
     * enough to parse by hand, which keeps this library free of a JSON dependency.
     */
    private static final class NestedArrayParser {
        private final String text;
        private final String name;
        private int pos;

        NestedArrayParser(String text, String name) {
            this.text = text;
            this.name = name;
        }

        /** The object's values in order, after checking that the keys are "C" then "M". */
        List<Object> parseDocument(List<String> keys) {
            expect('{');
            List<Object> values = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                String actual = parseString();
                if (!actual.equals(keys.get(k))) {
                    throw error("expected key " + keys.get(k) + ", found " + actual);
                }
                expect(':');
                values.add(parseValue());
                if (k < keys.size() - 1) {
                    expect(',');
                }
            }
            expect('}');
            skipWhitespace();
            if (pos != text.length()) {
                throw error("trailing content");
            }
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
            return new IllegalStateException(name + ": " + message + " at offset " + pos);
        }
    }
}
