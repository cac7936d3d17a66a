package io.creditlayer.zk.poseidon;

import io.creditlayer.zk.reference.Circomlibjs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The straightforward Poseidon permutation over BigInteger, with circomlibjs's reference-form constants
 * (node_modules/circomlibjs/src/poseidon_constants.json: round constants C and MDS matrices M only): every round adds
 * t constants, applies the S-box (to all elements in full rounds, the first in partial ones) and mixes by M. The
 * library's optimized form must give the same function; this is the second, independent opinion next to circomlibjs
 * that runs in-process, so that thousands of inputs can be compared.
 */
final class PoseidonReference {
    private static final BigInteger R = Poseidon.FIELD_MODULUS;
    private static final List<Object> DOCUMENT;

    static {
        Path file = Circomlibjs.repositoryRoot().resolve("node_modules/circomlibjs/src/poseidon_constants.json");
        try {
            DOCUMENT = PoseidonConstants.parse(Files.readString(file), file.toString(), List.of("C", "M"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PoseidonReference() {
    }

    static BigInteger hash(BigInteger... inputs) {
        int t = inputs.length + 1;
        List<?> c = (List<?>) ((List<?>) DOCUMENT.get(0)).get(t - 2);
        List<?> mds = (List<?>) ((List<?>) DOCUMENT.get(1)).get(t - 2);
        int partialRounds = Poseidon.partialRounds(t);
        int rounds = Poseidon.FULL_ROUNDS + partialRounds;
        BigInteger[] state = new BigInteger[t];
        state[0] = BigInteger.ZERO;
        System.arraycopy(inputs, 0, state, 1, inputs.length);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < t; i++) {
                state[i] = state[i].add(hex(c.get(round * t + i))).mod(R);
            }
            boolean full = round < Poseidon.FULL_ROUNDS / 2 || round >= Poseidon.FULL_ROUNDS / 2 + partialRounds;
            for (int i = 0; i < (full ? t : 1); i++) {
                state[i] = state[i].modPow(BigInteger.valueOf(5), R);
            }
            BigInteger[] mixed = new BigInteger[t];
            for (int i = 0; i < t; i++) {
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(hex(((List<?>) mds.get(i)).get(j)).multiply(state[j]));
                }
                mixed[i] = acc.mod(R);
            }
            state = mixed;
        }
        return state[0];
    }

    private static BigInteger hex(Object value) {
        return new BigInteger(((String) value).substring(2), 16);
    }
}
