package io.creditlayer.service.zk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.service.siwe.CurrentSession;
import io.creditlayer.service.siwe.RequiresSession;
import io.creditlayer.service.siwe.SiweResource;
import io.creditlayer.zk.prover.TierProof;
import io.creditlayer.zk.prover.TierProofInput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Server-side tier proofs for the signed-in borrower, for wallets that cannot run snarkjs themselves. The service
 * proves only for the session's own wallet (the proof names it as a public signal, and the oracle checks it is
 * msg.sender), from its entry in the latest confirmed epoch. Counted in {@code creditlayer.zk.proofs} by outcome:
 * made, rate_limited (the wallet's quota), not_made (busy slots, snarkjs failed or missing).
 */
@Path("/v1/me/tier-proofs")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
@SecurityRequirement(name = SiweResource.SECURITY_SCHEME)
@Tag(name = "Borrower", description = "A signed-in borrower's score, advice and attestations")
public class TierProofResource {
    private final CurrentSession current;
    private final TierEpochs epochs;
    private final TierProver prover;
    private final ProofQuota quota;
    private final ObjectMapper json;
    private final Counter made;
    private final Counter rateLimited;
    private final Counter notMade;

    public TierProofResource(CurrentSession current, TierEpochs epochs, TierProver prover, ProofQuota quota, ObjectMapper json,
                             MeterRegistry metrics) {
        this.current = current;
        this.epochs = epochs;
        this.prover = prover;
        this.quota = quota;
        this.json = json;
        this.made = proofs(metrics, "made");
        this.rateLimited = proofs(metrics, "rate_limited");
        this.notMade = proofs(metrics, "not_made");
    }

    private static Counter proofs(MeterRegistry metrics, String outcome) {
        return Counter.builder("creditlayer.zk.proofs").description("server-side tier proof requests that reached the prover or its quota")
                .tag("outcome", outcome).register(metrics);
    }

    /** @param tier the tier to prove, 1–5; the committed score must clear its floor */
    public record TierProofRequest(Integer tier) {
    }

    /**
     * @param epoch         the epoch proven against
     * @param root          the root to pass to proveTier, bytes32 hex
     * @param modelId       the model, bytes32 hex
     * @param tier          the proven tier
     * @param proof         snarkjs's proof.json
     * @param publicSignals snarkjs's public.json: root, borrower, tier, modelId >> 8, epoch (decimal)
     * @param calldata      CreditOracle.proveTier's uint256[8] proof: a.x, a.y, b.x1, b.x0, b.y1, b.y0, c.x, c.y (decimal)
     * @param provingMillis time inside snarkjs
     * @param wallMillis    the whole prover process
     * @param oracle        the CreditOracle to call
     * @param chainId       its chain
     * @param expiresAt     chain time the root, and a tier proven with it, stop counting
     */
    public record TierProofView(long epoch, String root, String modelId, int tier, JsonNode proof,
                                List<String> publicSignals, List<String> calldata, long provingMillis, long wallMillis,
                                String oracle, long chainId, long expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prove my tier on the server",
            description = "Proves with snarkjs (Groth16, about 2.5 CPU-seconds) that the signed-in wallet's committed "
                    + "score in the latest confirmed epoch clears the tier's floor, without putting the score in the "
                    + "proof. Submit it with CreditOracle.proveTier(tier, root, calldata) from this wallet. Proofs run "
                    + "a few at a time; when every slot is busy the answer is 503 prover-busy with Retry-After. Each "
                    + "wallet may have a few proofs made per hour (429 proof-rate-limited with Retry-After beyond); "
                    + "refused and failed requests do not count.")
    @APIResponse(responseCode = "200", description = "the proof",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TierProofView.class)))
    @APIResponse(responseCode = "400", description = "invalid-tier: tier missing or not 1–5",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no-tier-epoch or no-tier-witness",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "tier-not-cleared: the committed score is below the tier's floor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "proof-rate-limited: this wallet's proofs for the hour are used up; Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "prover-unavailable (snarkjs or the circuit files are missing), "
            + "prover-busy or proving-failed, with Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response prove(TierProofRequest request) {
        String borrower = current.require().address();
        Integer tier = request == null ? null : request.tier();
        if (tier == null || tier < TierProofInput.MIN_TIER || tier > TierProofInput.MAX_TIER) {
            throw ApiProblem.badRequest("invalid-tier", "tier must be an integer from " + TierProofInput.MIN_TIER
                    + " to " + TierProofInput.MAX_TIER);
        }
        TierEpochs.Witness witness = epochs.witness(borrower);
        List<Integer> cleared = witness.tiers();
        if (!cleared.contains(tier)) {
            throw new ApiProblem(422, "tier-not-cleared", "Unprocessable entity", "your committed score in epoch "
                    + witness.epoch().epoch + " does not clear tier " + tier + "'s floor of "
                    + TierProofInput.floorOf(tier) + "; the highest tier you can prove is " + cleared.getLast(),
                    Map.of("maxTier", cleared.getLast()), Map.of());
        }
        long wait = quota.acquire(borrower);
        if (wait > 0) {
            rateLimited.increment();
            throw new ApiProblem(429, "proof-rate-limited", "Too many requests", "this wallet may have "
                    + quota.perWallet() + " proofs made per quota window; retry in " + wait + " s, or prove locally "
                    + "from GET /v1/me/tier-witness", Map.of(), Map.of("Retry-After", Long.toString(wait)));
        }
        TierProof proof;
        try {
            proof = prover.prove(new TierProofInput(witness.root(), witness.entry(), tier, witness.path()));
        } catch (RuntimeException e) {
            quota.refund(borrower); // no proof was made: busy slots or a failed prover cost the wallet nothing
            notMade.increment();
            throw e;
        }
        made.increment();
        JsonNode proofJson;
        try {
            proofJson = json.readTree(proof.proofJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snarkjs returned a proof that is not JSON", e);
        }
        TierEpochRecord epoch = witness.epoch();
        return Response.ok(new TierProofView(epoch.epoch, epoch.root, epoch.modelId, tier, proofJson,
                        proof.publicSignals().stream().map(BigInteger::toString).toList(),
                        proof.calldata().stream().map(BigInteger::toString).toList(), proof.provingTime().toMillis(),
                        proof.wallTime().toMillis(), epoch.oracle, epoch.chainId, epoch.expiresAt))
                .cacheControl(TierWitnessResource.noStore()).build();
    }
}
