package io.creditlayer.deploy.scenario;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Everything the scenario derives from its seed: independent random streams per purpose (so adding a draw in one
 * place never shifts another) and private keys, as keccak-256 of the seed and a label.
 */
final class Seeds {
    private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();

    private Seeds() {
    }

    /** A 64-bit seed for the random stream named {@code label}. */
    static long of(long seed, String label) {
        return ByteBuffer.wrap(hash(seed, label)).getLong();
    }

    /** A secp256k1 key derived from the seed: never an anvil development account. */
    static Credentials key(long seed, String label) {
        BigInteger scalar = new BigInteger(1, hash(seed, "key/" + label)).mod(CURVE_ORDER.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        return Credentials.create(ECKeyPair.create(scalar));
    }

    /** 32 bytes derived from the seed (mixer note secrets, feature commitments). */
    static byte[] bytes32(long seed, String label) {
        return hash(seed, label);
    }

    private static byte[] hash(long seed, String label) {
        return Hash.sha3(("creditlayer-devnet-scenario/" + seed + "/" + label).getBytes(StandardCharsets.UTF_8));
    }
}
