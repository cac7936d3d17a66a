package io.creditlayer.service.zk;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.auth.RequiresScope;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.chain.ChainUnavailableException;
import io.creditlayer.service.lender.LenderApi;
import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.zk.groth16.Groth16FormatException;
import io.creditlayer.zk.groth16.Proof;
import io.creditlayer.zk.groth16.SnarkjsJson;
import io.creditlayer.zk.prover.TierProofInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Off-chain verification of tier proofs for lenders: the pure-Java Groth16 verifier with the build's verification
 * key (the one the oracle's verifier was generated from), plus what the chain says about the proof's root. Strict:
 * a body that is not exactly {proof, publicSignals} in snarkjs's shapes is a 400; a well-formed proof that fails
 * is a 200 with valid false and the reason.
 */
@Path("/v1/proofs/verify")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.SCORES_READ)
@SecurityRequirement(name = LenderApi.API_KEY_SCHEME)
@Tag(name = "Tier proofs", description = "Off-chain verification of zero-knowledge tier proofs (scope scores:read)")
public class ProofVerifyResource {
    /** A snarkjs proof and five signals take about 1.5 KB; anything far larger is not one. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("proof", "publicSignals");
    private static final BigInteger ADDRESS_LIMIT = BigInteger.ONE.shiftLeft(160);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final ProofVerifier verifier;
    private final TierRootReader reader;
    private final TierEpochs epochs;
    private final ChainSettings chain;

    public ProofVerifyResource(ProofVerifier verifier, TierRootReader reader, TierEpochs epochs, ChainSettings chain) {
        this.verifier = verifier;
        this.reader = reader;
        this.epochs = epochs;
        this.chain = chain;
    }

    /**
     * The public signals, decoded.
     *
     * @param root     bytes32 hex
     * @param borrower 0x address (null when the signal is not one)
     * @param tier     the claimed tier
     * @param modelId  the circuit's modelId (the bytes32 model id shifted right by 8 bits), hex
     * @param epoch    the epoch number
     */
    public record Signals(String root, String borrower, BigInteger tier, String modelId, BigInteger epoch) {
    }

    /**
     * The chain's view of the proof's root.
     *
     * @param checked         whether the chain answered (false: the fields below are unknown, see detail)
     * @param posted          the oracle holds the root
     * @param live            posted and not expired or revoked at the latest block's time
     * @param modelApproved   the root's model is approved on the ModelRegistry now
     * @param matchesSignals  the root's model and epoch are the proof's modelId and epoch signals
     * @param modelId         the root's model (bytes32 hex), when posted
     * @param epoch           the root's epoch, when posted
     * @param expiresAt       chain time the root stops counting, when posted
     * @param knownEpoch      the service's epoch with this root, null when the service did not build it
     * @param detail          why the chain was not checked, or null
     */
    public record RootStatus(boolean checked, boolean posted, boolean live, boolean modelApproved,
                             boolean matchesSignals, String modelId, Long epoch, Long expiresAt, Long knownEpoch,
                             String detail) {
    }

