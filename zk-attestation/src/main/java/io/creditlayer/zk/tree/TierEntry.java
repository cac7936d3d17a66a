package io.creditlayer.zk.tree;

import io.creditlayer.zk.poseidon.Poseidon;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One borrower's committed score in an epoch tree: leaf = Poseidon(borrower, score, modelId, epoch, salt), every
 * field in the range the tier circuit checks (docs/zk.md).
 *
 * @param borrower the 20-byte address as an integer, below 2^160
 * @param score    300..850
 * @param modelId  the model id as the circuit sees it: uint256(bytes32 modelId) >> 8, below 2^248 (see {@link #modelIdField})
 * @param epoch    below 2^32
 * @param salt     uniformly random field element, secret to the service and the borrower (see {@link #randomSalt})
 */
public record TierEntry(BigInteger borrower, int score, BigInteger modelId, long epoch, BigInteger salt) {
    public static final int MIN_SCORE = 300;
    public static final int MAX_SCORE = 850;

    private static final int BORROWER_BITS = 160;
    private static final int MODEL_ID_BITS = 248;
    private static final int EPOCH_BITS = 32;

    public TierEntry {
        requireBits(borrower, BORROWER_BITS, "borrower");
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("score must be in " + MIN_SCORE + ".." + MAX_SCORE + ", got " + score);
        }
        requireBits(modelId, MODEL_ID_BITS, "modelId");
        if (epoch < 0 || epoch >= 1L << EPOCH_BITS) {
            throw new IllegalArgumentException("epoch must be in 0..2^32 - 1, got " + epoch);
        }
        Poseidon.requireFieldElement(salt, "salt");
    }

    /** The leaf hash: Poseidon(borrower, score, modelId, epoch, salt). */
    public BigInteger leaf() {
        return Poseidon.hash(borrower, BigInteger.valueOf(score), modelId, BigInteger.valueOf(epoch), salt);
    }

    /** An address ("0x" and 40 hex digits) as the integer the circuit takes. */
    public static BigInteger borrowerField(String address) {
        Objects.requireNonNull(address, "address");
        if (!address.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("not a 20-byte hex address: " + address);
        }
        return new BigInteger(address.substring(2), 16);
    }

    /** uint256(bytes32 modelId) >> 8: the circuit's modelId. Drops the last byte so the value fits the field. */
    public static BigInteger modelIdField(byte[] modelIdBytes32) {
        Objects.requireNonNull(modelIdBytes32, "modelId");
        if (modelIdBytes32.length != 32) {
            throw new IllegalArgumentException("modelId must be 32 bytes, got " + modelIdBytes32.length);
        }
        return new BigInteger(1, modelIdBytes32).shiftRight(8);
    }

    /** {@link #modelIdField(byte[])} of a "0x"-prefixed 32-byte hex string. */
    public static BigInteger modelIdField(String modelIdHex) {
        Objects.requireNonNull(modelIdHex, "modelId");
        if (!modelIdHex.matches("0x[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("not a bytes32 hex string: " + modelIdHex);
        }
        return modelIdField(HexFormat.of().parseHex(modelIdHex.substring(2)));
    }

    /** A uniformly random field element: 254-bit draws below r are kept (rejection sampling, no modulo bias). */
    public static BigInteger randomSalt(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        while (true) {
            BigInteger candidate = new BigInteger(Poseidon.FIELD_MODULUS.bitLength(), random);
            if (candidate.compareTo(Poseidon.FIELD_MODULUS) < 0) {
                return candidate;
            }
        }
    }

    /** Leaves the salt out: it is the secret that hides the score. */
    @Override
    public String toString() {
        return "TierEntry[borrower=0x" + borrower.toString(16) + ", score=" + score + ", modelId=0x"
                + modelId.toString(16) + ", epoch=" + epoch + ", salt=<secret>]";
    }

    private static void requireBits(BigInteger value, int bits, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException(name + " must be in 0..2^" + bits + " - 1, got " + value);
        }
    }
}
