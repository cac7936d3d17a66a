package io.creditlayer.zk.poseidon;

import io.creditlayer.zk.reference.Circomlibjs;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

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
            inputs.add(java.util.Collections.nCopies(n, BigInteger.ZERO));
            inputs.add(java.util.Collections.nCopies(n, R.subtract(BigInteger.ONE)));
        }
        List<BigInteger> expected = Circomlibjs.poseidon(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(expected.get(i), Poseidon.hash(inputs.get(i)), "Poseidon" + inputs.get(i));
        }
    }

    @Test
    void refusesNonCanonicalInputs() {
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(R, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.TWO.add(R)));
    }

    @Test
    void refusesNoInputsAndTooMany() {
        assertThrows(IllegalArgumentException.class, Poseidon::hash);
        assertThrows(IllegalArgumentException.class,
                () -> Poseidon.hash(java.util.Collections.nCopies(Poseidon.MAX_INPUTS + 1, BigInteger.ONE)));
    }
}
