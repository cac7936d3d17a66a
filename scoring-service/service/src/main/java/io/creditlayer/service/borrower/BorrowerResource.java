package io.creditlayer.service.borrower;

import io.creditlayer.model.CreditModel;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.scoring.ScoreView;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.siwe.BorrowerSession;
import io.creditlayer.service.siwe.CurrentSession;
import io.creditlayer.service.siwe.RequiresSession;
import io.creditlayer.service.siwe.SiweResource;
import io.creditlayer.service.siwe.SiweService;
import io.creditlayer.service.store.AttestationRecord;
import io.creditlayer.service.store.WalletProfileRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signed-in borrower's own data: their score with the reasons and what would improve it, and their
 * attestations. Every route needs a Sign-In with Ethereum session and only ever shows the session's wallet.
 */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
@SecurityRequirement(name = SiweResource.SECURITY_SCHEME)
@Tag(name = "Borrower", description = "A signed-in borrower's score, advice and attestations")
public class BorrowerResource {
    private static final Logger LOG = Logger.getLogger(BorrowerResource.class);
    /** Attestations listed at most. */
    static final int LIST_LIMIT = 100;

    private final CurrentSession current;
    private final ScoringEngine scoring;
    private final AttestationIssuer issuer;
    private final Duration attestationInterval;

    public BorrowerResource(CurrentSession current, ScoringEngine scoring, AttestationIssuer issuer,
                            @ConfigProperty(name = "creditlayer.borrower.attestation-interval", defaultValue = "PT10M")
                            Duration attestationInterval) {
        this.current = current;
        this.scoring = scoring;
        this.issuer = issuer;
        this.attestationInterval = attestationInterval;
    }

    /**
     * @param address   the signed-in wallet, EIP-55 checksummed
     * @param chainId   the chain of the sign-in
     * @param expiresAt when the session ends
     */
    public record MeView(String address, long chainId, Instant expiresAt) {
    }

    /**
     * The borrower's score and what would improve it.
     *
     * @param address            lower-case 0x address
     * @param score              300–850
     * @param pd                 calibrated probability of default
     * @param tier               1–5
     * @param collateralRatioBps the pool's collateral ratio for the tier
     * @param reasons            the top reasons the score is not higher, most adverse first
     * @param improvements       per reason: the smallest change that helps and the typical borrower's level, scored
     * @param together           all suggested changes at once (null when none helps)
     * @param nextTier           the next tier's floor and the points missing (null at the top tier)
     * @param summary            where the score stands, in words
     * @param modelId            the model that produced it
     * @param asOfBlock          the block the profile was read at
     * @param featureCommitment  commitment to the profile's features
     */
    public record MyScoreView(String address, int score, Double pd, int tier, int collateralRatioBps,
                              List<ScoreView.ReasonView> reasons, List<ScoreAdvisor.Improvement> improvements,
                              ScoreAdvisor.Together together, ScoreAdvisor.NextTier nextTier, String summary,
                              String modelId, long asOfBlock, String featureCommitment) {
    }

    /**
     * @param post queue the attestation for on-chain submission through the outbox (default true)
     */
    public record AttestationRequest(Boolean post) {
    }

    /** An attestation about the borrower, as the CreditOracle takes it, with its on-chain status. */
    public record AttestationView(UUID id, String borrower, int score, int tier, String modelId, String featureCommitment,
                                  long issuedAt, long expiresAt, String nonce, String signature, String digest, long chainId,
                                  String oracle, AttestationRecord.Status status, String txHash, Long blockNumber,
                                  boolean requestedByYou, Instant createdAt) {
        static AttestationView of(AttestationRecord r, BorrowerSession session) {
            return new AttestationView(r.id, r.borrower, r.score, r.tier, r.modelId, r.featureCommitment, r.issuedAt,
                    r.expiresAt, r.nonce.toString(), r.signature, r.digest, r.chainId, r.oracle, r.status, r.txHash,
                    r.blockNumber, session.requestedBy().equals(r.requestedBy), r.createdAt != null ? r.createdAt : r.updatedAt);
        }
    }

    @GET
    @Operation(summary = "The signed-in wallet")
    @APIResponse(responseCode = "200", description = "the session's wallet")
    @APIResponse(responseCode = "401", description = "unauthenticated, session-invalid or session-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MeView me() {
        BorrowerSession session = current.require();
        return new MeView(SiweService.checksummed(session.address()), session.chainId(), session.expiresAt());
    }

