package io.creditlayer.service.zk;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.service.auth.ApiKeyFilter;
import io.creditlayer.service.auth.ApiKeyPrincipal;
import io.creditlayer.service.auth.RequiresScope;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.lender.LenderApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * Tier epochs for governance (scope {@code governance}): build one now (besides the schedule), list them, and follow
 * a root's way on-chain. Never shows entries or salts.
 */
@Path("/v1/governance/tier-epochs")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.GOVERNANCE)
@SecurityRequirement(name = LenderApi.API_KEY_SCHEME)
@Tag(name = "Governance", description = "Model approval gated by the fairness report; the ModelRegistry follows on-chain")
public class TierEpochResource {
    static final int LIST_LIMIT = 50;

    private final TierEpochs epochs;

    public TierEpochResource(TierEpochs epochs) {
        this.epochs = epochs;
    }

    /**
     * An epoch and its root's on-chain status.
     *
     * @param epoch        the epoch number
     * @param modelId      the model whose scores it commits
     * @param root         the tree's root, bytes32 hex
     * @param size         the number of wallets committed
     * @param status       PENDING (queued), POSTED (sent), CONFIRMED (the oracle holds it), EXPIRED, FAILED
     * @param builtAt      chain time of the build
     * @param expiresAt    chain time the root stops counting
     * @param txHash       the postTierRoot transaction
     * @param blockNumber  its block
     * @param statusDetail why it failed or expired, or how it was confirmed
     */
    public record TierEpochView(long epoch, String modelId, String root, int size, long chainId, String oracle,
                                TierEpochRecord.Status status, long builtAt, long expiresAt, String txHash,
                                Long blockNumber, String statusDetail, Long outboxId, String requestedBy,
                                Instant createdAt) {
        static TierEpochView of(TierEpochRecord r) {
            return new TierEpochView(r.epoch, r.modelId, r.root, r.size, r.chainId, r.oracle, r.status, r.builtAt,
                    r.expiresAt, r.txHash, r.blockNumber, r.statusDetail, r.outboxId, r.requestedBy,
                    r.createdAt != null ? r.createdAt : r.updatedAt);
        }
    }

    @POST
    @Operation(summary = "Build a tier epoch now",
            description = "Commits the active model's current score of every profiled wallet in a Poseidon Merkle tree "
                    + "(fresh secret salt per leaf) and queues its root for CreditOracle.postTierRoot in the outbox. "
                    + "Epochs are also built on a schedule (creditlayer.zk.epoch-interval).")
    @APIResponse(responseCode = "201", description = "built and queued; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TierEpochView.class)))
    @APIResponse(responseCode = "409", description = "tier-epoch-skipped: no active model (reason no-active-model) or no "
            + "scored wallet (no-scores)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "tier-epochs-unavailable (no deployment file or scorer key) or "
            + "chain-unavailable",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response build(@Context ContainerRequestContext context, @Context UriInfo uri) {
        String actor = ApiKeyFilter.principal(context).map(ApiKeyPrincipal::label).orElse("unknown");
        TierEpochs.Built built = epochs.build(actor);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(built.epoch().epoch)).build())
                .entity(TierEpochView.of(built.epoch())).build();
    }

    @GET
    @Operation(summary = "Tier epochs, newest first (at most 50)")
    public List<TierEpochView> list() {
        return epochs.list(LIST_LIMIT).stream().map(TierEpochView::of).toList();
    }

    @GET
    @Path("{epoch}")
    @Operation(summary = "A tier epoch and its root's on-chain status")
    @APIResponse(responseCode = "404", description = "unknown-tier-epoch",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public TierEpochView get(@PathParam("epoch") String epoch) {
        long number;
        try {
            number = Long.parseLong(epoch);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-epoch", "an epoch is a non-negative integer");
        }
        return epochs.find(number).map(TierEpochView::of)
                .orElseThrow(() -> ApiProblem.notFound("unknown-tier-epoch", "no tier epoch " + number));
    }
}
