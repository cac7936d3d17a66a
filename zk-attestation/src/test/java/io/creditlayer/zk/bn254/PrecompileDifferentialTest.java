package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.creditlayer.contracts.devnet.Anvil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.http.HttpService;

/**
 * {@link Precompiles} against the EVM's own precompiles 0x06, 0x07, 0x08 in anvil, called with eth_call: the same
 * output bytes for every input, and a Java exception exactly where the call fails.
 */
class PrecompileDifferentialTest {
    private static final String EC_ADD = "0x0000000000000000000000000000000000000006";
    private static final String EC_MUL = "0x0000000000000000000000000000000000000007";
    private static final String PAIRING = "0x0000000000000000000000000000000000000008";
    private static final String CALLER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final BigInteger P = Fp.P;
    private static final BigInteger R = Bn254.R;
    private static final BigInteger MAX_WORD = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private static Anvil anvil;
    private static Web3j web3j;

    private final Random random = new Random(2024);

    @BeforeAll
    static void start() {
        anvil = Anvil.start();
        web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
    }

    @AfterAll
    static void stop() {
        if (web3j != null) {
            web3j.shutdown();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    /** The precompile's output, or null if the call failed. */
    private static byte[] evm(String precompile, byte[] input) {
        try {
            EthCall result = web3j.ethCall(
                    Transaction.createEthCallTransaction(CALLER, precompile, "0x" + HexFormat.of().formatHex(input)),
                    DefaultBlockParameterName.LATEST).send();
            if (result.hasError()) {
                return null;
            }
            String value = result.getValue();
            return HexFormat.of().parseHex(value.startsWith("0x") ? value.substring(2) : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every input through the EVM and Java; returns how many of them the EVM rejected. */
    private static int assertAgree(String precompile, UnaryOperator<byte[]> java, List<byte[]> inputs) {
        int failures = 0;
        for (byte[] input : inputs) {
            byte[] expected = evm(precompile, input);
            byte[] actual;
            try {
                actual = java.apply(input);
            } catch (Bn254FormatException e) {
                actual = null;
            }
            String hex = HexFormat.of().formatHex(input);
            if (expected == null) {
                failures++;
                if (actual != null) {
                    fail(precompile + " reverts but Java returned " + HexFormat.of().formatHex(actual) + " for " + hex);
                }
            } else {
                if (actual == null) {
                    fail(precompile + " returns " + HexFormat.of().formatHex(expected) + " but Java rejected " + hex);
                }
                assertArrayEquals(expected, actual, precompile + " output for " + hex);
            }
        }
        return failures;
    }

    private static byte[] words(BigInteger... values) {
        byte[] out = new byte[32 * values.length];
        for (int i = 0; i < values.length; i++) {
            TwistPoints.word(values[i], out, 32 * i);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private BigInteger scalar() {
        return new BigInteger(256, random).mod(R);
    }

    private G1Point randomG1() {
        return G1Point.GENERATOR.multiply(scalar());
    }

    /** Encodings of G1 points, valid and not: the mix every G1 input position is drawn from. */
    private List<byte[]> g1Encodings() {
        List<byte[]> points = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            points.add(randomG1().toBytes());
        }
        G1Point p = randomG1();
        points.add(G1Point.INFINITY.toBytes());
        points.add(G1Point.GENERATOR.toBytes());
        points.add(p.negate().toBytes());
        // off the curve
        points.add(words(p.x(), p.y().add(BigInteger.ONE).mod(P)));
        points.add(words(BigInteger.ZERO, BigInteger.ONE));
        points.add(words(BigInteger.ONE, BigInteger.ZERO));
        points.add(words(BigInteger.ONE, BigInteger.ONE));
        // coordinates from p: the same residues as valid points, never reduced
        points.add(words(p.x().add(P), p.y()));
        points.add(words(p.x(), p.y().add(P)));
        points.add(words(P, BigInteger.ZERO));
        points.add(words(BigInteger.ZERO, P));
        points.add(words(MAX_WORD, MAX_WORD));
        points.add(words(BigInteger.ONE, BigInteger.TWO.add(P)));
        return points;
    }

    @Test
    void ecAddAgreesWithTheEvm() {
        List<byte[]> g1 = g1Encodings();
        List<byte[]> inputs = new ArrayList<>();
        for (byte[] a : g1) {
            for (byte[] b : g1) {
                inputs.add(concat(a, b));
            }
        }
        G1Point p = randomG1();
        inputs.add(concat(p.toBytes(), p.toBytes()));
        inputs.add(concat(p.toBytes(), p.negate().toBytes()));
        // padding and truncation
        inputs.add(new byte[0]);
        inputs.add(G1Point.GENERATOR.toBytes());
        inputs.add(p.toBytes());
        inputs.add(java.util.Arrays.copyOf(concat(p.toBytes(), p.toBytes()), 100));
        inputs.add(java.util.Arrays.copyOf(G1Point.GENERATOR.toBytes(), 63));
        inputs.add(concat(p.toBytes(), p.toBytes(), words(MAX_WORD, BigInteger.ONE)));
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[random.nextInt(160)];
            random.nextBytes(noise);
            inputs.add(noise);
        }
        int failures = assertAgree(EC_ADD, Precompiles::ecAdd, inputs);
        assertTrue(failures > 100 && failures < inputs.size() - 40, "both outcomes are exercised: " + failures);
    }

    @Test
    void ecMulAgreesWithTheEvm() {
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                R.subtract(BigInteger.ONE), R, R.add(BigInteger.ONE), R.shiftLeft(1), P, MAX_WORD,
                BigInteger.ONE.shiftLeft(255)));
        for (int i = 0; i < 6; i++) {
            scalars.add(new BigInteger(256, random));
            scalars.add(BigInteger.valueOf(random.nextInt(1000)));
        }
        List<byte[]> inputs = new ArrayList<>();
        for (byte[] point : g1Encodings()) {
            for (BigInteger k : scalars) {
                inputs.add(concat(point, words(k)));
            }
        }
        G1Point p = randomG1();
        inputs.add(new byte[0]);
        inputs.add(p.toBytes());
        inputs.add(java.util.Arrays.copyOf(concat(p.toBytes(), words(BigInteger.TEN)), 70));
        inputs.add(concat(p.toBytes(), words(BigInteger.TEN), words(MAX_WORD)));
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[random.nextInt(120)];
            random.nextBytes(noise);
            inputs.add(noise);
        }
        int failures = assertAgree(EC_MUL, Precompiles::ecMul, inputs);
        assertTrue(failures > 50 && failures < inputs.size() - 50, "both outcomes are exercised: " + failures);
    }

    @Test
    void pairingAgreesWithTheEvm() {
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        inputs.add(new byte[1]);
        inputs.add(new byte[191]);
        inputs.add(new byte[193]);
        inputs.add(new byte[192]);
        inputs.add(new byte[384]);

        G1Point g1 = G1Point.GENERATOR;
        G2Point g2 = G2Point.GENERATOR;
        for (int pairs = 1; pairs <= 4; pairs++) {
            // balanced: Σ a_i·b_i = 0 makes the product 1
            List<byte[]> balanced = new ArrayList<>();
            List<byte[]> unbalanced = new ArrayList<>();
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < pairs - 1; i++) {
                BigInteger a = scalar(), b = scalar();
                sum = sum.add(a.multiply(b));
                byte[] pair = concat(g1.multiply(a).toBytes(), g2.multiply(b).toBytes());
                balanced.add(pair);
                unbalanced.add(pair);
            }
            BigInteger b = scalar();
            BigInteger a = sum.negate().multiply(b.modInverse(R)).mod(R);
            balanced.add(concat(g1.multiply(a).toBytes(), g2.multiply(b).toBytes()));
            unbalanced.add(concat(g1.multiply(a.add(BigInteger.ONE)).toBytes(), g2.multiply(b).toBytes()));
            inputs.add(concat(balanced.toArray(byte[][]::new)));
            inputs.add(concat(unbalanced.toArray(byte[][]::new)));
        }
        G1Point p = randomG1();
        G2Point q = g2.multiply(scalar());
        byte[] validPair = concat(p.toBytes(), q.toBytes());
        // points at infinity
        inputs.add(concat(G1Point.INFINITY.toBytes(), q.toBytes()));
        inputs.add(concat(p.toBytes(), G2Point.INFINITY.toBytes()));
        inputs.add(concat(validPair, G1Point.INFINITY.toBytes(), q.toBytes()));
        inputs.add(concat(p.toBytes(), q.toBytes(), p.negate().toBytes(), q.toBytes()));
        inputs.add(concat(p.toBytes(), q.toBytes(), p.toBytes(), q.negate().toBytes()));
        // G2 points on the twist but outside G2, also next to a G1 point at infinity
        for (int i = 0; i < 3; i++) {
            byte[] outside = TwistPoints.encode(TwistPoints.randomTwistPoint(random));
            inputs.add(concat(p.toBytes(), outside));
            inputs.add(concat(G1Point.INFINITY.toBytes(), outside));
            inputs.add(concat(validPair, p.toBytes(), outside));
            byte[] inside = TwistPoints.encode(TwistPoints.clearCofactor(TwistPoints.randomTwistPoint(random)));
            inputs.add(concat(p.toBytes(), inside));
        }
        // G2 off the twist, coordinates from p, coordinates swapped (snarkjs's order instead of EIP-197's)
        BigInteger[] coordinates = {q.xRe(), q.xIm(), q.yRe(), q.yIm()};
        for (int c = 0; c < 4; c++) {
            BigInteger[] offCurve = coordinates.clone();
            offCurve[c] = offCurve[c].add(BigInteger.ONE).mod(P);
            inputs.add(concat(p.toBytes(), TwistPoints.encode(offCurve)));
            BigInteger[] unreduced = coordinates.clone();
            unreduced[c] = unreduced[c].add(P);
            inputs.add(concat(p.toBytes(), TwistPoints.encode(unreduced)));
        }
        inputs.add(concat(p.toBytes(), words(q.xRe(), q.xIm(), q.yRe(), q.yIm())));
        inputs.add(concat(p.toBytes(), words(MAX_WORD, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO)));
        inputs.add(concat(G1Point.INFINITY.toBytes(), words(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE)));
        // G1 invalid next to a valid G2
        for (byte[] g1Encoding : g1Encodings()) {
            inputs.add(concat(g1Encoding, q.toBytes()));
        }
        for (int i = 0; i < 5; i++) {
            byte[] noise = new byte[192 * (1 + random.nextInt(2))];
            random.nextBytes(noise);
            inputs.add(noise);
        }
        int failures = assertAgree(PAIRING, Precompiles::pairing, inputs);
        assertTrue(failures > 20 && failures < inputs.size() - 20, "both outcomes are exercised: " + failures);
        assertEquals(1, Precompiles.pairing(new byte[0])[31]);
    }
}
