package io.creditlayer.zk.poseidon;

import io.creditlayer.zk.reference.Circomlibjs;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PoseidonTest {
    private static final BigInteger R = Poseidon.FIELD_MODULUS;

    @Test
    void matchesCircomlibjsForEveryWidthOnRandomAndEdgeInputs() {
        SecureRandom random = new SecureRandom();
        List<List<BigInteger>> inputs = new ArrayList<>();
        for (int n = 1; n <= Poseidon.MAX_INPUTS; n++) {
            for (int sample = 0; sample < 3; sample++) {
                List<BigInteger> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(new BigInteger(256, random).mod(R));
                }
                inputs.add(list);
            }
            inputs.add(Collections.nCopies(n, BigInteger.ZERO));
            inputs.add(Collections.nCopies(n, R.subtract(BigInteger.ONE)));
        }
        List<BigInteger> expected = Circomlibjs.poseidon(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(expected.get(i), Poseidon.hash(inputs.get(i)), "Poseidon" + inputs.get(i));
        }
    }

    /**
     * The optimized limb permutation against the reference-form permutation over BigInteger, on many more inputs
     * than the node round trip allows: uniform values, and values at the edges of the field and of the limbs (0, 1,
     * r - 1, r - 2, 2^64 - 1, 2^k ± 1, few bits set) which stress carries and the final reductions.
     */
    @Test
    void matchesTheReferencePermutationOnRandomAndEdgeInputs() {
        Random random = new Random(42);
        List<BigInteger> edges = List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE),
                R.subtract(BigInteger.TWO), R.shiftRight(1), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(192),
                BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE));
        for (int n = 1; n <= Poseidon.MAX_INPUTS; n++) {
            int samples = n <= 5 ? 60 : 8;
            for (int sample = 0; sample < samples; sample++) {
                BigInteger[] in = new BigInteger[n];
                for (int i = 0; i < n; i++) {
                    in[i] = switch (random.nextInt(3)) {
                        case 0 -> edges.get(random.nextInt(edges.size()));
                        case 1 -> BigInteger.ONE.shiftLeft(random.nextInt(253));
                        default -> new BigInteger(256, random).mod(R);
                    };
                }
                assertEquals(PoseidonReference.hash(in), Poseidon.hash(in), "Poseidon" + List.of(in));
            }
        }
    }

    @Test
    void isThreadSafeUnderConcurrentFirstUse() throws InterruptedException, ExecutionException {
        // Widths are converted on first use; threads racing on it must all get the reference value.
        BigInteger[] in = new BigInteger[13];
        for (int i = 0; i < in.length; i++) {
            in[i] = BigInteger.valueOf(1000 + i);
        }
        BigInteger expected = PoseidonReference.hash(in);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BigInteger>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> Poseidon.hash(in)));
            }
            for (Future<BigInteger> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesNonCanonicalInputs() {
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(R, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.TWO.add(R)));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.ONE.shiftLeft(256)));
    }

    @Test
    void refusesNoInputsAndTooMany() {
        assertThrows(IllegalArgumentException.class, Poseidon::hash);
        assertThrows(IllegalArgumentException.class,
                () -> Poseidon.hash(Collections.nCopies(Poseidon.MAX_INPUTS + 1, BigInteger.ONE)));
    }
}
