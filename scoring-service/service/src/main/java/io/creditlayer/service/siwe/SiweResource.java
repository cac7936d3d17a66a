package io.creditlayer.service.siwe;

import io.creditlayer.service.api.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** Sign-In with Ethereum (EIP-4361) for borrowers: nonce, verify, logout. */
@Path("/v1/siwe")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Borrower sign-in", description = "Sign-In with Ethereum (EIP-4361): a signed message opens a session")
@SecurityScheme(securitySchemeName = SiweResource.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "a session token from POST /v1/siwe/verify")
public class SiweResource {
    public static final String SECURITY_SCHEME = "siwe-session";
    private static final String SIGN_IN_RATE_LIMITED = "sign-in-rate-limited: this client (IPv4 address or IPv6 /64) "
            + "sent more than creditlayer.siwe.client-burst sign-in requests, refilled at client-requests-per-minute; Retry-After";

    private final SiweService siwe;
    private final CurrentSession current;
    private final SignInLimiter limiter;

    public SiweResource(SiweService siwe, CurrentSession current, SignInLimiter limiter) {
        this.siwe = siwe;
        this.current = current;
        this.limiter = limiter;
    }

    /**
     * @param nonce     put it in the message's "Nonce:" field
     * @param issuedAt  when it was handed out
     * @param expiresAt the message must be verified before this
     * @param domain    the domain the message must name
     * @param chainId   the chain id the message must name
     * @param version   the EIP-4361 version
     */
    public record NonceView(String nonce, Instant issuedAt, Instant expiresAt, String domain, long chainId, String version) {
    }

    /**
     * @param message   the EIP-4361 text exactly as the wallet signed it (LF line endings)
     * @param signature the personal_sign signature, 0x + 130 hex digits
     */
    public record VerifyRequest(String message, String signature) {
    }

    /**
     * @param token     the bearer token (shown once)
     * @param tokenType always "Bearer"
     * @param address   the signed-in wallet, EIP-55 checksummed
     * @param chainId   the chain of the sign-in
     * @param expiresAt when the session ends
     */
    public record SessionView(String token, String tokenType, String address, long chainId, Instant expiresAt) {
    }

    @POST
    @Path("/nonce")
    @Operation(summary = "A fresh sign-in nonce", description = "Random, single use, valid for creditlayer.siwe.nonce-ttl "
            + "(5 minutes by default). The answer also names the domain and chain id the message must carry.")
    @APIResponse(responseCode = "200", description = "the nonce")
    @APIResponse(responseCode = "429", description = SIGN_IN_RATE_LIMITED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response nonce(@Context HttpServerRequest http) {
        limiter.admit(clientAddress(http));
        SiweService.IssuedNonce issued = siwe.issueNonce();
        return noStore(Response.ok(new NonceView(issued.nonce(), issued.issuedAt(), issued.expiresAt(), siwe.domain(),
                siwe.chainId(), SiweMessage.VERSION)));
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a signed sign-in message and open a session",
            description = "The message must follow the EIP-4361 ABNF, name this service's domain and chain, carry an "
                    + "unused nonce from /v1/siwe/nonce and be signed (EIP-191 personal_sign) by its address. "
                    + "A message opens one session only: verifying it again is refused (siwe-replay).")
    @APIResponse(responseCode = "200", description = "the session token (shown once)")
    @APIResponse(responseCode = "400", description = "siwe-malformed-message (the field is named) or siwe-malformed-signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "siwe-wrong-domain, siwe-wrong-chain, siwe-not-yet-valid, siwe-expired, "
            + "siwe-bad-signature, siwe-unknown-nonce, siwe-nonce-expired, siwe-replay",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = SIGN_IN_RATE_LIMITED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify(VerifyRequest request, @Context HttpServerRequest http) {
        limiter.admit(clientAddress(http));
        SiweService.OpenedSession opened = request == null ? siwe.verify(null, null)
                : siwe.verify(request.message(), request.signature());
        BorrowerSession session = opened.session();
        return noStore(Response.ok(new SessionView(opened.token(), "Bearer", SiweService.checksummed(session.address()),
                session.chainId(), session.expiresAt())));
    }

    @POST
    @Path("/logout")
    @RequiresSession
    @SecurityRequirement(name = SECURITY_SCHEME)
    @Operation(summary = "End the session", description = "The token is refused from now on.")
    @APIResponse(responseCode = "204", description = "signed out")
    @APIResponse(responseCode = "401", description = "no valid session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response logout() {
        siwe.logout(current.require());
        return Response.noContent().build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return response.cacheControl(cache).build();
    }

    private static String clientAddress(HttpServerRequest http) {
        return http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
