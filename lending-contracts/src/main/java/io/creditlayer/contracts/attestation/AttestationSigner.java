package io.creditlayer.contracts.attestation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Signs {@link ScoreAttestation}s as EIP-712 typed data with web3j's encoder, for the CreditOracle to verify.
 * The typed-data layout mirrors {@code ATTESTATION_TYPEHASH} in CreditOracle.sol.
 */
public final class AttestationSigner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Credentials scorer;
    private final OracleDomain domain;

    public AttestationSigner(Credentials scorer, OracleDomain domain) {
        this.scorer = scorer;
        this.domain = domain;
    }

    /** The signer's address, which must hold the oracle's scorer role. */
    public String scorerAddress() {
        return scorer.getAddress();
    }

    /** The 65-byte signature r || s || v (v = 27 or 28), as OpenZeppelin's ECDSA expects. */
    public byte[] sign(ScoreAttestation attestation) {
        try {
            Sign.SignatureData signature = Sign.signTypedData(typedData(domain, attestation), scorer.getEcKeyPair());
            byte[] packed = new byte[65];
            System.arraycopy(signature.getR(), 0, packed, 0, 32);
            System.arraycopy(signature.getS(), 0, packed, 32, 32);
            packed[64] = signature.getV()[0];
            return packed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EIP-712 digest, equal to {@code CreditOracle.hashAttestation} for the same domain. */
    public static byte[] digest(OracleDomain domain, ScoreAttestation attestation) {
        try {
            return new StructuredDataEncoder(typedData(domain, attestation)).hashStructuredData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String typedData(OracleDomain domain, ScoreAttestation a) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode types = root.putObject("types");
        ArrayNode domainType = types.putArray("EIP712Domain");
        field(domainType, "name", "string");
        field(domainType, "version", "string");
        field(domainType, "chainId", "uint256");
        field(domainType, "verifyingContract", "address");
        ArrayNode attestationType = types.putArray("ScoreAttestation");
        field(attestationType, "borrower", "address");
        field(attestationType, "score", "uint16");
        field(attestationType, "tier", "uint8");
        field(attestationType, "modelId", "bytes32");
        field(attestationType, "featureCommitment", "bytes32");
        field(attestationType, "issuedAt", "uint64");
        field(attestationType, "expiresAt", "uint64");
        field(attestationType, "nonce", "uint256");
        root.put("primaryType", "ScoreAttestation");
        ObjectNode domainValue = root.putObject("domain");
        domainValue.put("name", OracleDomain.NAME);
        domainValue.put("version", OracleDomain.VERSION);
        domainValue.put("chainId", domain.chainId());
        domainValue.put("verifyingContract", domain.verifyingContract());
        ObjectNode message = root.putObject("message");
        message.put("borrower", a.borrower());
        message.put("score", a.score());
        message.put("tier", a.tier());
        message.put("modelId", Numeric.toHexString(a.modelId()));
        message.put("featureCommitment", Numeric.toHexString(a.featureCommitment()));
        message.put("issuedAt", a.issuedAt());
        message.put("expiresAt", a.expiresAt());
        message.put("nonce", a.nonce().toString());
        return root.toString();
    }

    private static void field(ArrayNode type, String name, String solidityType) {
        type.addObject().put("name", name).put("type", solidityType);
    }
}
