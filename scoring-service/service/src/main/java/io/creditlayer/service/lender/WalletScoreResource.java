package io.creditlayer.service.lender;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.service.auth.ApiKeyFilter;
import io.creditlayer.service.auth.ApiKeyPrincipal;
import io.creditlayer.service.auth.RateLimiter;
import io.creditlayer.service.auth.RequiresScope;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.scoring.ScoreView;
import io.creditlayer.service.scoring.ScoringEngine;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores for lenders. The single-score endpoint is the hot path: a verified key and a cached score are served on
 * the event loop from pre-serialized JSON with no database access; anything not cached moves to a worker thread.
 */
@Path("/v1/wallets")
@Tag(name = "Scores", description = "Credit scores of wallets (scope scores:read)")
@SecurityRequirement(name = LenderApi.API_KEY_SCHEME)
public class WalletScoreResource {
    private final ScoringEngine engine;
    private final ScoreDocuments documents;
    private final RateLimiter limiter;

    public WalletScoreResource(ScoringEngine engine, ScoreDocuments documents, RateLimiter limiter) {
        this.engine = engine;
        this.documents = documents;
        this.limiter = limiter;
    }

    @GET
    @Path("/{address}/score")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.SCORES_READ)
    @Operation(summary = "Score a wallet",
            description = "The wallet's credit score under the active model: score (300-850), probability of default, "
                    + "tier, collateral ratio, the top reasons, the model id, the block the profile was read at and the "
                    + "feature commitment an attestation would carry. Costs one rate-limit token.")
    @APIResponse(responseCode = "200", description = "the score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WalletScore.class)))
    @APIResponse(responseCode = "400", description = "not a wallet address, or a mixed-case address with a bad EIP-55 "
            + "checksum (type " + LenderApi.PROBLEM_TYPES + "invalid-address)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one (unauthenticated)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope scores:read (forbidden)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no profile for the wallet: the extractor has seen no activity "
            + "(unknown-wallet)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "over the key's rate limit; retry after the Retry-After header's "
            + "seconds (rate-limited)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "no approved model is active (no-active-model) or the database is "
            + "unavailable (database-unavailable); Retry-After is set",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Uni<byte[]> score(@PathParam("address") @Parameter(description = "the wallet: 0x + 40 hex digits",
            schema = @Schema(type = SchemaType.STRING, pattern = "^0x[0-9a-fA-F]{40}$")) String address) {
        String wallet = WalletAddress.parse(address);
        ScoreView cached = engine.cachedScore(wallet);
        if (cached != null) {
            return Uni.createFrom().item(documents.of(cached));
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            return Uni.createFrom().item(documents.of(engine.score(wallet)));
        }
        return Uni.createFrom().item(() -> documents.of(engine.score(wallet)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @POST
    @Path("/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.SCORES_READ)
    @Operation(summary = "Score up to 1,000 wallets",
            description = "One result per distinct address (case variants of one address are one address), in the order "
                    + "first given: a score, or the problem the single-score endpoint would have answered (400 "
                    + "invalid-address, 404 unknown-wallet). Costs ceil(distinct addresses / 100) rate-limit tokens: the "
                    + "request is admitted when the key has a token left and the rest is debited afterwards, so a large "
                    + "batch delays the key's next requests instead of being refused outright.")
    @APIResponse(responseCode = "200", description = "the results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchScores.Response.class)))
    @APIResponse(responseCode = "400", description = "no addresses (invalid-batch), more than 1,000 (batch-too-large) "
            + "or a malformed body (malformed-body)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one (unauthenticated)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope scores:read (forbidden)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "over the key's rate limit (rate-limited); Retry-After is set",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "no approved model is active, or the database is unavailable",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public BatchScores.Response scores(BatchScores.Request request, @Context ContainerRequestContext context) {
        List<String> addresses = request == null ? null : request.addresses();
        if (addresses == null || addresses.isEmpty()) {
            throw ApiProblem.badRequest("invalid-batch", "send {\"addresses\": [...]} with 1 to "
                    + BatchScores.MAX_ADDRESSES + " wallet addresses");
        }
        if (addresses.size() > BatchScores.MAX_ADDRESSES) {
            throw ApiProblem.badRequest("batch-too-large", addresses.size() + " addresses sent; a batch holds at most "
                    + BatchScores.MAX_ADDRESSES);
        }
        // one slot per distinct address; an invalid input is its own slot, keyed by what was sent
        Map<String, Optional<String>> distinct = new LinkedHashMap<>();
        for (String input : addresses) {
            Optional<String> wallet = WalletAddress.normalize(input);
            distinct.putIfAbsent(wallet.orElse("invalid:" + input), wallet);
        }
        int tokens = Math.ceilDiv(distinct.size(), BatchScores.ADDRESSES_PER_TOKEN);
        ApiKeyFilter.principal(context).ifPresent(principal -> limiter.debit(principal, tokens - 1));

        List<BatchScores.Result> results = new ArrayList<>(distinct.size());
        int scored = 0;
        for (Map.Entry<String, Optional<String>> slot : distinct.entrySet()) {
            if (slot.getValue().isEmpty()) {
                String input = slot.getKey().substring("invalid:".length());
                results.add(new BatchScores.Result(input, 400, null, itemProblem(400, WalletAddress.PROBLEM,
                        "Bad request", WalletAddress.describe(input), null)));
                continue;
            }
            String wallet = slot.getValue().get();
            try {
                ScoreView view = engine.cachedScore(wallet);
                results.add(new BatchScores.Result(wallet, 200, WalletScore.of(view != null ? view : engine.score(wallet)), null));
                scored++;
            } catch (ApiProblem problem) {
                if (problem.status() >= 500) {
                    throw problem; // no model or no database: the whole batch fails the same way
                }
                results.add(new BatchScores.Result(wallet, problem.status(), null, itemProblem(problem.status(),
                        problem.slug(), problem.title(), problem.getMessage(), "/v1/wallets/" + wallet + "/score")));
            }
        }
        return new BatchScores.Response(addresses.size(), distinct.size(), scored, distinct.size() - scored, tokens, results);
    }

    private static Problem itemProblem(int status, String slug, String title, String detail, String instance) {
        return new Problem(Problem.type(slug), title, status, detail, instance, null);
    }

    /** The caller, for audit labels. */
    static ApiKeyPrincipal caller(ContainerRequestContext context) {
        return ApiKeyFilter.principal(context).orElseThrow(() -> ApiProblem.unauthorized("no verified API key"));
    }
}
