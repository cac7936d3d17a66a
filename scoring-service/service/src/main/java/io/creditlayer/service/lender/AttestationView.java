package io.creditlayer.service.lender;

import io.creditlayer.contracts.attestation.OracleDomain;
import io.creditlayer.service.store.AttestationRecord;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attestation as the API shows it: the signed EIP-712 message field for field as the CreditOracle's
 * {@code submitAttestation(ScoreAttestation, bytes)} takes it, the signature and digest, the domain, the complete
 * typed data a wallet can display (or pass to {@code eth_signTypedData_v4} to check), and the on-chain status.
 */
@Schema(name = "Attestation", description = "A signed EIP-712 score attestation and its on-chain status")
public record AttestationView(
        @Schema(description = "the attestation's id (UUID)") String id,
        @Schema(description = "ISSUED (signed, not queued), QUEUED (in the outbox), SUBMITTED (transaction sent), "
                + "CONFIRMED (accepted on-chain), FAILED, EXPIRED",
                enumeration = {"ISSUED", "QUEUED", "SUBMITTED", "CONFIRMED", "FAILED", "EXPIRED"}) String status,
        @Schema(description = "the submission's transaction hash, once sent", nullable = true) String txHash,
        @Schema(description = "the block that included the submission, once mined", nullable = true) Long blockNumber,
        @Schema(description = "why the status is what it is (revert reason, confirmations, ...)", nullable = true)
        String statusDetail,
        @Schema(description = "the message, as the CreditOracle's ScoreAttestation struct") Message attestation,
        @Schema(description = "65-byte signature r || s || v (0x hex) by the scorer key") String signature,
        @Schema(description = "the EIP-712 digest (0x bytes32), equal to CreditOracle.hashAttestation(attestation)")
        String digest,
        Domain domain,
        @Schema(description = "the EIP-712 typed data (types, primaryType, domain, message) a wallet can display",
                type = SchemaType.OBJECT) Map<String, Object> typedData,
        @Schema(description = "who requested it (API key or SIWE session)") String requestedBy,
        Instant createdAt,
        Instant updatedAt) {

    /** Field for field ICreditOracle.ScoreAttestation; the nonce is a decimal string (uint256). */
    @Schema(name = "ScoreAttestationMessage")
    public record Message(
            @Schema(description = "address") String borrower,
            @Schema(description = "uint16, 300-850") int score,
            @Schema(description = "uint8, 1-5") int tier,
            @Schema(description = "bytes32 model id") String modelId,
            @Schema(description = "bytes32 feature commitment") String featureCommitment,
            @Schema(description = "uint64 unix seconds (chain time)") long issuedAt,
            @Schema(description = "uint64 unix seconds; the oracle treats the tier as 0 from then on") long expiresAt,
            @Schema(description = "uint256 as a decimal string, one use per borrower") String nonce) {
    }

    @Schema(name = "Eip712Domain", description = "The CreditOracle's EIP-712 domain")
    public record Domain(
            @Schema(examples = OracleDomain.NAME) String name,
            @Schema(examples = OracleDomain.VERSION) String version,
            long chainId,
            @Schema(description = "the CreditOracle's address") String verifyingContract) {
    }

    /** Mirrors the layout {@code AttestationSigner} signs and CreditOracle.sol's ATTESTATION_TYPEHASH. */
    private static final Map<String, List<Map<String, String>>> TYPES = types();

    public static AttestationView of(AttestationRecord r) {
        Message message = new Message(r.borrower, r.score, r.tier, r.modelId, r.featureCommitment, r.issuedAt,
                r.expiresAt, r.nonce.toString());
        Domain domain = new Domain(OracleDomain.NAME, OracleDomain.VERSION, r.chainId, r.oracle);
        Map<String, Object> typedData = new LinkedHashMap<>();
        typedData.put("types", TYPES);
        typedData.put("primaryType", "ScoreAttestation");
        typedData.put("domain", domain);
        typedData.put("message", message);
        return new AttestationView(r.id.toString(), r.status.name(), r.txHash, r.blockNumber, r.statusDetail, message,
                r.signature, r.digest, domain, typedData, r.requestedBy, r.createdAt, r.updatedAt);
    }

    private static Map<String, List<Map<String, String>>> types() {
        Map<String, List<Map<String, String>>> types = new LinkedHashMap<>();
        types.put("EIP712Domain", List.of(field("name", "string"), field("version", "string"),
                field("chainId", "uint256"), field("verifyingContract", "address")));
        types.put("ScoreAttestation", List.of(field("borrower", "address"), field("score", "uint16"),
                field("tier", "uint8"), field("modelId", "bytes32"), field("featureCommitment", "bytes32"),
                field("issuedAt", "uint64"), field("expiresAt", "uint64"), field("nonce", "uint256")));
        return Collections.unmodifiableMap(types);
    }

    private static Map<String, String> field(String name, String type) {
        Map<String, String> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("type", type);
        return Collections.unmodifiableMap(field);
    }
}
