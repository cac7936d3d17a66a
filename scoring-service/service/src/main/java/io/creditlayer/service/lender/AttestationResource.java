package io.creditlayer.service.lender;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.auth.RequiresScope;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.keys.SigningKeys;
import io.creditlayer.service.store.AttestationRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * EIP-712 attestations for lenders: issued from the wallet's current score and signed by the scorer key, exactly
 * as the CreditOracle verifies them; with {@code post} they are queued in the outbox, in the same database
 * transaction, for the chain worker to submit.
 */
@Path("/v1/attestations")
@Tag(name = "Attestations", description = "Signed score attestations and their on-chain status (scope attestations:write)")
@SecurityRequirement(name = LenderApi.API_KEY_SCHEME)
public class AttestationResource {
    private static final Logger LOG = Logger.getLogger(AttestationResource.class);

    private final AttestationIssuer issuer;
    private final ChainSettings chain;
    private final SigningKeys keys;

    public AttestationResource(AttestationIssuer issuer, ChainSettings chain, SigningKeys keys) {
        this.issuer = issuer;
        this.chain = chain;
        this.keys = keys;
    }

    @Schema(name = "AttestationRequest")
    public record IssueRequest(
            @Schema(description = "the borrower's wallet (0x + 40 hex digits)", required = true) String borrower,
            @Schema(description = "queue the attestation for on-chain submission (default false: only sign it)",
                    defaultValue = "false") Boolean post) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.ATTESTATIONS_WRITE)
    @Operation(summary = "Issue a score attestation",
            description = "Signs the borrower's current score as an EIP-712 ScoreAttestation under the CreditOracle's "
                    + "domain, dated in chain time, with the borrower's next nonce. Anyone may relay it with "
                    + "CreditOracle.submitAttestation(attestation, signature); with post=true the service queues it "
                    + "and submits it itself (status QUEUED, then SUBMITTED and CONFIRMED).")
    @APIResponse(responseCode = "201", description = "issued; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttestationView.class)))
    @APIResponse(responseCode = "400", description = "the borrower is not a wallet address (invalid-address) or the "
            + "body is malformed (malformed-body)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one (unauthenticated)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope attestations:write (forbidden)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no profile for the wallet (unknown-wallet)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "the wallet has no score to attest, tier 0 (unscored-wallet)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "over the key's rate limit (rate-limited); Retry-After is set",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "no active model, no signing key or deployment configured, or the "
            + "chain or database unavailable; Retry-After is set",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response issue(IssueRequest request, @Context ContainerRequestContext context, @Context UriInfo uri) {
        String borrower = WalletAddress.parse(request == null ? null : request.borrower());
        boolean post = request != null && Boolean.TRUE.equals(request.post());
        requireSigningSetup();
        AttestationRecord record = issuer.issue(borrower, WalletScoreResource.caller(context).label(), post);
        return Response.created(uri.getBaseUriBuilder().path("v1/attestations").path(record.id.toString()).build())
                .entity(AttestationView.of(record)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.ATTESTATIONS_WRITE)
    @Operation(summary = "Show an attestation and its on-chain status",
            description = "status with txHash, blockNumber and statusDetail as the chain worker records them.")
    @APIResponse(responseCode = "200", description = "the attestation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttestationView.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID (invalid-attestation-id)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one (unauthenticated)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope attestations:write (forbidden)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such attestation (unknown-attestation)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "over the key's rate limit (rate-limited); Retry-After is set",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public AttestationView status(@PathParam("id") @Parameter(description = "the attestation's id (UUID)") String id) {
        UUID uuid = parseId(id);
        AttestationRecord record = QuarkusTransaction.joiningExisting().call(() -> AttestationRecord.<AttestationRecord>findById(uuid));
        if (record == null) {
            throw ApiProblem.notFound("unknown-attestation", "no attestation " + uuid);
        }
        return AttestationView.of(record);
    }

    private static UUID parseId(String id) {
        if (id != null && id.length() == 36) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        String shown = id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "..." : id;
        throw ApiProblem.badRequest("invalid-attestation-id", "\"" + shown + "\" is not an attestation id (a UUID)");
    }

    /** A missing key or deployment is an operator's setup problem: 503 with a hint, not a 500. */
    private void requireSigningSetup() {
        if (!keys.configured()) {
            throw ApiProblem.unavailable("signing-key-unavailable",
                    "this service has no scorer key configured, so it cannot sign attestations");
        }
        try {
            chain.contracts();
        } catch (IllegalStateException e) {
            LOG.warnf("attestations unavailable: %s", e.getMessage());
            throw ApiProblem.unavailable("deployment-unavailable",
                    "this service does not know the CreditOracle deployment yet, so it cannot sign attestations");
        }
    }
}
