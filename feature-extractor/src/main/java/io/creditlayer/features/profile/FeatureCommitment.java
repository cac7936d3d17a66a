package io.creditlayer.features.profile;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature commitment that attestations carry: keccak-256 of the Solidity ABI encoding
 * {@code abi.encode(uint256 chainId, uint256 asOfBlock, bytes32 asOfBlockHash, bytes32 schemaHash, address wallet,
 * int256[] scaledValues)}. Anyone holding the profile can recompute it, in Java or in Solidity.
 */
public final class FeatureCommitment {
    private FeatureCommitment() {
    }

    public static byte[] compute(long chainId, long asOfBlock, String asOfBlockHash, String wallet, long[] scaledValues) {
        List<Int256> values = new ArrayList<>(scaledValues.length);
        for (long value : scaledValues) {
            values.add(new Int256(BigInteger.valueOf(value)));
        }
        List<Type> parameters = List.of(
                new Uint256(chainId),
                new Uint256(asOfBlock),
                new Bytes32(Numeric.hexStringToByteArray(asOfBlockHash)),
                new Bytes32(FeatureSchema.hash()),
                new Address(wallet),
                new DynamicArray<>(Int256.class, values));
        return Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(parameters)));
    }

    /** Recomputes a profile's commitment and compares. */
    public static boolean verify(WalletProfile profile) {
        return java.util.Arrays.equals(profile.commitment(), compute(profile.chainId(), profile.asOfBlock(),
                profile.asOfBlockHash(), profile.wallet(), profile.scaledValues()));
    }
}