    @GET
    @Path("/score")
    @Operation(summary = "My score, its reasons and what would improve it",
            description = "For each top reason, the model rescores the profile with that feature changed in a direction "
                    + "the borrower can move it: the smallest change that raises the score and the typical borrower's "
                    + "level. Also the points missing to the next tier.")
    @APIResponse(responseCode = "200", description = "the score with advice")
    @APIResponse(responseCode = "401", description = "no valid session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown-wallet: no profile for the wallet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "no-active-model",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MyScoreView score() {
        String address = current.require().address();
        ScoreView view = scoring.score(address);
        CreditModel model = scoring.activeModel().orElseThrow(() -> ApiProblem.unavailable("no-active-model",
                "no approved credit model is active"));
        double[] features = QuarkusTransaction.joiningExisting().call(() -> {
            WalletProfileRecord profile = WalletProfileRecord.findById(address);
            if (profile == null) {
                throw ApiProblem.notFound("unknown-wallet", "no profile for wallet " + address);
            }
            return profile.features;
        });
        List<String> adverse = view.reasons().stream().map(ScoreView.ReasonView::code).toList();
        ScoreAdvisor.Advice advice = new ScoreAdvisor(model).advise(features, adverse);
        return new MyScoreView(view.address(), view.score(), view.pd(), view.tier(), view.collateralRatioBps(),
                view.reasons(), advice.improvements(), advice.together(), advice.nextTier(), advice.summary(),
                view.modelId(), view.asOfBlock(), view.featureCommitment());
    }

    @POST
    @Path("/attestations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request my own attestation",
            description = "Signs an EIP-712 attestation of the current score exactly as the CreditOracle verifies it and, "
                    + "unless post is false, queues it for on-chain submission. One self-requested attestation per "
                    + "creditlayer.borrower.attestation-interval (10 minutes by default).")
    @APIResponse(responseCode = "201", description = "the attestation")
    @APIResponse(responseCode = "401", description = "no valid session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown-wallet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "attestation-too-soon, with Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "no-active-model, chain-unavailable or attestation-unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestAttestation(AttestationRequest request) {
        BorrowerSession session = current.require();
        boolean post = request == null || request.post() == null || request.post();
        refuseIfTooSoon(session);
        AttestationRecord record;
        try {
            record = issuer.issue(session.address(), session.requestedBy(), post);
        } catch (IllegalStateException e) {
            // the scorer key or the deployment file is missing: an operator's problem, not the borrower's
            LOG.warnf("borrower attestation unavailable: %s", e.getMessage());
            throw ApiProblem.unavailable("attestation-unavailable", "attestations cannot be issued right now; retry later");
        }
        return Response.created(URI.create("/v1/me/attestations/" + record.id)).entity(AttestationView.of(record, session))
                .build();
    }

    @GET
    @Path("/attestations")
    @Operation(summary = "My attestations, newest first (at most 100)",
            description = "Every attestation about the signed-in wallet, whether the borrower or a lender requested it.")
    @APIResponse(responseCode = "200", description = "the attestations")
    @APIResponse(responseCode = "401", description = "no valid session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AttestationView> attestations() {
        BorrowerSession session = current.require();
        List<AttestationRecord> records = QuarkusTransaction.joiningExisting().call(() ->
                AttestationRecord.<AttestationRecord>find("borrower = ?1 order by createdAt desc, nonce desc", session.address())
                        .page(0, LIST_LIMIT).list());
        return records.stream().map(r -> AttestationView.of(r, session)).toList();
    }

    @GET
    @Path("/attestations/{id}")
    @Operation(summary = "One of my attestations")
    @APIResponse(responseCode = "200", description = "the attestation")
    @APIResponse(responseCode = "404", description = "no such attestation about the signed-in wallet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AttestationView attestation(@PathParam("id") String id) {
        BorrowerSession session = current.require();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-id", "attestation id must be a UUID: " + id);
        }
        AttestationRecord record = QuarkusTransaction.joiningExisting().call(() -> AttestationRecord.findById(uuid));
        // another wallet's attestation is "not found", not "forbidden": ids of others are none of the caller's business
        if (record == null || !record.borrower.equals(session.address())) {
            throw ApiProblem.notFound("unknown-attestation", "no attestation " + id + " about your wallet");
        }
        return AttestationView.of(record, session);
    }

    private void refuseIfTooSoon(BorrowerSession session) {
        if (attestationInterval.isZero() || attestationInterval.isNegative()) {
            return;
        }
        Instant since = Instant.now().minus(attestationInterval);
        AttestationRecord last = QuarkusTransaction.joiningExisting().call(() ->
                AttestationRecord.<AttestationRecord>find("borrower = ?1 and requestedBy = ?2 and createdAt > ?3 "
                                + "and status <> ?4 order by createdAt desc", session.address(), session.requestedBy(), since,
                        AttestationRecord.Status.FAILED).firstResult());
        if (last != null) {
            long wait = Math.max(1, Duration.between(Instant.now(), last.createdAt.plus(attestationInterval)).toSeconds() + 1);
            throw new ApiProblem(429, "attestation-too-soon", "Too many requests",
                    "you requested an attestation at " + last.createdAt + "; the next one can be requested in " + wait
                            + " s (your score only changes when your profile is refreshed)",
                    Map.of("retryAfterSeconds", wait, "lastAttestationId", last.id.toString()),
                    Map.of("Retry-After", Long.toString(wait)));
        }
    }
}