    /**
     * @param valid              the Groth16 proof verifies for these public signals under the build's key
     * @param reason             why not, when invalid
     * @param verificationMicros time spent in the Java verifier
     * @param signals            the public signals, decoded
     * @param root               the chain's view of the root
     * @param usable             valid, and its root is live, posted with these model and epoch, and of an approved
     *                           model: the oracle would accept it from the borrower's own account
     */
    public record VerifyView(boolean valid, String reason, long verificationMicros, Signals signals, RootStatus root,
                             boolean usable) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a tier proof off-chain",
            description = "Checks a Groth16 tier proof in snarkjs's JSON shapes ({\"proof\": proof.json, "
                    + "\"publicSignals\": public.json}) with the pure-Java verifier and the build's verification key, "
                    + "and reports whether its root is a live root posted on the CreditOracle for an approved model. "
                    + "Malformed input is a 400; a proof that does not verify is a 200 with valid false and the reason.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "verified (valid true or false)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerifyView.class)))
    @APIResponse(responseCode = "400", description = "malformed-proof: not JSON, unknown or missing fields, a point "
            + "off its curve, a number not canonical or out of the field, not five public signals",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope scores:read",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "verifier-unavailable: no verification key on this service",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public VerifyView verify(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("the body must be {\"proof\": ..., \"publicSignals\": [...]}");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw malformed("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw malformed("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("unreadable body");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body must be a JSON object {\"proof\": ..., \"publicSignals\": [...]}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw malformed("unknown field \"" + name + "\" (expected proof and publicSignals)");
            }
        }
        if (!root.has("proof") || !root.get("proof").isObject()) {
            throw malformed("proof must be snarkjs's proof.json object");
        }
        if (!root.has("publicSignals") || !root.get("publicSignals").isArray()) {
            throw malformed("publicSignals must be snarkjs's public.json array of decimal strings");
        }
        Proof proof;
        List<BigInteger> signals;
        try {
            proof = SnarkjsJson.proof(STRICT.writeValueAsBytes(root.get("proof")));
            signals = Arrays.asList(SnarkjsJson.publicInputs(STRICT.writeValueAsBytes(root.get("publicSignals"))));
        } catch (Groth16FormatException e) {
            throw malformed(e.getMessage());
        } catch (IOException e) {
            throw malformed("unreadable body");
        }
        if (signals.size() != ProofVerifier.PUBLIC_SIGNALS) {
            throw malformed("a tier proof has " + ProofVerifier.PUBLIC_SIGNALS + " public signals (root, borrower, tier, "
                    + "modelId, epoch), got " + signals.size());
        }
        long started = System.nanoTime();
        boolean valid;
        try {
            valid = verifier.verify(proof, signals);
        } catch (Groth16FormatException e) {
            throw malformed(e.getMessage());
        }
        long micros = (System.nanoTime() - started) / 1_000;
        Signals decoded = decode(signals);
        String reason = valid ? null : reason(signals);
        RootStatus status = rootStatus(decoded, signals);
        boolean usable = valid && status.checked() && status.live() && status.modelApproved() && status.matchesSignals();
        return new VerifyView(valid, reason, micros, decoded, status, usable);
    }

    /** Why a well-formed proof failed: a signal no tier proof can carry, or the equation itself. */
    private static String reason(List<BigInteger> signals) {
        BigInteger tier = signals.get(2);
        if (tier.compareTo(BigInteger.valueOf(TierProofInput.MIN_TIER)) < 0
                || tier.compareTo(BigInteger.valueOf(TierProofInput.MAX_TIER)) > 0) {
            return "tier " + tier + " is not 1 to 5: the tier circuit cannot prove it";
        }
        if (signals.get(1).compareTo(ADDRESS_LIMIT) >= 0) {
            return "the borrower signal is not a 20-byte address: the tier circuit cannot prove it";
        }
        if (signals.get(4).bitLength() > 32) {
            return "the epoch signal does not fit 32 bits: the tier circuit cannot prove it";
        }
        return "the proof does not satisfy the Groth16 verification equation for these public signals under the "
                + "build's verification key (tampered proof or signals, or a proof for another key)";
    }

    private static Signals decode(List<BigInteger> signals) {
        BigInteger borrower = signals.get(1);
        return new Signals(hex32(signals.get(0)), borrower.compareTo(ADDRESS_LIMIT) < 0 ? TierEpochs.address(borrower) : null,
                signals.get(2), "0x" + signals.get(3).toString(16), signals.get(4));
    }

    private RootStatus rootStatus(Signals decoded, List<BigInteger> signals) {
        Long known = epochs.findByRoot(decoded.root()).map(e -> e.epoch).orElse(null);
        try {
            ChainSettings.Contracts contracts = chain.contracts();
            TierRootReader.OnChainRoot onChain = reader.read(contracts.creditOracle(), decoded.root());
            if (onChain.postedAt() == 0) {
                return new RootStatus(true, false, false, false, false, null, null, null, known, null);
            }
            boolean live = onChain.expiresAt() > reader.chainTime();
            boolean approved = reader.approved(contracts.modelRegistry(), onChain.modelId());
            BigInteger modelField = new BigInteger(1, org.web3j.utils.Numeric.hexStringToByteArray(onChain.modelId())).shiftRight(8);
            boolean matches = modelField.equals(signals.get(3)) && BigInteger.valueOf(onChain.epoch()).equals(signals.get(4));
            return new RootStatus(true, true, live, approved, matches, onChain.modelId(), onChain.epoch(),
                    onChain.expiresAt(), known, null);
        } catch (ChainUnavailableException | IllegalStateException e) {
            return new RootStatus(false, false, false, false, false, null, null, null, known,
                    "the chain could not be read: " + e.getMessage());
        }
    }

    private static String hex32(BigInteger value) {
        return "0x" + String.format("%64s", value.toString(16)).replace(' ', '0');
    }

    private static ApiProblem malformed(String detail) {
        return ApiProblem.badRequest("malformed-proof", detail);
    }
}
