package io.creditlayer.contracts.attestation;

/**
 * The EIP-712 domain of one CreditOracle deployment. A signature is valid only under the chain id and
 * contract address it names, so an attestation cannot be replayed on another chain or oracle.
 *
 * @param chainId           the chain the oracle lives on
 * @param verifyingContract the oracle's address
 */
public record OracleDomain(long chainId, String verifyingContract) {
    /** Must equal the name passed to OpenZeppelin's EIP712 constructor in CreditOracle.sol. */
    public static final String NAME = "CreditLayer CreditOracle";
    /** Must equal the version passed to OpenZeppelin's EIP712 constructor in CreditOracle.sol. */
    public static final String VERSION = "1";

    public OracleDomain {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive");
        }
        if (verifyingContract == null || !verifyingContract.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("verifyingContract must be a 0x-prefixed address: " + verifyingContract);
        }
    }
}
